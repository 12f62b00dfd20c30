// `pnpm bench:store`: reading a 1,000,000-event log (target: under 2 s) against peers that read the same file in the
// same run, and the cost of a durable append (write + fsync) against an append that is not fsync'd.
// Each read runs in a fresh child process, as `stance` reads a log at start-up: a reader that runs after another in
// the same heap pays for the garbage the first one left (measured: up to 2x slower), which would skew the ratios.
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  closeSync,
  createReadStream,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AnnotationEvent } from '@stance/schema';
import { LABELS, textHash } from '@stance/schema';
import { foldLabels, openAnnotatorLog, readAnnotatorLog } from '../src/index.ts';

const EVENTS = Number(process.env['STORE_BENCH_EVENTS'] ?? 1_000_000);
const APPENDS = Number(process.env['STORE_BENCH_APPENDS'] ?? 2000);
const RUNS = Number(process.env['STORE_BENCH_RUNS'] ?? 3);

/** Readers compared; each returns the events it read, kept in memory as a caller would keep them. */
const READERS: Record<string, { name: string; read: (path: string) => unknown[] | Promise<unknown[]> }> = {
  ours: {
    name: 'readAnnotatorLog (ours: 64 KB blocks, split, JSON.parse, shape check)',
    read: (path) => {
      const { events, warnings } = readAnnotatorLog(path);
      if (warnings.length > 0) throw new Error(warnings[0]);
      return events;
    },
  },
  readline: { name: 'peer: node:readline line by line + JSON.parse, no checks', read: readlinePeer },
  split: { name: 'peer: readFileSync whole file + split + JSON.parse, no checks', read: splitParsePeer },
};

async function readlinePeer(path: string): Promise<unknown[]> {
  const events: unknown[] = [];
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) if (line !== '') events.push(JSON.parse(line));
  return events;
}

function splitParsePeer(path: string): unknown[] {
  const events: unknown[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) if (line !== '') events.push(JSON.parse(line));
  return events;
}

/** A realistic event: label events with a suggestion, and a retract and a note in every hundred. */
function eventAt(i: number): AnnotationEvent {
  const base = {
    v: 1,
    id: `bench-${new Date(Date.UTC(2026, 10, 25) + i * 1000).toISOString().replace(/[-:]/g, '')}-${String(i + 1).padStart(6, '0')}`,
    sentence: `d${(i % 5000).toString(36)}:${textHash(String(i % 50_000)).slice(0, 10)}`,
    textHash: textHash(`sentence ${i % 50_000}`),
    annotator: 'bench',
    at: new Date(Date.UTC(2026, 10, 25) + i * 1000).toISOString(),
    ms: 800 + (i % 4000),
    guideline: '1.2',
  };
  if (i % 100 === 99) return { ...base, type: 'retract', target: `bench-x-${String(i).padStart(6, '0')}` };
  if (i % 100 === 98) return { ...base, type: 'note', note: 'reported speech inside an opinion piece' };
  return {
    ...base,
    type: 'label',
    label: LABELS[i % 4]!,
    suggestion: { label: LABELS[(i + 1) % 4]!, model: 'cues-v1', shown: i % 3 !== 0, confidence: 0.62 },
  };
}

function writeLog(path: string, count: number): void {
  const CHUNK = 20_000;
  for (let start = 0; start < count; start += CHUNK) {
    let text = '';
    for (let i = start; i < Math.min(count, start + CHUNK); i++) text += `${JSON.stringify(eventAt(i))}\n`;
    appendFileSync(path, text);
  }
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/** Child mode: read the log once with one reader and print `{seconds, count}` on stdout. */
async function child(reader: string, path: string): Promise<void> {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const events = await READERS[reader]!.read(path);
  const cpu = process.cpuUsage(cpuStart);
  console.log(JSON.stringify({ seconds: seconds(start), cpu: (cpu.user + cpu.system) / 1e6, count: events.length }));
}

interface Timing {
  seconds: number;
  /** CPU seconds of the reading process, GC threads included: less swayed than wall time by other load. */
  cpu: number;
  count: number;
}

function timeInChild(reader: string, path: string): Timing {
  const result = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--read', reader, path], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`reader ${reader} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Timing;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'stance-store-bench-'));
  try {
    const corpus = join(dir, 'corpus');
    const logPath = join(corpus, 'annotations', 'bench.jsonl');
    openAnnotatorLog(corpus, 'bench').close();
    process.stderr.write(`generating ${fmt(EVENTS)} events in ${logPath} ...\n`);
    writeLog(logPath, EVENTS);
    const mb = statSync(logPath).size / 1e6;
    console.log(
      `store bench: ${fmt(EVENTS)} events, ${fmt(mb, 1)} MB; median of ${RUNS} runs, each in a fresh process; node ${process.version}`,
    );
    console.log(
      `load average before: ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
    console.log('');

    const results: (Timing & { name: string })[] = [];
    for (let r = 0; r < RUNS; r++) {
      // Interleaved (ours, peers, ours, ...) so a burst of load on this shared machine hits every reader alike.
      for (const key of Object.keys(READERS)) {
        const one = timeInChild(key, logPath);
        if (one.count !== EVENTS) throw new Error(`${key} read ${one.count} events, expected ${EVENTS}`);
        results.push({ name: key, ...one });
      }
    }
    const mid = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const median = (key: string) => {
      const mine = results.filter((r) => r.name === key);
      return {
        median: mid(mine.map((r) => r.seconds)),
        best: Math.min(...mine.map((r) => r.seconds)),
        cpu: mid(mine.map((r) => r.cpu)),
      };
    };
    const ours = median('ours');
    console.log(`${'read'.padEnd(66)} median s  best s   events/s    MB/s  vs ours   cpu s  vs ours`);
    for (const [key, { name }] of Object.entries(READERS)) {
      const { median: s, best, cpu } = median(key);
      console.log(
        `${name.padEnd(66)}${fmt(s, 3).padStart(9)}${fmt(best, 3).padStart(8)}${fmt(EVENTS / s).padStart(11)}${fmt(mb / s).padStart(8)}${fmt(s / ours.median, 2).padStart(8)}x${fmt(cpu, 3).padStart(8)}${fmt(cpu / ours.cpu, 2).padStart(8)}x`,
      );
    }
    console.log(
      `target: ${fmt(EVENTS)} events in < 2 s → ${ours.median < 2 ? 'met' : 'NOT met'} (median ${fmt(ours.median, 3)} s wall, best ${fmt(ours.best, 3)} s, ${fmt(ours.cpu, 3)} s CPU)`,
    );
    console.log(
      `load average after:  ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );

    const { events } = readAnnotatorLog(logPath);
    const foldStart = process.hrtime.bigint();
    const labels = foldLabels(events);
    console.log(
      `foldLabels over ${fmt(events.length)} events: ${fmt(seconds(foldStart), 3)} s (${fmt(labels.size)} sentences)`,
    );
    console.log('');

    // Appends: the durable path (write + fsync per event, as the UI uses it) against a plain write with no fsync.
    const log = openAnnotatorLog(join(dir, 'append'), 'timer');
    const { v: _v, id: _id, annotator: _a, at: _at, ...fresh } = eventAt(0);
    let start = process.hrtime.bigint();
    for (let i = 0; i < APPENDS; i++) log.append(fresh);
    const durable = seconds(start);
    log.close();
    const fd = openSync(join(dir, 'plain.jsonl'), 'a');
    start = process.hrtime.bigint();
    for (let i = 0; i < APPENDS; i++) writeSync(fd, `${JSON.stringify({ ...eventAt(0), id: `p-${i}` })}\n`);
    const plain = seconds(start);
    closeSync(fd);
    console.log(`${'append'.padEnd(52)}    events/s   ms/event  vs ours`);
    console.log(
      `${'append (ours: writeSync + fsyncSync per event)'.padEnd(52)}${fmt(APPENDS / durable).padStart(12)}${fmt((durable / APPENDS) * 1000, 3).padStart(11)}  1.00x`,
    );
    console.log(
      `${'peer: writeSync per event, no fsync'.padEnd(52)}${fmt(APPENDS / plain).padStart(12)}${fmt((plain / APPENDS) * 1000, 3).padStart(11)}  ${fmt(plain / durable, 3)}x`,
    );
    console.log(`(${fmt(APPENDS)} appends each, to a file in ${tmpdir()})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const readAt = process.argv.indexOf('--read');
if (readAt >= 0) await child(process.argv[readAt + 1]!, process.argv[readAt + 2]!);
else await main();
