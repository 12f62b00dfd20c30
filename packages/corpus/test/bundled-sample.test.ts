import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { textHash } from '@stance/schema';
import { expect, test } from 'vitest';
import { ingestPaths, loadCorpus, readGold } from '../src/index.ts';
import { tempDir } from './helpers.ts';

const REPO_CORPUS = resolve(fileURLToPath(import.meta.url), '../../../../corpus');

// The bundled sample's gold labels name sentence ids; ingesting its sources must give exactly those ids and texts.
test.skipIf(!existsSync(join(REPO_CORPUS, 'gold.jsonl')))('every gold label of the bundled sample resolves', () => {
  const corpus = join(tempDir(), 'corpus');
  const report = ingestPaths([join(REPO_CORPUS, 'sources')], { corpus });
  expect(report.added).toBeGreaterThan(0);
  const loaded = loadCorpus(corpus);
  const gold = readGold(REPO_CORPUS);
  const unresolved = gold.filter((g) => {
    const s = loaded.sentence(g.sentence);
    // Gold text is stored with line breaks folded; the hash compares the normalised text.
    return s === undefined || textHash(s.text) !== g.textHash || textHash(g.text) !== g.textHash;
  });
  expect(unresolved.map((g) => g.sentence)).toEqual([]);
  expect(gold.length).toBe(loaded.sentences.length);
});
