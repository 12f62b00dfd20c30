import { defaultLabeller, labelDocument } from '@stance/classify';
import { sentenceIds } from '@stance/schema';
import { segment } from '@stance/text';
import { describe, expect, it } from 'vitest';
import { indexCorpus } from '../src/model/corpus-index.ts';
import { createSuggester, KEPT_DOCUMENTS } from '../src/model/suggester.ts';
import { buildCorpus, smallCorpus } from './fixtures.ts';

/** The rules labeler, counting the documents it is run on (by their first sentence). */
function countingLabeler() {
  const runs: string[] = [];
  const labeler = (texts: string[]) => {
    runs.push(texts[0] ?? '');
    return labelDocument(texts);
  };
  return { runs, labeler };
}

/** One document from its text, segmented as ingest segments it. */
function corpusOf(text: string) {
  const spans = segment(text);
  const ids = sentenceIds(
    'post',
    spans.map((s) => s.text),
  );
  return {
    documents: [{ id: 'post', title: 'A post', text }],
    sentences: spans.map((s, index) => ({
      id: ids[index]!,
      docId: 'post',
      index,
      start: s.start,
      end: s.end,
      text: s.text,
    })),
  };
}

describe('createSuggester', () => {
  it('suggests quote for every sentence of a Markdown block quotation, from the rules and the default labeller', () => {
    const text = [
      'I read this in the paper today.',
      '',
      '> The council approved a 4.5% fare rise on Tuesday. The operator welcomed the decision.',
      '',
      'Frankly, this is a disgrace.',
    ].join('\n');
    const { documents, sentences } = corpusOf(text);
    const index = indexCorpus(documents, sentences);
    expect(Array.from(index.blockQuoted)).toEqual([0, 1, 1, 0]);
    const plain = corpusOf(text.replace('> ', '  '));
    for (const model of [null, defaultLabeller()]) {
      const labels = (i: typeof index) => sentences.map((_, s) => createSuggester(i, labelDocument, model).at(s).label);
      expect(labels(index).slice(1, 3)).toEqual(['quote', 'quote']);
      // The same story without the `>` is the author's report of it: not all quotes.
      expect(labels(indexCorpus(plain.documents, plain.sentences)).slice(1, 3)).not.toEqual(['quote', 'quote']);
    }
  });

  it('reads the paragraph after a lead-in such as `From the AP comes this story:` as quoted, and the lead-in', () => {
    const text = [
      'From the AP comes this story:',
      '',
      'The council approved a fare rise. It takes effect in May.',
      '',
      'Good.',
    ].join('\n');
    const { documents, sentences } = corpusOf(text);
    expect(Array.from(indexCorpus(documents, sentences).blockQuoted)).toEqual([1, 1, 1, 0]);
    // The same text with a lead-in to the author's own points quotes nothing.
    const own = corpusOf(text.replace('From the AP comes this story:', 'Three things happened:'));
    expect(Array.from(indexCorpus(own.documents, own.sentences).blockQuoted)).toEqual([0, 0, 0, 0]);
  });

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

  it('keeps the suggestions of the documents looked at last only: memory does not grow with the documents visited', () => {
    const docs = KEPT_DOCUMENTS + 4;
    const { documents, sentences } = buildCorpus(
      Array.from({ length: docs }, (_, d) => ({ id: `d${d}`, title: `D${d}`, sentences: [`Fact ${d} is 7.`] })),
    );
    const { runs, labeler } = countingLabeler();
    const suggester = createSuggester(indexCorpus(documents, sentences), labeler);
    for (let d = 0; d < docs; d++) suggester.at(d);
    expect(runs).toHaveLength(docs);
    // The newest KEPT_DOCUMENTS are cached; looking at one again keeps it longest.
    suggester.at(docs - KEPT_DOCUMENTS);
    suggester.at(docs - 1);
    expect(runs).toHaveLength(docs);
    suggester.at(0);
    expect(runs).toHaveLength(docs + 1);
    // Document 0 came back in place of the least recently looked-at one (not the one just looked at again).
    suggester.at(docs - KEPT_DOCUMENTS);
    expect(runs).toHaveLength(docs + 1);
    suggester.at(docs - KEPT_DOCUMENTS + 1);
    expect(runs).toHaveLength(docs + 2);
  });

  it('ranks with the model alone when there is one: no rules run for `all`, and the same confidences as `at`', () => {
    const { documents, sentences } = smallCorpus();
    const { runs, labeler } = countingLabeler();
    const model = {
      name: 'm',
      predict: (texts: readonly string[]) => texts.map((t) => ({ label: 'fact', confidence: t.length / 100 })),
    };
    const suggester = createSuggester(indexCorpus(documents, sentences), labeler, model);
    const confidence = suggester.all();
    expect(runs).toEqual([]);
    expect(Array.from(confidence)).toEqual(sentences.map((_, s) => suggester.at(s).confidence));
  });
});
