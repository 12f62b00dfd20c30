import type { ExportSummary, GoldMode } from '@stance/export';
import {
  buildLabelIndex,
  corpusLogs,
  DATA_FILES,
  DEFAULT_SEED,
  DEFAULT_SPLIT,
  exportDataset,
  formatInterval,
  GOLD_MODES,
  openCorpus,
  parseSplitRatios,
  SPLITS,
} from '@stance/export';
import { LABELS, StanceError } from '@stance/schema';
import { stripControl } from '@stance/text';
import { flag, intOption, stringOption, userPath } from '../args.ts';
import type { Command, Io } from '../command.ts';
import { DEFAULT_CORPUS } from '../paths.ts';
import { terminalSafe } from '../terminal-safe.ts';

/** `1 sentence`, `2 sentences`. */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A one-line progress bar on a terminal's stderr, redrawn in place; silent when stderr is not a terminal. */
function progressBar(io: Io): ((done: number, total: number) => void) | undefined {
  if (io.stderr.isTTY !== true) return undefined;
  let last = -1;
  return (done, total) => {
    const pct = total ? Math.floor((100 * done) / total) : 100;
    if (pct === last) return;
    last = pct;
    const width = 30;
    const full = Math.round((width * pct) / 100);
    io.stderr.write(`\r[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${pct}% ${done}/${total} documents`);
    if (done === total) io.stderr.write('\n');
  };
}

/** The human summary printed on stdout after an export. */
export function exportReport(out: string, s: ExportSummary): string {
  const lines = [
    `exported ${s.rows} of ${s.sentences} sentences from ${s.documents} documents to ${stripControl(out)}`,
    ...SPLITS.map((sp) => {
      const x = s.splits[sp];
      const shares = LABELS.map((l) => `${l} ${x.sentences ? ((100 * x.labels[l]) / x.sentences).toFixed(0) : 0}%`);
      return `  ${sp.padEnd(10)} ${String(x.documents).padStart(5)} ${x.documents === 1 ? 'doc ' : 'docs'} ${String(x.sentences).padStart(7)} sentences  ${shares.join(', ')}`;
    }),
    `gold: ${Object.entries(s.goldSources)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `judgements: ${s.judgements} by ${s.annotators.length} annotators; ${s.adjudicatedRows} adjudicated`,
  ];
  if (s.agreement !== null) {
    lines.push(
      `agreement: Fleiss' kappa ${formatInterval(s.agreement.overall.fleissKappa)}, Krippendorff's alpha ${formatInterval(s.agreement.overall.krippendorffAlpha)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `stance export`: write the dataset folder (Hugging Face layout, card, croissant.json, manifest). */
export const exportCommand: Command = {
  name: 'export',
  summary: 'export gold-labelled sentences as a dataset folder (HF layout, card, croissant, manifest)',
  usage:
    'stance export --out DIR [--corpus DIR] [--seed N] [--split 80/10/10] [--min-annotators N] [--gold logs|reference|both] [--force] [--allow-empty] [--json]',
  options: {
    out: { type: 'string', arg: 'DIR', help: 'dataset folder to create (refused if it exists, unless --force)' },
    corpus: { type: 'string', arg: 'DIR', help: 'corpus folder (default: the bundled corpus/)' },
    seed: { type: 'string', arg: 'N', help: 'seed of the document split and the bootstrap (default 6)' },
    split: { type: 'string', arg: 'A/B/C', help: 'train/validation/test shares of documents (default 80/10/10)' },
    'min-annotators': {
      type: 'string',
      arg: 'N',
      help: 'annotators needed for a unanimous/majority label (default 2)',
    },
    gold: { type: 'string', arg: 'SOURCE', help: 'logs, reference (corpus/gold.jsonl) or both (default both)' },
    force: {
      type: 'boolean',
      help: 'replace an existing --out, if it is empty or a previous export (atomically); never anything else',
    },
    'allow-empty': { type: 'boolean', help: 'write the dataset even when no sentence has a gold label' },
    name: { type: 'string', arg: 'NAME', help: 'dataset name in the card (default: the folder name)' },
    license: { type: 'string', arg: 'ID', help: 'licence id for the card (default cc-by-4.0)' },
    json: { type: 'boolean', help: 'print the export summary as one JSON document' },
  },
  examples: [
    'stance export --out dataset',
    'stance export --out dataset --seed 7 --split 70/15/15 --min-annotators 3 --force',
  ],
  async run(args, io) {
    const outArg = stringOption(args, 'out');
    if (outArg === undefined) throw new StanceError(`--out DIR is required (usage: ${this.usage})`);
    const out = userPath(io, outArg);
    const corpusDir = userPath(io, stringOption(args, 'corpus') ?? DEFAULT_CORPUS);
    const gold = stringOption(args, 'gold') ?? 'both';
    if (!(GOLD_MODES as readonly string[]).includes(gold))
      throw new StanceError(`--gold takes ${GOLD_MODES.join(', ')}, got ${JSON.stringify(gold)}`);
    const splitArg = stringOption(args, 'split');
    const source = openCorpus(corpusDir);
    if (source.documentIds.length === 0) {
      throw new StanceError('no documents in the corpus; add some with `stance ingest` first', { where: corpusDir });
    }
    const warn = (w: string) => io.stderr.write(`stance: warning: ${terminalSafe(w)}\n`);
    const index = buildLabelIndex(corpusLogs(corpusDir, warn));
    for (const w of index.warnings) warn(w);
    // Testing aid for the all-or-nothing check through the real process; not in help.
    const failAfter = io.env['STANCE_EXPORT_FAIL_AFTER_ROWS'];
    const progress = progressBar(io);
    const name = stringOption(args, 'name');
    const license = stringOption(args, 'license');
    const summary = exportDataset(source, index, {
      out,
      seed: intOption(args, 'seed', DEFAULT_SEED),
      split: splitArg === undefined ? DEFAULT_SPLIT : parseSplitRatios(splitArg),
      minAnnotators: intOption(args, 'min-annotators', 2, 1),
      gold: gold as GoldMode,
      force: flag(args, 'force'),
      allowEmpty: flag(args, 'allow-empty'),
      cwd: io.cwd,
      onLeftover: (message) => io.stderr.write(`stance: ${terminalSafe(message)}\n`),
      ...(name === undefined ? {} : { name }),
      ...(license === undefined ? {} : { license }),
      ...(progress === undefined ? {} : { onProgress: progress }),
      ...(failAfter === undefined ? {} : { failAfterRows: Number(failAfter) }),
    });
    const excluded = Object.entries(summary.excluded).filter(([, n]) => n > 0);
    const excludedTotal = excluded.reduce((a, [, n]) => a + n, 0);
    if (excludedTotal > 0) {
      io.stderr.write(
        `stance: excluded ${plural(excludedTotal, 'sentence')} (${excluded.map(([k, n]) => `${k} ${n}`).join(', ')}); listed in ${stripControl(out)}/${DATA_FILES.excluded}\n`,
      );
    }
    if (summary.stale || summary.orphaned) {
      io.stderr.write(
        `stance: not counted: ${plural(summary.stale, 'stale label')} (sentence text changed), ${plural(summary.orphaned, 'label')} on sentences no longer in the corpus\n`,
      );
    }
    io.stdout.write(
      flag(args, 'json') ? `${JSON.stringify({ out, ...summary }, null, 2)}\n` : exportReport(out, summary),
    );
    return 0;
  },
};
