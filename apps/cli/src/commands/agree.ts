import type { Assignments } from '@stance/corpus';
import { readAssignments } from '@stance/corpus';
import type { CorpusSource } from '@stance/export';
import { buildLabelIndex, collectJudgements, corpusLogs, openCorpus } from '@stance/export';
import type { AgreementReport, Interval, Judgement } from '@stance/metrics';
import { agreementReport } from '@stance/metrics';
import { LABELS } from '@stance/schema';
import { stripControl } from '@stance/text';
import { flag, intOption, stringOption, userPath } from '../args.ts';
import type { Command } from '../command.ts';
import { DEFAULT_CORPUS } from '../paths.ts';
import { plural } from '../plural.ts';
import { styleFor } from '../style.ts';
import { terminalSafe } from '../terminal-safe.ts';

/** `0.712 [0.650, 0.770]`, or n/a for an undefined figure. */
function fmt(i: Interval): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
  return Number.isFinite(i.estimate) ? `${f(i.estimate)} [${f(i.low)}, ${f(i.high)}]` : 'n/a';
}

/** Rows as aligned columns. */
function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
  );
}

/** The agreement table as `stance agree` prints it. */
export function agreementTable(report: AgreementReport, bold: (s: string) => string = (s) => s): string {
  const name = (s: string) => stripControl(s);
  const c = report.counts;
  const out: string[] = [
    `${c.judgements} judgements by ${report.annotators.length} annotators on ${c.units} sentences in ${c.documents} documents; ${c.pairableUnits} sentences have two or more labels`,
    `${Math.round(report.bootstrap.level * 100)}% intervals: bootstrap over documents, ${report.bootstrap.resamples} resamples, seed ${report.bootstrap.seed}`,
    '',
    bold('overall'),
    ...columns([
      ['measure', 'value [95% CI]'],
      ['observed agreement', fmt(report.overall.observed)],
      ["Fleiss' kappa", fmt(report.overall.fleissKappa)],
      ["Krippendorff's alpha", fmt(report.overall.krippendorffAlpha)],
    ]),
    '',
    bold('per label'),
    ...columns([
      ['label', 'labels', "Fleiss' kappa", 'specific agreement'],
      ...report.perLabel.map((l) => [l.label, String(l.count), fmt(l.fleissKappa), fmt(l.specificAgreement)]),
    ]),
    '',
    bold("pairs (Cohen's kappa)"),
    ...columns([
      ['pair', 'sentences', 'observed', "Cohen's kappa"],
      ...report.pairs.map((p) => [`${name(p.a)} / ${name(p.b)}`, String(p.items), fmt(p.observed), fmt(p.kappa)]),
    ]),
  ];
  for (const p of report.pairs) {
    out.push('', bold(`confusion ${name(p.a)} (rows) × ${name(p.b)} (columns)`));
    out.push(
      ...columns([
        ['', ...p.confusion.labels],
        ...p.confusion.labels.map((l, i) => [l, ...p.confusion.counts[i]!.map(String)]),
      ]),
    );
  }
  return `${out.join('\n')}\n`;
}

/** Agreement on the overlap of an assignment: its size, how far each annotator has got, and the report. */
export interface OverlapAgreement {
  documents: number;
  sentences: number;
  /** Overlap documents no longer in the corpus (not counted). */
  missingDocuments: number;
  /** Current labels on overlap sentences, by annotator: everyone assigned, and anyone else who labelled there. */
  labelled: Record<string, number>;
  report: AgreementReport | null;
}

/** Agreement restricted to the overlap documents of `assignments`, from the judgements already collected. */
function overlapAgreement(
  source: CorpusSource,
  assignments: Assignments,
  judgements: readonly Judgement[],
  options: { seed: number; resamples: number },
): OverlapAgreement {
  const present = new Set(source.documentIds);
  const docs = assignments.overlap.filter((id) => present.has(id));
  const sentences = docs.reduce((n, id) => n + source.document(id).sentences.length, 0);
  const inOverlap = new Set(docs);
  const own = judgements.filter((j) => inOverlap.has(j.doc));
  const labelled: Record<string, number> = {};
  for (const name of Object.keys(assignments.annotators)) labelled[name] = 0;
  for (const j of own) labelled[j.annotator] = (labelled[j.annotator] ?? 0) + 1;
  const raters = new Set(own.map((j) => j.annotator));
  return {
    documents: docs.length,
    sentences,
    missingDocuments: assignments.overlap.length - docs.length,
    labelled,
    report: raters.size >= 2 ? agreementReport(own, { labels: LABELS, ...options }) : null,
  };
}

/** The overlap section's heading lines. */
function overlapHeading(o: OverlapAgreement): string[] {
  const name = (s: string) => stripControl(s);
  const progress = Object.entries(o.labelled)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([n, count]) => `${name(n)} ${count}/${o.sentences}`);
  return [
    `overlap (assignments.json): ${plural(o.documents, 'document')}, ${plural(o.sentences, 'sentence')} every annotator labels` +
      (o.missingDocuments ? ` (${plural(o.missingDocuments, 'overlap document')} no longer in the corpus)` : ''),
    `labelled so far: ${progress.join(', ')}`,
    '',
  ];
}

/** `stance agree`: inter-annotator agreement of the current, non-stale labels, with document-bootstrap intervals. */
export const agreeCommand: Command = {
  name: 'agree',
  summary:
    "agreement between annotators (Cohen's, Fleiss' kappa, Krippendorff's alpha, 95% CIs), on the overlap if assigned",
  usage: 'stance agree [--corpus DIR] [--all] [--json] [--seed N] [--resamples N]',
  options: {
    all: {
      type: 'boolean',
      help: 'agreement over all documents, ignoring assignments.json (default with one: on its overlap documents)',
    },
    corpus: { type: 'string', arg: 'DIR', help: 'corpus folder (default: the bundled corpus/)' },
    json: { type: 'boolean', help: 'one JSON document on stdout' },
    seed: { type: 'string', arg: 'N', help: 'bootstrap seed (default 0)' },
    resamples: { type: 'string', arg: 'N', help: 'bootstrap resamples of documents (default 1000)' },
  },
  examples: ['stance agree', 'stance agree --corpus my-corpus --json', 'stance agree --corpus my-corpus --all'],
  async run(args, io) {
    const corpusDir = userPath(io, stringOption(args, 'corpus') ?? DEFAULT_CORPUS);
    const source = openCorpus(corpusDir);
    let assignments = flag(args, 'all') ? null : readAssignments(corpusDir);
    if (assignments !== null && assignments.overlap.length === 0) {
      io.stderr.write('stance: assignments.json has no overlap documents; agreement over all documents\n');
      assignments = null;
    }
    const warn = (w: string) => io.stderr.write(`stance: warning: ${terminalSafe(w)}\n`);
    const index = buildLabelIndex(corpusLogs(corpusDir, warn));
    for (const w of index.warnings) warn(w);
    const collected = collectJudgements(source, index);
    for (const s of collected.stale) {
      io.stderr.write(
        `stance: stale: ${stripControl(s.annotator)}'s ${s.role === 'adjudicator' ? 'adjudication' : 'label'} ${s.label} on ${stripControl(s.sentence)} is for an earlier text of the sentence; not counted\n`,
      );
    }
    if (collected.stale.length || collected.orphaned) {
      io.stderr.write(
        `stance: not counted: ${plural(collected.stale.length, 'stale label')}, ${plural(collected.orphaned, 'label')} on sentences no longer in the corpus\n`,
      );
    }
    const annotators = new Set(collected.judgements.map((j) => j.annotator));
    const seed = intOption(args, 'seed', 0);
    const resamples = intOption(args, 'resamples', 1000, 1);
    const report =
      annotators.size >= 2 ? agreementReport(collected.judgements, { labels: LABELS, seed, resamples }) : null;
    const overlap =
      assignments === null ? null : overlapAgreement(source, assignments, collected.judgements, { seed, resamples });
    const extra = {
      stale: collected.stale.length,
      orphaned: collected.orphaned,
      adjudications: collected.adjudications.length,
    };
    if (flag(args, 'json')) {
      io.stdout.write(
        `${JSON.stringify(
          {
            ...(report ?? { annotators: [...annotators].sort() }),
            ...extra,
            ...(overlap === null ? {} : { overlap }),
          },
          null,
          2,
        )}\n`,
      );
      return 0;
    }
    const style = styleFor(io.stdout, io.env);
    const tooFew = (n: number, judgements: number) =>
      `agreement needs labels from two or more annotators; found ${n} (${plural(judgements, 'judgement')})\n`;
    if (overlap !== null) {
      io.stdout.write(`${overlapHeading(overlap).join('\n')}\n`);
      if (overlap.report === null) {
        const own = Object.values(overlap.labelled).filter((n) => n > 0).length;
        io.stdout.write(
          tooFew(
            own,
            Object.values(overlap.labelled).reduce((a, b) => a + b, 0),
          ),
        );
      } else io.stdout.write(agreementTable(overlap.report, style.bold));
      const all =
        report === null
          ? `not measured (${plural(annotators.size, 'annotator')})`
          : `Fleiss' kappa ${fmt(report.overall.fleissKappa)} on ${plural(report.counts.pairableUnits, 'sentence')} with two or more labels, ${plural(report.counts.judgements, 'judgement')} by ${plural(report.annotators.length, 'annotator')}`;
      io.stdout.write(`\nall documents: ${all} (\`stance agree --all\` for the full table)\n`);
    } else if (report === null) {
      io.stdout.write(tooFew(annotators.size, collected.judgements.length));
      return 0;
    } else io.stdout.write(agreementTable(report, style.bold));
    io.stdout.write(`\nadjudications (not counted as judgements): ${extra.adjudications}\n`);
    return 0;
  },
};
