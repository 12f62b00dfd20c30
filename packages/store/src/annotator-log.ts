import {
  closeSync,
  existsSync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  unlinkSync,
} from 'node:fs';
import type { AnnotationEvent } from '@stance/schema';
import { EVENT_VERSION, StanceError } from '@stance/schema';
import { eventProblem } from './check-event.ts';
import { appendDurable, syncDir, writeAllAndSync, writeFileAtomic } from './durable-write.ts';
import { makeEventId } from './event-id.ts';
import type { HeldLock } from './lock.ts';
import { acquireLock, releaseLock } from './lock.ts';
import { annotationsDir, annotatorLogPath } from './paths.ts';
import type { BadLine } from './scan-log.ts';
import { scanLogFile } from './scan-log.ts';

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
  mkdirSync(annotationsDir(corpusDir), { recursive: true });
  const warnings: string[] = [];
  const lock = acquireLock(`${path}.lock`, annotator, warnings, now());
  try {
    const events = loadAndRepair(path, annotator, warnings, now());
    const created = !existsSync(path);
    const fd = openSync(path, 'a');
    if (created) syncDir(annotationsDir(corpusDir));
    return createLog({ annotator, path, events, warnings, fd, lock, now, created });
  } catch (error) {
    releaseLock(lock);
    throw error;
  }
}

function loadAndRepair(path: string, annotator: string, warnings: string[], now: Date): AnnotationEvent[] {
  const { events, bad } = scanLogFile(path, { annotator, uniqueIds: true });
  if (bad.length === 0) return events;
  // Only a log to repair is read whole (we hold the lock: it is the file just scanned).
  const buffer = readFileSync(path);
  const rejectedPath = `${path}.rejected`;
  // The bad lines go to .rejected (fsync'd) before the log is rewritten without them: nothing is lost at any instant.
  appendDurable(rejectedPath, bad.map((b) => `${JSON.stringify(rejectedRecord(path, b, now))}\n`).join(''));
  writeFileAtomic(path, keptLines(buffer, new Set(bad.map((b) => b.line))));
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

  const writeFailed = (error: unknown): StanceError => {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    try {
      ftruncateSync(fd!, size);
    } catch {
      // Could not cut the half line off: stop writing; the next open sets it aside as a torn line.
      close();
      return new StanceError(`could not write the event (${reason}); the log is closed, reopen it to recover`, {
        where: path,
        cause: error,
      });
    }
    return new StanceError(`could not write the event (${reason}); nothing was saved`, { where: path, cause: error });
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

  const append = (event: NewEvent): AnnotationEvent => {
    if (fd === undefined) throw new StanceError(`annotator ${annotator}: the log is closed`, { where: path });
    const time = now();
    let sequence = events.length + 1;
    let id = makeEventId(annotator, time, sequence);
    while (byId.has(id)) id = makeEventId(annotator, time, ++sequence);
    // v, id, type, sentence lead the line for a human reading it; the last object wins over stray fields in `event`.
    const head = { v: EVENT_VERSION, id, type: event.type, sentence: event.sentence };
    const at = event.at ?? time.toISOString();
    const stored: AnnotationEvent = Object.assign(head, event, { v: EVENT_VERSION, id, annotator, at });
    const problem = eventProblem(stored) ?? suggestionProblem(stored) ?? retractProblem(stored, byId, retracted);
    if (problem !== undefined) throw new StanceError(`cannot append: ${problem}`, { where: path });
    try {
      writeAllAndSync(fd, `${JSON.stringify(stored)}\n`);
    } catch (error) {
      throw writeFailed(error);
    }
    size = fstatSync(fd).size;
    events.push(stored);
    byId.set(id, stored);
    if (stored.type === 'retract' && stored.target !== undefined) retracted.add(stored.target);
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
    close,
  };
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
  byId: ReadonlyMap<string, AnnotationEvent>,
  retracted: ReadonlySet<string>,
): string | undefined {
  if (event.type !== 'retract' || event.target === undefined) return undefined;
  const target = byId.get(event.target);
  if (target === undefined) return `retract names unknown event ${event.target}`;
  if (target.type === 'retract') return `retract names another retract (${event.target}); undo is not redoable`;
  if (retracted.has(event.target)) return `event ${event.target} is already retracted`;
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
