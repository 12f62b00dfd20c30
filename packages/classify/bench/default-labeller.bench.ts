// `pnpm bench:classify` (first part): the shipped default labeller on real data it was not trained on, against the
// rules and today's `logreg` in the same run, each figure with a 95% bootstrap interval. Flags: `--quick` leaves out
// the leave-one-publisher-out CV (7 fits on PolNeAR), `--rebuild` retrains the labeller from ../shared/eval and
// compares its predictions with the shipped weights (the CI-optional currency check), `--weights FILE` benches a
// labeller written by `pnpm build:model --out FILE` instead of the shipped one.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Interval } from '@stance/metrics';
import { bootstrapCI, pairedBootstrap } from '@stance/metrics';
import { docIdOf } from '@stance/schema';
import { blockQuoted, segment } from '@stance/text';
import { quoteContext } from '../src/context.ts';
import { binaryComponent, binaryScorer } from '../src/default-model/binary-scorer.ts';
import { COMBINE_ORDERS, combineComponents } from '../src/default-model/combine.ts';
import { binaryMacroF1, exampleFeatures, foldsOf, outOfFold } from '../src/default-model/cv.ts';
import type { BuildFile, ComponentOutput, Example, LabellerData, Model } from '../src/index.ts';
import {
  buildLabeller,
  DEFAULT_RECIPE,
  defaultLabeller,
  labellerFromData,
  labellerFromJson,
  rulesModel,
  train,
} from '../src/index.ts';
import { findCues, viewSentence } from '../src/rules.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const EVAL = resolve(ROOT, '../shared/eval');
const args = process.argv.slice(2);
const weightsAt = args.indexOf('--weights');
const WEIGHTS =
  weightsAt >= 0 ? resolve(args[weightsAt + 1]!) : resolve(ROOT, 'packages/classify/weights/default-labeller.json');
const QUICK = args.includes('--quick');
const REBUILD = args.includes('--rebuild');

interface Item extends Example {
  /** Group for the bootstrap: the document, or the item itself when there is none. */
  group: string;
  /** It sits in a quotation its document's layout shows (blockQuoted of @stance/text, as `stance analyze` reads it). */
  layoutQuoted?: boolean;
}

/** Read a JSONL file of the shared eval folder. */
function readEval<T>(name: string): T[] {
  return readFileSync(join(EVAL, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** Macro-F1 over `labels`; a prediction outside them counts against its gold class only. */
function macroF1(gold: readonly string[], pred: readonly string[], labels: readonly string[]): number {
  let sum = 0;
  for (const c of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (pred[i] === c && gold[i] === c) tp++;
      else if (pred[i] === c) fp++;
      else if (gold[i] === c) fn++;
    }
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return sum / labels.length;
}

/** Macro-F1 with each item weighted by its gold class's weight (a test set resampled to another label share). */
function weightedMacroF1(gold: readonly string[], pred: readonly string[], weight: Record<string, number>): number {
  const labels = Object.keys(weight);
  let sum = 0;
  for (const c of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      const w = weight[gold[i]!] ?? 0;
      if (pred[i] === c && gold[i] === c) tp += w;
      else if (pred[i] === c) fp += w;
      else if (gold[i] === c) fn += w;
    }
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return sum / labels.length;
}

/** How a document's items are predicted: alone when they have no document, else with their layout's quotations. */
function documentOptions(key: string, idx: readonly number[], items: readonly Item[]) {
  return { independent: key.startsWith('\u0000'), blockQuoted: idx.map((i) => items[i]!.layoutQuoted === true) };
}

/** Predictions per item, documents in order (quotations carry over), items without a document one by one. */
function predictItems(model: Model, items: readonly Item[]): string[] {
  const out = new Array<string>(items.length);
  const byDoc = new Map<string, number[]>();
  items.forEach((it, i) => {
    const key = it.doc ?? `\u0000${i}`;
    const list = byDoc.get(key) ?? [];
    list.push(i);
    byDoc.set(key, list);
  });
  for (const [key, idx] of byDoc) {
    const preds = model.predict(
      idx.map((i) => items[i]!.text),
      documentOptions(key, idx, items),
    );
    idx.forEach((i, j) => {
      out[i] = preds[j]!.label;
    });
  }
  return out;
}

/** Figure with its 95% interval, resampling the items' groups (documents) with replacement. */
function interval(
  items: readonly Item[],
  gold: readonly string[],
  pred: readonly string[],
  labels: string[],
): Interval {
  const groups = new Map<string, number[]>();
  items.forEach((it, i) => {
    const list = groups.get(it.group) ?? [];
    list.push(i);
    groups.set(it.group, list);
  });
  return bootstrapCI([...groups.values()], (sample) => {
    const g: string[] = [];
    const p: string[] = [];
    for (const idx of sample)
      for (const i of idx) {
        g.push(gold[i]!);
        p.push(pred[i]!);
      }
    return macroF1(g, p, labels);
  });
}

const fmt = (i: Interval) => `${i.estimate.toFixed(3)} [${i.low.toFixed(3)}, ${i.high.toFixed(3)}]`;
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

/** Print a figure line per model and a paired comparison of the first model against each other one. */
function compare(
  title: string,
  items: readonly Item[],
  gold: readonly string[],
  preds: Record<string, string[]>,
  labels: string[],
): void {
  console.log(`\n${title}`);
  const names = Object.keys(preds);
  for (const n of names) console.log(`  ${n.padEnd(30)} ${fmt(interval(items, gold, preds[n]!, labels))}`);
  const [first, ...rest] = names;
  for (const n of rest) {
    const r = pairedBootstrap({ gold, a: preds[first!]!, b: preds[n]!, groups: items.map((i) => i.group), labels });
    console.log(
      `  paired: ${first} − ${n}: ${r.difference.estimate >= 0 ? '+' : ''}${r.difference.estimate.toFixed(3)} ` +
        `[${r.difference.low.toFixed(3)}, ${r.difference.high.toFixed(3)}], p = ${r.pValue.toFixed(3)}`,
    );
  }
}

/** Label shares of a list of labels, as "a 36%, b 64%". */
function shares(labels: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts]
    .sort()
    .map(([l, n]) => `${l} ${pct(n / labels.length)}`)
    .join(', ');
}

// BENCH_PART=speed: only classify.bench.ts's speed part runs (`BENCH_PART=speed pnpm bench:classify`).
if (process.env['BENCH_PART'] === 'speed') process.exit(0);

const t0 = performance.now();
const shipped = JSON.parse(readFileSync(WEIGHTS, 'utf8')) as LabellerData;
const loadStart = performance.now();
const labeller = weightsAt >= 0 ? labellerFromJson(readFileSync(WEIGHTS, 'utf8'), WEIGHTS) : defaultLabeller();
labeller.predict(['Warm-up.'], { independent: true });
const loadMs = performance.now() - loadStart;

// 1. What is shipped, and whether it is current.
console.log(
  `default labeller: ${WEIGHTS.startsWith(ROOT) ? WEIGHTS.slice(ROOT.length + 1) : WEIGHTS}, ${(readFileSync(WEIGHTS).length / 1024).toFixed(0)} KB; word vectors ${shipped.wordVectors ?? 'none'}; word-vector shares opinion ${shipped.opinion.dense?.share ?? 0}, quote ${shipped.quote.dense?.share ?? 0}`,
);
console.log(
  `  loads and labels its first sentence in ${loadMs.toFixed(0)} ms; opinion ${shipped.opinion.features.length} features, quote ${shipped.quote.features.length}`,
);
console.log(
  `  recipe ${shipped.training.recipe} (code: ${DEFAULT_RECIPE.version}); chosen ${JSON.stringify(shipped.training.chosen)}`,
);
for (const f of shipped.training.files) {
  const path = join(EVAL, f.name);
  const now = existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'missing';
  console.log(
    `  ${f.name}: ${f.examples} sentences, sha256 ${now === f.sha256 ? 'matches' : `DIFFERS (${now.slice(0, 12)})`}`,
  );
}
console.log('  CV grid recorded at build time (macro-F1; settings chosen on train data only):');
for (const [k, v] of Object.entries(shipped.training.cv)) console.log(`    ${k}: ${v.toFixed(3)}`);

// 2. Data and label shares.
const ctSplit = (split: string): Item[] =>
  readEval<{ id: string; text: string; label: string }>(`checkthat-subjectivity-en.${split}.jsonl`).map((r) => ({
    text: r.text,
    label: r.label,
    group: r.id,
  }));
const ctTrain = ctSplit('train');
const ctDev = ctSplit('dev');
const ctTest = ctSplit('dev_test');
const pnSplit = (split: string): Item[] =>
  readEval<{ text: string; label: string; doc: string }>(`polnear-attribution-en.${split}.jsonl`).map((r) => ({
    text: r.text,
    label: r.label,
    doc: r.doc,
    group: r.doc,
  }));
const pnTrain = pnSplit('train');
const pnDev = pnSplit('dev');
const goldPath = join(ROOT, 'corpus/gold.jsonl');
const sample: Item[] = existsSync(goldPath)
  ? readFileSync(goldPath, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { sentence: string; text: string; label: string })
      .map((g) => ({ text: g.text, label: g.label, doc: docIdOf(g.sentence), group: docIdOf(g.sentence) }))
  : [];
// The layout's quotations of each sample document, as `stance annotate` reads them: the document is segmented again
// and each gold sentence matched to its span in order (a sentence's text has its line breaks as spaces).
const sampleDocs = new Map<string, Item[]>();
for (const e of sample) {
  const list = sampleDocs.get(e.doc!);
  if (list) list.push(e);
  else sampleDocs.set(e.doc!, [e]);
}
for (const [doc, items] of sampleDocs) {
  const path = join(ROOT, 'corpus/documents', `${doc}.json`);
  if (!existsSync(path)) continue;
  const text = (JSON.parse(readFileSync(path, 'utf8')) as { text: string }).text;
  const spans = segment(text);
  const flags = blockQuoted(text, spans);
  let k = 0;
  for (const e of items) {
    while (k < spans.length && spans[k]!.text.replace(/\s+/g, ' ') !== e.text) k++;
    if (k === spans.length) throw new Error(`sample: a gold sentence of ${doc} is not among its document's sentences`);
    e.layoutQuoted = flags[k++]!;
  }
}
const realDev: (Item & { part: string })[] = [];
{
  type UdDoc = { id: string; text: string; sentences: string[]; offsets: [number, number][]; quoted?: boolean[] };
  const docs = new Map<string, UdDoc>();
  for (const file of ['ud-ewt-dev-docs.json', 'ud-gum-dev-docs.json'])
    for (const d of JSON.parse(readFileSync(join(EVAL, file), 'utf8')) as UdDoc[]) docs.set(`${file}:${d.id}`, d);
  const lines = readFileSync(resolve(ROOT, 'packages/classify/bench/real-dev/labels.jsonl'), 'utf8').split('\n');
  for (const l of lines.filter(Boolean)) {
    const r = JSON.parse(l) as { file: string; doc: string; index: number; label: string; textHash: string };
    const d = docs.get(`${r.file}:${r.doc}`);
    const text = d?.sentences[r.index];
    if (text === undefined || createHash('sha256').update(text).digest('hex').slice(0, 16) !== r.textHash)
      throw new Error(`real-dev: ${r.doc} #${r.index} no longer matches its text hash`);
    const part = r.doc.startsWith('weblog') ? 'weblog' : r.doc.includes('essay') ? 'essay' : 'news';
    // The layout's quotations, read from the whole document as `stance analyze` would.
    d!.quoted ??= blockQuoted(
      d!.text,
      d!.offsets.map(([start, end]) => ({ start, end })),
    );
    realDev.push({ text, label: r.label, doc: r.doc, group: r.doc, part, layoutQuoted: d!.quoted[r.index]! });
  }
}
console.log('\nlabel shares');
console.log(`  CheckThat train (${ctTrain.length}): ${shares(ctTrain.map((e) => e.label))}`);
console.log(`  CheckThat dev (${ctDev.length}): ${shares(ctDev.map((e) => e.label))}`);
console.log(`  CheckThat dev_test (${ctTest.length}): ${shares(ctTest.map((e) => e.label))}`);
console.log(
  `  PolNeAR train (${pnTrain.length}, ${new Set(pnTrain.map((e) => e.doc)).size} articles): ${shares(pnTrain.map((e) => e.label))}`,
);
console.log(
  `  PolNeAR dev (${pnDev.length}, ${new Set(pnDev.map((e) => e.doc)).size} articles): ${shares(pnDev.map((e) => e.label))}`,
);
console.log(`  sample corpus gold (${sample.length}): ${shares(sample.map((e) => e.label))}`);
console.log(`  real-dev (${realDev.length}): ${shares(realDev.map((e) => e.label))}`);

// 3. CheckThat dev_test (the 2023 test), opinion vs rest.
const toSubj = (l: string) => (l === 'opinion' || l === 'SUBJ' ? 'SUBJ' : 'OBJ');
const SO = ['SUBJ', 'OBJ'];
const logregCt = train('logreg', [...ctTrain, ...ctDev]);
const ctGold = ctTest.map((e) => e.label);
const ctPreds = {
  default: predictItems(labeller, ctTest).map(toSubj),
  rules: predictItems(rulesModel, ctTest).map(toSubj),
  'logreg (today, train+dev)': predictItems(logregCt, ctTest),
};
compare('CheckThat dev_test (2023 test), opinion vs rest, macro-F1 [95% CI]', ctTest, ctGold, ctPreds, SO);

// Label-share shift: the same predictions scored as if the test set had other SUBJ shares (class reweighting).
const ctShare = ctGold.filter((l) => l === 'SUBJ').length / ctGold.length;
const opinionOf = (m: ReturnType<typeof train>) => binaryScorer(binaryComponent(m, 'SUBJ'));
const chosen = shipped.training.chosen as { opinion: { l2: number; minCount: number } };
const ctFeatures = { ...DEFAULT_RECIPE.features, minCount: chosen.opinion.minCount };
const unbalanced = opinionOf(
  train('logreg', [...ctTrain, ...ctDev], {
    l2: chosen.opinion.l2,
    features: ctFeatures,
    labels: ['OBJ', 'SUBJ'],
    balanced: false,
  }),
);
const testSets = exampleFeatures(ctTest, { ...ctFeatures, minCount: 1 });
const unbalancedPred = testSets.map((s) => (unbalanced.probability(s) >= 0.5 ? 'SUBJ' : 'OBJ'));
console.log('\n  dev_test reweighted to other SUBJ shares (macro-F1; the trained share is 39% on train+dev):');
console.log(`    ${'SUBJ share'.padEnd(40)} ${[0.2, 0.36, 0.52, 0.7].map((s) => pct(s).padStart(6)).join('')}`);
const row = (name: string, pred: string[]) =>
  console.log(
    `    ${name.padEnd(40)} ${[0.2, 0.36, 0.52, 0.7]
      .map((s) =>
        weightedMacroF1(ctGold, pred, { SUBJ: s / ctShare, OBJ: (1 - s) / (1 - ctShare) })
          .toFixed(3)
          .padStart(6),
      )
      .join('')}`,
  );
row('default (class-balanced opinion model)', ctPreds.default);
row('n-gram side trained without balancing', unbalancedPred);
row('rules', ctPreds.rules);
row('logreg (today)', ctPreds['logreg (today, train+dev)']);
const predictedShare = (p: string[]) => pct(p.filter((l) => l === 'SUBJ').length / p.length);
console.log(
  `    predicted SUBJ share on dev_test (true ${pct(ctShare)}): default ${predictedShare(ctPreds.default)}, unbalanced ${predictedShare(unbalancedPred)}, rules ${predictedShare(ctPreds.rules)}`,
);
// A year/share-shift proxy: the opinion component fitted on train only (36% SUBJ), scored on dev (52%).
const trainOnly = opinionOf(
  train('logreg', ctTrain, { l2: chosen.opinion.l2, features: ctFeatures, labels: ['OBJ', 'SUBJ'] }),
);
const devSets = exampleFeatures(ctDev, { ...ctFeatures, minCount: 1 });
console.log(
  `  opinion n-gram side fitted on train only → dev (SUBJ 36% → 52%): ${binaryMacroF1(
    ctDev.map((e) => e.label === 'SUBJ'),
    devSets.map((s) => trainOnly.probability(s)),
  ).toFixed(3)}`,
);

// 4. PolNeAR dev, quote vs rest, grouped by article.
const toQuote = (l: string) => (l === 'quote' || l === 'direct' || l === 'indirect' ? 'quote' : 'rest');
const QR = ['quote', 'rest'];
const pnGold = pnDev.map((e) => toQuote(e.label));
const pnComponents = new Map<string, number>();
{
  const byDoc = new Map<string, number[]>();
  pnDev.forEach((e, i) => {
    byDoc.set(e.doc!, [...(byDoc.get(e.doc!) ?? []), i]);
  });
  for (const idx of byDoc.values()) {
    const c = labeller.components(idx.map((i) => pnDev[i]!.text));
    idx.forEach((i, j) => {
      pnComponents.set(String(i), c[j]!.quote);
    });
  }
}
compare(
  'PolNeAR dev, quote (direct + indirect) vs rest, macro-F1 [95% CI, articles resampled]',
  pnDev,
  pnGold,
  {
    default: predictItems(labeller, pnDev).map(toQuote),
    'default quote component alone': pnDev.map((_, i) => (pnComponents.get(String(i))! >= 0.5 ? 'quote' : 'rest')),
    rules: predictItems(rulesModel, pnDev).map(toQuote),
  },
  QR,
);
{
  // How much of PolNeAR's quote class shows its attribution in the sentence at all: a quotation (or one carried over),
  // the rules' attribution or reported-speech cue, or a reporting, belief or intention word or a named kind of
  // source (a generous list, written for this count). A labeller that reads the sentence, as the guidelines ask
  // ("mainly reports what someone else said, wrote or believes"), can hardly call the rest quotes; "quote exactly
  // when marked" is what such reading reaches.
  const SAYS =
    /\b(?:said|says|say|told|tells?|according|argued?|argues|claim(?:s|ed)?|believe[sd]?|thinks?|thought|wants?|wanted|hope[sd]?|expect(?:s|ed)?|warn(?:s|ed)?|insist(?:s|ed)?|suggest(?:s|ed)?|note[sd]?|added|state[sd]?|announce[sd]?|report(?:s|ed)|call(?:s|ed)|accuse[sd]?|denie[sd]|den(?:y|ies)|ask(?:s|ed)|promise[sd]?|vow(?:s|ed)?|plan(?:s|ned)?|wrote|writes|tweeted|sources?|officials?|spokes\w+)\b/i;
  const marked = (items: readonly Item[]): boolean[] => {
    const context = quoteContext(
      items.map((e) => e.text),
      items.map((e) => e.doc),
    );
    return items.map((e, i) => {
      if (context[i] || SAYS.test(e.text)) return true;
      const kinds = findCues(viewSentence(e.text, context[i])).map((c) => c.kind);
      return kinds.includes('quotation') || kinds.includes('attribution') || kinds.includes('reported-speech');
    });
  };
  console.log(
    '  attribution visible in the sentence (quotation marks, a reporting or belief word, a named kind of source):',
  );
  for (const [name, items] of [
    ['train', pnTrain],
    ['dev', pnDev],
  ] as const) {
    const m = marked(items);
    const share = (label: string) => {
      const idx = items.map((_, i) => i).filter((i) => items[i]!.label === label);
      return `${label} ${pct(idx.filter((i) => m[i]).length / idx.length)}`;
    };
    const gold = items.map((e) => toQuote(e.label) === 'quote');
    console.log(
      `    ${name.padEnd(5)} ${share('direct')}, ${share('indirect')}, ${share('none')}; "quote exactly when visible": ${binaryMacroF1(
        gold,
        m.map((x) => (x ? 1 : 0)),
      ).toFixed(3)}`,
    );
  }
}
if (!QUICK) {
  // Leave one publisher out: the quote component's settings, fitted on six publishers, scored on the seventh.
  const chosenQ = (shipped.training.chosen as { quote: { l2: number; minCount: number } }).quote;
  const examples = pnTrain.map((e) => ({ ...e, label: toQuote(e.label) === 'quote' ? 'quote' : 'none' }));
  const sets = exampleFeatures(examples, { ...DEFAULT_RECIPE.features, minCount: 1 });
  const publishers = [...new Set(examples.map((e) => e.doc!.split('_')[0]!))].sort();
  const fold = examples.map((e) => publishers.indexOf(e.doc!.split('_')[0]!));
  const p = outOfFold(examples, sets, 'quote', fold, publishers.length, {
    l2: chosenQ.l2,
    features: { ...DEFAULT_RECIPE.features, minCount: chosenQ.minCount },
    labels: ['none', 'quote'],
  });
  console.log('  leave-one-publisher-out CV on PolNeAR train (quote n-gram side, chosen settings):');
  const gold = examples.map((e) => e.label === 'quote');
  publishers.forEach((pub, k) => {
    const idx = examples.map((_, i) => i).filter((i) => fold[i] === k);
    console.log(
      `    ${pub.padEnd(14)} ${String(idx.length).padStart(5)} sentences, quote ${pct(idx.filter((i) => gold[i]).length / idx.length)}: ${binaryMacroF1(
        idx.map((i) => gold[i]!),
        idx.map((i) => p[i]!),
      ).toFixed(3)}`,
    );
  });
  console.log(`    pooled: ${binaryMacroF1(gold, p).toFixed(3)}`);
}

// 5. Three-way: the bundled sample corpus and real-dev.
const THREE = ['fact', 'quote', 'opinion'];
for (const [name, items] of [
  ['bundled sample corpus (team-written; gold skip left out)', sample.filter((e) => e.label !== 'skip')],
  ['real-dev (UD EWT weblogs, GUM essays and news; gold skip left out)', realDev.filter((e) => e.label !== 'skip')],
] as const) {
  if (items.length === 0) continue;
  const gold = items.map((e) => e.label);
  compare(
    `${name}: ${items.length} sentences, fact/quote/opinion macro-F1 [95% CI, documents resampled]`,
    items,
    gold,
    { default: predictItems(labeller, items), rules: predictItems(rulesModel, items) },
    THREE,
  );
}
{
  const all = realDev;
  const d = predictItems(labeller, all);
  const r = predictItems(rulesModel, all);
  const acc = (idx: number[], p: string[]) => idx.filter((i) => p[i] === all[i]!.label).length / idx.length;
  console.log('  real-dev by part (all four labels; accuracy and fact/quote/opinion macro-F1, default vs rules):');
  for (const part of ['weblog', 'essay', 'news']) {
    const idx = all.map((_, i) => i).filter((i) => all[i]!.part === part);
    const g = idx.map((i) => all[i]!.label);
    console.log(
      `    ${part.padEnd(7)} ${String(idx.length).padStart(4)}: accuracy ${acc(idx, d).toFixed(3)} vs ${acc(idx, r).toFixed(3)}; macro-F1 ${macroF1(
        g,
        idx.map((i) => d[i]!),
        THREE,
      ).toFixed(3)} vs ${macroF1(
        g,
        idx.map((i) => r[i]!),
        THREE,
      ).toFixed(3)}`,
    );
  }
  const confusion = new Map<string, number>();
  all.forEach((e, i) => {
    confusion.set(`${e.label}→${d[i]}`, (confusion.get(`${e.label}→${d[i]}`) ?? 0) + 1);
  });
  console.log(
    `  real-dev confusion of the default (gold→predicted): ${[...confusion]
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
}

// 6. The issue's last target: today's logreg on CheckThat train + dev + dev_test (only a CV figure can be given here).
{
  const all = [...ctTrain, ...ctDev, ...ctTest];
  let sum = 0;
  const seeds = [1, 2];
  for (const seed of seeds) {
    const folds = foldsOf(all, 5, seed, 'stratified');
    const out = new Array<string>(all.length);
    for (let f = 0; f < 5; f++) {
      const m = train(
        'logreg',
        all.filter((_, i) => folds[i] !== f),
      );
      const held = all.filter((_, i) => folds[i] === f);
      const p = predictItems(m, held);
      let j = 0;
      all.forEach((_, i) => {
        if (folds[i] === f) out[i] = p[j++]!;
      });
    }
    sum += macroF1(
      all.map((e) => e.label),
      out,
      SO,
    );
  }
  console.log(
    `\nlogreg (today's defaults) on CheckThat train+dev+dev_test (${all.length}): stratified 5-fold CV macro-F1 ${(sum / seeds.length).toFixed(3)} (seeds ${seeds.join(', ')}); no later-year test is here`,
  );
}

// 7. The precedence trade-off on the dev sets: each combination order applied to the same component outputs. The
// weights use the order the train-data check chose; this shows what another order would cost and win elsewhere.
{
  const componentsOf = (items: readonly Item[]) => {
    const out = new Array<ComponentOutput>(items.length);
    const byDoc = new Map<string, number[]>();
    items.forEach((it, i) => {
      const key = it.doc ?? `\u0000${i}`;
      byDoc.set(key, [...(byDoc.get(key) ?? []), i]);
    });
    for (const [key, idx] of byDoc) {
      const c = labeller.components(
        idx.map((i) => items[i]!.text),
        documentOptions(key, idx, items),
      );
      idx.forEach((i, j) => {
        out[i] = c[j]!;
      });
    }
    return out;
  };
  const sets = { ct: componentsOf(ctTest), pn: componentsOf(pnDev), real: componentsOf(realDev) };
  const THREE_WAY = ['fact', 'quote', 'opinion'];
  console.log(
    '\nprecedence trade-off on the dev sets (the same component outputs under each combination order; shipped: ' +
      `${shipped.combine ?? 'opinion-first'})`,
  );
  console.log(
    '  order          CheckThat dev_test opinion-vs-rest | PolNeAR dev quote-vs-rest | real-dev weblog accuracy | essay macro-F1 | news macro-F1',
  );
  for (const order of COMBINE_ORDERS) {
    const said = (c: ComponentOutput) =>
      c.skip ? 'skip' : combineComponents(c.opinion, c.quote, order, c.quotation).label;
    const ct = macroF1(
      ctTest.map((e) => toSubj(e.label)),
      sets.ct.map((c) => toSubj(said(c))),
      SO,
    );
    const pn = macroF1(
      pnGold,
      sets.pn.map((c) => toQuote(said(c))),
      QR,
    );
    const real = sets.real.map(said);
    const part = (name: string) => realDev.map((_, i) => i).filter((i) => realDev[i]!.part === name);
    const weblog = part('weblog');
    const f1Of = (idx: number[]) =>
      macroF1(
        idx.map((i) => realDev[i]!.label),
        idx.map((i) => real[i]!),
        THREE_WAY,
      );
    console.log(
      `  ${order.padEnd(14)} ${ct.toFixed(3).padStart(33)} | ${pn.toFixed(3).padStart(25)} | ${(
        weblog.filter((i) => real[i] === realDev[i]!.label).length / weblog.length
      )
        .toFixed(3)
        .padStart(
          24,
        )} | ${f1Of(part('essay')).toFixed(3).padStart(14)} | ${f1Of(part('news')).toFixed(3).padStart(13)}`,
    );
  }
}

// 8. CI-optional: rebuild from ../shared/eval and compare with the shipped weights.
if (REBUILD) {
  const files: BuildFile[] = shipped.training.files.map((f) => {
    const examples = readEval<{ text: string; label: string; doc?: string }>(f.name).map((r) =>
      r.doc === undefined ? { text: r.text, label: r.label } : { text: r.text, label: r.label, doc: r.doc },
    );
    return { file: f, examples };
  });
  const rebuilt = labellerFromData(buildLabeller(files, DEFAULT_RECIPE));
  const texts = [...ctTest, ...pnDev, ...realDev].map((e) => e.text);
  const a = labeller.predict(texts, { independent: true });
  const b = rebuilt.predict(texts, { independent: true });
  let same = 0;
  let maxDiff = 0;
  a.forEach((p, i) => {
    if (p.label === b[i]!.label) same++;
    for (const l of Object.keys(p.scores))
      maxDiff = Math.max(maxDiff, Math.abs((p.scores[l] ?? 0) - (b[i]!.scores[l] ?? 0)));
  });
  console.log(
    `\nrebuild: ${same}/${texts.length} labels agree with the shipped weights (${pct(same / texts.length)}); largest score difference ${maxDiff.toExponential(2)}`,
  );
}
console.log(`\n(default-labeller bench: ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
