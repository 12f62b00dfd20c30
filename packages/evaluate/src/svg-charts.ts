import type { BenchReport } from './report.ts';
import { fixed3, uniqueSlugs } from './tables.ts';

/** Escape text for XML / HTML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Colours of models, in order (Okabe–Ito, readable with colour-blindness). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];

/** A number as an SVG coordinate (2 decimals, no float noise in the markup). */
function n(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** The legend: a swatch and the name of each model, in one row. */
function legend(names: readonly string[], y: number, x0: number): string {
  let x = x0;
  return names
    .map((name, i) => {
      const s = `<rect x="${n(x)}" y="${n(y - 9)}" width="10" height="10" fill="${PALETTE[i % PALETTE.length]}"/><text x="${n(x + 14)}" y="${n(y)}" font-size="11">${escapeXml(name)}</text>`;
      x += 24 + Math.min(name.length, 40) * 6.5;
      return s;
    })
    .join('');
}

/** Horizontal grid lines and tick labels for a 0–1 vertical axis. */
function yAxis(left: number, top: number, height: number, right: number, label: string): string {
  const out: string[] = [];
  for (let t = 0; t <= 10; t += 2) {
    const y = top + height - (t / 10) * height;
    out.push(`<line x1="${left}" x2="${right}" y1="${n(y)}" y2="${n(y)}" stroke="#ddd"/>`);
    out.push(`<text x="${left - 6}" y="${n(y + 4)}" font-size="10" text-anchor="end">${(t / 10).toFixed(1)}</text>`);
  }
  out.push(
    `<text transform="translate(${left - 34} ${n(top + height / 2)}) rotate(-90)" font-size="11" text-anchor="middle">${escapeXml(label)}</text>`,
  );
  return out.join('');
}

/**
 * Per-class F1 as grouped bars (one group per label, one bar per model) with 95% interval whiskers, plus each model's
 * macro-F1 as a last group.
 */
export function perClassChart(report: BenchReport): string {
  const ok = report.models.filter((m) => m.scores);
  const groups = [...report.data.labels, 'macro-F1'];
  const W = 720;
  const H = 300;
  const left = 50;
  const top = 20;
  const plotH = 210;
  const plotW = W - left - 10;
  const groupW = plotW / groups.length;
  const barW = Math.max(4, Math.min(28, (groupW - 16) / Math.max(1, ok.length)));
  const bars: string[] = [];
  groups.forEach((g, gi) => {
    const x0 = left + gi * groupW + (groupW - barW * ok.length) / 2;
    ok.forEach((m, mi) => {
      const iv = g === 'macro-F1' ? m.scores!.macroF1 : m.scores!.perClass.find((c) => c.label === g)!.f1;
      const y = (v: number) => top + plotH - Math.max(0, Math.min(1, Number.isFinite(v) ? v : 0)) * plotH;
      const x = x0 + mi * barW;
      bars.push(
        `<rect x="${n(x)}" y="${n(y(iv.estimate))}" width="${n(barW - 2)}" height="${n(top + plotH - y(iv.estimate))}" fill="${PALETTE[mi % PALETTE.length]}"><title>${escapeXml(`${m.name} ${g}: ${fixed3(iv.estimate)} [${fixed3(iv.low)}, ${fixed3(iv.high)}]`)}</title></rect>`,
      );
      if (Number.isFinite(iv.low))
        bars.push(
          `<line x1="${n(x + barW / 2 - 1)}" x2="${n(x + barW / 2 - 1)}" y1="${n(y(iv.low))}" y2="${n(y(iv.high))}" stroke="#333"/>`,
        );
    });
    bars.push(
      `<text x="${n(left + gi * groupW + groupW / 2)}" y="${top + plotH + 16}" font-size="11" text-anchor="middle">${escapeXml(g)}</text>`,
    );
  });
  return `<svg id="per-class-f1" class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="F1 per class and model with 95% intervals">${yAxis(left, top, plotH, W - 10, 'F1')}${bars.join('')}${legend(
    ok.map((m) => m.name),
    H - 14,
    left,
  )}</svg>`;
}

/** Cell colour of a row share: white (0) to dark blue (1). */
function heat(share: number): string {
  const t = Math.max(0, Math.min(1, share));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return `rgb(${mix(247, 8)},${mix(251, 48)},${mix(255, 107)})`;
}

/** One model's confusion matrix as a heat map of row shares, each cell labelled with its count. */
export function confusionChart(report: BenchReport, modelIndex: number, id: string): string {
  const m = report.models.filter((x) => x.scores)[modelIndex]!;
  const c = m.scores!.confusion;
  const cell = 56;
  const left = 90;
  const top = 46;
  const W = left + cell * c.columns.length + 10;
  const H = top + cell * c.labels.length + 30;
  const parts: string[] = [
    `<text x="${n(left + (cell * c.columns.length) / 2)}" y="14" font-size="12" text-anchor="middle">${escapeXml(m.name)}: predicted</text>`,
  ];
  c.columns.forEach((col, j) => {
    parts.push(
      `<text x="${n(left + j * cell + cell / 2)}" y="${top - 8}" font-size="11" text-anchor="middle">${escapeXml(col)}</text>`,
    );
  });
  c.labels.forEach((row, i) => {
    parts.push(
      `<text x="${left - 6}" y="${n(top + i * cell + cell / 2 + 4)}" font-size="11" text-anchor="end">${escapeXml(row)}</text>`,
    );
    c.columns.forEach((_, j) => {
      const share = c.rowShares[i]![j]!;
      parts.push(
        `<rect x="${left + j * cell}" y="${top + i * cell}" width="${cell}" height="${cell}" fill="${heat(share)}" stroke="#fff"><title>${escapeXml(`gold ${row}, predicted ${c.columns[j]}: ${c.counts[i]![j]} (${Math.round(share * 100)}%)`)}</title></rect>`,
        `<text x="${n(left + j * cell + cell / 2)}" y="${n(top + i * cell + cell / 2 + 4)}" font-size="12" text-anchor="middle" fill="${share > 0.5 ? '#fff' : '#111'}">${c.counts[i]![j]}</text>`,
      );
    });
  });
  parts.push(`<text x="8" y="${H - 8}" font-size="11">rows: gold; shade: share of the row</text>`);
  return `<svg id="${escapeXml(id)}" class="chart confusion" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="confusion matrix of ${escapeXml(m.name)}">${parts.join('')}</svg>`;
}

/** Every model's confusion heat map, with ids `confusion-<model slug>`. */
export function confusionCharts(report: BenchReport): string[] {
  const ok = report.models.filter((m) => m.scores);
  const slugs = uniqueSlugs(ok.map((m) => m.name));
  return ok.map((_, i) => confusionChart(report, i, `confusion-${slugs[i]}`));
}

/** Macro-F1 against the share of training data, one line per model with 95% interval whiskers; empty without a curve. */
export function learningCurveChart(report: BenchReport): string {
  if (report.curve.length === 0) return '';
  const models = [...new Set(report.curve.map((p) => p.model))];
  const W = 720;
  const H = 320;
  const left = 50;
  const top = 20;
  const plotW = W - left - 20;
  const plotH = 230;
  const x = (share: number) => left + share * plotW;
  const y = (v: number) => top + plotH - Math.max(0, Math.min(1, v)) * plotH;
  const parts = [yAxis(left, top, plotH, W - 20, 'macro-F1')];
  for (let t = 0; t <= 100; t += 25)
    parts.push(`<text x="${n(x(t / 100))}" y="${top + plotH + 16}" font-size="10" text-anchor="middle">${t}%</text>`);
  parts.push(
    `<text x="${n(left + plotW / 2)}" y="${top + plotH + 32}" font-size="11" text-anchor="middle">share of the training data</text>`,
  );
  models.forEach((model, mi) => {
    const at = report.models.filter((m) => m.scores).findIndex((m) => m.name === model);
    const colour = PALETTE[(at < 0 ? mi : at) % PALETTE.length]!;
    const points = report.curve.filter((p) => p.model === model && p.macroF1 && Number.isFinite(p.macroF1.estimate));
    parts.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.map((p) => `${n(x(p.share))},${n(y(p.macroF1!.estimate))}`).join(' ')}"/>`,
    );
    for (const p of points) {
      const iv = p.macroF1!;
      parts.push(
        `<line x1="${n(x(p.share))}" x2="${n(x(p.share))}" y1="${n(y(iv.low))}" y2="${n(y(iv.high))}" stroke="${colour}"/>`,
        `<circle cx="${n(x(p.share))}" cy="${n(y(iv.estimate))}" r="3.5" fill="${colour}"><title>${escapeXml(`${model} at ${Math.round(p.share * 100)}% (${Math.round(p.trainItems)} items): ${fixed3(iv.estimate)} [${fixed3(iv.low)}, ${fixed3(iv.high)}]`)}</title></circle>`,
      );
    }
  });
  return `<svg id="learning-curve" class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="learning curve">${parts.join('')}${legend(models, H - 10, left)}</svg>`;
}
