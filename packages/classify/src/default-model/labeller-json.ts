import { StanceError } from '@stance/schema';
import { wordVectors } from '../word-vectors/load.ts';
import type { BinaryComponent } from './binary-scorer.ts';
import { COMBINE_ORDERS } from './combine.ts';
import type { DefaultLabeller } from './labeller.ts';
import { labellerFromData } from './labeller.ts';
import type { LabellerData } from './labeller-data.ts';
import { LABELLER_FORMAT_VERSION } from './labeller-data.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumbers = (v: unknown, length: number): boolean =>
  Array.isArray(v) && v.length === length && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** Throw a StanceError naming the file. */
function bad(name: string, message: string): never {
  throw new StanceError(`not a stance labeller: ${message}`, { where: name });
}

/** Check one component's arrays against each other. */
function checkComponent(name: string, what: string, c: unknown, dims: number): BinaryComponent {
  if (!isObject(c)) bad(name, `missing "${what}"`);
  const { labels, features, weight, scale, bias } = c;
  if (!Array.isArray(labels) || labels.length !== 2 || !labels.every((l) => typeof l === 'string'))
    bad(name, `"${what}.labels" must be two strings`);
  if (!Array.isArray(features) || !features.every((f) => typeof f === 'string'))
    bad(name, `"${what}.features" must be a list of strings`);
  if (!isNumbers(weight, features.length) || !isNumbers(scale, features.length))
    bad(name, `"${what}" weights do not match its features`);
  if (typeof bias !== 'number' || !Number.isFinite(bias)) bad(name, `"${what}.bias" must be a number`);
  const dense = c['dense'];
  if (dense !== undefined) {
    if (dims === 0) bad(name, `"${what}.dense" needs "wordVectors"`);
    if (!isObject(dense) || !isNumbers(dense['weight'], dims) || !isNumbers([dense['bias']], 1))
      bad(name, `"${what}.dense" must hold ${dims} weights and a bias`);
    const share = dense['share'];
    if (typeof share !== 'number' || !(share >= 0 && share <= 1)) bad(name, `"${what}.dense.share" must be 0 to 1`);
  }
  return c as unknown as BinaryComponent;
}

/**
 * Read a labeller file written by `pnpm build:model` (format `stance-labeller`). Every field the labeller reads is
 * checked, so a truncated or foreign file is refused with one StanceError naming `name`.
 */
export function labellerFromJson(json: string, name = '<labeller>'): DefaultLabeller {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    bad(name, `invalid JSON (${(error as Error).message})`);
  }
  if (!isObject(raw) || raw['format'] !== 'stance-labeller') bad(name, 'missing "format": "stance-labeller"');
  // Version 1 is version 2 without word-vector sides: still read.
  if (raw['version'] !== LABELLER_FORMAT_VERSION && raw['version'] !== 1)
    bad(name, `format version ${JSON.stringify(raw['version'])}, this stance reads 1 and ${LABELLER_FORMAT_VERSION}`);
  if (typeof raw['name'] !== 'string') bad(name, 'missing "name"');
  const f = raw['features'];
  if (!isObject(f) || typeof f['wordNgrams'] !== 'number' || typeof f['cues'] !== 'boolean')
    bad(name, 'bad "features"');
  const combine = raw['combine'];
  if (combine !== undefined && !(COMBINE_ORDERS as readonly unknown[]).includes(combine))
    bad(name, `"combine" must be one of ${COMBINE_ORDERS.join(', ')}`);
  const vectors = raw['wordVectors'];
  if (vectors !== undefined && typeof vectors !== 'string') bad(name, '"wordVectors" must be a table id');
  // Only the shipped table exists, so its width is the width a word-vector side must have.
  const dims = vectors === undefined ? 0 : wordVectors().dims;
  checkComponent(name, 'opinion', raw['opinion'], dims);
  checkComponent(name, 'quote', raw['quote'], dims);
  if (!isObject(raw['training'])) bad(name, 'missing "training"');
  if (!Array.isArray(raw['probes'])) bad(name, 'missing "probes"');
  if (vectors !== undefined && vectors !== wordVectors().id)
    bad(name, `built with word vectors ${vectors}, but this stance has ${wordVectors().id}`);
  return labellerFromData(raw as unknown as LabellerData);
}
