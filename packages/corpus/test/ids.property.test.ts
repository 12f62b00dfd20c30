import { join } from 'node:path';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { ingestPaths, loadCorpus } from '../src/index.ts';
import { folderHash, tempDir, writeFiles } from './helpers.ts';

// Sentences drawn from a small vocabulary so repeats (the `~n` case) and shared sentences across documents are common.
const word = fc.constantFrom('rent', 'council', 'cap', 'Rents', 'The', 'rose', 'I', 'think', '4%', 'said', 'Mr.');
const sentence = fc
  .array(word, { minLength: 1, maxLength: 6 })
  .chain((ws) => fc.constantFrom('.', '?', '!').map((end) => `${ws.join(' ')}${end}`));
const document = fc.array(sentence, { minLength: 1, maxLength: 8 }).map((ss) => ss.join(' '));

// Real files for each of 60 runs: seconds on a busy machine, hence the longer timeout.
test('sentence ids are unique within a corpus and stable under re-ingest', () => {
  fc.assert(
    fc.property(fc.array(document, { minLength: 1, maxLength: 6 }), fc.boolean(), (texts, withIds) => {
      const root = tempDir();
      const corpus = join(root, 'corpus');
      const lines = texts.map((text, i) => JSON.stringify(withIds ? { id: `doc-${i}`, text } : { text }));
      // Content ids: identical texts would be one document twice, which ingest rightly refuses.
      if (!withIds && new Set(texts).size !== texts.length) return;
      writeFiles(root, { 'in.jsonl': `${lines.join('\n')}\n` });
      ingestPaths(['in.jsonl'], { corpus, cwd: root });
      const first = loadCorpus(corpus).sentences.map((s) => s.id);
      expect(new Set(first).size).toBe(first.length);
      const hash = folderHash(corpus);
      const again = ingestPaths(['in.jsonl'], { corpus, cwd: root });
      expect(again.unchanged).toBe(texts.length);
      expect(folderHash(corpus)).toBe(hash);
      expect(loadCorpus(corpus).sentences.map((s) => s.id)).toEqual(first);
    }),
    { numRuns: 60 },
  );
});
