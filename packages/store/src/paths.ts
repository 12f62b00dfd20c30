import { join } from 'node:path';
import { isValidAnnotatorName, StanceError } from '@stance/schema';

/** The folder holding one event log per annotator: `<corpus>/annotations`. */
export function annotationsDir(corpusDir: string): string {
  return join(corpusDir, 'annotations');
}

/** Path of an annotator's event log, after refusing names that could escape the folder (`../x`, `a/b`). */
export function annotatorLogPath(corpusDir: string, annotator: string): string {
  assertAnnotatorName(annotator);
  return join(annotationsDir(corpusDir), `${annotator}.jsonl`);
}

/** Throw a StanceError unless `annotator` is a safe annotator name (and so a safe file name). */
export function assertAnnotatorName(annotator: string): void {
  if (!isValidAnnotatorName(annotator)) {
    throw new StanceError(
      `invalid annotator name ${JSON.stringify(annotator)}: use letters (any script), digits, '.', '_' or '-' (no path separators, no leading dot, no '..')`,
    );
  }
}

/** The annotator a log file belongs to, from its file name (`alice.jsonl` → `alice`). */
export function annotatorOfLogFile(fileName: string): string | undefined {
  return fileName.endsWith('.jsonl') ? fileName.slice(0, -'.jsonl'.length) : undefined;
}
