import { join } from 'node:path';
import type { IngestReport } from '@stance/corpus';
import { ingestPaths } from '@stance/corpus';
import { stripControl } from '@stance/text';
import { flag, stringOption, userPath } from '../args.ts';
import type { Command } from '../command.ts';
import { DEFAULT_CORPUS } from '../paths.ts';
import { plural } from '../plural.ts';
import { terminalSafe } from '../terminal-safe.ts';

/** "1 sentence id" / "2 sentence ids". */
function ids(n: number): string {
  return `${n} sentence id${n === 1 ? '' : 's'}`;
}

/** The stderr line for one input file. */
function fileLine(file: IngestReport['files'][number]): string {
  const parts: string[] = [];
  if (file.added) parts.push(`added ${file.added}`);
  if (file.unchanged) parts.push(`unchanged ${file.unchanged}`);
  if (file.changed) parts.push(`changed ${file.changed} (${ids(file.retired)} retired)`);
  return `${stripControl(file.file)}: ${parts.join(', ')}`;
}

/** The stdout summary. */
function summary(report: IngestReport, dryRun: boolean): string {
  const counts = `added ${report.added}, unchanged ${report.unchanged}, changed ${plural(report.changed, 'document')}; ${ids(report.retired)} retired`;
  const changed = report.files
    .flatMap((f) => f.documents)
    .filter((d) => d.status === 'changed')
    .map((d) => `changed ${d.id}: ${ids(d.retired.length)} retired\n`)
    .join('');
  const tail = dryRun ? ' (dry run: nothing written)' : '';
  return `${changed}${counts}; ${plural(report.documents, 'document')} in ${stripControl(report.corpus)}${tail}\n`;
}

/** `stance ingest`: add .txt, .md, .csv and .jsonl documents to a corpus, reporting added, unchanged and changed. */
export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'add .txt, .md, .csv and .jsonl documents to a corpus',
  usage:
    'stance ingest PATH... [--corpus DIR] [--text-column C] [--id-column C] [--title-column C] [--dry-run] [--json]',
  options: {
    corpus: { type: 'string', arg: 'DIR', help: 'corpus folder (default: the bundled corpus/)' },
    'text-column': { type: 'string', arg: 'C', help: 'CSV column with the text (default: text)' },
    'id-column': { type: 'string', arg: 'C', help: 'CSV column with the document id (default: id, if present)' },
    'title-column': { type: 'string', arg: 'C', help: 'CSV column with the title (default: title, if present)' },
    'dry-run': { type: 'boolean', help: 'check and report, write nothing' },
    json: { type: 'boolean', help: 'print the report as one JSON document' },
  },
  examples: [
    'stance ingest corpus/sources',
    'stance ingest op-eds.csv --text-column body --id-column slug --corpus my-corpus',
    'stance ingest pieces.jsonl notes/column.md --json',
  ],
  async run(args, io) {
    const corpusOption = stringOption(args, 'corpus');
    const dryRun = flag(args, 'dry-run');
    const report = ingestPaths(args.positionals, {
      corpus: corpusOption === undefined ? DEFAULT_CORPUS : userPath(io, corpusOption),
      cwd: io.cwd,
      textColumn: stringOption(args, 'text-column'),
      idColumn: stringOption(args, 'id-column'),
      titleColumn: stringOption(args, 'title-column'),
      dryRun,
    });
    for (const name of report.removedTemps)
      io.stderr.write(
        `stance: ${terminalSafe(join(report.corpus, name))}: removed what an interrupted ingest left behind\n`,
      );
    for (const file of report.files) io.stderr.write(`${fileLine(file)}\n`);
    io.stdout.write(flag(args, 'json') ? `${JSON.stringify(report, null, 2)}\n` : summary(report, dryRun));
    return 0;
  },
};
