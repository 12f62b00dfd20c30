/**
 * How fast a big corpus loads: 100,000 sentences (2,000 documents of 50) generated into a temp folder through
 * `ingestPaths`, then `loadCorpus` timed against its own parts in the same run: reading and parsing the document files
 * (the I/O floor) and segmenting the texts. Prints milliseconds (median of several runs) and ratios. Sentence ids alone
 * are timed against the contract written out plainly (normalise and hash each text twice, a Hash object each time).
 * Last, `loadCorpus` again once the segmentation cache is written (what `stance ingest` and the annotation UI leave).
 * Run: `pnpm bench:corpus` (options: --docs N --sentences N --runs N).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sentenceIds } from '@stance/schema';
import { segment } from '@stance/text';
import { ingestPaths, loadCorpus, saveSegmentationCache } from '../src/index.ts';

const { values } = parseArgs({
  options: { docs: { type: 'string' }, sentences: { type: 'string' }, runs: { type: 'string' } },
});
const DOCS = Number(values.docs ?? 2000);
const PER_DOC = Number(values.sentences ?? 50);
const RUNS = Number(values.runs ?? 7);

// A fixed-seed generator so every run measures the same corpus.
let seed = 42;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const WORDS = 'the council voted rent cap housing market prices rose sharply last year according to figures from'.split(
  ' ',
);
const OPENERS = ['I think', 'Mr. Oduya said', 'In 2023,', 'Critics argue', 'Frankly,', 'The report found that'];
const ENDS = ['.', '.', '.', '?', '!', '…'];

/** One generated sentence of 8-28 words. */
function sentence(): string {
  const n = 8 + Math.floor(random() * 20);
  const words = Array.from({ length: n }, () => pick(WORDS));
  return `${pick(OPENERS)} ${words.join(' ')}${pick(ENDS)}`;
}

/** One generated document: paragraphs of a few sentences. */
function documentText(): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < PER_DOC; ) {
    const size = Math.min(PER_DOC - i, 2 + Math.floor(random() * 4));
    paragraphs.push(Array.from({ length: size }, sentence).join(' '));
    i += size;
  }
  return paragraphs.join('\n\n');
}

/** Sentence ids as AGENTS.md defines them, written plainly: the peer of `sentenceIds`. */
function plainSentenceIds(docId: string, texts: readonly string[]): string[] {
  const key = (text: string) => text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const n = (seen.get(key(text)) ?? 0) + 1;
    seen.set(key(text), n);
    const base = `${docId}:${createHash('sha256').update(key(text), 'utf8').digest('hex').slice(0, 10)}`;
    return n > 1 ? `${base}~${n}` : base;
  });
}

/** Median and fastest wall time of `runs` calls, in ms; the fastest is the figure least disturbed by a busy machine. */
function time(runs: number, run: () => unknown): { median: number; min: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] as number, min: times[0] as number };
}

const root = mkdtempSync(join(tmpdir(), 'stance-corpus-bench-'));
try {
  const corpus = join(root, 'corpus');
  const lines = Array.from({ length: DOCS }, (_, i) => JSON.stringify({ id: `doc-${i}`, text: documentText() }));
  writeFileSync(join(root, 'in.jsonl'), `${lines.join('\n')}\n`);

  const ingestStart = performance.now();
  ingestPaths(['in.jsonl'], { corpus, cwd: root });
  const ingestMs = performance.now() - ingestStart;
  const reingestMs = time(1, () => ingestPaths(['in.jsonl'], { corpus, cwd: root })).min;

  const loaded = loadCorpus(corpus);
  const sentences = loaded.sentences.length;
  const folder = join(corpus, 'documents');
  const readParse = () =>
    readdirSync(folder).map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as { id: string; text: string });
  const texts = readParse();

  const loadMs = time(RUNS, () => loadCorpus(corpus));
  const readMs = time(RUNS, readParse);
  const segmentMs = time(RUNS, () => {
    for (const doc of texts) segment(doc.text);
  });
  const idsMs = time(RUNS, () => {
    for (const doc of texts)
      sentenceIds(
        doc.id,
        segment(doc.text).map((s) => s.text),
      );
  });

  const segmented = texts.map((doc) => ({ id: doc.id, sentences: segment(doc.text).map((s) => s.text) }));
  const onlyIdsMs = time(RUNS, () => {
    for (const doc of segmented) sentenceIds(doc.id, doc.sentences);
  });
  const plainIdsMs = time(RUNS, () => {
    for (const doc of segmented) plainSentenceIds(doc.id, doc.sentences);
  });

  if (!saveSegmentationCache(loaded)) throw new Error('bench: the segmentation cache was not written');
  const cachedMs = time(RUNS, () => loadCorpus(corpus));

  const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;
  const row = (name: string, t: { median: number; min: number }, note: string) =>
    `${name.padEnd(30)} ${ms(t.median)} ${ms(t.min)}   ${note}`;
  const ratio = (peer: { median: number }) => `loadCorpus / peer = ${(loadMs.median / peer.median).toFixed(2)}x`;
  const out = [
    `corpus: ${DOCS} documents, ${sentences} sentences; ${RUNS} runs`,
    `${''.padEnd(30)} ${'median'.padStart(9)} ${'fastest'.padStart(9)}`,
    row('loadCorpus', loadMs, `${(sentences / loadMs.median).toFixed(0)}k sentences/s`),
    row('  peer: read + JSON.parse', readMs, ratio(readMs)),
    row('  peer: segment only', segmentMs, ratio(segmentMs)),
    row('  peer: segment + sentenceIds', idsMs, ratio(idsMs)),
    row('sentenceIds alone', onlyIdsMs, `${(sentences / onlyIdsMs.median).toFixed(0)}k ids/s`),
    row(
      '  peer: ids written plainly',
      plainIdsMs,
      `plain / sentenceIds = ${(plainIdsMs.median / onlyIdsMs.median).toFixed(2)}x`,
    ),
    row(
      'loadCorpus, segmentation cached',
      cachedMs,
      `uncached / cached = ${(loadMs.median / cachedMs.median).toFixed(2)}x, cached / (read + JSON.parse) = ${(cachedMs.median / readMs.median).toFixed(2)}x`,
    ),
    `ingest, first (${DOCS} documents written) ${ms(ingestMs)}`,
    `ingest again (all unchanged)       ${ms(reingestMs)}   first / again = ${(ingestMs / reingestMs).toFixed(1)}x`,
    `budget: loadCorpus under 1000 ms at ${sentences} sentences (median): ${loadMs.median < 1000 ? 'yes' : 'NO'} uncached, ${cachedMs.median < 1000 ? 'yes' : 'NO'} cached`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
