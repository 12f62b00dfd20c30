import { StanceError } from '@stance/schema';
import type { FeatureSettings } from './features.ts';
import type { Model } from './model.ts';
import { USE_DIMS, USE_ENCODER_ID } from './sentence-encoder.ts';
import type { TrainedModel, TrainedModelData } from './trained-model.ts';
import { MODEL_FORMAT_VERSION, modelFromData } from './trained-model.ts';

/** Serialise a trained model as JSON (kind, labels, options, feature settings, vocabulary, weights, data SHA-256). */
export function modelToJson(model: Model): string {
  const data = (model as Partial<TrainedModel>).data;
  if (!data) throw new StanceError(`model ${JSON.stringify(model.name)} is built in and has nothing to save`);
  return `${JSON.stringify(data)}\n`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumbers = (v: unknown, length?: number): v is number[] =>
  Array.isArray(v) && (length === undefined || v.length === length) && v.every((x) => typeof x === 'number');
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Throw a StanceError naming the model file. */
function bad(name: string, message: string): never {
  throw new StanceError(`not a stance model: ${message}`, { where: name });
}

/** Check feature settings field by field. */
function checkFeatures(name: string, f: unknown): FeatureSettings {
  if (!isObject(f)) bad(name, 'missing "features"');
  const char = f['charNgrams'];
  const okChar = char === null || (isNumbers(char, 2) && char[0]! >= 1 && char[0]! <= char[1]!);
  if (typeof f['wordNgrams'] !== 'number' || !okChar || typeof f['cues'] !== 'boolean')
    bad(name, 'bad "features" settings');
  if (typeof f['context'] !== 'boolean' || typeof f['minCount'] !== 'number' || typeof f['stems'] !== 'boolean')
    bad(name, 'bad "features" settings');
  return f as unknown as FeatureSettings;
}

/** Check logistic regression parameters against the label count and input width. */
function checkLogistic(name: string, params: unknown, k: number, dims: number, what: string): void {
  if (!isObject(params)) bad(name, `missing ${what} parameters`);
  const w = params['weights'];
  if (!isNumbers(params['bias'], k) || !Array.isArray(w) || w.length !== k || !w.every((r) => isNumbers(r, dims)))
    bad(name, `${what} weights do not match its labels and inputs`);
  if (params['scale'] !== undefined && !isNumbers(params['scale'], dims))
    bad(name, `${what} feature scale does not match its vocabulary`);
}

/**
 * Load a model saved by modelToJson. Every field is checked, so a truncated, hand-edited or foreign JSON file is
 * refused with a one-line StanceError (`where` = `name`) instead of failing later inside predict.
 */
export function modelFromJson(json: string, name = '<model>'): TrainedModel {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    bad(name, `invalid JSON (${(error as Error).message})`);
  }
  if (!isObject(raw) || raw['format'] !== 'stance-model') bad(name, 'missing "format": "stance-model"');
  if (raw['version'] !== MODEL_FORMAT_VERSION)
    bad(name, `format version ${JSON.stringify(raw['version'])}, this stance reads ${MODEL_FORMAT_VERSION}`);
  const { kind, labels, vocabulary, params, options, data } = raw;
  if (kind !== 'nb' && kind !== 'logreg' && kind !== 'hybrid') bad(name, `unknown kind ${JSON.stringify(kind)}`);
  if (!isStrings(labels) || labels.length < 2) bad(name, '"labels" must list at least two strings');
  if (!isStrings(vocabulary)) bad(name, '"vocabulary" must be a list of strings');
  checkFeatures(name, raw['features']);
  if (!isObject(options)) bad(name, 'missing "options"');
  if (!isObject(data) || typeof data['sha256'] !== 'string') bad(name, 'missing "data"');
  if (!isObject(params)) bad(name, 'missing "params"');
  const dims = vocabulary.length;
  const k = labels.length;
  if (kind === 'nb') {
    const ll = params['logLikelihood'];
    if (
      !isNumbers(params['logPrior'], k) ||
      !Array.isArray(ll) ||
      ll.length !== k ||
      !ll.every((r) => isNumbers(r, dims))
    )
      bad(name, 'naive Bayes parameters do not match its labels and vocabulary');
  } else if (kind === 'logreg') {
    checkLogistic(name, params, k, dims, 'logistic regression');
  } else {
    checkLogistic(name, params['sparse'], k, dims, 'hybrid n-gram');
    checkLogistic(name, params['dense'], k, USE_DIMS, 'hybrid embedding');
    const encoder = options['encoder'];
    if (typeof encoder !== 'string') bad(name, 'hybrid model without "options.encoder"');
    if (encoder !== USE_ENCODER_ID)
      bad(name, `unknown sentence encoder ${JSON.stringify(encoder)}; this stance has ${USE_ENCODER_ID}`);
    const w = options['denseWeight'];
    if (typeof w !== 'number' || !(w >= 0 && w <= 1)) bad(name, '"options.denseWeight" must be a number from 0 to 1');
  }
  if (typeof raw['name'] !== 'string') bad(name, 'missing "name"');
  return modelFromData(raw as unknown as TrainedModelData);
}
