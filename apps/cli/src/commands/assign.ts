import type { AssignmentPlan, Assignments } from '@stance/corpus';
import { assignmentsPath, loadCorpus, planAssignments, readAssignments, writeAssignments } from '@stance/corpus';
import { StanceError } from '@stance/schema';
import { stripControl } from '@stance/text';
import { checkAnnotatorName } from '../annotator-name.ts';
import { flag, intOption, stringOption, userPath } from '../args.ts';
import type { Command } from '../command.ts';
import { DEFAULT_CORPUS } from '../paths.ts';

/** The overlap share from `20%` or `0.2`; anything else is a usage error. */
export function parseOverlap(raw: string): number {
  const percent = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(raw);
  const value = percent
    ? Number(percent[1]) / 100
    : /^\s*(0(?:\.\d+)?|1(?:\.0+)?|\.\d+)\s*$/.test(raw)
      ? Number(raw)
      : NaN;
  if (!(value >= 0 && value <= 1))
    throw new StanceError(`--overlap takes a share of documents such as 20% or 0.2, got ${JSON.stringify(raw)}`);
  return value;
}

/** Names from `--annotators ana,ben,chloe`, each checked by the rule of annotator logs. */
function parseAnnotators(raw: string): string[] {
  const names = raw
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  for (const name of names) checkAnnotatorName(name, '--annotators');
  return names;
}

/** Per annotator: documents and sentences in all, and outside the overlap. */
export interface AnnotatorLoad {
  name: string;
  documents: number;
  sentences: number;
  ownDocuments: number;
  ownSentences: number;
}

/** What a plan gives each annotator, and the overlap's size. */
export function planLoads(assignments: Assignments, sentencesOf: (docId: string) => number) {
  const overlap = new Set(assignments.overlap);
  const overlapSentences = assignments.overlap.reduce((n, id) => n + sentencesOf(id), 0);
  const annotators: AnnotatorLoad[] = Object.entries(assignments.annotators).map(([name, list]) => {
    const own = list.filter((id) => !overlap.has(id));
    const ownSentences = own.reduce((n, id) => n + sentencesOf(id), 0);
    return {
      name,
      documents: list.length,
      sentences: ownSentences + overlapSentences,
      ownDocuments: own.length,
      ownSentences,
    };
  });
  return { overlap: { documents: assignments.overlap.length, sentences: overlapSentences }, annotators };
}

/** Rows as aligned columns, the first left-aligned. */
function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
  );
}

/** `1 document`, `2 documents`. */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The plan as `stance assign` prints it. */
export function planReport(
  plan: AssignmentPlan,
  totals: { documents: number; sentences: number },
  sentencesOf: (docId: string) => number,
): string {
  const a = plan.assignments;
  const loads = planLoads(a, sentencesOf);
  const share = totals.documents ? Math.round((100 * loads.overlap.documents) / totals.documents) : 0;
  const lines = [
    `${plural(totals.documents, 'document')} (${plural(totals.sentences, 'sentence')}) among ${plural(loads.annotators.length, 'annotator')}, seed ${a.seed}`,
    `overlap: ${plural(loads.overlap.documents, 'document')} (${plural(loads.overlap.sentences, 'sentence')}, ${share}% of documents) labelled by everyone`,
    '',
    ...columns([
      ['annotator', 'documents', 'sentences', 'own documents', 'own sentences'],
      ...loads.annotators.map((l) => [
        stripControl(l.name),
        String(l.documents),
        String(l.sentences),
        String(l.ownDocuments),
        String(l.ownSentences),
      ]),
    ]),
  ];
  return `${lines.join('\n')}\n`;
}

/** `stance assign`: split a corpus's documents among annotators with an overlap everyone labels. */
export const assignCommand: Command = {
  name: 'assign',
  summary: 'split the documents among annotators, with an overlap everyone labels (for agreement)',
  usage:
    'stance assign [--annotators A,B,C] [--overlap 20%] [--corpus DIR] [--seed N] [--rebalance] [--dry-run] [--json]',
  options: {
    annotators: {
      type: 'string',
      arg: 'A,B,…',
      help: 'annotator names, comma-separated (default: those of the existing assignments.json)',
    },
    overlap: {
      type: 'string',
      arg: 'SHARE',
      help: 'share of documents everyone labels, e.g. 20% or 0.2 (default: the existing plan’s share, else 20%)',
    },
    corpus: { type: 'string', arg: 'DIR', help: 'corpus folder (default: the bundled corpus/)' },
    seed: { type: 'string', arg: 'N', help: 'seed of the draw (default: the existing plan’s, else 0)' },
    rebalance: { type: 'boolean', help: 're-plan every document (otherwise earlier assignments stay as they are)' },
    'dry-run': { type: 'boolean', help: 'print the plan without writing assignments.json' },
    json: { type: 'boolean', help: 'print the plan as one JSON document' },
  },
  examples: [
    'stance assign --annotators ana,ben,chloe --overlap 20%',
    'stance assign --corpus my-corpus            # after ingesting more: assign the new documents',
    'stance assign --annotators ana,ben --overlap 0.3 --rebalance --dry-run',
  ],
  async run(args, io) {
    const corpusDir = userPath(io, stringOption(args, 'corpus') ?? DEFAULT_CORPUS);
    const corpus = loadCorpus(corpusDir);
    if (corpus.documents.length === 0)
      throw new StanceError('no documents in the corpus; add some with `stance ingest` first', { where: corpusDir });
    const previous = readAssignments(corpusDir);
    const rebalance = flag(args, 'rebalance');
    const namesArg = stringOption(args, 'annotators');
    const annotators =
      namesArg !== undefined ? parseAnnotators(namesArg) : previous ? Object.keys(previous.annotators) : [];
    if (annotators.length === 0)
      throw new StanceError('name the annotators: --annotators ana,ben,chloe (no assignments.json to take them from)');
    const overlapArg = stringOption(args, 'overlap');
    const assignedDocs = previous ? new Set(Object.values(previous.annotators).flat()).size : 0;
    const overlap =
      overlapArg !== undefined
        ? parseOverlap(overlapArg)
        : previous && assignedDocs > 0
          ? previous.overlap.length / assignedDocs
          : 0.2;
    const seed = intOption(args, 'seed', previous?.seed ?? 0);
    const sentences = new Map(corpus.documents.map((d) => [d.id, corpus.sentencesOf(d.id).length]));
    const sentencesOf = (id: string) => sentences.get(id) ?? 0;
    const plan = planAssignments(
      corpus.documents.map((d) => ({ id: d.id, sentences: sentencesOf(d.id) })),
      { annotators, overlap, seed, previous, rebalance },
    );
    const dryRun = flag(args, 'dry-run');
    const unchanged = previous !== null && JSON.stringify(previous) === JSON.stringify(plan.assignments);
    if (!dryRun && !unchanged) writeAssignments(corpusDir, plan.assignments);
    const totals = { documents: corpus.documents.length, sentences: corpus.sentences.length };
    const path = assignmentsPath(corpusDir);
    if (flag(args, 'json')) {
      const loads = planLoads(plan.assignments, sentencesOf);
      io.stdout.write(
        `${JSON.stringify(
          {
            path,
            written: !dryRun && !unchanged,
            ...totals,
            overlap: loads.overlap,
            annotators: loads.annotators,
            kept: plan.kept,
            added: plan.added,
            dropped: plan.dropped,
            assignments: plan.assignments,
          },
          null,
          2,
        )}\n`,
      );
    } else io.stdout.write(planReport(plan, totals, sentencesOf));
    if (previous !== null && !rebalance) {
      io.stderr.write(
        `kept the assignment of ${plural(plan.kept, 'document')}; assigned ${plural(plan.added.length, 'new document')}` +
          (plan.dropped.length ? `; dropped ${plural(plan.dropped.length, 'document')} no longer in the corpus` : '') +
          '\n',
      );
    }
    io.stderr.write(
      dryRun
        ? 'dry run: nothing written\n'
        : unchanged
          ? `${stripControl(path)} is up to date\n`
          : `wrote ${stripControl(path)}\n`,
    );
    return 0;
  },
};
