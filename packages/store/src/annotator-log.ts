import {
  closeSync,
  existsSync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { AnnotationEvent } from '@stance/schema';
import { EVENT_VERSION, fileError, fileErrorReason, StanceError } from '@stance/schema';
import { eventProblem } from './check-event.ts';
import { appendDurable, syncFolder, writeAllAndSync, writeBlocksAndSync, writeFileAtomic } from './durable-write.ts';
import { makeEventId } from './event-id.ts';
import type { HeldLock } from './lock.ts';
import { acquireLock, releaseLock } from './lock.ts';
import { annotationsDir, annotatorLogPath } from './paths.ts';
import type { BadLine } from './scan-log.ts';
import { scanLogFile } from './scan-log.ts';
import { parseTempName } from './temp-files.ts';

/** An event as the UI hands it to `append`: the log fills in `v`, `id`, `annotator` and (unless given) `at`. */
export type NewEvent = Omit<AnnotationEvent, 'v' | 'id' | 'annotator' | 'at'> & { at?: string };

/** Options of openAnnotatorLog. */
export interface OpenLogOptions {
  /** Clock for event times and ids. @default () => new Date() */
  now?: () => Date;
}

/** One annotator's log, open for appending and locked against other processes until `close`. */
export interface AnnotatorLog {
  readonly annotator: string;
  readonly path: string;
  /** All events so far, in file order, including the ones appended in this session. */
  readonly events: readonly AnnotationEvent[];
  /** Things the user should know: a stale lock taken over, a torn or bad line kept aside, ... */
  readonly warnings: string[];
  /** Fill in `v`, `id`, `annotator`, `at`; write the line and fsync it before returning the stored event. */
  append(event: NewEvent): AnnotationEvent;
  /**
   * Append several events all or nothing (`stance import`): every event is checked first, then all lines are written
   * and fsync'd once; if any write fails the log is cut back to where it was, so none of them is in it.
   */
  appendAll(events: readonly NewEvent[]): AnnotationEvent[];
  /** Close the file and release the lock (a log this open created and nothing was written to is removed). Idempotent. */
  close(): void;
}

// Logs open in this process; their locks are released when the process exits normally. One listener for all of
// them, as a listener per log would trip Node's MaxListeners warning in a long session.
const openLogs = new Set<() => void>();
let exitHookInstalled = false;

/**
 * Open (creating if needed) `<corpus>/annotations/<annotator>.jsonl` for appending. Takes the annotator's lock
 * (StanceError if another live process holds it), and repairs the log: a torn last line or a bad line anywhere is
 * appended to `<log>.rejected` with when and why, removed from the log by an atomic rewrite, and reported in
 * `warnings` as `file:line: why`.
 */
export function openAnnotatorLog(corpusDir: string, annotator: string, options: OpenLogOptions = {}): AnnotatorLog {
  const now = options.now ?? (() => new Date());
  const path = annotatorLogPath(corpusDir, annotator);
  const dir = annotationsDir(corpusDir);
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory() === false)
    throw new StanceError('not a folder', { where: dir });
  refuseReadOnly(path);
  mkdirSync(annotationsDir(corpusDir), { recursive: true });
  const warnings: string[] = [];
  const lock = acquireLock(`${path}.lock`, annotator, warnings, now());
  try {
    removeLeftoverTemps(path);
    const events = loadAndRepair(path, annotator, warnings, now());
    const created = !existsSync(path);
    const fd = openSync(path, 'a');
    if (created) syncFolder(annotationsDir(corpusDir));
    return createLog({ annotator, path, events, warnings, fd, lock, now, created });
  } catch (error) {
    releaseLock(lock);
    throw error;
  }
}

/**
 * A log whose owner may not write it was made read-only on purpose (an archived annotator, a finished round): refuse
 * to open it rather than repair or append to it. Checked on the mode bits, as root may write any file.
 */
function refuseReadOnly(path: string): void {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined || (stat.mode & 0o200) !== 0) return;
  const mode = (stat.mode & 0o7777).toString(8).padStart(4, '0');
  throw new StanceError(`the log is read-only (mode ${mode}); make it writable (chmod u+w) to add to it`, {
    where: path,
  });
}

/**
 * Remove the temporary files of a repair cut short by a crash or `kill -9` (`.<log>.tmp-<host>-<pid>-<random>`, and
 * `<log>.tmp-<pid>` from versions before). Only the holder of the annotator's lock writes them, and we hold it now,
 * so every one there is a leftover, whatever its pid or host.
 */
function removeLeftoverTemps(path: string): void {
  const dir = dirname(path);
  const log = basename(path);
  for (const name of readdirSync(dir)) {
    const temp = parseTempName(name);
    // Exactly `<log>.tmp-<digits>` for the old name: an annotator may be named `alice.jsonl.tmp-1`.
    const old = name.startsWith(`${log}.tmp-`) && /^\d+$/.test(name.slice(`${log}.tmp-`.length));
    if ((temp?.base === log && temp.kind === 'tmp') || old) rmSync(join(dir, name), { force: true });
  }
}

function loadAndRepair(path: string, annotator: string, warnings: string[], now: Date): AnnotationEvent[] {
  const { events, bad } = scanLogFile(path, { annotator, uniqueIds: true });
  if (bad.length === 0) return events;
  // Only a log to repair is read whole (we hold the lock: it is the file just scanned).
  const buffer = readFileSync(path);
  const rejectedPath = `${path}.rejected`;
  // The bad lines go to .rejected (fsync'd) before the log is rewritten without them: nothing is lost at any instant.
  // A new .rejected is no more readable than the log whose lines it holds.
  const logMode = statSync(path).mode & 0o777;
  try {
    appendDurable(rejectedPath, bad.map((b) => `${JSON.stringify(rejectedRecord(path, b, now))}\n`).join(''), logMode);
  } catch (error) {
    throw fileError(error, rejectedPath, 'could not set the bad lines aside; the log was left as it was');
  }
  try {
    writeFileAtomic(path, keptLines(buffer, new Set(bad.map((b) => b.line))));
  } catch (error) {
    throw fileError(error, path, `could not rewrite the log without its bad lines (they are in ${rejectedPath})`);
  }
  for (const b of bad) {
    const what = b.torn ? 'torn last line (a write cut short by a crash)' : b.reason;
    warnings.push(`${path}:${b.line}: ${what}; kept aside in ${rejectedPath} and removed from the log`);
  }
  return events;
}

/** The log's bytes without the given (1-based) lines and blank lines, sliced from the buffer as they were. */
function keptLines(buffer: Buffer, drop: ReadonlySet<number>): Buffer {
  const parts: Buffer[] = [];
  let line = 0;
  for (let start = 0; start < buffer.length; ) {
    const nl = buffer.indexOf(0x0a, start);
    const end = nl === -1 ? buffer.length : nl + 1;
    line++;
    const text = buffer.subarray(start, end);
    if (!drop.has(line) && text.toString('utf8').trim() !== '') parts.push(text);
    start = end;
  }
  return Buffer.concat(parts);
}

/** One line of `<log>.rejected`: when the line was set aside, where it was, why, and its text as found. */
function rejectedRecord(path: string, bad: BadLine, now: Date) {
  return { at: now.toISOString(), file: path, line: bad.line, reason: bad.reason, torn: bad.torn, text: bad.text };
}

interface LogState {
  annotator: string;
  path: string;
  events: AnnotationEvent[];
  warnings: string[];
  fd: number;
  lock: HeldLock;
  now: () => Date;
  /** This open created the file (it did not exist). */
  created: boolean;
}

function createLog(state: LogState): AnnotatorLog {
  const { annotator, path, events, warnings, lock, now } = state;
  const byId = new Map<string, AnnotationEvent>();
  const retracted = new Set<string>();
  for (const e of events) {
    byId.set(e.id, e);
    if (e.type === 'retract' && e.target !== undefined) retracted.add(e.target);
  }
  let fd: number | undefined = state.fd;
  // Size after the last complete event: a failed write (disk full) is cut back to it, so no half line is left for
  // the next append to be glued onto.
  let size = fstatSync(state.fd).size;

  // What a failed write (disk full) says: the half-written bytes are cut off, so the log holds exactly what it held.
  const writeFailed = (error: unknown, what: string): StanceError => {
    const reason = fileErrorReason(error) ?? (error as NodeJS.ErrnoException).code ?? String(error);
    try {
      ftruncateSync(fd!, size);
    } catch {
      // Could not cut the half-written bytes off: stop writing; the next open sets a torn line aside.
      close();
      return new StanceError(
        `could not write ${what} (${reason}); the log is closed and may hold part of it: reopen it to recover`,
        { where: path, cause: error },
      );
    }
    return new StanceError(`could not write ${what} (${reason}); nothing was saved`, { where: path, cause: error });
  };

  const close = (): void => {
    if (fd === undefined) return;
    closeSync(fd);
    fd = undefined;
    // Opening and quitting without a label must not leave an empty log behind; removed while the lock is still held.
    if (state.created && size === 0) {
      try {
        unlinkSync(path);
      } catch {
        // Already gone, or not ours to remove: an empty log is harmless.
      }
    }
    openLogs.delete(close);
    releaseLock(lock);
  };
  openLogs.add(close);
  installExitHook();

  /** The event as it will be stored (v, id, annotator, at filled in), or a StanceError if it would not read back. */
  const prepare = (
    event: NewEvent,
    time: Date,
    sequence: number,
    pending: ReadonlyMap<string, AnnotationEvent>,
    pendingRetracted: ReadonlySet<string>,
  ): AnnotationEvent => {
    let n = sequence;
    let id = makeEventId(annotator, time, n);
    while (byId.has(id) || pending.has(id)) id = makeEventId(annotator, time, ++n);
    // v, id, type, sentence lead the line for a human reading it; the last object wins over stray fields in `event`.
    const head = { v: EVENT_VERSION, id, type: event.type, sentence: event.sentence };
    const at = event.at ?? time.toISOString();
    const stored: AnnotationEvent = Object.assign(head, event, { v: EVENT_VERSION, id, annotator, at });
    const problem =
      eventProblem(stored) ??
      suggestionProblem(stored) ??
      retractProblem(
        stored,
        (target) => byId.get(target) ?? pending.get(target),
        (target) => retracted.has(target) || pendingRetracted.has(target),
      );
    if (problem !== undefined) throw new StanceError(`cannot append: ${problem}`, { where: path });
    return stored;
  };

  const remember = (stored: AnnotationEvent): void => {
    events.push(stored);
    byId.set(stored.id, stored);
    if (stored.type === 'retract' && stored.target !== undefined) retracted.add(stored.target);
  };

  const append = (event: NewEvent): AnnotationEvent => {
    if (fd === undefined) throw new StanceError(`annotator ${annotator}: the log is closed`, { where: path });
    const stored = prepare(event, now(), events.length + 1, new Map(), new Set());
    try {
      writeAllAndSync(fd, `${JSON.stringify(stored)}\n`);
    } catch (error) {
      throw writeFailed(error, 'the event');
    }
    size = fstatSync(fd).size;
    remember(stored);
    return stored;
  };

  const appendAll = (batch: readonly NewEvent[]): AnnotationEvent[] => {
    if (fd === undefined) throw new StanceError(`annotator ${annotator}: the log is closed`, { where: path });
    const time = now();
    const pending = new Map<string, AnnotationEvent>();
    const pendingRetracted = new Set<string>();
    const stored: AnnotationEvent[] = [];
    for (const event of batch) {
      // Checked against the log and the batch so far, so a retract may name an event earlier in the same batch.
      const e = prepare(event, time, events.length + stored.length + 1, pending, pendingRetracted);
      stored.push(e);
      pending.set(e.id, e);
      if (e.type === 'retract' && e.target !== undefined) pendingRetracted.add(e.target);
    }
    if (stored.length === 0) return [];
    try {
      writeBlocksAndSync(fd, lineBlocks(stored));
    } catch (error) {
      throw writeFailed(error, `the ${stored.length} events`);
    }
    size = fstatSync(fd).size;
    for (const e of stored) remember(e);
    return stored;
  };

  return {
    annotator,
    path,
    get events() {
      return events;
    },
    warnings,
    append,
    appendAll,
    close,
  };
}

/** Events as JSON lines, in blocks of about 1 MB. */
function* lineBlocks(events: readonly AnnotationEvent[]): Generator<string> {
  let block = '';
  for (const e of events) {
    block += `${JSON.stringify(e)}\n`;
    if (block.length >= 1 << 20) {
      yield block;
      block = '';
    }
  }
  if (block) yield block;
}

/**
 * A new label must say what the machine suggested: the suggestion, or `null` when none was shown, so agreement with
 * suggestions (anchoring) can be measured. Only enforced on append; a log written before this rule still reads.
 */
function suggestionProblem(event: AnnotationEvent): string | undefined {
  if (event.type === 'label' && event.suggestion === undefined) {
    return 'a label event needs `suggestion` (the suggestion shown, or null when none was shown)';
  }
  return undefined;
}

/** Why a retract can not be appended: it must name an event of this log that is not a retract and not yet undone. */
function retractProblem(
  event: AnnotationEvent,
  eventById: (id: string) => AnnotationEvent | undefined,
  isRetracted: (id: string) => boolean,
): string | undefined {
  if (event.type !== 'retract' || event.target === undefined) return undefined;
  const target = eventById(event.target);
  if (target === undefined) return `retract names unknown event ${event.target}`;
  if (target.type === 'retract') return `retract names another retract (${event.target}); undo is not redoable`;
  if (isRetracted(event.target)) return `event ${event.target} is already retracted`;
  return undefined;
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const close of [...openLogs]) {
      try {
        close();
      } catch {
        // Exiting anyway; a lock left behind is taken over next time, as its pid is gone.
      }
    }
  });
}
