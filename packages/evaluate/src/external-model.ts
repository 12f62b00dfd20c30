import { spawn } from 'node:child_process';
import { StanceError } from '@stance/schema';
import type { BenchItem } from './items.ts';

/** How to run an external model once: the program, its training file, and how long it may take. */
export interface ExternalRun {
  /** Shell command line, e.g. `python my_model.py`. */
  command: string;
  /** Name used in error messages, e.g. `cmd:python my_model.py`. */
  name: string;
  /** Path of the training JSONL (`{"id","text","label","doc"?}` lines), passed in env STANCE_TRAIN. */
  trainPath: string;
  /** Items to label; only `id` and `text` are sent. */
  items: readonly BenchItem[];
  /** Labels the answers may use. */
  labels: readonly string[];
  /** Kill the program and fail after this many milliseconds. */
  timeoutMs: number;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** An external model's answers, aligned with the items. */
export interface ExternalResult {
  labels: string[];
  /** Per-item scores when the program gave them. */
  scores: (Record<string, number> | null)[];
  /** Something the user should know about the run although it succeeded (a process left holding its stdout). */
  note?: string;
}

// How long after a program exits its stdout may stay open before something it left behind is assumed to hold it.
const GRACE_MS = 2000;

// External programs run in their own process group (so a timeout can kill whatever they started); such a group does
// not get the terminal's signals, so the groups still running when this process exits are killed here.
const running = new Set<number>();
let exitHookInstalled = false;
function track(pid: number | undefined): void {
  if (pid === undefined || process.platform === 'win32') return;
  running.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const p of running) {
      try {
        process.kill(-p, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });
}

/** Keep the last few hundred characters of a stream, for error messages. */
function tail(text: string, max = 300): string {
  const t = text.trim().split('\n').slice(-3).join(' | ');
  return t.length > max ? `…${t.slice(-max)}` : t;
}

/**
 * Check a program's stdout against the protocol: one JSON object `{"id","label","scores"?}` a line, every id asked
 * exactly once, every label one of `labels`. The first problem is thrown with the stdout line it is on.
 */
export function parseAnswers(
  stdout: string,
  items: readonly BenchItem[],
  labels: readonly string[],
  name: string,
): ExternalResult {
  const position = new Map(items.map((item, i) => [item.id, i]));
  const out = new Array<string | undefined>(items.length);
  const scores = new Array<Record<string, number> | null>(items.length).fill(null);
  const lines = stdout.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.trim() === '') continue;
    const where = `${name}: stdout line ${n + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new StanceError(`not a JSON line: ${JSON.stringify(line.slice(0, 80))}`, { where });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new StanceError('expected a JSON object {"id","label","scores"?}', { where });
    const v = value as Record<string, unknown>;
    if (typeof v['id'] !== 'string' && typeof v['id'] !== 'number')
      throw new StanceError('missing "id" (string)', { where });
    const id = String(v['id']);
    const at = position.get(id);
    if (at === undefined)
      throw new StanceError(`unknown id ${JSON.stringify(id)} (not among the sentences sent)`, { where });
    if (out[at] !== undefined) throw new StanceError(`id ${JSON.stringify(id)} answered twice`, { where });
    const label = v['label'];
    if (typeof label !== 'string')
      throw new StanceError(`missing "label" (string) for id ${JSON.stringify(id)}`, { where });
    if (!labels.includes(label))
      throw new StanceError(
        `unknown label ${JSON.stringify(label)} for id ${JSON.stringify(id)}; expected one of ${labels.join(', ')}`,
        {
          where,
        },
      );
    const s = v['scores'];
    if (s !== undefined && s !== null) {
      if (typeof s !== 'object' || Array.isArray(s) || !Object.values(s).every((x) => typeof x === 'number'))
        throw new StanceError('"scores" must be an object of numbers', { where });
      scores[at] = s as Record<string, number>;
    }
    out[at] = label;
  }
  const missing = items.filter((_, i) => out[i] === undefined);
  if (missing.length > 0)
    throw new StanceError(
      `no answer for ${missing.length} of ${items.length} ids (first: ${JSON.stringify(missing[0]!.id)})`,
      { where: name },
    );
  return { labels: out as string[], scores };
}

/**
 * Run an external model through the classify protocol: `{"id","text"}` lines on its stdin, `{"id","label",
 * "scores"?}` lines read from its stdout, its training file in env STANCE_TRAIN. A crash (non-zero exit), a hang past
 * the timeout (the whole process group is killed) or a bad answer rejects with a StanceError naming the model.
 *
 * The answers are read until the program's stdout closes, which is normally when it exits. A program can exit after
 * answering and leave a process it started (a server, a `&` job) holding its stdout open: then its answers are taken
 * as soon as every id has one, the process group is killed, and `note` says what happened; if ids are still missing
 * at the timeout, the error says the program exited and what kept its stdout open, rather than "no answer".
 */
export function runExternalModel(run: ExternalRun): Promise<ExternalResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(run.command, {
      shell: true,
      cwd: run.cwd,
      env: { ...run.env, STANCE_TRAIN: run.trainPath },
      stdio: ['pipe', 'pipe', 'pipe'],
      // Own process group, so a timeout kills the shell and whatever it started (python, a server client, …).
      detached: process.platform !== 'win32',
    });
    track(child.pid);
    let stdout = '';
    let stderr = '';
    let settled = false;
    /** How the program itself ended, once it has (its stdout may stay open after that). */
    let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let lines = 0;
    let afterGrace = false;
    const graceTimers: NodeJS.Timeout[] = [];
    const kill = () => {
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    };
    /** Settle once: stop the timer, stop reading (a leftover process may hold the pipes), forget the group. */
    const finish = (outcome: () => ExternalResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const t of graceTimers) clearTimeout(t);
      if (child.pid !== undefined) running.delete(child.pid);
      child.stdout.destroy();
      child.stderr.destroy();
      try {
        resolve(outcome());
      } catch (error) {
        reject(error);
      }
    };
    const leftover = 'a process it started kept its stdout open after it exited';
    /** After the program exited 0: take the answers once every id has one (cheap check first: enough lines). */
    const answeredAll = (): ExternalResult | undefined => {
      if (lines < run.items.length) return undefined;
      try {
        return parseAnswers(stdout, run.items, run.labels, run.name);
      } catch {
        return undefined;
      }
    };
    const takeIfComplete = () => {
      if (settled) return;
      const result = answeredAll();
      if (result === undefined) return;
      kill();
      finish(() => ({
        ...result,
        note: `exited after answering every id, but ${leftover.replace(' after it exited', '')}; took the answers and killed its process group`,
      }));
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) lines++;
      if (afterGrace) takeIfComplete();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4096);
    });
    const timer = setTimeout(() => {
      kill();
      const answered = stdout.split('\n').filter((l) => l.trim() !== '').length;
      // Not waiting for 'close': what holds stdout may have left our process group, and would never let it come.
      finish(() => {
        if (exited === undefined)
          throw new StanceError(`no answer within ${run.timeoutMs / 1000} s (--timeout); killed`, { where: run.name });
        throw new StanceError(
          `exited (code ${exited.code ?? exited.signal}) after answering ${answered} of ${run.items.length} ids, but ${leftover}; gave up waiting for the rest after ${run.timeoutMs / 1000} s (--timeout)`,
          { where: run.name },
        );
      });
    }, run.timeoutMs);
    // A program that exits without reading its input closes the pipe; that shows up as its exit status instead.
    child.stdin.on('error', () => {});
    child.on('error', (error) => {
      finish(() => {
        throw new StanceError(`cannot start: ${error.message}`, { where: run.name });
      });
    });
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      // Normally stdout closes right after the exit; give it a moment (output still in the pipe arrives after 'exit')
      // before concluding that a leftover process holds it.
      const grace = setTimeout(() => {
        afterGrace = true;
        if (code === 0) takeIfComplete();
        else finish(() => failure(code, signal)); // a failed program's stdout does not matter
      }, GRACE_MS);
      grace.unref();
      graceTimers.push(grace);
    });
    const failure = (code: number | null, signal: NodeJS.Signals | null): never => {
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const said = tail(stderr);
      throw new StanceError(`${how}${said ? `: ${said}` : ''}`, { where: run.name });
    };
    child.on('close', (code, signal) => {
      finish(() => {
        if (code !== 0) failure(code, signal);
        return parseAnswers(stdout, run.items, run.labels, run.name);
      });
    });
    let input = '';
    for (const item of run.items) input += `${JSON.stringify({ id: item.id, text: item.text })}\n`;
    child.stdin.end(input);
  });
}
