import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureSettings, TrainOptions } from '@stance/classify';
import { StanceError } from '@stance/schema';

/**
 * A model named on the command line: `majority`, `rules`, `default` (the shipped labeller), `nb`, `logreg`, `hybrid`
 * (optionally with training options, `nb:alpha=0.1,char=off`), `cmd:PROGRAM`, or a saved model file.
 */
export type ModelSpec =
  | { kind: 'majority' | 'rules' | 'default'; name: string }
  | { kind: 'nb' | 'logreg' | 'hybrid'; name: string; options?: TrainOptions }
  | { kind: 'cmd'; name: string; command: string }
  | { kind: 'saved'; name: string; path: string };

/**
 * The built-in model names, in the order `stance bench` runs them by default. `hybrid` is built in but runs only when
 * named: its sentence encoder reads about 40 sentences a second per core, which a default run on 100k sentences should
 * not pay.
 */
export const BUILT_IN_MODELS = ['majority', 'rules', 'nb', 'logreg'] as const;

/** Every built-in model name `--model` takes, including those that run only when named. */
export const MODEL_NAMES = [...BUILT_IN_MODELS, 'default', 'hybrid'] as const;

const NUMBER_KEYS = ['alpha', 'l2', 'maxIterations', 'denseL2', 'denseWeight'] as const;
const BOOLEAN_KEYS = ['uniformPrior', 'balanced', 'nbScale'] as const;
const FEATURE_NUMBER_KEYS = ['wordNgrams', 'minCount'] as const;
const FEATURE_BOOLEAN_KEYS = ['cues', 'context', 'stems'] as const;
/** Option names `nb:`, `logreg:` and `hybrid:` take (TrainOptions and feature settings of @stance/classify). */
export const TRAIN_OPTION_KEYS = [
  ...NUMBER_KEYS,
  ...BOOLEAN_KEYS,
  ...FEATURE_NUMBER_KEYS,
  ...FEATURE_BOOLEAN_KEYS,
  'char',
];

/**
 * Parse `alpha=0.1,char=2-4,stems=true` into training options. `char` takes `MIN-MAX` or `off`; booleans take
 * true/false; anything unknown is refused, naming the keys there are.
 */
export function parseTrainOptions(text: string, spec: string): TrainOptions {
  const options: TrainOptions = {};
  const features: Partial<FeatureSettings> = {};
  const bad = (why: string) => new StanceError(`--model ${spec}: ${why}`);
  for (const pair of text.split(',')) {
    const m = /^\s*([A-Za-z][A-Za-z0-9]*)\s*=\s*(\S+)\s*$/.exec(pair);
    if (!m) throw bad(`expected KEY=VALUE pairs separated by commas, got ${JSON.stringify(pair)}`);
    const [, key, value] = m as unknown as [string, string, string];
    const number = Number(value);
    const bool = value === 'true' ? true : value === 'false' ? false : undefined;
    if ((NUMBER_KEYS as readonly string[]).includes(key) || (FEATURE_NUMBER_KEYS as readonly string[]).includes(key)) {
      if (!Number.isFinite(number)) throw bad(`${key} takes a number, got ${JSON.stringify(value)}`);
      if (key === 'alpha') options.alpha = number;
      else if (key === 'l2') options.l2 = number;
      else if (key === 'maxIterations') options.maxIterations = number;
      else if (key === 'denseL2') options.denseL2 = number;
      else if (key === 'denseWeight') options.denseWeight = number;
      else if (key === 'wordNgrams') features.wordNgrams = number;
      else features.minCount = number;
    } else if (
      (BOOLEAN_KEYS as readonly string[]).includes(key) ||
      (FEATURE_BOOLEAN_KEYS as readonly string[]).includes(key)
    ) {
      if (bool === undefined) throw bad(`${key} takes true or false, got ${JSON.stringify(value)}`);
      if (key === 'uniformPrior') options.uniformPrior = bool;
      else if (key === 'balanced') options.balanced = bool;
      else if (key === 'nbScale') options.nbScale = bool;
      else if (key === 'cues') features.cues = bool;
      else if (key === 'context') features.context = bool;
      else features.stems = bool;
    } else if (key === 'char') {
      const range = /^(\d+)-(\d+)$/.exec(value);
      if (value === 'off') features.charNgrams = null;
      else if (range && Number(range[1]) >= 1 && Number(range[1]) <= Number(range[2]))
        features.charNgrams = [Number(range[1]), Number(range[2])];
      else throw bad(`char takes MIN-MAX (e.g. 2-5) or off, got ${JSON.stringify(value)}`);
    } else throw bad(`unknown option ${JSON.stringify(key)}; known: ${TRAIN_OPTION_KEYS.join(', ')}`);
  }
  if (Object.keys(features).length) options.features = features;
  return options;
}

/**
 * Parse one `--model` value. `cmd:` runs a program through the classify protocol; anything else that is not a
 * built-in name is the path of a model saved by `stance train`.
 */
export function parseModelSpec(spec: string): ModelSpec {
  const text = spec.trim();
  if ((MODEL_NAMES as readonly string[]).includes(text))
    return { kind: text as (typeof MODEL_NAMES)[number], name: text };
  const trained = /^(nb|logreg|hybrid):(.*)$/s.exec(text);
  if (trained) {
    const kind = trained[1] as 'nb' | 'logreg' | 'hybrid';
    return { kind, name: text, options: parseTrainOptions(trained[2]!, text) };
  }
  if (text.startsWith('cmd:')) {
    const command = text.slice(4).trim();
    if (command === '') throw new StanceError('--model cmd: needs a program, e.g. --model cmd:"python my_model.py"');
    return { kind: 'cmd', name: `cmd:${command}`, command };
  }
  if (text === '') throw new StanceError(`--model needs a value: ${MODEL_NAMES.join(', ')}, cmd:PROGRAM or a file`);
  return { kind: 'saved', name: text, path: text };
}

/** Parse every `--model` value; duplicates are refused, since results are keyed by model name. */
export function parseModelSpecs(specs: readonly string[]): ModelSpec[] {
  const out = (specs.length ? specs : BUILT_IN_MODELS).map(parseModelSpec);
  const seen = new Set<string>();
  for (const m of out) {
    if (seen.has(m.name)) throw new StanceError(`--model ${m.name} is given twice`);
    seen.add(m.name);
  }
  return out;
}

/** True when a `--model` value is meant as a file (it has a folder part or ends in .json), not as a model name. */
export function looksLikePath(spec: string): boolean {
  return /[\\/]/.test(spec) || /\.json$/i.test(spec);
}

/**
 * Refuse, before anything runs, a `--model` that names no built-in model and no file (a typo such as `logrег` or
 * `foo`) or a model file that is not there: a usage error (exit 2; a name lists the names there are), not a model that
 * "failed" (exit 1).
 */
export function checkModelFiles(specs: readonly ModelSpec[], cwd: string): void {
  for (const spec of specs) {
    if (spec.kind !== 'saved' || existsSync(resolve(cwd, spec.path))) continue;
    if (looksLikePath(spec.path)) throw new StanceError('no such file', { where: spec.path });
    throw new StanceError(
      `unknown model ${JSON.stringify(spec.name)}: not a built-in model (${MODEL_NAMES.join(', ')}), not cmd:PROGRAM, and no such file`,
    );
  }
}
