import { buildLabelIndex, collectJudgements, corpusLogs, openCorpus } from '@stance/export';
import type { AgreementReport, Interval } from '@stance/metrics';
import { agreementReport } from '@stance/metrics';
import { LABELS } from '@stance/schema';
import { stripControl } from '@stance/text';
import { flag, intOption, stringOption, userPath } from '../args.ts';
import type { Command } from '../command.ts';
import { DEFAULT_CORPUS } from '../paths.ts';
import { styleFor } from '../style.ts';
import { terminalSafe } from '../terminal-safe.ts';

/** `1 label`, `2 labels`. */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

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

/** `stance agree`: inter-annotator agreement of the current, non-stale labels, with document-bootstrap intervals. */
export const agreeCommand: Command = {
  name: 'agree',
  summary: "agreement between annotators: Cohen's and Fleiss' kappa, Krippendorff's alpha, with 95% CIs",
  usage: 'stance agree [--corpus DIR] [--json] [--seed N] [--resamples N]',
  options: {
    corpus: { type: 'string', arg: 'DIR', help: 'corpus folder (default: the bundled corpus/)' },
    json: { type: 'boolean', help: 'one JSON document on stdout' },
    seed: { type: 'string', arg: 'N', help: 'bootstrap seed (default 0)' },
    resamples: { type: 'string', arg: 'N', help: 'bootstrap resamples of documents (default 1000)' },
  },
  examples: ['stance agree', 'stance agree --corpus my-corpus --json'],
  async run(args, io) {
    const corpusDir = userPath(io, stringOption(args, 'corpus') ?? DEFAULT_CORPUS);
    const source = openCorpus(corpusDir);
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
    const extra = {
      stale: collected.stale.length,
      orphaned: collected.orphaned,
      adjudications: collected.adjudications.length,
    };
    if (flag(args, 'json')) {
      io.stdout.write(
        `${JSON.stringify({ ...(report ?? { annotators: [...annotators].sort() }), ...extra }, null, 2)}\n`,
      );
      return 0;
    }
    if (report === null) {
      io.stdout.write(
        `agreement needs labels from two or more annotators; found ${annotators.size} (${collected.judgements.length} judgements)\n`,
      );
      return 0;
    }
    const style = styleFor(io.stdout, io.env);
    io.stdout.write(agreementTable(report, style.bold));
    io.stdout.write(`\nadjudications (not counted as judgements): ${extra.adjudications}\n`);
    return 0;
  },
};
