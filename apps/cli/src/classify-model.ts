import type { Model } from '@stance/classify';
import { modelFromJson, rulesModel } from '@stance/classify';
import { readTextFile } from '@stance/corpus';
import { userPath } from './args.ts';
import type { Io } from './command.ts';

/** The model a `--model` option names: `rules` (the default) or the path of a model saved by `stance train`. */
export function loadModelOption(io: Io, spec: string | undefined): Model {
  if (spec === undefined || spec === 'rules') return rulesModel;
  return modelFromJson(readTextFile(userPath(io, spec), spec), spec);
}

/** Round a score for output: 4 decimals are plenty and keep lines short. */
export function roundScores(scores: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(scores)) out[k] = Math.round(v * 1e4) / 1e4;
  return out;
}
