import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AnnotationEvent } from '@stance/schema';
import { isValidAnnotatorName } from '@stance/schema';
import { annotationsDir, annotatorOfLogFile } from './paths.ts';
import { scanLogFile } from './scan-log.ts';

/**
 * Read one annotator's log without locking or repairing it: valid events in file order, and one warning
 * (`file:line: why`) per line that was skipped. A missing file is an empty log.
 */
export function readAnnotatorLog(path: string): { events: AnnotationEvent[]; warnings: string[] } {
  const annotator = annotatorOfLogFile(basename(path));
  const { events, bad } = scanLogFile(path, { annotator });
  const warnings = bad.map((b) => `${path}:${b.line}: ${b.reason}; line skipped`);
  return { events, warnings };
}

/**
 * Read every annotator's log in `<corpus>/annotations` (read-only): annotator → events. Files whose names are not
 * valid annotator names are ignored; skipped lines are passed to `onWarning` when given.
 */
export function readAllLogs(
  corpusDir: string,
  onWarning?: ((warning: string) => void) | undefined,
): Map<string, AnnotationEvent[]> {
  const dir = annotationsDir(corpusDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const logs = new Map<string, AnnotationEvent[]>();
  for (const name of names.sort()) {
    // A file system may hand names back decomposed (macOS HFS+); annotator names are NFC.
    const annotator = annotatorOfLogFile(name)?.normalize('NFC');
    if (annotator === undefined || !isValidAnnotatorName(annotator)) continue;
    const { events, warnings } = readAnnotatorLog(join(dir, name));
    for (const warning of warnings) onWarning?.(warning);
    logs.set(annotator, events);
  }
  return logs;
}
