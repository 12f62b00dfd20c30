import type { BenchReport } from './report.ts';
import type { Table } from './tables.ts';
import { describeRun, reportTables } from './tables.ts';

/** Escape a Markdown table cell: pipes, and line breaks, which would end the row. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

/** One table as a GitHub-flavoured Markdown table with its title as a heading. */
export function markdownTable(table: Table): string {
  const row = (r: readonly string[]) => `| ${r.map(cell).join(' | ')} |`;
  const out = [`### ${table.title}`, '', row(table.header), row(table.header.map(() => '---')), ...table.rows.map(row)];
  if (table.note) out.push('', `_${table.note}_`);
  return out.join('\n');
}

/** The report as Markdown: a summary sentence, every table, and the reproducibility block. */
export function renderMarkdown(report: BenchReport): string {
  const r = report.repro;
  const repro = [
    '### Reproducibility',
    '',
    ...report.data.files.map((f) => `- ${f.role}: \`${cell(f.path)}\` (${f.items} rows), SHA-256 \`${f.sha256}\``),
    `- git commit: \`${r.gitCommit}\``,
    `- seed ${report.settings.seed}, ${report.settings.resamples} resamples, timeout ${report.settings.timeoutSeconds} s`,
    `- started ${r.started}, run time ${r.runSeconds.toFixed(1)} s, node ${r.node} (${r.platform})`,
    `- versions: ${Object.entries(r.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    ...report.models.map((m) => `- model \`${cell(m.name)}\`: \`${cell(JSON.stringify(m.settings))}\``),
  ];
  return `${['## Benchmark', '', describeRun(report), '', ...reportTables(report).flatMap((t) => [markdownTable(t), '']), ...repro].join('\n')}\n`;
}
