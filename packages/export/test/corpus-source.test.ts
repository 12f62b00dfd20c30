import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../src/index.ts';
import { makeCorpus, sentencesOf } from './helpers/temp-corpus.ts';

describe('openCorpus', () => {
  it('lists documents by id and segments each on demand, as loadCorpus would', () => {
    const dir = makeCorpus({ b: 'Second doc. It has two sentences.', a: 'First doc.' });
    const source = openCorpus(dir);
    expect(source.documentIds).toEqual(['a', 'b']);
    expect(source.guideline?.version).toBe('1.2');
    expect(source.document('b').sentences).toEqual(sentencesOf('b', 'Second doc. It has two sentences.'));
  });

  it('names the file of a malformed document', () => {
    const dir = makeCorpus({ a: 'First doc.' });
    writeFileSync(join(dir, 'documents', 'a.json'), '{"id": "b", "text": "x"}');
    // The same reader and messages as loadCorpus (@stance/corpus readStoredDocument).
    expect(() => openCorpus(dir).document('a')).toThrow(/document id "b" does not match its file name/);
    writeFileSync(join(dir, 'documents', 'a.json'), '{"id": "a", "text": "x", "extra": 1}');
    expect(() => openCorpus(dir).document('a')).toThrow(/unknown field "extra" in a document file/);
    writeFileSync(join(dir, 'documents', 'a.json'), '{"id": ');
    expect(() => openCorpus(dir).document('a')).toThrow(/malformed document file/);
    expect(() => openCorpus(join(dir, 'nope'))).toThrow(/no such corpus folder/);
  });
});
