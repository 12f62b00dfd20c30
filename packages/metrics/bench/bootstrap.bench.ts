/**
 * Bootstrap speed: the summed per-document path (pairedBootstrap, agreementReport) against the peer that re-scans
 * every item of every resample (bootstrapCI with a classificationReport per resample), on the same data, same run.
 * Run: pnpm exec tsx packages/metrics/bench/bootstrap.bench.ts  (from the repository root)
 */
import {
  agreementReport,
  bootstrapCI,
  classificationReport,
  type Judgement,
  mulberry32,
  pairedBootstrap,
} from '../src/index.ts';

const LABELS = ['fact', 'quote', 'opinion', 'skip'];
const ITEMS = 100_000;
const PER_DOC = 25;
const RESAMPLES = 1000;
const PEER_RESAMPLES = 50;

const rand = mulberry32(42);
const pick = () => LABELS[Math.floor(rand() * LABELS.length)]!;
const noisy = (g: string, p: number) => (rand() < p ? g : pick());
const gold: string[] = [];
const a: string[] = [];
const b: string[] = [];
const groups: string[] = [];
for (let i = 0; i < ITEMS; i++) {
  const g = pick();
  gold.push(g);
  a.push(noisy(g, 0.8));
  b.push(noisy(g, 0.78));
  groups.push(`doc${Math.floor(i / PER_DOC)}`);
}

function time<T>(run: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

const fast = time(() => pairedBootstrap({ gold, a, b, groups, labels: LABELS }, { resamples: RESAMPLES, seed: 1 }));

// Peer: documents as lists of item indices; every resample rebuilds both models' reports from the items.
const docs = new Map<string, number[]>();
groups.forEach((g, i) => {
  const list = docs.get(g) ?? [];
  list.push(i);
  docs.set(g, list);
});
const docList = [...docs.values()];
const diffOf = (sample: readonly number[][]) => {
  const g: string[] = [];
  const pa: string[] = [];
  const pb: string[] = [];
  for (const doc of sample) {
    for (const i of doc) {
      g.push(gold[i]!);
      pa.push(a[i]!);
      pb.push(b[i]!);
    }
  }
  return classificationReport(g, pa, LABELS).macroF1 - classificationReport(g, pb, LABELS).macroF1;
};
const peer = time(() => bootstrapCI(docList, diffOf, { resamples: PEER_RESAMPLES, seed: 1 }));

const fastPer = fast.ms / RESAMPLES;
const peerPer = peer.ms / PEER_RESAMPLES;
const d = fast.result.difference;
console.log(`paired bootstrap, ${ITEMS} items in ${docList.length} documents, 4 labels`);
console.log(
  `  summed per-document counts: ${RESAMPLES} resamples in ${fast.ms.toFixed(0)} ms (${fastPer.toFixed(2)} ms/resample)`,
);
console.log(
  `  peer, re-scan items:        ${PEER_RESAMPLES} resamples in ${peer.ms.toFixed(0)} ms (${peerPer.toFixed(2)} ms/resample)`,
);
console.log(`  ratio (peer / summed, per resample): ${(peerPer / fastPer).toFixed(1)}×`);
console.log(
  `  macro-F1 a − b = ${d.estimate.toFixed(4)} [${d.low.toFixed(4)}, ${d.high.toFixed(4)}], p = ${fast.result.pValue.toFixed(4)}`,
);

// Agreement: 3 annotators on the same 100k units (300k judgements), CIs from 1000 document resamples.
const judgements: Judgement[] = [];
for (let i = 0; i < ITEMS; i++) {
  for (const [name, p] of [
    ['ann', 0.8],
    ['bob', 0.75],
    ['cy', 0.7],
  ] as const) {
    judgements.push({ unit: `u${i}`, doc: groups[i]!, annotator: name, label: noisy(gold[i]!, p) });
  }
}
const agree = time(() => agreementReport(judgements, { labels: LABELS, resamples: RESAMPLES, seed: 1 }));
const alpha = agree.result.overall.krippendorffAlpha;
console.log(`agreement report, ${judgements.length} judgements, 3 annotators, ${RESAMPLES} document resamples`);
console.log(
  `  ${agree.ms.toFixed(0)} ms; alpha = ${alpha.estimate.toFixed(4)} [${alpha.low.toFixed(4)}, ${alpha.high.toFixed(4)}]`,
);
