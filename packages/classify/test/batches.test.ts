import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Model } from '../src/index.ts';
import { endsInQuote, rulesModel, train } from '../src/index.ts';
import { examples } from './subj-obj.ts';

// Sentences that open and close quotations across sentence boundaries, so the carried quote state matters.
const SENTENCES = [
  '“We tried everything.',
  'The bank would not listen,” she said.',
  'The council approved the budget.',
  '"It is a disgrace.',
  'Nobody asked us."',
  'What a ridiculous waste of money!',
  '« Non.',
  'Jamais. »',
  'He said ‘fine’ and left.',
];
const document = fc.array(fc.constantFrom(...SENTENCES), { maxLength: 20 });

/** Predictions for `texts` made `size` at a time, carrying the quote state from batch to batch. */
function inBatches(model: Model, texts: string[], size: number) {
  const out = [];
  let open = false;
  for (let from = 0; from < texts.length; from += size) {
    const batch = texts.slice(from, from + size);
    out.push(...model.predict(batch, { startsInQuote: open }));
    open = endsInQuote(batch, open);
  }
  return out;
}

describe('a document labelled in batches (startsInQuote + endsInQuote)', () => {
  const models: Model[] = [rulesModel, train('logreg', examples), train('nb', examples)];
  it.each(models.map((m) => [m.kind, m] as const))('gets what one call gives (%s)', (_, model) => {
    fc.assert(
      fc.property(document, fc.integer({ min: 1, max: 7 }), (texts, size) => {
        expect(inBatches(model, texts, size)).toEqual(model.predict(texts));
      }),
      { numRuns: 100 },
    );
  });
});
