import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelToJson, train } from '../src/index.ts';

// Speed work on feature extraction and the rules must not change what training makes or what a model predicts. These
// are SHA-256 sums of the saved model and of its predictions on its own training sentences (labels, probabilities and
// cues, as JSON), trained on the guideline cases in documents of five (so quotations carry between sentences), as
// the code of commit 3def580 (before the per-sentence set, the shared word lookup and the bigram cache) made them.
// A change that moves them changes models: say so where the change is described, and record the new sums here.
const GOLDEN = {
  nb: {
    model: '7c3c4f462af5df78b5af0dcc77bb31d0b6206f402a2a091ac5d6a6d34b39e465',
    predictions: '50395108d63c3104d1f715040a20f45ff83db6f456728eb1c16bc33d5135585f',
  },
  logreg: {
    model: 'dbf35a6a11d98cdbe51d5ff06b7e2737becfc92f6c6ccf98e9941604524b5e0a',
    predictions: 'bb67a6dfb9a9f1f8563f7e411b64682e206bb10749a7e2383002db7bf6621a76',
  },
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const examples = readFileSync(new URL('fixtures/guideline-cases.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line, i) => {
    const { text, label } = JSON.parse(line) as { text: string; label: string };
    return { text, label, doc: `d${Math.floor(i / 5)}` };
  });

describe.each(['nb', 'logreg'] as const)('training %s', (kind) => {
  it('makes the same model, byte for byte, with the same predictions as before the speed work', () => {
    const model = train(kind, examples);
    expect(sha256(modelToJson(model))).toBe(GOLDEN[kind].model);
    expect(sha256(JSON.stringify(model.predict(examples.map((e) => e.text))))).toBe(GOLDEN[kind].predictions);
  });
});
