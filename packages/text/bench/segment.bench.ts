// `pnpm bench:text`: stance's segmenter against natural's SentenceTokenizer and Intl.Segmenter, in one run, on the
// Golden Rules (cases passed) and on a large prose text (MB/s and ratios), plus two pathological inputs for linearity.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
// natural is imported by deep path here only for comparison; the package itself never uses its sentence tokenizer.
import { SentenceTokenizer } from 'natural/lib/natural/tokenizers/index.js';
import { segment } from '../src/index.ts';

interface Case {
  id: string;
  text: string;
  sentences: string[];
  in_pysbd48: boolean;
}
type Splitter = (text: string) => string[];

const root = join(import.meta.dirname, '../../..');
const EVAL = join(root, '../shared/eval');
const GOLDEN = join(EVAL, 'golden-rules-en.json');
const CHECKTHAT = join(EVAL, 'checkthat-subjectivity-en.train.jsonl');
const PROSE_BYTES = 5 * 1024 * 1024;
// natural's tokenizer is quadratic in its input, and Intl.Segmenter (V8/ICU) also slows down sharply past ~100 KB
// (measured here: 100 KB in 0.7 s, 1 MB in 110 s), so both are timed on this slice; stance is timed on it too.
const PEER_SLICE = 32 * 1024;

const natural = new SentenceTokenizer([]);
const intl = new Intl.Segmenter('en', { granularity: 'sentence' });
const SPLITTERS: Record<string, Splitter> = {
  stance: (t) => segment(t).map((s) => s.text),
  natural: (t) => natural.tokenize(t),
  'Intl.Segmenter': (t) => Array.from(intl.segment(t), (s) => s.segment.trim()).filter(Boolean),
};

function goldenRules(): void {
  const cases = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Case[];
  const n48 = cases.filter((c) => c.in_pysbd48).length;
  console.log(`Golden Rules (${relative(root, GOLDEN)}): cases passed, sentences trimmed and compared exactly`);
  console.log(`  ${'segmenter'.padEnd(16)} ${`pySBD ${n48}`.padStart(10)} ${`all ${cases.length}`.padStart(10)}`);
  for (const [name, split] of Object.entries(SPLITTERS)) {
    let p48 = 0;
    let all = 0;
    for (const c of cases) {
      let got: string[];
      try {
        got = split(c.text).map((s) => s.trim());
      } catch {
        got = [];
      }
      if (JSON.stringify(got) === JSON.stringify(c.sentences)) {
        all++;
        if (c.in_pysbd48) p48++;
      }
    }
    console.log(`  ${name.padEnd(16)} ${`${p48}/${n48}`.padStart(10)} ${`${all}/${cases.length}`.padStart(10)}`);
  }
}

// Corpus pieces repeated to PROSE_BYTES; the CheckThat sentences joined five to a paragraph while the corpus is empty.
function prose(): { text: string; from: string } {
  const dir = join(root, 'corpus/sources');
  let parts: string[] = [];
  let from = 'corpus/sources/*.md';
  try {
    parts = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
  } catch {
    parts = [];
  }
  if (parts.join('').length < 10_000) {
    from = CHECKTHAT;
    const sentences = readFileSync(CHECKTHAT, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { text: string }).text);
    parts = [];
    for (let i = 0; i < sentences.length; i += 5) parts.push(sentences.slice(i, i + 5).join(' '));
  }
  const one = parts.join('\n\n');
  const text = one.repeat(Math.ceil(PROSE_BYTES / one.length));
  return { text: flat(text), from };
}

// A repeated or concatenated string is a rope in V8; flatten it so every segmenter reads the same flat string.
function flat(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

const mb = (s: string) => Buffer.byteLength(s, 'utf8') / 1e6;

interface Rate {
  /** Median MB/s of wall-clock time over the runs. */
  wall: number;
  /** MB/s of this process's CPU time over all runs: steadier than wall time on a shared, loaded machine. */
  cpu: number;
}

// MB/s over `runs` runs after one warm-up run.
function speed(split: Splitter, text: string, runs = 5): Rate {
  split(text);
  const rates: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    split(text);
    rates.push(mb(text) / ((performance.now() - t0) / 1000));
  }
  const used = process.cpuUsage(cpu0);
  rates.sort((a, b) => a - b);
  return { wall: rates[Math.floor(rates.length / 2)] ?? 0, cpu: (mb(text) * runs) / ((used.user + used.system) / 1e6) };
}

function throughput(): Rate {
  const { text, from } = prose();
  const slice = flat(text.slice(0, PEER_SLICE));
  console.log(`\nProse: ${mb(text).toFixed(1)} MB from ${from} (repeated); median of several runs`);
  // Warm the JIT first (about 10 MB through the segmenter), so the figures measure steady state, not compilation.
  for (let i = 0; i < 300; i++) SPLITTERS.stance?.(slice);
  const stanceSlice = speed(SPLITTERS.stance as Splitter, slice, 31);
  const stance = speed(SPLITTERS.stance as Splitter, text, 9);
  const intlSlice = speed(SPLITTERS['Intl.Segmenter'] as Splitter, slice, 3);
  const naturalSlice = speed(SPLITTERS.natural as Splitter, slice, 3);
  const on = `first ${PEER_SLICE / 1024} KB`;
  const row = (name: string, rate: Rate, on: string, ratio: string) =>
    console.log(
      `  ${name.padEnd(16)} ${`${rate.wall.toFixed(1)} MB/s`.padStart(12)} ${`${rate.cpu.toFixed(1)} MB/s`.padStart(12)}  ${on.padEnd(14)} ${ratio}`,
    );
  const faster = (peer: Rate) =>
    `stance is ${(stanceSlice.wall / peer.wall).toFixed(1)}x faster (wall), ${(stanceSlice.cpu / peer.cpu).toFixed(1)}x (CPU)`;
  console.log(`  ${'segmenter'.padEnd(16)} ${'wall'.padStart(12)} ${'CPU'.padStart(12)}  ${'input'.padEnd(14)}`);
  row('stance', stance, 'full text', '');
  row('stance', stanceSlice, on, '');
  row('Intl.Segmenter', intlSlice, on, faster(intlSlice));
  row('natural', naturalSlice, on, faster(naturalSlice));
  return stance;
}

function pathological(prose: Rate): void {
  console.log('\nPathological inputs (stance only; linear time means MB/s stays near the prose figure or above)');
  const cases: [string, string][] = [
    ['10 MB, no punctuation', flat('word '.repeat(2_000_000))],
    ['1 MB of dots', flat('.'.repeat(1_000_000))],
  ];
  for (const [name, text] of cases) {
    const rate = speed(SPLITTERS.stance as Splitter, text, 3);
    console.log(
      `  ${name.padEnd(24)} ${`${rate.wall.toFixed(1)} MB/s wall`.padStart(16)} ${`${rate.cpu.toFixed(1)} MB/s CPU`.padStart(16)}  ${(rate.cpu / prose.cpu).toFixed(2)}x prose (CPU)`,
    );
  }
}

goldenRules();
pathological(throughput());
