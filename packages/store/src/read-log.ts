import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AnnotationEvent } from '@stance/schema';
import { isValidAnnotatorName } from '@stance/schema';
import { countsAsLabel, type LabelEvent } from './fold.ts';
import { annotationsDir, annotatorOfLogFile } from './paths.ts';
import { type BadLine, forEachLogEvent, scanLogFile } from './scan-log.ts';

/** The warning for a line a read skipped: `file:line: why; line skipped`. */
function skipped(path: string, bad: BadLine): string {
  return `${path}:${bad.line}: ${bad.reason}; line skipped`;
}

/**
 * Read one annotator's log without locking or repairing it: valid events in file order, and one warning
 * (`file:line: why`) per line that was skipped. A missing file is an empty log.
 */
export function readAnnotatorLog(path: string): { events: AnnotationEvent[]; warnings: string[] } {
  const annotator = annotatorOfLogFile(basename(path));
  const { events, bad } = scanLogFile(path, { annotator });
  return { events, warnings: bad.map((b) => skipped(path, b)) };
}

/**
 * `foldLabelEvents` over one annotator's log file without holding its events, so memory does not grow with the log:
 * the file is read twice, once for the retracts (only lines that can be retracts are parsed) and once for the labels.
 * Like readAnnotatorLog it neither locks nor repairs, and returns one warning per skipped line (`file:line: why`).
 */
export function foldLogFile(path: string, annotator: string, visit: (event: LabelEvent) => void): string[] {
  const retracted = new Set<string>();
  forEachLogEvent(path, { annotator, parseOnly: (text) => text.includes('retract') }, (event) => {
    if (event.type === 'retract' && event.target !== undefined) retracted.add(event.target);
  });
  const bad = forEachLogEvent(path, { annotator }, (event) => {
    if (countsAsLabel(event, retracted)) visit(event);
  });
  return bad.map((b) => skipped(path, b));
}

/** One annotator's log file in a corpus. */
export interface LogFile {
  annotator: string;
  path: string;
}

/**
 * The annotator logs in `<corpus>/annotations`, sorted by name (a missing folder has none; hidden files are skipped).
 * A `.jsonl` file whose name is not a valid annotator name (`x y.jsonl`) is not read, and `onWarning` is told so, as labels in it would otherwise
 * be left out of agreement and exports without a word.
 */
export function listAnnotatorLogs(corpusDir: string, onWarning?: ((warning: string) => void) | undefined): LogFile[] {
  const dir = annotationsDir(corpusDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const logs: LogFile[] = [];
  for (const name of names.sort()) {
    // A file system may hand names back decomposed (macOS HFS+); annotator names are NFC.
    const annotator = annotatorOfLogFile(name)?.normalize('NFC');
    // Hidden files (`._alice.jsonl` from a macOS copy, an editor's backup) are not anyone's log: no warning.
    if (annotator === undefined || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (isValidAnnotatorName(annotator)) logs.push({ annotator, path });
    else
      onWarning?.(
        `${path}: not read: ${JSON.stringify(annotator)} is not an annotator name (letters of any script, digits, '.', '_' or '-'); rename the file to count its labels`,
      );
  }
  return logs;
}

/**
 * Read every annotator's log in `<corpus>/annotations` (read-only): annotator → events. Files whose names are not
 * valid annotator names are not read (see listAnnotatorLogs); those and skipped lines are passed to `onWarning`.
 */
export function readAllLogs(
  corpusDir: string,
  onWarning?: ((warning: string) => void) | undefined,
): Map<string, AnnotationEvent[]> {
  const logs = new Map<string, AnnotationEvent[]>();
  for (const { annotator, path } of listAnnotatorLogs(corpusDir, onWarning)) {
    const { events, warnings } = readAnnotatorLog(path);
    for (const warning of warnings) onWarning?.(warning);
    logs.set(annotator, events);
  }
  return logs;
}
