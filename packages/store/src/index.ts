export type { AnnotatorLog, NewEvent, OpenLogOptions } from './annotator-log.ts';
export { openAnnotatorLog } from './annotator-log.ts';
export { isAnnotationEvent } from './check-event.ts';
export { syncFolder, writeFileAtomic } from './durable-write.ts';
export type { StaleReport } from './find-stale.ts';
export { findStale } from './find-stale.ts';
export type { CurrentLabel, LabelEvent } from './fold.ts';
export { flagEventOf, foldFlags, foldLabelEvents, foldLabels, foldNotes, retractedIds, undoTarget } from './fold.ts';
export type { LockOwner } from './lock.ts';
export { annotationsDir, annotatorLogPath } from './paths.ts';
export { foldLogFile, type LogFile, listAnnotatorLogs, readAllLogs, readAnnotatorLog } from './read-log.ts';
export {
  isStaleTemp,
  parseTempName,
  removeStaleTemps,
  type TempKind,
  type TempName,
  tempPathFor,
} from './temp-files.ts';
