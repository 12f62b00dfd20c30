// `pnpm bench:text`: stance's segmenter against its JavaScript peers in one run: sentencex (Wikimedia's Rust segmenter
// through its Node bindings), compromise and Intl.Segmenter. Accuracy on the Golden Rules (cases passed) and on running
// text with gold sentence offsets (UD English EWT dev: web text; GUM dev: many genres), scored as boundary F1; speed on
// commentary prose and on web text (MB/s and ratios); pathological inputs for linearity.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import nlp from 'compromise/one';
import { segment as sentencex } from 'sentencex';
import { segment } from '../src/index.ts';
import { boundaryScore, EVAL_DIR, readUdDocs, type Splitter, type UdDoc } from './boundary-f1.ts';

interface Case {
  id: string;
  text: string;
  sentences: string[];
  in_pysbd48: boolean;
}

const root = join(import.meta.dirname, '../../..');
const GOLDEN = join(EVAL_DIR, 'golden-rules-en.json');
const CHECKTHAT = join(EVAL_DIR, 'checkthat-subjectivity-en.train.jsonl');
const CORPORA = { 'EWT dev': 'ud-ewt-dev-docs.json', 'GUM dev': 'ud-gum-dev-docs.json' } as const;
const TEXT_BYTES = 5 * 1024 * 1024;
// compromise runs near 0.1 MB/s and Intl.Segmenter (V8/ICU) slows down sharply past ~100 KB (1 MB took 110 s here), so
// both are timed on this slice; stance and sentencex are timed on it too, and on the full text.
const PEER_SLICE = 32 * 1024;

const intl = new Intl.Segmenter('en', { granularity: 'sentence' });
const SPLITTERS: Record<string, Splitter> = {
  stance: (t) => segment(t).map((s) => s.text),
  sentencex: (t) => sentencex('en', t),
  compromise: (t) => (nlp(t).json() as { text: string }[]).map((s) => s.text),
  'Intl.Segmenter': (t) => Array.from(intl.segment(t), (s) => s.segment),
};
const SLOW = new Set(['compromise', 'Intl.Segmenter']);
const stance = SPLITTERS.stance as Splitter;
const rel = (p: string) => relative(root, p);

function goldenRules(): void {
  const cases = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Case[];
  const n48 = cases.filter((c) => c.in_pysbd48).length;
  console.log(`Golden Rules (${rel(GOLDEN)}): cases passed, sentences trimmed and compared exactly`);
  console.log(`  ${'segmenter'.padEnd(16)} ${`pySBD ${n48}`.padStart(10)} ${`all ${cases.length}`.padStart(10)}`);
  for (const [name, split] of Object.entries(SPLITTERS)) {
    let p48 = 0;
    let all = 0;
    for (const c of cases) {
      let got: string[];
      try {
        got = split(c.text)
          .map((s) => s.trim())
          .filter(Boolean);
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

// Documents in two halves by position (even/odd), to see whether a figure holds on either half.
const half = (docs: UdDoc[], h: 0 | 1) => docs.filter((_, i) => i % 2 === h);

function boundaries(): Record<string, UdDoc[]> {
  const corpora = Object.fromEntries(Object.entries(CORPORA).map(([name, file]) => [name, readUdDocs(file)]));
  console.log(`\nSentence boundaries: boundary F1 (precision / recall) on ${Object.values(CORPORA).join(', ')}`);
  console.log(
    `  ${'segmenter'.padEnd(16)} ${Object.keys(corpora)
      .map((c) => c.padStart(24))
      .join('')}`,
  );
  for (const [name, split] of Object.entries(SPLITTERS)) {
    const cells = Object.values(corpora).map((docs) => {
      const s = boundaryScore(docs, split);
      return `${s.f1.toFixed(3)} (${s.precision.toFixed(3)}/${s.recall.toFixed(3)})`.padStart(24);
    });
    console.log(`  ${name.padEnd(16)} ${cells.join('')}`);
  }
  const halves = Object.entries(corpora).map(([c, docs]) => {
    const [a, b] = [half(docs, 0), half(docs, 1)].map((d) => boundaryScore(d, stance).f1.toFixed(3));
    return `${c} ${a} / ${b}`;
  });
  console.log(`  stance on even / odd documents: ${halves.join(', ')}`);
  const ewt = corpora['EWT dev'] ?? [];
  const genres = [...new Set(ewt.map((d) => d.genre))].map((g) => {
    const docs = ewt.filter((d) => d.genre === g);
    return `${g} ${boundaryScore(docs, stance).f1.toFixed(3)} vs ${boundaryScore(docs, SPLITTERS.sentencex as Splitter).f1.toFixed(3)}`;
  });
  console.log(`  EWT dev by genre, stance vs sentencex: ${genres.join(', ')}`);
  return corpora;
}

// Corpus pieces (the CheckThat sentences five to a paragraph while the corpus is empty), repeated to TEXT_BYTES.
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
    from = rel(CHECKTHAT);
    const sentences = readFileSync(CHECKTHAT, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { text: string }).text);
    parts = [];
    for (let i = 0; i < sentences.length; i += 5) parts.push(sentences.slice(i, i + 5).join(' '));
  }
  return { text: repeatTo(parts.join('\n\n')), from };
}

function repeatTo(one: string): string {
  return flat(one.repeat(Math.ceil(TEXT_BYTES / one.length)));
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

const row = (name: string, rate: Rate, on: string, ratio: string) =>
  console.log(
    `  ${name.padEnd(16)} ${`${rate.wall.toFixed(1)} MB/s`.padStart(12)} ${`${rate.cpu.toFixed(1)} MB/s`.padStart(12)}  ${on.padEnd(14)} ${ratio}`,
  );
const faster = (mine: Rate, peer: Rate) =>
  `stance is ${(mine.wall / peer.wall).toFixed(2)}x faster (wall), ${(mine.cpu / peer.cpu).toFixed(2)}x (CPU)`;

// Runs on the slice for the fast splitters: 160 x 32 KB is about the full text, so the CPU figure is not noise.
const SLICE_RUNS = 161;

// Times stance and sentencex on the whole text, and every splitter on the first PEER_SLICE; returns both full rates.
function throughput(label: string, text: string): { stance: Rate; sentencex: Rate } {
  const slice = flat(text.slice(0, PEER_SLICE));
  const on = `first ${PEER_SLICE / 1024} KB`;
  console.log(`\n${label}: ${mb(text).toFixed(1)} MB; median of several runs`);
  console.log(`  ${'segmenter'.padEnd(16)} ${'wall'.padStart(12)} ${'CPU'.padStart(12)}  ${'input'.padEnd(14)}`);
  // Warm the JIT first (about 10 MB through the segmenter), so the figures measure steady state, not compilation.
  for (let i = 0; i < 300; i++) stance(slice);
  const full = speed(stance, text, 9);
  const fullSx = speed(SPLITTERS.sentencex as Splitter, text, 9);
  row('stance', full, 'full text', '');
  row('sentencex', fullSx, 'full text', faster(full, fullSx));
  const mine = speed(stance, slice, SLICE_RUNS);
  row('stance', mine, on, '');
  for (const [name, split] of Object.entries(SPLITTERS)) {
    if (name === 'stance') continue;
    const peer = speed(split, slice, SLOW.has(name) ? 3 : SLICE_RUNS);
    row(name, peer, on, faster(mine, peer));
  }
  return { stance: full, sentencex: fullSx };
}

function pathological(base: Rate): void {
  console.log('\nPathological inputs (stance only; linear time means MB/s stays near the prose figure or above)');
  const cases: [string, string][] = [
    ['10 MB, no punctuation', flat('word '.repeat(2_000_000))],
    ['1 MB of dots', flat('.'.repeat(1_000_000))],
    ['1 MB of a@ (addresses)', flat('a@'.repeat(500_000))],
    ['1 MB of :) (emoticons)', flat(':) '.repeat(333_333))],
    ['1 MB of [1] (footnotes)', flat('x. [1]'.repeat(166_666))],
    ['1 MB, one 1 MB token', flat(`http://${'a/'.repeat(500_000)}`)],
  ];
  for (const [name, text] of cases) {
    const rate = speed(stance, text, 3);
    console.log(
      `  ${name.padEnd(24)} ${`${rate.wall.toFixed(1)} MB/s wall`.padStart(16)} ${`${rate.cpu.toFixed(1)} MB/s CPU`.padStart(16)}  ${(rate.cpu / base.cpu).toFixed(2)}x prose (CPU)`,
    );
  }
}

goldenRules();
const corpora = boundaries();
const { text, from } = prose();
const proseRates = throughput(`Prose from ${from} (repeated)`, text);
const web = Object.values(corpora)
  .flat()
  .map((d) => d.text)
  .join('\n\n');
const webRates = throughput(`Web text: the ${Object.keys(CORPORA).join(' and ')} documents (repeated)`, repeatTo(web));
pathological(proseRates.stance);
const ratio = (r: { stance: Rate; sentencex: Rate }) => `${(r.stance.cpu / r.sentencex.cpu).toFixed(2)}x`;
console.log(
  `\nstance / sentencex, CPU, full texts: prose ${ratio(proseRates)}, web text ${ratio(webRates)} (target >= 1.5x)`,
);
