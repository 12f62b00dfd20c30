import type { Model } from '@stance/classify';
import { defaultLabeller, modelFromJson, rulesModel } from '@stance/classify';
import { readTextFile } from '@stance/corpus';
import { StanceError } from '@stance/schema';

/** A model file of the corpus's models folder, as the UI watches for them. */
export interface ModelFile {
  readonly path: string;
  /** What makes one file newer than another (its training time, else its modification time), in ms. */
  readonly stamp: number;
}

/**
 * What a session's suggestions start from, said so that the learning worker can load the same model again: the
 * rules, the shipped default labeller (`stance annotate` without a trained model), or a model file of the corpus.
 * Whatever it is, it is what is shown, what the log names as `suggestion.model`, and what a retrained model is
 * compared with.
 */
export type StartModel =
  | { readonly kind: 'rules' }
  | { readonly kind: 'default' }
  | { readonly kind: 'file'; readonly file: ModelFile };

/** The shipped default labeller's name (what its weights file calls it; a test checks the two agree). */
export const DEFAULT_MODEL_NAME = 'default';

/**
 * The name of the model a start names, without keeping the model: the default labeller's is known, a model file is
 * loaded (and checked, as `loadStartModel` does) and let go. What the UI thread needs when the learning worker is the
 * one that holds the model.
 */
export function startModelName(start: StartModel): string {
  if (start.kind === 'rules') return rulesModel.name;
  if (start.kind === 'default') return DEFAULT_MODEL_NAME;
  return loadStartModel(start).name;
}

/**
 * Load the model a start names. A model reading sentence embeddings (hybrid: about 40 sentences a second per core)
 * is refused with a StanceError naming the file: suggestions are computed while a key waits or between keys.
 */
export function loadStartModel(start: StartModel): Model {
  if (start.kind === 'rules') return rulesModel;
  if (start.kind === 'default') return defaultLabeller();
  const { path } = start.file;
  const model = modelFromJson(readTextFile(path, path), path);
  if (model.encoder !== undefined)
    throw new StanceError(
      `a ${model.kind} model reads sentence embeddings (about 40 sentences a second per core), too slow for suggestions; ` +
        'use `stance train --model logreg` for the UI',
      { where: path },
    );
  return model;
}
