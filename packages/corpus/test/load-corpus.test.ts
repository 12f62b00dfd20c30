import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { documentSentences, ingestPaths, loadCorpus } from '../src/index.ts';
import { errorLine, tempDir, writeFiles } from './helpers.ts';

/** A corpus with guidelines and two documents ingested from JSONL. */
function corpusWithTwoDocs() {
  const root = tempDir();
  const corpus = join(root, 'corpus');
  writeFiles(root, {
    'corpus/GUIDELINES.md': '# Guidelines\n\nVersion: 1.2\n\nLabel every sentence.\n',
    'in.jsonl': [
      '{"id":"b-doc","text":"Second doc. It repeats. It repeats."}',
      '{"id":"a-doc","text":"First doc.\\n\\nTwo sentences here."}',
    ].join('\n'),
  });
  ingestPaths(['in.jsonl'], { corpus, cwd: root });
  return { root, corpus };
}

describe('loadCorpus', () => {
  test('documents sorted by id, sentences in document then index order, lookups by id', () => {
    const { corpus } = corpusWithTwoDocs();
    const c = loadCorpus(corpus);
    expect(c.dir).toBe(corpus);
    expect(c.guideline?.version).toBe('1.2');
    expect(c.documents.map((d) => d.id)).toEqual(['a-doc', 'b-doc']);
    expect(c.sentences.map((s) => [s.docId, s.index, s.text])).toEqual([
      ['a-doc', 0, 'First doc.'],
      ['a-doc', 1, 'Two sentences here.'],
      ['b-doc', 0, 'Second doc.'],
      ['b-doc', 1, 'It repeats.'],
      ['b-doc', 2, 'It repeats.'],
    ]);
    const repeats = c.sentencesOf('b-doc').slice(1);
    expect(repeats[1]?.id).toBe(`${repeats[0]?.id}~2`);
    for (const s of c.sentences) {
      expect(c.sentence(s.id)).toBe(s);
      const doc = c.documents.find((d) => d.id === s.docId);
      expect(doc?.text.slice(s.start, s.end)).toBe(s.text);
    }
    expect(c.sentencesOf('nope')).toEqual([]);
    expect(c.retired.size).toBe(0);
  });

  test('a corpus without guidelines or documents loads empty', () => {
    const dir = tempDir();
    expect(loadCorpus(dir)).toMatchObject({ guideline: null, documents: [], sentences: [] });
  });

  test('documentSentences is pure: same document, same sentences', () => {
    const doc = { id: 'x', title: 'T', text: 'One. Two.' };
    expect(documentSentences(doc)).toEqual(documentSentences({ ...doc }));
    expect(documentSentences(doc).map((s) => s.id)).toEqual([
      expect.stringMatching(/^x:[0-9a-f]{10}$/),
      expect.stringMatching(/^x:[0-9a-f]{10}$/),
    ]);
  });

  test('errors name the file', () => {
    const root = tempDir();
    expect(errorLine(() => loadCorpus(join(root, 'missing')), root)).toBe('<tmp>/missing: no such corpus folder');
    const { corpus } = corpusWithTwoDocs();
    writeFiles(corpus, { 'GUIDELINES.md': '# Guidelines\nno version here\n' });
    expect(errorLine(() => loadCorpus(corpus), corpus)).toBe(
      '<tmp>/GUIDELINES.md: no "Version: X.Y" line in the guidelines',
    );
    writeFiles(corpus, { 'GUIDELINES.md': 'Version: 2.0\n', 'documents/c-doc.json': '{"id":"c-doc","title":"T"}\n' });
    expect(errorLine(() => loadCorpus(corpus), corpus)).toBe(
      '<tmp>/documents/c-doc.json: field "text" must be a string',
    );
    writeFiles(corpus, { 'documents/c-doc.json': '{"id":"other","title":"T","text":"x"}\n' });
    expect(errorLine(() => loadCorpus(corpus), corpus)).toBe(
      '<tmp>/documents/c-doc.json: document id "other" does not match its file name',
    );
    writeFiles(corpus, { 'documents/c-doc.json': '{\n"id": "c-doc",\n,\n}' });
    expect(errorLine(() => loadCorpus(corpus), corpus)).toMatch(/^<tmp>\/documents\/c-doc\.json:3: malformed document/);
    writeFiles(corpus, { 'documents/c-doc.json': '{"id":"c-doc","title":"T","text":"x"}', 'retired.jsonl': '{}\n' });
    expect(errorLine(() => loadCorpus(corpus), corpus)).toBe('<tmp>/retired.jsonl:1: field "id" must be a string');
  });

  test('hidden temp files of an interrupted write are not documents', () => {
    const { corpus } = corpusWithTwoDocs();
    mkdirSync(join(corpus, 'documents'), { recursive: true });
    writeFiles(corpus, { 'documents/.a-doc.json.tmp-123': '{' });
    expect(loadCorpus(corpus).documents).toHaveLength(2);
  });
});
