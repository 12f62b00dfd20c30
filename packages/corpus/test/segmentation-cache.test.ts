import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  documentSentences,
  ingestPaths,
  loadCorpus,
  SEGMENTATION_CACHE_FILE,
  saveSegmentationCache,
  segmenterFingerprint,
} from '../src/index.ts';
import { tempDir, writeFiles } from './helpers.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** A corpus of three documents ingested from JSONL; `texts` replaces their texts. */
function corpusOf(
  texts: readonly string[] = ['One. Two. Two.', 'Dr. Who said: “Hi. Bye.” Then left.', '# Head\n\nA line\nB line.'],
) {
  const root = tempDir();
  const corpus = join(root, 'corpus');
  writeFiles(root, {
    'in.jsonl': texts.map((text, i) => JSON.stringify({ id: `doc-${i}`, text })).join('\n'),
  });
  ingestPaths(['in.jsonl'], { corpus, cwd: root });
  // As if the documents had been written other than by ingest (which caches what it segments; tested below).
  rmSync(join(corpus, '.cache'), { recursive: true, force: true });
  return { root, corpus };
}

/** The sentences as plain data, for comparing two loads. */
const plain = (dir: string) => loadCorpus(dir).sentences.map((s) => ({ ...s }));

describe('segmentation cache', () => {
  test('a saved cache gives the same sentences without segmenting; loading alone writes nothing', () => {
    const { corpus } = corpusOf();
    const cold = loadCorpus(corpus);
    expect(cold.segmentation).toEqual({ cached: 0, segmented: 3, cacheCurrent: false });
    expect(existsSync(join(corpus, '.cache'))).toBe(false);
    expect(saveSegmentationCache(cold)).toBe(true);
    expect(cold.segmentation.cacheCurrent).toBe(true);
    const warm = loadCorpus(corpus);
    expect(warm.segmentation).toEqual({ cached: 3, segmented: 0, cacheCurrent: true });
    expect(warm.sentences.map((s) => ({ ...s }))).toEqual(cold.sentences.map((s) => ({ ...s })));
    for (const s of warm.sentences)
      expect(warm.documents.find((d) => d.id === s.docId)?.text.slice(s.start, s.end)).toBe(s.text);
    // Git never sees it: the folder ignores everything in it, its own .gitignore included.
    expect(readFileSync(join(corpus, '.cache/.gitignore'), 'utf8')).toMatch(/^\*$/m);
    expect(readdirSync(join(corpus, '.cache')).sort()).toEqual(['.gitignore', 'sentences.json']);
  });

  test('ingest caches the sentences it segmented: added and changed documents load from the cache, the others keep theirs', () => {
    const root = tempDir();
    const corpus = join(root, 'corpus');
    writeFiles(root, {
      'a.jsonl': ['One. Two.', 'Three? Four!'].map((text, i) => JSON.stringify({ id: `d${i}`, text })).join('\n'),
    });
    ingestPaths(['a.jsonl'], { corpus, cwd: root });
    expect(loadCorpus(corpus).segmentation).toEqual({ cached: 2, segmented: 0, cacheCurrent: true });
    // Another file adds one document and changes another: every document still loads from the cache.
    writeFiles(root, {
      'b.jsonl': ['Five. Six.', 'Changed. Yes.'].map((text, i) => JSON.stringify({ id: `d${i + 1}`, text })).join('\n'),
    });
    ingestPaths(['b.jsonl'], { corpus, cwd: root });
    const c = loadCorpus(corpus);
    expect(c.segmentation).toEqual({ cached: 3, segmented: 0, cacheCurrent: true });
    expect(c.sentencesOf('d1').map((s) => s.text)).toEqual(['Five.', 'Six.']);
    for (const doc of c.documents) expect(c.sentencesOf(doc.id)).toEqual(documentSentences(doc));
    // Re-ingesting the same input writes nothing, the cache included; a dry run neither.
    const cache = join(corpus, SEGMENTATION_CACHE_FILE);
    rmSync(cache);
    ingestPaths(['b.jsonl'], { corpus, cwd: root });
    ingestPaths(['a.jsonl'], { corpus, cwd: root, dryRun: true });
    expect(existsSync(cache)).toBe(false);
  });

  test('a changed document is segmented again; the others come from the cache', () => {
    const { corpus } = corpusOf();
    saveSegmentationCache(loadCorpus(corpus));
    // Changed by hand, not through ingest.
    const file = join(corpus, 'documents', 'doc-1.json');
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...stored, text: 'Changed now. Really.' }));
    const c = loadCorpus(corpus);
    expect(c.segmentation).toEqual({ cached: 2, segmented: 1, cacheCurrent: false });
    expect(c.sentencesOf('doc-1').map((s) => s.text)).toEqual(['Changed now.', 'Really.']);
    expect(c.sentencesOf('doc-1')).toEqual(documentSentences(c.documents[1]!));
  });

  test('a removed document makes the cache not current (its entry is dead weight) but loads the rest from it', () => {
    const { corpus } = corpusOf();
    saveSegmentationCache(loadCorpus(corpus));
    const path = join(corpus, SEGMENTATION_CACHE_FILE);
    const data = JSON.parse(readFileSync(path, 'utf8'));
    data.documents['doc-9'] = data.documents['doc-0'];
    writeFileSync(path, JSON.stringify(data));
    expect(loadCorpus(corpus).segmentation).toEqual({ cached: 3, segmented: 0, cacheCurrent: false });
  });

  test('a damaged, foreign or hand-edited cache costs a segmentation, never a wrong sentence', () => {
    const { corpus } = corpusOf();
    const truth = plain(corpus);
    saveSegmentationCache(loadCorpus(corpus));
    const path = join(corpus, SEGMENTATION_CACHE_FILE);
    const good = readFileSync(path, 'utf8');
    const edit = (
      change: (data: {
        segmenter: string;
        documents: Record<string, { hash: string; spans: unknown[]; ids: unknown[] }>;
      }) => void,
    ) => {
      const data = JSON.parse(good);
      change(data);
      return JSON.stringify(data);
    };
    const damaged: Record<string, string> = {
      truncated: good.slice(0, good.length / 2),
      empty: '',
      'not an object': '[1, 2]',
      'another segmenter': edit((d) => {
        d.segmenter = '1:someone-else';
      }),
      'spans out of the text': edit((d) => {
        d.documents['doc-0']!.spans[1] = 10_000;
      }),
      'spans backwards': edit((d) => {
        d.documents['doc-0']!.spans.reverse();
      }),
      'overlapping spans': edit((d) => {
        d.documents['doc-0']!.spans[2] = 0;
      }),
      'a span not a number': edit((d) => {
        d.documents['doc-0']!.spans[0] = '0';
      }),
      'an id not a string': edit((d) => {
        d.documents['doc-0']!.ids[0] = 7;
      }),
      'ids and spans of different lengths': edit((d) => {
        d.documents['doc-0']!.ids.pop();
      }),
      'another text': edit((d) => {
        d.documents['doc-0']!.hash = d.documents['doc-1']!.hash;
      }),
      'no spans': edit((d) => {
        delete (d.documents['doc-0'] as { spans?: unknown }).spans;
      }),
    };
    for (const [what, text] of Object.entries(damaged)) {
      writeFileSync(path, text);
      expect(plain(corpus), what).toEqual(truth);
      expect(loadCorpus(corpus).segmentation.cacheCurrent, what).toBe(false);
    }
  });

  test('a corpus that can not hold the cache loads as before, and saving says false', () => {
    const { corpus } = corpusOf();
    // A file where the cache's folder would go: nothing can be written there (also as root, unlike permissions).
    writeFileSync(join(corpus, '.cache'), 'not a folder');
    const c = loadCorpus(corpus);
    expect(saveSegmentationCache(c)).toBe(false);
    expect(c.segmentation.cacheCurrent).toBe(false);
    expect(readFileSync(join(corpus, '.cache'), 'utf8')).toBe('not a folder');
  });

  test('property: any text round-trips through the cache to the sentences segmenting gives', () => {
    const chunk = fc.constantFrom(
      'Dr. ',
      'Smith ',
      'said ',
      '“',
      '”',
      '. ',
      '? ',
      '!',
      '\n',
      '\n\n',
      '# ',
      '- ',
      '3.5 ',
      'a.m. ',
      '…',
      ' ',
      'é',
      'e\u0301',
      '\u0301',
      '😀',
      'x',
    );
    const text = fc.array(chunk, { minLength: 1, maxLength: 60 }).map((parts) => parts.join(''));
    const { root, corpus } = corpusOf(['Seed. Text.']);
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (texts) => {
        const usable = texts.filter((t) => t.trim().length > 0);
        if (usable.length === 0) return true;
        writeFiles(root, { 'in.jsonl': usable.map((t, i) => JSON.stringify({ id: `doc-${i}`, text: t })).join('\n') });
        ingestPaths(['in.jsonl'], { corpus, cwd: root });
        const cold = loadCorpus(corpus);
        saveSegmentationCache(cold);
        const warm = loadCorpus(corpus);
        const same = JSON.stringify(warm.sentences) === JSON.stringify(cold.sentences);
        return (
          same &&
          warm.documents.every((d) => JSON.stringify(warm.sentencesOf(d.id)) === JSON.stringify(documentSentences(d)))
        );
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });

  test('the fingerprint moves with the segmenter: pinned together with its output on the fixtures', () => {
    // When this fails, segmentation or sentence ids changed. If the fingerprint changed too, caches made before are
    // ignored: update both pins. If only the fixtures' hash changed, the probe in src/segmentation-cache.ts missed the
    // change: bump CACHE_VERSION there (or add the case to the probe), then update both pins.
    const fixtures = resolve(here, '../../text/test/fixtures');
    const documents = [
      ...readdirSync(fixtures)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => ({ id: f.replace(/\W/g, '-'), title: '', text: readFileSync(join(fixtures, f), 'utf8') })),
      ...loadCorpus(resolve(here, '../../../corpus')).documents,
    ];
    const output = createHash('sha256')
      .update(JSON.stringify(documents.map((d) => documentSentences(d).map((s) => [s.start, s.end, s.id]))))
      .digest('base64');
    expect({ fingerprint: segmenterFingerprint(), fixtures: output }).toEqual({
      fingerprint: '1:AZPNkHJf61vKAar6tWv/nLIXn7xIif0YKDTn4YdhigE=',
      fixtures: 'GT/AuG0lilf9C4w6N41zPrcgd7dhgPZjZMvuuq36LAU=',
    });
  });
});
