import type { FeatureSettings } from '../features.ts';
import { fitLogisticDense } from '../logistic-regression.ts';
import type { Example, TrainOptions } from '../train.ts';
import { train } from '../train.ts';
import { wordVectors } from '../word-vectors/load.ts';
import type { WordVectors } from '../word-vectors/word-vectors.ts';
import type { BinaryComponent } from './binary-scorer.ts';
import { binaryComponent, round } from './binary-scorer.ts';
import type { CombineOrder } from './combine.ts';
import { combineComponents } from './combine.ts';
import { binaryMacroF1, exampleFeatures, foldsOf, outOfFold } from './cv.ts';
import type { DefaultLabeller } from './labeller.ts';
import { labellerFromData } from './labeller.ts';
import type { LabellerData, TrainingFile } from './labeller-data.ts';
import { LABELLER_FORMAT_VERSION } from './labeller-data.ts';
import type { ComponentRecipe, LabellerRecipe } from './recipe.ts';
import { DEFAULT_RECIPE, PROBE_SENTENCES } from './recipe.ts';

/** A training file's examples with the record that goes into the weights file. */
export interface BuildFile {
  file: TrainingFile;
  examples: Example[];
}

/** Positive and negative label names of each component's model. */
const COMPONENT_LABELS = { opinion: ['OBJ', 'SUBJ'], quote: ['none', 'quote'] } as const;

/** Settings of one component chosen by CV, the grid's scores, and the fitted component. */
interface ComponentBuild {
  component: BinaryComponent;
  chosen: { l2: number; minCount: number; denseL2: number; denseShare: number; cv: number };
  cv: Record<string, number>;
  /** The selection examples (labels mapped), whether each is the positive label, and the chosen settings' out-of-fold probabilities per seed. */
  select: Example[];
  gold: boolean[];
  outOfFold: number[][];
}

/** Examples of the named files, concatenated in the given order, labels mapped to the component's two labels. */
function examplesOf(
  files: ReadonlyMap<string, BuildFile>,
  names: readonly string[],
  recipe: ComponentRecipe,
  labels: readonly [string, string],
): Example[] {
  return names.flatMap((name) => {
    const f = files.get(name);
    if (!f) throw new Error(`build: training file ${name} was not given`);
    return f.examples.map((e) => ({ ...e, label: recipe.positive.includes(e.label) ? labels[1] : labels[0] }));
  });
}

/** Unit-length word-vector sums of texts, as the dense fitter takes them. */
function sentenceVectors(texts: readonly string[], table: WordVectors): Float32Array[] {
  return texts.map((t) => Float32Array.from(table.sentence(t)));
}

/** The word-vector side of a two-label model: logit difference of `positive` (index 1) over the other. */
function fitDense(vectors: readonly Float32Array[], gold: readonly boolean[], dims: number, l2: number) {
  const y = Int32Array.from(gold, (g) => (g ? 1 : 0));
  const p = fitLogisticDense(vectors, y, 2, dims, { l2, balanced: true, maxIterations: 300, nbScale: false });
  return {
    weight: p.weights[1]!.map((w, j) => round(w - p.weights[0]![j]!, 6)),
    bias: round(p.bias[1]! - p.bias[0]!, 8),
  };
}

/** Out-of-fold probabilities of the word-vector side. */
function denseOutOfFold(
  vectors: readonly Float32Array[],
  gold: readonly boolean[],
  folds: readonly number[],
  k: number,
  dims: number,
  l2: number,
): number[] {
  const out = new Array<number>(vectors.length).fill(Number.NaN);
  for (let f = 0; f < k; f++) {
    const train = vectors.map((_, i) => i).filter((i) => folds[i] !== f);
    if (train.length === vectors.length) continue;
    const d = fitDense(
      train.map((i) => vectors[i]!),
      train.map((i) => gold[i]!),
      dims,
      l2,
    );
    vectors.forEach((v, i) => {
      if (folds[i] !== f) return;
      let z = d.bias;
      for (let j = 0; j < dims; j++) z += d.weight[j]! * v[j]!;
      out[i] = 1 / (1 + Math.exp(-z));
    });
  }
  return out;
}

/**
 * Choose one component's settings by CV on its selection files — the n-gram side's L2 and min count, the word-vector
 * side's L2 and its share of the probability, jointly over every combination of the out-of-fold probabilities — then
 * fit both sides on its fit files.
 */
function buildComponent(
  name: 'opinion' | 'quote',
  recipe: ComponentRecipe,
  features: Omit<FeatureSettings, 'minCount'>,
  files: ReadonlyMap<string, BuildFile>,
  table: WordVectors,
  log: (line: string) => void,
): ComponentBuild {
  const labels = COMPONENT_LABELS[name];
  const select = examplesOf(files, recipe.selectOn, recipe, labels);
  const sets = exampleFeatures(select, { ...features, minCount: 1 });
  const vectors = sentenceVectors(
    select.map((e) => e.text),
    table,
  );
  const gold = select.map((e) => e.label === labels[1]);
  const folds = recipe.seeds.map((seed) => foldsOf(select, recipe.k, seed, recipe.folds));
  // Out-of-fold probabilities per seed, for every grid point of each side.
  const sparse = new Map<string, number[][]>();
  for (const minCount of recipe.minCount)
    for (const l2 of recipe.l2) {
      const options: TrainOptions = { l2, features: { ...features, minCount }, labels };
      sparse.set(
        `l2=${l2} minCount=${minCount}`,
        folds.map((f) => outOfFold(select, sets, labels[1], f, recipe.k, options)),
      );
    }
  const dense = new Map<number, number[][]>();
  for (const l2 of recipe.denseL2)
    dense.set(
      l2,
      folds.map((f) => denseOutOfFold(vectors, gold, f, recipe.k, table.dims, l2)),
    );
  const cv: Record<string, number> = {};
  let best = { l2: Number.NaN, minCount: Number.NaN, denseL2: Number.NaN, denseShare: Number.NaN, cv: -1 };
  let bestOutOfFold: number[][] = [];
  // Ties (to 4 decimals) go to the earlier grid point: no word-vector side first, fewer features, smaller penalties.
  for (const denseShare of recipe.denseShare)
    for (const denseL2 of denseShare === 0 ? recipe.denseL2.slice(0, 1) : recipe.denseL2)
      for (const minCount of recipe.minCount)
        for (const l2 of recipe.l2) {
          if (denseShare === 1 && (minCount !== recipe.minCount[0] || l2 !== recipe.l2[0])) continue;
          const s = sparse.get(`l2=${l2} minCount=${minCount}`)!;
          const d = dense.get(denseL2)!;
          let sum = 0;
          const mixes = folds.map((_, r) => s[r]!.map((p, i) => (1 - denseShare) * p + denseShare * d[r]![i]!));
          for (const mix of mixes) sum += binaryMacroF1(gold, mix);
          const score = Number((sum / folds.length).toFixed(4));
          const key =
            denseShare === 0
              ? `l2=${l2} minCount=${minCount}`
              : denseShare === 1
                ? `vectors only denseL2=${denseL2}`
                : `l2=${l2} minCount=${minCount} denseL2=${denseL2} share=${denseShare}`;
          cv[key] = score;
          if (score > best.cv) {
            best = { l2, minCount, denseL2, denseShare, cv: score };
            bestOutOfFold = mixes;
          }
        }
  log(
    `${name}: chose l2=${best.l2} minCount=${best.minCount} denseL2=${best.denseL2} share=${best.denseShare}: CV macro-F1 ${best.cv.toFixed(4)} (n-grams alone: best ${Math.max(
      ...Object.entries(cv)
        .filter(([k]) => !k.includes('dense'))
        .map(([, v]) => v),
    ).toFixed(4)})`,
  );
  const fit = examplesOf(files, recipe.fitOn, recipe, labels);
  const model = train('logreg', fit, { l2: best.l2, features: { ...features, minCount: best.minCount }, labels });
  const component = binaryComponent(model, labels[1]);
  if (best.denseShare > 0) {
    const d = fitDense(
      sentenceVectors(
        fit.map((e) => e.text),
        table,
      ),
      fit.map((e) => e.label === labels[1]),
      table.dims,
      best.denseL2,
    );
    component.dense = { ...d, share: best.denseShare };
  }
  log(`${name}: fitted on ${fit.length} sentences`);
  return { component, chosen: best, cv, select, gold, outOfFold: bestOutOfFold };
}

/** Each example's document (or its own group when it has none), in order, with its indices. */
function documents(examples: readonly Example[]): number[][] {
  const byDoc = new Map<string, number[]>();
  examples.forEach((e, i) => {
    const key = e.doc ?? `\u0000${i}`;
    byDoc.set(key, [...(byDoc.get(key) ?? []), i]);
  });
  return [...byDoc.values()];
}

/**
 * Choose how the components combine (CombineOrder) on train data only. On CheckThat train the opinion component's
 * out-of-fold probabilities meet the quote component's (fitted on PolNeAR, so it never saw them), scored opinion vs
 * rest; on PolNeAR train the quote component's out-of-fold probabilities meet the opinion component's (fitted on
 * CheckThat), scored quote vs rest. Each order's score is the mean of the two macro-F1s (mean over seeds).
 */
function chooseCombination(
  orders: readonly CombineOrder[],
  opinion: ComponentBuild,
  quote: ComponentBuild,
  labeller: DefaultLabeller,
  log: (line: string) => void,
): { order: CombineOrder; cv: Record<string, number> } {
  // The other component's probabilities on this component's data, and which sentences hold a quotation.
  const other = (c: ComponentBuild, which: 'opinion' | 'quote'): { p: number[]; quotation: boolean[] } => {
    const p = new Array<number>(c.select.length);
    const quotation = new Array<boolean>(c.select.length);
    for (const idx of documents(c.select)) {
      const texts = idx.map((i) => c.select[i]!.text);
      const single = idx.length === 1 && c.select[idx[0]!]!.doc === undefined;
      labeller.components(texts, { independent: single }).forEach((o, j) => {
        p[idx[j]!] = o[which];
        quotation[idx[j]!] = o.quotation;
      });
    }
    return { p, quotation };
  };
  const quoteOnOpinionData = other(opinion, 'quote');
  const opinionOnQuoteData = other(quote, 'opinion');
  const score = (
    order: CombineOrder,
    c: ComponentBuild,
    label: 'opinion' | 'quote',
    cross: { p: number[]; quotation: boolean[] },
  ): number => {
    let sum = 0;
    for (const oof of c.outOfFold) {
      const said = oof.map((p, i) => {
        const [o, q] = label === 'opinion' ? [p, cross.p[i]!] : [cross.p[i]!, p];
        return combineComponents(o, q, order, cross.quotation[i]).label === label ? 1 : 0;
      });
      sum += binaryMacroF1(c.gold, said);
    }
    return sum / c.outOfFold.length;
  };
  const cv: Record<string, number> = {};
  let best: { order: CombineOrder; score: number } = { order: orders[0]!, score: -1 };
  for (const order of orders) {
    const o = score(order, opinion, 'opinion', quoteOnOpinionData);
    const q = score(order, quote, 'quote', opinionOnQuoteData);
    const mean = Number(((o + q) / 2).toFixed(4));
    cv[`combine ${order}`] = mean;
    cv[`combine ${order} opinion-vs-rest`] = Number(o.toFixed(4));
    cv[`combine ${order} quote-vs-rest`] = Number(q.toFixed(4));
    log(
      `combine ${order}: opinion vs rest ${o.toFixed(4)} (CheckThat train), quote vs rest ${q.toFixed(4)} (PolNeAR train), mean ${mean.toFixed(4)}`,
    );
    if (mean > best.score) best = { order, score: mean };
  }
  log(`combine: chose ${best.order}`);
  return { order: best.order, cv };
}

/**
 * Build the default labeller from its training files (read by the caller): choose each component's settings by
 * cross-validation on train data only, fit, and record the files' hashes, the choices and probe predictions.
 * Deterministic: the same files and recipe give the same weights.
 */
export function buildLabeller(
  files: readonly BuildFile[],
  recipe: LabellerRecipe = DEFAULT_RECIPE,
  log: (line: string) => void = () => {},
  table: WordVectors = wordVectors(),
): LabellerData {
  const byName = new Map(files.map((f) => [f.file.name, f]));
  const opinion = buildComponent('opinion', recipe.opinion, recipe.features, byName, table, log);
  const quote = buildComponent('quote', recipe.quote, recipe.features, byName, table, log);
  const usesVectors = opinion.component.dense !== undefined || quote.component.dense !== undefined;
  const data: LabellerData = {
    format: 'stance-labeller',
    version: LABELLER_FORMAT_VERSION,
    name: 'default',
    features: { ...recipe.features, minCount: 1 },
    ...(usesVectors ? { wordVectors: table.id } : {}),
    opinion: opinion.component,
    quote: quote.component,
    training: {
      recipe: recipe.version,
      files: files.map((f) => f.file),
      chosen: { opinion: opinion.chosen, quote: quote.chosen },
      cv: {
        ...Object.fromEntries(Object.entries(opinion.cv).map(([k, v]) => [`opinion ${k}`, v])),
        ...Object.fromEntries(Object.entries(quote.cv).map(([k, v]) => [`quote ${k}`, v])),
      },
      licence: recipe.licence,
    },
    probes: [],
  };
  const combination = chooseCombination(recipe.combine, opinion, quote, labellerFromData(data, table), log);
  data.combine = combination.order;
  data.training.chosen['combine'] = combination.order;
  Object.assign(data.training.cv, combination.cv);
  const labeller = labellerFromData(data, table);
  const outputs = labeller.components(PROBE_SENTENCES, { independent: true });
  data.probes = PROBE_SENTENCES.map((text, i) => ({
    text,
    opinion: Number(outputs[i]!.opinion.toFixed(6)),
    quote: Number(outputs[i]!.quote.toFixed(6)),
  }));
  return data;
}
