export type { Cue, CueKind, LabelScores, Prediction } from './cues.ts';
export { CUE_KINDS } from './cues.ts';
export type { DocumentMeta, Sentence, StanceDocument } from './document.ts';
export { EXIT, isStanceError, StanceError } from './errors.ts';
export type { AnnotationEvent, EventType, Suggestion } from './events.ts';
export { EVENT_TYPES, EVENT_VERSION } from './events.ts';
export { fileError, fileErrorReason } from './file-error.ts';
export {
  contentDocumentId,
  docIdOf,
  isValidAnnotatorName,
  isValidDocumentId,
  normalizeForId,
  sentenceId,
  sentenceIds,
  shortHash,
  textHash,
} from './ids.ts';
export type { Label, StanceLabel } from './labels.ts';
export { isLabel, LABEL_KEYS, LABELS, labelIndex, STANCE_LABELS } from './labels.ts';
export type { ClassifyRequest, ClassifyResponse } from './protocol.ts';
export type { SentenceSpan, Span, Token } from './spans.ts';
export { spanContains } from './spans.ts';
