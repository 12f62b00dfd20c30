import { isAscii } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
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

// Lines are decoded a block at a time, each block cut at a newline: decoding line by line costs a call per line,
// and decoding a whole file would hit V8's string length limit (~512 MB). Blocks stay below V8's large-object size
// (128 KiB) so that the string of a block is allocated young and dies young; with 8 MiB blocks every block string
// went to the old generation (300 MB of garbage for a 300 MB log), which took extra mark-compacts (measured: 5
// instead of 2, 0.2-0.3 s of the read).
const BLOCK_BYTES = 64 * 1024;
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
  /** Bytes decoded (and read) at a time, cut at a newline. @default 64 KiB; small values let tests cross block edges. */
  blockBytes?: number;
  /**
   * Judge only the lines this accepts; the others are skipped unparsed and unreported. A pass that wants only the
   * retracts of a million-event log parses a few lines instead of all of them.
   */
  parseOnly?: ((text: string) => boolean) | undefined;
}

/** Where a scan puts what it finds, in file order. */
interface ScanSink {
  event(event: AnnotationEvent): void;
  bad(line: BadLine): void;
}

/** A sink that keeps everything: the LogScan of scanLogFile and scanLogBuffer. */
function collect(): { sink: ScanSink; scan: LogScan } {
  const scan: LogScan = { events: [], bad: [] };
  return { scan, sink: { event: (e) => scan.events.push(e), bad: (b) => scan.bad.push(b) } };
}

/**
 * Read a log file once and parse every line (see ScanOptions). A missing file is an empty log. The file is read a
 * block at a time into one buffer, not whole: a 300 MB Buffer costs its allocation and page faults (measured: 0.2 s
 * against 0.03 s), and only the events are kept.
 */
export function scanLogFile(path: string, options: ScanOptions = {}): LogScan {
  const { sink, scan } = collect();
  readLogFile(path, options, sink);
  return scan;
}

/**
 * Hand each valid event of a log file to `visit` in file order without keeping any (see ScanOptions), so memory does
 * not grow with the log; returns the lines that are not valid events. A missing file is an empty log.
 */
export function forEachLogEvent(
  path: string,
  options: ScanOptions,
  visit: (event: AnnotationEvent) => void,
): BadLine[] {
  const bad: BadLine[] = [];
  readLogFile(path, options, { event: visit, bad: (b) => bad.push(b) });
  return bad;
}

/** Read a log file a block of whole lines at a time into `sink` (see scanLogFile). */
function readLogFile(path: string, options: ScanOptions, sink: ScanSink): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    const scanner = new LineScanner(options, sink);
    let buffer: Buffer = Buffer.allocUnsafe(blockSize(options));
    // Bytes in `buffer` not judged yet: the start of a line whose newline has not been read.
    let filled = 0;
    for (;;) {
      const read = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (read === 0) {
        // End of file: what is left is a last line without a newline (a torn write), or nothing.
        if (filled > 0) scanner.block(buffer, 0, filled);
        break;
      }
      filled += read;
      // The bytes kept from before hold no newline, so any newline found was just read.
      const nl = buffer.lastIndexOf(NEWLINE, filled - 1);
      if (nl === -1) {
        // Still inside one line: when it is longer than the buffer, make room; read on.
        if (filled === buffer.length) buffer = grown(buffer, filled);
        continue;
      }
      scanner.block(buffer, 0, nl + 1);
      buffer.copyWithin(0, nl + 1, filled);
      filled -= nl + 1;
    }
  } finally {
    closeSync(fd);
  }
}

/** Parse the bytes of a log (see scanLogFile). */
export function scanLogBuffer(buffer: Buffer, options: ScanOptions = {}): LogScan {
  const blockBytes = blockSize(options);
  const { sink, scan } = collect();
  const scanner = new LineScanner(options, sink);
  const length = buffer.length;
  let pos = 0;
  while (pos < length) {
    let end = Math.min(pos + blockBytes, length);
    if (end < length) {
      const nl = buffer.lastIndexOf(NEWLINE, end - 1);
      if (nl >= pos) end = nl + 1;
      else {
        const next = buffer.indexOf(NEWLINE, end);
        end = next === -1 ? length : next + 1;
      }
    }
    scanner.block(buffer, pos, end);
    pos = end;
  }
  return scan;
}

function blockSize(options: ScanOptions): number {
  return Math.max(1, options.blockBytes ?? BLOCK_BYTES);
}

function grown(buffer: Buffer, filled: number): Buffer {
  const bigger = Buffer.allocUnsafe(buffer.length * 2);
  buffer.copy(bigger, 0, 0, filled);
  return bigger;
}

/**
 * The text of `buffer[start, end)`. JSON.stringify writes logs in ASCII unless a note or a name holds other
 * characters, and for ASCII bytes latin1 gives the same string as UTF-8 at a fraction of the cost.
 */
function decode(buffer: Buffer, start: number, end: number): string {
  const ascii = isAscii(buffer.subarray(start, end));
  return buffer.toString(ascii ? 'latin1' : 'utf8', start, end);
}

/** Judges the lines of a log, fed in order in blocks of whole lines (only the last block may end without a newline). */
class LineScanner {
  private readonly sink: ScanSink;
  private readonly annotator: string | undefined;
  private readonly ids: Set<string> | undefined;
  private readonly parseOnly: ((text: string) => boolean) | undefined;
  private lineNumber = 0;

  constructor(options: ScanOptions, sink: ScanSink) {
    this.sink = sink;
    this.annotator = options.annotator;
    this.ids = options.uniqueIds === true ? new Set<string>() : undefined;
    this.parseOnly = options.parseOnly;
  }

  /** Judge the lines of `buffer[start, end)`. */
  block(buffer: Buffer, start: number, end: number): void {
    const { sink, annotator, ids, parseOnly } = this;
    const lines = decode(buffer, start, end).split('\n');
    // A block cut at a newline splits into a trailing ''; anything else left is the file's unterminated last line.
    const last = lines.length - 1;
    let lineNumber = this.lineNumber;
    for (let i = 0; i <= last; i++) {
      const text = lines[i]!;
      if (i === last && text === '') break;
      lineNumber++;
      if (parseOnly !== undefined && !parseOnly(text)) continue;
      if (i === last) {
        sink.bad({ line: lineNumber, text, reason: 'last line has no trailing newline (torn write)', torn: true });
        break;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        // Blank lines carry nothing; they are checked only here, off the hot path.
        if (text.trim() === '') continue;
        sink.bad({ line: lineNumber, text, reason: 'not JSON', torn: false });
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
        sink.bad({ line: lineNumber, text, reason: `not a valid event: ${reason}`, torn: false });
        continue;
      }
      sink.event(event);
    }
    this.lineNumber = lineNumber;
  }
}
