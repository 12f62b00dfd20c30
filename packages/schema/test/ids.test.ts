import { describe, expect, it } from 'vitest';
import {
  contentDocumentId,
  docIdOf,
  isValidAnnotatorName,
  isValidDocumentId,
  sentenceId,
  sentenceIds,
  textHash,
} from '../src/index.ts';

describe('sentence ids', () => {
  it('are stable across white space and Unicode composition differences', () => {
    const composed = 'Caf\u00e9 prices rose.';
    const decomposed = 'Cafe\u0301  prices\nrose.';
    expect(sentenceId('doc1', composed)).toBe(sentenceId('doc1', decomposed));
    expect(textHash(composed)).toBe(textHash(decomposed));
  });

  it('number repeats of the same text within a document', () => {
    const ids = sentenceIds('doc1', ['Yes.', 'No.', 'Yes.', 'Yes.']);
    expect(ids[0]).toMatch(/^doc1:[0-9a-f]{10}$/);
    expect(ids[2]).toBe(`${ids[0]}~2`);
    expect(ids[3]).toBe(`${ids[0]}~3`);
    expect(new Set(ids).size).toBe(4);
  });

  it('change when the text changes, and keep the document id recoverable', () => {
    expect(sentenceId('doc1', 'Prices rose.')).not.toBe(sentenceId('doc1', 'Prices fell.'));
    expect(docIdOf(sentenceId('my-doc.2', 'Prices rose.', 3))).toBe('my-doc.2');
  });

  it('derive document ids from content', () => {
    expect(contentDocumentId('A text.')).toBe(contentDocumentId('A  text.'));
    expect(contentDocumentId('A text.')).toMatch(/^d[0-9a-f]{11}$/);
    expect(isValidDocumentId(contentDocumentId('x'))).toBe(true);
  });
});

describe('annotator names', () => {
  it.each(['alice', 'bob_2', 'A.Lee', 'x-y'])('accept %s', (name) => {
    expect(isValidAnnotatorName(name)).toBe(true);
  });
  it.each(['', '../x', 'a/b', '.hidden', 'a..b', 'a b', 'a\\b', 'x'.repeat(65)])('reject %j', (name) => {
    expect(isValidAnnotatorName(name)).toBe(false);
  });
  // Issue 13: names in other scripts were refused.
  it.each(['José', 'Łukasz', 'Δημήτρης', 'Анна', '李华', 'हिन्दी', 'محمد', 'たなか_2'])(
    'accept letters of any script: %j',
    (name) => {
      expect(isValidAnnotatorName(name)).toBe(true);
    },
  );
  it.each(['Jose\u0301', 'an\u202ena', 'a\u200bb', 'a\u0000b', 'a:b', 'a*b', '\u0301x', 'ana\n'])(
    'reject decomposed accents, bidi and invisible characters, and file-name punctuation: %j',
    (name) => {
      expect(isValidAnnotatorName(name)).toBe(false);
    },
  );
});
