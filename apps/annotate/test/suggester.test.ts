import { labelDocument } from '@stance/classify';
import { describe, expect, it } from 'vitest';
import { indexCorpus } from '../src/model/corpus-index.ts';
import { createSuggester } from '../src/model/suggester.ts';
import { smallCorpus } from './fixtures.ts';

/** The rules labeler, counting the documents it is run on (by their first sentence). */
function countingLabeler() {
  const runs: string[] = [];
  const labeler = (texts: string[]) => {
    runs.push(texts[0] ?? '');
    return labelDocument(texts);
  };
  return { runs, labeler };
}

describe('createSuggester', () => {
  it('warm labels a position’s document once, ahead of `at`, which then labels nothing', () => {
    const { documents, sentences } = smallCorpus();
    const { runs, labeler } = countingLabeler();
    const suggester = createSuggester(indexCorpus(documents, sentences), labeler);
    suggester.warm(3);
    expect(runs).toEqual([sentences[3]!.text]);
    const warmed = suggester.at(4);
    suggester.warm(4);
    expect(runs).toHaveLength(1);
    // The same suggestion as a suggester that was not warmed computes on demand.
    expect(warmed).toEqual(createSuggester(indexCorpus(documents, sentences), labelDocument).at(4));
  });

  it('warm ignores positions outside the corpus', () => {
    const { documents, sentences } = smallCorpus();
    const { runs, labeler } = countingLabeler();
    const suggester = createSuggester(indexCorpus(documents, sentences), labeler);
    for (const position of [-1, sentences.length, 1.5]) suggester.warm(position);
    expect(runs).toEqual([]);
  });
});
