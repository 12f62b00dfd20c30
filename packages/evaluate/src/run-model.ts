import { join, resolve } from 'node:path';
import type { DefaultLabeller, Model, TrainedModel } from '@stance/classify';
import {
  defaultLabeller,
  labellerFromJson,
  modelFromJson,
  predictTexts,
  rulesModel,
  trainModel,
} from '@stance/classify';
import { readTextFile } from '@stance/corpus';
import { StanceError } from '@stance/schema';
import { writeFileAtomic } from '@stance/store';
import { runExternalModel } from './external-model.ts';
import type { BenchItem } from './items.ts';
import { mapModelLabel } from './labels.ts';
import type { ModelSpec } from './model-spec.ts';

/** What a model run needs besides its data. */
export interface RunContext {
  /** The labels scored (answers of external models must be among them). */
  labels: readonly string[];
  /** Milliseconds an external model may take per run. */
  timeoutMs: number;
  /** Where relative model paths and external programs start. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** A private folder for training files handed to external models. */
  tempDir: string;
}

/** One model's predictions on the test items (labels in the data's set, or OUTSIDE) and how long it took. */
export interface ModelRun {
  predictions: string[];
  trainMs: number;
  predictMs: number;
  /** The model's settings as run (options, feature settings, file hash…), for the reproducibility block. */
  settings: Record<string, unknown>;
}

/** The majority class of the training items (ties: first in the scored label order). */
export function majorityLabel(train: readonly BenchItem[], labels: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const item of train) counts.set(item.label, (counts.get(item.label) ?? 0) + 1);
  let best = labels[0] ?? '';
  for (const l of labels) if ((counts.get(l) ?? 0) > (counts.get(best) ?? 0)) best = l;
  return best;
}

/**
 * Labels of a built-in Model for `items`: the sentences of each document in document order (so a quotation opened in
 * one sentence carries to the next), items without a document one by one.
 */
export async function predictWithModel(model: Model, items: readonly BenchItem[]): Promise<string[]> {
  const out = new Array<string>(items.length);
  const byDoc = new Map<string, number[]>();
  const alone: number[] = [];
  items.forEach((item, i) => {
    if (item.doc === undefined) alone.push(i);
    else {
      const list = byDoc.get(item.doc);
      if (list) list.push(i);
      else byDoc.set(item.doc, [i]);
    }
  });
  if (alone.length) {
    const p = await predictTexts(
      model,
      alone.map((i) => items[i]!.text),
      { independent: true },
    );
    alone.forEach((i, j) => {
      out[i] = p[j]!.label;
    });
  }
  for (const indices of byDoc.values()) {
    const p = await predictTexts(
      model,
      indices.map((i) => items[i]!.text),
    );
    indices.forEach((i, j) => {
      out[i] = p[j]!.label;
    });
  }
  return out;
}

/** Load a model saved by `stance train`; read afresh on each run, so a file changed between runs is never stale. */
function loadSaved(path: string, ctx: RunContext): Model {
  const json = readTextFile(resolve(ctx.cwd, path), path);
  // A labeller file (`pnpm build:model --out`) names its format first.
  return /"format"\s*:\s*"stance-labeller"/.test(json.slice(0, 200))
    ? labellerFromJson(json, path)
    : modelFromJson(json, path);
}

let trainFiles = 0;

/** Write training items as protocol JSONL for an external model; returns the path. */
function writeTrainingFile(items: readonly BenchItem[], ctx: RunContext): string {
  const path = join(ctx.tempDir, `train-${++trainFiles}.jsonl`);
  let text = '';
  for (const item of items) text += `${JSON.stringify(item)}\n`;
  writeFileAtomic(path, text);
  return path;
}

/** Train (when the model learns) and run one model: `train` to fit on, `test` to label. */
export async function runModel(
  spec: ModelSpec,
  trainItems: readonly BenchItem[],
  test: readonly BenchItem[],
  ctx: RunContext,
): Promise<ModelRun> {
  const started = performance.now();
  const map = (labels: string[]) => labels.map((l) => mapModelLabel(l, ctx.labels));
  switch (spec.kind) {
    case 'majority': {
      const label = majorityLabel(trainItems, ctx.labels);
      const trained = performance.now();
      const predictions = test.map(() => label);
      return { predictions, trainMs: trained - started, predictMs: performance.now() - trained, settings: { label } };
    }
    case 'rules':
    case 'default':
    case 'saved': {
      const model =
        spec.kind === 'saved' ? loadSaved(spec.path, ctx) : spec.kind === 'default' ? defaultLabeller() : rulesModel;
      const loaded = performance.now();
      const predictions = map(await predictWithModel(model, test));
      const data = model.kind === 'labeller' ? undefined : (model as Partial<TrainedModel>).data;
      const labeller = model.kind === 'labeller' ? (model as DefaultLabeller).data : undefined;
      const settings = labeller
        ? { name: labeller.name, labels: model.labels, training: labeller.training }
        : data
          ? {
              path: spec.kind === 'saved' ? spec.path : null,
              kind: data.kind,
              labels: data.labels,
              options: data.options,
              features: data.features,
              trainedOn: data.data,
            }
          : { labels: model.labels, mapping: 'see mapModelLabel' };
      return { predictions, trainMs: loaded - started, predictMs: performance.now() - loaded, settings };
    }
    case 'nb':
    case 'logreg':
    case 'hybrid': {
      const present = new Set(trainItems.map((i) => i.label));
      if (present.size < 2)
        throw new StanceError(
          `needs at least two labels in its training data, found ${[...present].join(', ') || 'none'}`,
          {
            where: spec.name,
          },
        );
      const model = await trainModel(
        spec.kind,
        trainItems.map((i) =>
          i.doc === undefined ? { text: i.text, label: i.label } : { text: i.text, label: i.label, doc: i.doc },
        ),
        spec.options ?? {},
      );
      const trained = performance.now();
      const predictions = map(await predictWithModel(model, test));
      const settings = { options: model.data.options, features: model.data.features };
      return { predictions, trainMs: trained - started, predictMs: performance.now() - trained, settings };
    }
    case 'cmd': {
      const trainPath = writeTrainingFile(trainItems, ctx);
      const result = await runExternalModel({
        command: spec.command,
        name: spec.name,
        trainPath,
        items: test,
        labels: ctx.labels,
        timeoutMs: ctx.timeoutMs,
        cwd: ctx.cwd,
        env: ctx.env,
      });
      // An external program trains and predicts in one run; its time is all counted as prediction.
      const settings = {
        command: spec.command,
        timeoutSeconds: ctx.timeoutMs / 1000,
        ...(result.note === undefined ? {} : { note: result.note }),
      };
      return { predictions: result.labels, trainMs: 0, predictMs: performance.now() - started, settings };
    }
  }
}
