import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

// The built `stance annotate` (what a user installs and runs: apps/cli's bundle, plain Node, no tsx) in a real
// pseudo-terminal (util-linux `script`), timed from outside: the bench writes each key to the terminal and waits for
// the frame to come out of it. Memory is the process's own account (/proc/<pid>/status), CPU per key the UI thread's
// (/proc/<pid>/task/<pid>/schedstat, in ns).

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const BIN = join(ROOT, 'apps/cli/bin/stance.js');

/** What one run of the built CLI measured. */
export interface BuiltFigures {
  /** From spawning the command to the first frame: Node's start-up, loading the corpus, ordering, drawing. */
  firstFrameMs: number;
  /** From spawning to the first frame showing the first suggestion's label (answered by the learning worker). */
  suggestionMs: number;
  label: number[];
  move: number[];
  /** UI thread CPU ms from key to frame. */
  cpu: number[];
  /** Peak resident memory (VmHWM) and resident memory at the end (VmRSS), MB. */
  peakMb: number;
  endMb: number;
  /** Distinct retrained models that became the suggestions during the keys. */
  adopted: number;
  /** Keys no frame followed within 5 s (drawing nothing new), left out of the timings. */
  unanswered: number;
}

/** Build apps/cli when a source is newer than its bundle. */
export function buildCli(): void {
  const built = spawnSync(process.execPath, [join(ROOT, 'apps/cli/build.mjs'), '--if-stale'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('bench: building apps/cli failed');
}

const CODES = /\u001b\[[0-9;?]*[A-Za-z]/g;
const SUGGESTED = /suggestion (fact|quote|opinion|skip) /;
/** The end of one of Ink's synchronized updates: a frame is out. */
const FRAME_END = '\u001b[?2026l';

function status(pid: number, field: string): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Number(line?.split(/\s+/)[1] ?? Number.NaN) / 1024;
}

const threadCpuMs = (pid: number) =>
  Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;

/** The process `script` started (the command's shell execs node, so it is script's only child). */
function childOf(parent: number): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) return Number(entry);
    } catch {
      // Gone meanwhile.
    }
  }
  return null;
}

/** Run `stance annotate` on `dir` at 80x24, type `keys` (one every `gapMs` after each frame), and time each. */
export async function measureBuilt(
  dir: string,
  order: string,
  retrain: number,
  keys: readonly string[],
  warmUp: number,
): Promise<BuiltFigures> {
  const command = `stty cols 80 rows 24; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} annotate --corpus ${JSON.stringify(dir)} --annotator bench --order ${order} --retrain ${retrain}`;
  const started = performance.now();
  // Ink draws only the last frame when CI is set at all (even empty): it is left out.
  const { CI: _ci, ...env } = process.env;
  const term = spawn('script', ['-qfec', command, '/dev/null'], {
    env: { ...env, TERM: 'xterm-256color' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let firstFrameAt = 0;
  let suggestionAt = 0;
  let lastFrameAt = 0;
  const models = new Set<string>();
  let waiter: (() => void) | null = null;
  term.stdout.setEncoding('utf8');
  // Ink wraps each frame in a synchronized update (ESC[?2026h … ESC[?2026l); a frame is complete at its end marker,
  // however the terminal split it into reads.
  let pending = '';
  term.stdout.on('data', (chunk: string) => {
    const now = performance.now();
    pending += chunk;
    let end = pending.indexOf(FRAME_END);
    while (end >= 0) {
      const text = pending.slice(0, end).replace(CODES, '');
      pending = pending.slice(end + FRAME_END.length);
      end = pending.indexOf(FRAME_END);
      for (const m of text.matchAll(/\((live-logreg-\d+)\)/g)) models.add(m[1]!);
      // The first frame is the one that shows a sentence; after it any synchronized update is a frame, whatever rows
      // it holds (Ink wraps each frame in one, and a frame drawn with only the rows that changed need not hold the
      // header).
      if (firstFrameAt === 0) {
        if (!text.includes('sentence ')) continue;
        firstFrameAt = now;
      }
      lastFrameAt = now;
      if (suggestionAt === 0 && SUGGESTED.test(text)) suggestionAt = now;
      waiter?.();
      waiter = null;
    }
  });
  const nextFrame = (ms = 5_000) =>
    new Promise<void>((res, rej) => {
      const timer = setTimeout(() => rej(new Error('bench: no frame from the built CLI in time')), ms);
      waiter = () => {
        clearTimeout(timer);
        res();
      };
    });
  const exited = new Promise<number | null>((res) => term.on('exit', (code) => res(code)));
  try {
    await nextFrame(60_000);
    const bound = performance.now() + 60_000;
    while (suggestionAt === 0 && performance.now() < bound) await sleep(5);
    let pid: number | null = null;
    for (let i = 0; i < 100 && pid === null; i++) {
      pid = childOf(term.pid!);
      if (pid === null) await sleep(10);
    }
    if (pid === null) throw new Error('bench: the built CLI’s process was not found');
    const label: number[] = [];
    const move: number[] = [];
    const cpu: number[] = [];
    let unanswered = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      // A key every ~20 ms at most, as in the in-process runs (a fast typist's pace; the UI draws without a frame cap).
      await sleep(18);
      const next = nextFrame();
      const c = threadCpuMs(pid);
      const t = performance.now();
      term.stdin.write(key);
      try {
        await next;
      } catch {
        // A key whose frame would be the same as the one before draws nothing (Ink writes only changes): not timed.
        unanswered++;
        continue;
      }
      const used = threadCpuMs(pid) - c;
      if (i >= warmUp) {
        (key === 'f' ? label : move).push(lastFrameAt - t);
        cpu.push(used);
      }
    }
    const peakMb = status(pid, 'VmHWM');
    const endMb = status(pid, 'VmRSS');
    term.stdin.write('\u001b');
    await Promise.race([exited, sleep(10_000)]);
    return {
      firstFrameMs: firstFrameAt - started,
      suggestionMs: suggestionAt > 0 ? suggestionAt - started : Number.NaN,
      label,
      move,
      cpu,
      peakMb,
      endMb,
      adopted: models.size,
      unanswered,
    };
  } finally {
    if (term.exitCode === null) term.kill();
  }
}
