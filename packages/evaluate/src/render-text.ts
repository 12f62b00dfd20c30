import { stripControl } from '@stance/text';
import type { BenchReport } from './report.ts';
import type { Table } from './tables.ts';
import { describeRun, reportTables } from './tables.ts';

/** Display width of a cell: code points, which is right for the labels and figures printed here. */
function width(text: string): number {
  return [...text].length;
}

/** One table as aligned text columns (figures right-aligned, names left). */
export function textTable(table: Table): string {
  const rows = [table.header, ...table.rows].map((r) => r.map((c) => stripControl(c).replace(/\s+/g, ' ')));
  const widths = table.header.map((_, j) => Math.max(...rows.map((r) => width(r[j] ?? ''))));
  const numeric = table.header.map(
    (_, j) => j > 0 && table.rows.every((r) => /^[-–<\d. ±[\],()%n=]*$/.test(r[j] ?? '')),
  );
  const line = (r: string[]) =>
    r
      .map((c, j) => {
        const pad = ' '.repeat(widths[j]! - width(c));
        return numeric[j] ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  const out = [table.title, line(rows[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  if (table.note) out.push(`(${table.note})`);
  return out.join('\n');
}

/** The report as terminal text: the run described, then every table. Model names and errors are control-stripped. */
export function renderText(report: BenchReport): string {
  const head = [
    `stance bench: ${describeRun(report)}`,
    report.data.binaryOpinion
      ? `binary opinion-vs-rest: built-in models' opinion → ${report.data.binaryOpinion.opinion}, fact/quote/skip → ${report.data.binaryOpinion.rest}`
      : '',
  ].filter(Boolean);
  const foot = `run ${report.repro.runSeconds.toFixed(1)} s, git ${report.repro.gitCommit.slice(0, 12)}, node ${report.repro.node}`;
  return `${[...head.map(stripControl), ...reportTables(report).map(textTable), foot].join('\n\n')}\n`;
}
