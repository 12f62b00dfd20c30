import type { BenchReport } from './report.ts';
import { confusionCharts, escapeXml, learningCurveChart, perClassChart } from './svg-charts.ts';
import type { Table } from './tables.ts';
import { describeRun, reportTables } from './tables.ts';

const CSS = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
td { white-space: nowrap; } #table-failures td { white-space: normal; text-align: left; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
.note { color: #555; font-size: .9em; margin-top: -.5rem; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
svg.chart { max-width: 100%; height: auto; background: #fff; font-family: system-ui, sans-serif; }
.repro dd { margin: 0 0 .3rem 1rem; font-family: ui-monospace, monospace; word-break: break-all; }
.failed { color: #b00020; }
`;

// Runs in the browser on load: records each chart's rendered size on <body data-layout>, so a headless check (and
// anyone reading the DOM) can see the charts were laid out, not just present in the markup.
const LAYOUT_SCRIPT = `
addEventListener('load', () => {
  const sizes = [...document.querySelectorAll('svg.chart')].map((s) => {
    const r = s.getBoundingClientRect();
    return s.id + ':' + Math.round(r.width) + 'x' + Math.round(r.height);
  });
  document.body.dataset.layout = sizes.join(' ');
});
`;

/** One table as HTML with a caption. */
function htmlTable(table: Table): string {
  const head = `<tr>${table.header.map((h) => `<th>${escapeXml(h)}</th>`).join('')}</tr>`;
  const rows = table.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeXml(c)}</td>`).join('')}</tr>`).join('\n');
  const note = table.note ? `\n<p class="note">${escapeXml(table.note)}</p>` : '';
  return `<table id="table-${escapeXml(table.id)}"><caption>${escapeXml(table.title)}</caption>\n${head}\n${rows}\n</table>${note}`;
}

/**
 * The report as one self-contained HTML page: inline CSS, inline SVG charts (per-class F1, confusion heat maps,
 * learning curve), every table, and the reproducibility block. Nothing is fetched from anywhere.
 */
export function renderHtml(report: BenchReport): string {
  const r = report.repro;
  const tables = reportTables(report);
  const curve = learningCurveChart(report);
  const repro = [
    ...report.data.files.map((f) => [`${f.role} (${f.items} rows): ${f.path}`, `SHA-256 ${f.sha256}`]),
    ['git commit', r.gitCommit],
    ['seed, resamples, level', `${report.settings.seed}, ${report.settings.resamples}, ${report.settings.level}`],
    ['timeout (s)', String(report.settings.timeoutSeconds)],
    ['started, run time', `${r.started}, ${r.runSeconds.toFixed(1)} s`],
    ['node, platform', `${r.node}, ${r.platform}`],
    [
      'versions',
      Object.entries(r.versions)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    ],
    ...report.models.map((m) => [`model ${m.name}`, JSON.stringify(m.settings)]),
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>stance bench report</title>
<style>${CSS}</style>
</head>
<body>
<h1>stance bench</h1>
<p id="run">${escapeXml(describeRun(report))}</p>
${report.data.binaryOpinion ? `<p>Binary opinion-vs-rest data: the built-in models' <code>opinion</code> counts as <code>${escapeXml(report.data.binaryOpinion.opinion)}</code>, every other label as <code>${escapeXml(report.data.binaryOpinion.rest)}</code>.</p>` : ''}
<h2>Scores</h2>
${tables
  .filter((t) => t.id === 'summary' || t.id === 'failures')
  .map(htmlTable)
  .join('\n')}
<div class="charts">${perClassChart(report)}</div>
${htmlTable(tables.find((t) => t.id === 'per-class')!)}
<h2>Confusion matrices</h2>
<div class="charts">${confusionCharts(report).join('\n')}</div>
${tables
  .filter((t) => t.id.startsWith('confusion-table-'))
  .map(htmlTable)
  .join('\n')}
${curve ? `<h2>Learning curve</h2>\n<div class="charts">${curve}</div>` : ''}
${tables
  .filter((t) => ['folds', 'paired', 'curve', 'humans'].includes(t.id))
  .map((t) => `<h2>${escapeXml(t.title)}</h2>\n${htmlTable(t)}`)
  .join('\n')}
<h2>Reproducibility</h2>
<dl class="repro" id="repro">
${repro.map(([k, v]) => `<dt>${escapeXml(k!)}</dt><dd>${escapeXml(v!)}</dd>`).join('\n')}
</dl>
<script>${LAYOUT_SCRIPT}</script>
</body>
</html>
`;
}
