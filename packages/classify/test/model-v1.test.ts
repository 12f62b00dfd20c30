import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModelPrediction } from '../src/index.ts';
import { modelFromJson } from '../src/index.ts';

// Regression: models saved before the sparse-id pipeline (format version 1, written by the earlier Set-and-Map
// feature code and L-BFGS, see fixtures/README.md) must load and predict what they predicted then.
const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

describe.each(['nb', 'logreg'])('a version-1 %s model saved by the earlier code', (kind) => {
  const model = modelFromJson(fixture(`model-v1-${kind}.json`), `model-v1-${kind}.json`);
  const { probes, predictions } = JSON.parse(fixture(`model-v1-${kind}.predictions.json`)) as {
    probes: string[];
    predictions: ModelPrediction[];
  };

  it('predicts the same labels and scores as when it was saved', () => {
    const now = model.predict(probes);
    expect(now.map((p) => p.label)).toEqual(predictions.map((p) => p.label));
    now.forEach((p, i) => {
      for (const [label, score] of Object.entries(predictions[i]!.scores))
        expect(p.scores[label]).toBeCloseTo(score, 12);
    });
  });
});
