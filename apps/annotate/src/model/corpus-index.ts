import type { Sentence, StanceDocument } from '@stance/schema';
import { blockQuoted } from '@stance/text';

/**
 * The corpus as the UI walks it: documents in order, each document's sentences in reading order, and for every
 * sentence (by its position in `sentences`) the document it belongs to and its place in that document. Built once at
 * start-up so that nothing per keystroke needs to look at the whole corpus.
 */
export interface CorpusIndex {
  readonly documents: readonly StanceDocument[];
  readonly sentences: readonly Sentence[];
  /** Sentence positions (into `sentences`) of each document, in reading order. */
  readonly byDoc: readonly (readonly number[])[];
  /** Document position of each sentence. */
  readonly docOf: Int32Array;
  /** Place of each sentence within its document (0-based). */
  readonly placeInDoc: Int32Array;
  /** Sentence position by sentence id. */
  readonly positionOf: ReadonlyMap<string, number>;
  /**
   * 1 where a sentence sits in a quotation its document's layout shows (a `>` paragraph, or the paragraph after a
   * lead-in such as `From the AP comes this story:`; see blockQuoted of @stance/text), which the labellers read as a
   * quote.
   */
  readonly blockQuoted: Uint8Array;
}

// A lead-in ends its line with a colon; a document without one (or a `>`) can hold no quotation by layout.
const LINE_ENDS_IN_COLON = /:[ \t]*\r?\n/;

/** Index documents and their sentences; sentences of unknown documents are left out. */
export function indexCorpus(documents: readonly StanceDocument[], sentences: readonly Sentence[]): CorpusIndex {
  const docPosition = new Map<string, number>();
  documents.forEach((doc, i) => {
    docPosition.set(doc.id, i);
  });
  const byDoc: number[][] = documents.map(() => []);
  const docOf = new Int32Array(sentences.length).fill(-1);
  const positionOf = new Map<string, number>();
  sentences.forEach((sentence, i) => {
    const d = docPosition.get(sentence.docId);
    if (d === undefined) return;
    docOf[i] = d;
    byDoc[d]!.push(i);
    positionOf.set(sentence.id, i);
  });
  const placeInDoc = new Int32Array(sentences.length).fill(-1);
  for (const list of byDoc) {
    // The corpus hands sentences out in reading order already; sort only when it did not, to keep start-up linear.
    if (list.some((s, k) => k > 0 && sentences[list[k - 1]!]!.index > sentences[s]!.index))
      list.sort((a, b) => sentences[a]!.index - sentences[b]!.index);
    list.forEach((s, k) => {
      placeInDoc[s] = k;
    });
  }
  const quoted = new Uint8Array(sentences.length);
  byDoc.forEach((list, d) => {
    const text = documents[d]!.text;
    // Most documents quote nothing by layout: only one with a `>` or a line ending in a colon is read line by line.
    if (!text.includes('>') && !LINE_ENDS_IN_COLON.test(text)) return;
    const flags = blockQuoted(
      text,
      list.map((s) => sentences[s]!),
    );
    list.forEach((s, k) => {
      if (flags[k]) quoted[s] = 1;
    });
  });
  return { documents, sentences, byDoc, docOf, placeInDoc, positionOf, blockQuoted: quoted };
}

/** The block-quotation flags of sentence positions (see CorpusIndex.blockQuoted), as PredictOptions takes them. */
export function blockFlags(index: CorpusIndex, positions: readonly number[] | Int32Array): boolean[] {
  return Array.from(positions, (s) => index.blockQuoted[s] === 1);
}

/** Every indexed sentence position in document order (documents in corpus order, sentences in reading order). */
export function documentOrder(index: CorpusIndex): number[] {
  const order: number[] = [];
  for (const list of index.byDoc) for (const s of list) order.push(s);
  return order;
}

/**
 * Sentence positions with the least confident first (active learning): ascending confidence, ties in document order.
 * `confidence` is called once per sentence.
 */
export function uncertainOrder(index: CorpusIndex, confidence: (position: number) => number): number[] {
  const order = documentOrder(index);
  const rank = new Int32Array(index.sentences.length);
  order.forEach((s, k) => {
    rank[s] = k;
  });
  const conf = new Float64Array(index.sentences.length);
  for (const s of order) conf[s] = confidence(s);
  return order.sort((a, b) => conf[a]! - conf[b]! || rank[a]! - rank[b]!);
}
