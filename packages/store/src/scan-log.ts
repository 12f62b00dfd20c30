import { readFileSync } from 'node:fs';
import type { AnnotationEvent } from '@stance/schema';
import { eventProblem } from './check-event.ts';

/** A line of a log that is not a valid event: where it is, its text, and why it was refused. */
export interface BadLine {
  /** 1-based line number in the file. */
  line: number;
  text: string;
  reason: string;
  /** True for the last line when it has no trailing newline: a write cut short by a crash. */
  torn: boolean;
}

/** What a log file holds: its valid events in file order, and the lines that are not. */
export interface LogScan {
  events: AnnotationEvent[];
  bad: BadLine[];
}

// Decoding the whole file into one string would hit V8's string length limit (~512 MB) on big logs, and decoding
// line by line costs a call per line; blocks of a few MB cut at a newline are both safe and fast.
const BLOCK_BYTES = 8 * 1024 * 1024;
const NEWLINE = 0x0a;

/** What a scan checks beyond the shape of each event. */
export interface ScanOptions {
  /** Each event's annotator must be this one (a line copied from someone else's log is refused). */
  annotator?: string | undefined;
  /**
   * Refuse a second event with an id already seen, as retracts name events by id. Off for plain reads: a Set of a
   * million ids costs about as much as parsing them (measured: 1.0 s of 3.6 s), and only a writer must be sure.
   */
  uniqueIds?: boolean;
  /** Bytes decoded at a time (cut at a newline). @default 8 MiB; small values let tests cross block edges. */
  blockBytes?: number;
}

/** Read a log file once and parse every line (see ScanOptions). A missing file is an empty log. */
export function scanLogFile(path: string, options: ScanOptions = {}): LogScan {
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { events: [], bad: [] };
    throw error;
  }
  return scanLogBuffer(buffer, options);
}

/** Parse the bytes of a log (see scanLogFile). */
export function scanLogBuffer(buffer: Buffer, options: ScanOptions = {}): LogScan {
  const { annotator, uniqueIds = false, blockBytes = BLOCK_BYTES } = options;
  const events: AnnotationEvent[] = [];
  const bad: BadLine[] = [];
  const ids = uniqueIds ? new Set<string>() : undefined;
  const length = buffer.length;
  let lineNumber = 0;
  let pos = 0;
  while (pos < length) {
    let end = Math.min(pos + Math.max(1, blockBytes), length);
    if (end < length) {
      const nl = buffer.lastIndexOf(NEWLINE, end - 1);
      if (nl >= pos) end = nl + 1;
      else {
        const next = buffer.indexOf(NEWLINE, end);
        end = next === -1 ? length : next + 1;
      }
    }
    const lines = buffer.toString('utf8', pos, end).split('\n');
    // A block cut at a newline splits into a trailing ''; anything else left is the file's unterminated last line.
    const last = lines.length - 1;
    for (let i = 0; i <= last; i++) {
      const text = lines[i]!;
      if (i === last && text === '') break;
      lineNumber++;
      if (i === last) {
        bad.push({ line: lineNumber, text, reason: 'last line has no trailing newline (torn write)', torn: true });
        break;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        // Blank lines carry nothing; they are checked only here, off the hot path.
        if (text.trim() === '') continue;
        bad.push({ line: lineNumber, text, reason: 'not JSON', torn: false });
        continue;
      }
      let reason = eventProblem(value);
      const event = value as AnnotationEvent;
      if (reason === undefined && annotator !== undefined && event.annotator !== annotator) {
        reason = `event of annotator ${JSON.stringify(event.annotator)} in the log of ${JSON.stringify(annotator)}`;
      }
      if (reason === undefined && ids !== undefined) {
        if (ids.has(event.id)) reason = `duplicate event id ${event.id}`;
        else ids.add(event.id);
      }
      if (reason !== undefined) {
        bad.push({ line: lineNumber, text, reason: `not a valid event: ${reason}`, torn: false });
        continue;
      }
      events.push(event);
    }
    pos = end;
  }
  return { events, bad };
}
