import { readFileSync } from 'node:fs';
import type { Example, TrainOptions } from '../src/index.ts';
import { train } from '../src/index.ts';
const EVAL = '/work/shared/eval';
const load = (s: string) => readFileSync(`${EVAL}/checkthat-subjectivity-en.${s}.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Example);
const data = [...load('train'), ...load('dev')].map((e) => ({ text: e.text, label: e.label }));
function f1(gold: string[], p: number[], t: number) {
  let s = 0;
  for (const c of ['SUBJ', 'OBJ']) { let tp = 0, fp = 0, fn = 0;
    for (let i = 0; i < gold.length; i++) { const pr = p[i]! >= t ? 'SUBJ' : 'OBJ'; if (pr === c && gold[i] === c) tp++; else if (pr === c) fp++; else if (gold[i] === c) fn++; }
    s += tp ? (2 * tp) / (2 * tp + fp + fn) : 0; }
  return s / 2;
}
// stratified folds, seeded shuffle
function folds(seed: number, k = 5) {
  let x = seed; const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out = new Array(data.length).fill(0);
  for (const c of ['SUBJ', 'OBJ']) { const idx = data.map((_, i) => i).filter((i) => data[i]!.label === c);
    for (let i = idx.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [idx[i], idx[j]] = [idx[j]!, idx[i]!]; }
    idx.forEach((i, r) => { out[i] = r % k; }); }
  return out;
}
const FOLDS = [folds(1), folds(2)];
export function cvProbs(kind: 'nb' | 'logreg', opts: TrainOptions): number[][] {
  return FOLDS.map((fo) => { const p = new Array(data.length).fill(0);
    for (let f = 0; f < 5; f++) { const m = train(kind, data.filter((_, i) => fo[i] !== f), { ...opts, labels: ['OBJ', 'SUBJ'] });
      const te = data.map((_, i) => i).filter((i) => fo[i] === f);
      m.predict(te.map((i) => data[i]!.text), { independent: true }).forEach((pr, j) => { p[te[j]!] = pr.scores['SUBJ']!; }); }
    return p; });
}
const gold = data.map((e) => e.label);
export function report(name: string, P: number[][]) {
  const at = (t: number) => P.reduce((s, p) => s + f1(gold, p, t), 0) / P.length;
  let bt = 0.5, bs = 0; for (let t = 0.2; t <= 0.8; t += 0.02) { const s = at(t); if (s > bs) { bs = s; bt = t; } }
  console.log(`${name.padEnd(50)} @0.5 ${at(0.5).toFixed(3)}  best t=${bt.toFixed(2)} ${bs.toFixed(3)}`);
}
const configs: [string, 'nb' | 'logreg', TrainOptions][] = JSON.parse(process.argv[2]!);
const all: Record<string, number[][]> = {};
for (const [name, kind, o] of configs) { const t0 = Date.now(); const P = cvProbs(kind, o); all[name] = P; report(`${name} (${((Date.now() - t0) / 1000).toFixed(0)}s)`, P); }
const names = Object.keys(all);
for (let a = 0; a < names.length; a++) for (let b = a + 1; b < names.length; b++) {
  const A = all[names[a]!]!, B = all[names[b]!]!; report(`avg ${names[a]}+${names[b]}`, A.map((p, r) => p.map((v, i) => (v + B[r]![i]!) / 2)));
}
if (process.env['MIX']) {
  const lr = all[names[0]!]!, nb = all[names[1]!]!;
  const lg = (p: number) => { const q = Math.min(1 - 1e-12, Math.max(1e-12, p)); return Math.log(q / (1 - q)); };
  for (const c of [0.02, 0.05, 0.1, 0.2, 0.3]) report(`mix lr + ${c}*nb`, lr.map((p, r) => p.map((v, i) => 1 / (1 + Math.exp(-(lg(v) + c * lg(nb[r]![i]!)))))));
}
