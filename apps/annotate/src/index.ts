export type { AppProps } from './components/App.tsx';
export { App, MIN_SIZE } from './components/App.tsx';
export type { Intent, KeyInfo } from './keys/intent-for-key.ts';
export { intentForKey, LABEL_FOR_KEY } from './keys/intent-for-key.ts';
export { spawnLearnWorkerEarly } from './learn/spawn-worker.ts';
export type { CorpusIndex } from './model/corpus-index.ts';
export { documentOrder, indexCorpus, uncertainOrder } from './model/corpus-index.ts';
export type { AnnotatorView, QueueItem, QueueOptions, QueueReason } from './model/disagreement-queue.ts';
export { disagreementQueue } from './model/disagreement-queue.ts';
export { adjudicationEvents, judgementEvents } from './model/log-roles.ts';
export type { ModelFile, StartModel } from './model/start-model.ts';
export { loadStartModel } from './model/start-model.ts';
export type { Labeler, ModelAnswer, Suggested, Suggester, SuggestionModel } from './model/suggester.ts';
export { createSuggester } from './model/suggester.ts';
export type { AnnotateResult, AnnotateStreams } from './run-annotate.tsx';
export { runAnnotate } from './run-annotate.tsx';
export { annotatorConfigPath, rememberAnnotator, rememberedAnnotator } from './session/annotator-config.ts';
export { askAnnotatorName } from './session/ask-annotator.ts';
export { limitHeapGrowth } from './session/heap-growth.ts';
export type {
  AdjudicateInput,
  Adjudication,
  AnnotateSession,
  AssignedDocuments,
  CorpusInput,
  LearningOptions,
  SessionInput,
  VisitOrder,
} from './session/session.ts';
export { createSession, DEFAULT_IDLE_CAP_MS, RANK_INLINE_MAX } from './session/session.ts';
export type { Action, Reveal, SeekTarget } from './state/actions.ts';
export { reducer } from './state/reducer.ts';
export type { AnnotateState, LearningStatus, Mode, View } from './state/state.ts';
export { initialState } from './state/state.ts';
