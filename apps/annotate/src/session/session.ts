import type { Label, Sentence, StanceDocument } from '@stance/schema';
import type { AnnotatorLog } from '@stance/store';
import { foldFlags, foldLabels } from '@stance/store';
import type { CorpusIndex } from '../model/corpus-index.ts';
import { documentOrder, indexCorpus, uncertainOrder } from '../model/corpus-index.ts';
import type { Labeler, Suggester, SuggestionModel } from '../model/suggester.ts';
import { createSuggester } from '../model/suggester.ts';

/** The order sentences are visited in. */
export type VisitOrder = 'document' | 'uncertain';

/** The corpus as the UI needs it (what `loadCorpus` returns has this shape). */
export interface CorpusInput {
  documents: readonly StanceDocument[];
  sentences: readonly Sentence[];
  guideline: { version: string; text: string } | null;
}

/** Everything the UI runs on, built once at start-up. The log is open (and locked) for the session's length. */
export interface AnnotateSession {
  readonly annotator: string;
  readonly index: CorpusIndex;
  readonly order: readonly number[];
  readonly orderName: VisitOrder;
  readonly suggester: Suggester;
  readonly log: AnnotatorLog;
  readonly guideline: { version: string; text: string } | null;
  readonly blind: boolean;
  /** Labels from the log whose sentence text is unchanged (a changed sentence counts as unlabelled). */
  readonly base: ReadonlyMap<string, Label>;
  readonly flagged: ReadonlySet<string>;
  /** Labels in the log for sentences whose text has changed since (shown as a warning). */
  readonly stale: number;
  /** Clock in ms. @default Date.now */
  readonly now: () => number;
}

/** What a session is built from. */
export interface SessionInput {
  corpus: CorpusInput;
  log: AnnotatorLog;
  labeler: Labeler;
  model?: SuggestionModel | null;
  order?: VisitOrder;
  blind?: boolean;
  now?: () => number;
}

/** Build a session: index the corpus, fold this annotator's log, and order the sentences. */
export function createSession(input: SessionInput): AnnotateSession {
  const index = indexCorpus(input.corpus.documents, input.corpus.sentences);
  const suggester = createSuggester(index, input.labeler, input.model ?? null);
  const base = new Map<string, Label>();
  let stale = 0;
  for (const [id, current] of foldLabels(input.log.events)) {
    if (!index.positionOf.has(id)) continue;
    if (current.textHash.startsWith(idHashOf(id))) base.set(id, current.label);
    else stale++;
  }
  const orderName = input.order ?? 'document';
  let order: number[];
  if (orderName === 'uncertain') {
    // Only what is left to label needs ranking: documents labelled through are not run through the model, and
    // labelled sentences go last (in document order), where review finds them.
    const done = (s: number) => base.has(index.sentences[s]!.id);
    const confidence = suggester.all((doc) => index.byDoc[doc]!.every(done));
    order = uncertainOrder(index, (s) => (done(s) ? Number.POSITIVE_INFINITY : confidence[s]!));
  } else order = documentOrder(index);
  return {
    annotator: input.log.annotator,
    index,
    order,
    orderName,
    suggester,
    log: input.log,
    guideline: input.corpus.guideline,
    blind: input.blind ?? false,
    base,
    flagged: foldFlags(input.log.events),
    stale,
    now: input.now ?? Date.now,
  };
}

/**
 * The text-hash part of a sentence id. A sentence id is `docId:` + the first 10 hex digits of the same SHA-256 (of the
 * same normalised text) whose first 16 digits are its `textHash`; so a label whose textHash starts with it was given
 * to this very text. Comparing prefixes spares hashing every labelled sentence at start-up (30,000 labels: ~200 ms).
 */
export function idHashOf(sentenceId: string): string {
  const hash = sentenceId.slice(sentenceId.lastIndexOf(':') + 1);
  const repeat = hash.indexOf('~');
  return repeat < 0 ? hash : hash.slice(0, repeat);
}
