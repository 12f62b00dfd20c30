import { existsSync } from 'node:fs';
import type { Model } from '@stance/classify';
import { defaultLabeller, labellerFromJson, modelFromJson, rulesModel } from '@stance/classify';
import { readTextFile } from '@stance/corpus';
import { looksLikePath, MODEL_NAMES } from '@stance/evaluate';
import { StanceError } from '@stance/schema';
import { userPath } from './args.ts';
import type { Io } from './command.ts';

/** What `--model` takes, for help texts. */
export const MODEL_HELP = '`default` (the shipped labeller; the default), `rules`, or a model file from `stance train`';

/**
 * The model a `--model` option names: `default` (the shipped labeller, also when no option is given), `rules`, or the
 * path of a model saved by `stance train` (or a labeller file written by `pnpm build:model --out`).
 */
export function loadModelOption(io: Io, spec: string | undefined): Model {
  if (spec === undefined || spec === 'default') return defaultLabeller();
  if (spec === 'rules') return rulesModel;
  const path = userPath(io, spec);
  if (!existsSync(path)) {
    if (looksLikePath(spec)) throw new StanceError('no such file', { where: spec });
    // A name that is neither built in nor a file is a usage error; say which names there are and what they need.
    const trained = MODEL_NAMES.filter((m) => m !== 'rules' && m !== 'majority' && m !== 'default').join('|');
    throw new StanceError(
      `unknown model ${JSON.stringify(spec)}: not a built-in model and no such file; give default, rules, or a model file made by \`stance train --model ${trained}\``,
    );
  }
  const json = readTextFile(path, spec);
  return /"format"\s*:\s*"stance-labeller"/.test(json.slice(0, 200))
    ? labellerFromJson(json, spec)
    : modelFromJson(json, spec);
}

/** Round a score for output: 4 decimals are plenty and keep lines short. */
export function roundScores(scores: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(scores)) out[k] = Math.round(v * 1e4) / 1e4;
  return out;
}
