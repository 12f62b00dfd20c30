import { rulesModel } from '@stance/classify';
import { describe, expect, it } from 'vitest';
import type { LiveExample, Predictor } from '../src/learn/learning.ts';
import { crossValidate, encodePredictions, groupedFolds, rankPool, trainLive } from '../src/learn/learning.ts';

// Sentences made up for these tests: facts with figures, opinions with verdicts, quotes with a speaker.
function examples(docs: number): LiveExample[] {
  const out: LiveExample[] = [];
  for (let d = 0; d < docs; d++) {
    out.push(
      { text: `The council spent ${d + 3} million on roads in ${2000 + d}.`, label: 'fact', doc: `d${d}` },
      { text: `This plan is a disgrace and the mayor should resign over item ${d}.`, label: 'opinion', doc: `d${d}` },
      { text: `“We will fix it by spring,” the mayor said of road ${d}.`, label: 'quote', doc: `d${d}` },
      { text: `Ridership fell ${d + 10}% after fares rose in March.`, label: 'fact', doc: `d${d}` },
      { text: `Surely nobody believes scheme ${d} is worth the money.`, label: 'opinion', doc: `d${d}` },
    );
  }
  return out;
}

describe('grouped folds', () => {
  it('never splits a document across folds, and deals the documents round the folds', () => {
    const docs = ['a', 'a', 'b', 'c', 'c', 'c', 'd', 'e', 'f'];
    const { fold, k, grouped } = groupedFolds(docs, 5);
    expect([k, grouped]).toEqual([5, true]);
    const foldOf = new Map<string, number>();
    docs.forEach((d, i) => {
      expect(foldOf.get(d) ?? fold[i]).toBe(fold[i]);
      foldOf.set(d, fold[i]!);
    });
    expect(new Set(fold).size).toBe(5);
  });

  it('deals sentences when there is one document (and says so)', () => {
    expect(groupedFolds(['a', 'a', 'a', 'a'], 5)).toMatchObject({ k: 4, grouped: false });
  });
});

describe('the live model', () => {
  it('learns the labels it is given and scores them by grouped cross-validation against the previous model', () => {
    const data = examples(12);
    const cv = crossValidate(data, rulesModel);
    expect(cv.folds).toBe(5);
    expect(cv.grouped).toBe(true);
    expect(cv.macroF1).toBeGreaterThan(0.8);
    // The rules are scored on the same held-out sentences.
    expect(cv.previous).toBeGreaterThanOrEqual(0);
    expect(cv.previous).toBeLessThanOrEqual(1);
    const model = trainLive(data, 'live-logreg-1');
    expect(model.predict(['The council spent 9 million on parks in 2031.'])[0]?.label).toBe('fact');
  });

  // Regression: the live model was trained, cross-validated and asked for suggestions as if no sentence sat in a `>`
  // block quotation, where the start model and the rules read them as quotes.
  it('reads the quotations the layout shows, in training, cross-validation and prediction', () => {
    const story = ['The council met on Monday.', 'The fares rose on Tuesday.', 'The depot opened in May.'];
    const data: LiveExample[] = ['a', 'b', 'c', 'd', 'e'].flatMap((doc) => [
      ...story.map((text) => ({ text, label: 'quote' as const, doc, quoted: true })),
      ...story.map((text) => ({ text, label: 'fact' as const, doc })),
    ]);
    const model = trainLive(data, 'live-logreg-1');
    expect(model.predict(story, { blockQuoted: [true, true, true] }).map((p) => p.label)).toEqual([
      'quote',
      'quote',
      'quote',
    ]);
    expect(model.predict(story).map((p) => p.label)).toEqual(['fact', 'fact', 'fact']);
    // Held-out sentences are predicted with their flags too: the live model separates what the words alone cannot.
    expect(crossValidate(data, rulesModel).macroF1).toBe(1);
  });

  it('ranks a pool least confident first, predicting each document together', () => {
    const seen: string[][] = [];
    const confidence = new Map([
      ['a', 0.9],
      ['b', 0.2],
      ['c', 0.5],
      ['d', 0.2],
    ]);
    const predictor: Predictor = {
      name: 'test',
      predict: (texts) => {
        seen.push([...texts]);
        return texts.map((t) => ({ label: 'fact', confidence: confidence.get(t)! }));
      },
    };
    const texts = ['a', 'b', 'c', 'd'];
    const ranked = rankPool(predictor, Int32Array.from([0, 1, 2, 3]), Int32Array.from([7, 7, 8, 8]), (p) => texts[p]!);
    expect(Array.from(ranked)).toEqual([1, 3, 2, 0]);
    expect(seen).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('encodes predictions compactly, a label outside the four as 255', () => {
    const { labels, confidence } = encodePredictions([
      { label: 'quote', confidence: 0.5 },
      { label: 'SUBJ', confidence: 0.25 },
    ]);
    expect(Array.from(labels)).toEqual([1, 255]);
    expect(Array.from(confidence)).toEqual([0.5, 0.25]);
  });
});
