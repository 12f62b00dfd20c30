import type { FeatureSettings } from '../features.ts';
import type { Example, TrainOptions } from '../train.ts';
import { train } from '../train.ts';
import type { BinaryComponent } from './binary-scorer.ts';
import { binaryComponent } from './binary-scorer.ts';
import { binaryMacroF1, exampleFeatures, foldsOf, outOfFold } from './cv.ts';
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
  chosen: { l2: number; minCount: number; cv: number };
  cv: Record<string, number>;
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

/** Choose one component's L2 and min count by CV on its selection files, then fit it on its fit files. */
function buildComponent(
  name: 'opinion' | 'quote',
  recipe: ComponentRecipe,
  features: Omit<FeatureSettings, 'minCount'>,
  files: ReadonlyMap<string, BuildFile>,
  log: (line: string) => void,
): ComponentBuild {
  const labels = COMPONENT_LABELS[name];
  const select = examplesOf(files, recipe.selectOn, recipe, labels);
  const sets = exampleFeatures(select, { ...features, minCount: 1 });
  const gold = select.map((e) => e.label === labels[1]);
  const cv: Record<string, number> = {};
  let best = { l2: Number.NaN, minCount: Number.NaN, cv: -1 };
  for (const minCount of recipe.minCount)
    for (const l2 of recipe.l2) {
      const options: TrainOptions = { l2, features: { ...features, minCount }, labels };
      let sum = 0;
      for (const seed of recipe.seeds) {
        const folds = foldsOf(select, recipe.k, seed, recipe.folds);
        sum += binaryMacroF1(gold, outOfFold(select, sets, labels[1], folds, recipe.k, options));
      }
      const score = sum / recipe.seeds.length;
      cv[`l2=${l2} minCount=${minCount}`] = Number(score.toFixed(4));
      log(`${name}: l2=${l2} minCount=${minCount}: CV macro-F1 ${score.toFixed(3)}`);
      // Ties (to 4 decimals) go to the earlier grid point: fewer features, then the smaller penalty, as listed.
      if (Number(score.toFixed(4)) > Number(best.cv.toFixed(4))) best = { l2, minCount, cv: score };
    }
  const fit = examplesOf(files, recipe.fitOn, recipe, labels);
  const model = train('logreg', fit, { l2: best.l2, features: { ...features, minCount: best.minCount }, labels });
  log(`${name}: chose l2=${best.l2} minCount=${best.minCount}; fitted on ${fit.length} sentences`);
  return { component: binaryComponent(model, labels[1]), chosen: { ...best, cv: Number(best.cv.toFixed(4)) }, cv };
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
): LabellerData {
  const byName = new Map(files.map((f) => [f.file.name, f]));
  const opinion = buildComponent('opinion', recipe.opinion, recipe.features, byName, log);
  const quote = buildComponent('quote', recipe.quote, recipe.features, byName, log);
  const data: LabellerData = {
    format: 'stance-labeller',
    version: LABELLER_FORMAT_VERSION,
    name: 'default',
    features: { ...recipe.features, minCount: 1 },
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
  const labeller = labellerFromData(data);
  const outputs = labeller.components(PROBE_SENTENCES, { independent: true });
  data.probes = PROBE_SENTENCES.map((text, i) => ({
    text,
    opinion: Number(outputs[i]!.opinion.toFixed(6)),
    quote: Number(outputs[i]!.quote.toFixed(6)),
  }));
  return data;
}
