import type { Cue, Label, Prediction } from '@stance/schema';
import { isLabel } from '@stance/schema';
import type { CorpusIndex } from './corpus-index.ts';
import { blockFlags } from './corpus-index.ts';

/**
 * The rules labeler (labelDocument's shape): one prediction (with cue spans relative to each sentence) per sentence of
 * one document, told which sentences sit in a quotation the layout shows (CorpusIndex.blockQuoted).
 */
export type Labeler = (texts: string[], startsInQuote?: boolean, blockQuoted?: readonly boolean[]) => Prediction[];

/** A model's answer as the UI needs it; trained models may leave out confidence and cues. */
export interface ModelAnswer {
  /** A label outside the four (a model trained on another label set) falls back to the rules' suggestion. */
  label: string;
  confidence?: number;
  scores?: Readonly<Record<string, number>>;
  cues?: Cue[];
}

/** A trained model: a name (logged with each suggestion) and a batch predictor over one document's sentences. */
export interface SuggestionModel {
  name: string;
  predict(texts: readonly string[], options?: { blockQuoted?: readonly boolean[] }): readonly ModelAnswer[];
}

/** The suggestion shown for a sentence: the label, its confidence, and the rules' cue spans to highlight. */
export interface Suggested {
  label: Label;
  confidence: number;
  cues: readonly Cue[];
  /** The model that made it (`rules` or a trained model's name): what the log records as `suggestion.model`. */
  model: string;
  /** Set when the labeler or model threw: there is no suggestion (and none is logged), only this message. */
  error?: string;
  /**
   * Set while the background worker, which holds the model, has not answered for this sentence's document yet: the
   * label is not known (and none is logged if a label is given now); `cues` are the rules' all the same.
   */
  pending?: true;
}

/**
 * Suggestions computed per document on first look and cached for the documents looked at last (KEPT_DOCUMENTS), so
 * start-up labels nothing unless an order needs all of them (`--order uncertain` calls `all`), and memory does not
 * grow with the documents visited.
 */
export interface Suggester {
  /** Name logged as `suggestion.model`: `rules` or the trained model's name. */
  readonly model: string;
  /** Whether suggestions come from a trained model (else from the rules). */
  readonly trained: boolean;
  /** The suggestion for a sentence position. */
  at(position: number): Suggested;
  /**
   * Compute (and cache) the suggestions of a position's document now, if not done yet, so that `at` does not have
   * to while a keystroke waits (labelling a document of 100 sentences takes 5-15 ms). Out-of-range positions are
   * ignored.
   */
  warm(position: number): void;
  /**
   * Label every document (for orders that rank the whole corpus) but those `skip` says need no ranking; returns the
   * confidence of each position (Infinity for skipped documents' sentences, which so rank last).
   */
  all(skip?: (doc: number) => boolean): Float64Array;
}

/**
 * Documents whose suggestions stay cached: the current one and those a key or two away (warmed after each frame), with
 * room to spare. Going back further labels a document again (5-15 ms), as the first look did.
 */
export const KEPT_DOCUMENTS = 16;

/** Build a suggester: the trained model's label and confidence if there is one, the rules' cues always. */
export function createSuggester(index: CorpusIndex, labeler: Labeler, model?: SuggestionModel | null): Suggester {
  // A Map iterates in insertion order: re-inserting on each look keeps the least recently looked-at document first.
  const cache = new Map<number, Suggested[]>();
  const name = model ? model.name : 'rules';
  const remember = (doc: number, suggestions: Suggested[]) => {
    cache.set(doc, suggestions);
    if (cache.size > KEPT_DOCUMENTS) cache.delete(cache.keys().next().value!);
  };
  const forDocument = (doc: number, keep = true): Suggested[] => {
    let cached = cache.get(doc);
    if (cached) {
      cache.delete(doc);
      cache.set(doc, cached);
      return cached;
    }
    const positions = index.byDoc[doc] ?? [];
    const texts = positions.map((s) => index.sentences[s]!.text);
    const blockQuoted = blockFlags(index, positions);
    let rules: Prediction[];
    let trained: readonly ModelAnswer[] | null;
    try {
      rules = labeler(texts, false, blockQuoted);
      trained = model ? model.predict(texts, { blockQuoted }) : null;
    } catch (error) {
      // Suggestions are advice: a failing labeler must not take the annotation UI (and unsaved work) down with it.
      const failed: Suggested = {
        label: 'skip',
        confidence: 0,
        cues: [],
        model: name,
        error: (error as Error).message,
      };
      cached = positions.map(() => failed);
      if (keep) remember(doc, cached);
      return cached;
    }
    cached = positions.map((_, k) => {
      const r = rules[k];
      const m = trained?.[k];
      const cues = r?.cues ?? m?.cues ?? [];
      if (m && isLabel(m.label))
        return { label: m.label, confidence: m.confidence ?? confidenceOf(m.scores, m.label), cues, model: name };
      if (r) return { label: r.label, confidence: r.confidence, cues, model: 'rules' };
      return { label: 'skip', confidence: 0, cues, model: 'rules' };
    });
    if (keep) remember(doc, cached);
    return cached;
  };
  /**
   * Confidences of a document's suggestions, for ranking: the model's alone when it labels every sentence with one of
   * the four labels (no rules, no cues: ranking 70,000 sentences then costs the model's time only), else `at`'s.
   */
  const confidences = (doc: number): readonly number[] => {
    const cached = cache.get(doc);
    if (cached || !model) return (cached ?? forDocument(doc, false)).map((s) => s.confidence);
    const positions = index.byDoc[doc] ?? [];
    let answers: readonly ModelAnswer[];
    try {
      answers = model.predict(
        positions.map((s) => index.sentences[s]!.text),
        { blockQuoted: blockFlags(index, positions) },
      );
    } catch {
      return forDocument(doc, false).map((s) => s.confidence);
    }
    if (answers.length !== positions.length || !answers.every((a) => isLabel(a.label)))
      return forDocument(doc, false).map((s) => s.confidence);
    return answers.map((a) => a.confidence ?? confidenceOf(a.scores, a.label as Label));
  };
  return {
    model: name,
    trained: Boolean(model),
    at(position) {
      const doc = index.docOf[position] ?? -1;
      if (doc < 0) return { label: 'skip', confidence: 0, cues: [], model: 'rules' };
      return forDocument(doc)[index.placeInDoc[position]!]!;
    },
    warm(position) {
      const doc = index.docOf[position] ?? -1;
      if (doc >= 0) forDocument(doc);
    },
    all(skip) {
      const out = new Float64Array(index.sentences.length);
      index.byDoc.forEach((positions, doc) => {
        if (skip?.(doc)) {
          for (const s of positions) out[s] = Number.POSITIVE_INFINITY;
          return;
        }
        // Ranking needs only the confidences; keeping every document's cues would hold the whole corpus's worth.
        const values = confidences(doc);
        positions.forEach((s, k) => {
          out[s] = values[k]!;
        });
      });
      return out;
    },
  };
}

/** Confidence from scores when a model gives none: the chosen label's share of the total. */
function confidenceOf(scores: Readonly<Record<string, number>> | undefined, label: Label): number {
  if (!scores) return 0;
  const values = Object.values(scores).filter((v): v is number => typeof v === 'number' && v > 0);
  const total = values.reduce((a, b) => a + b, 0);
  return total > 0 ? (scores[label] ?? 0) / total : 0;
}
