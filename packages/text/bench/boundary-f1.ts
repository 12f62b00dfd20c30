// Boundary F1 on documents with gold sentence offsets (UD English EWT and GUM rebuilt as documents, in ../shared/eval),
// as `../shared/eval/README.md` defines it: a predicted sentence end counts when it equals a gold sentence end, both
// taken after trimming white space; precision and recall over all ends of all documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One document of `ud-*-docs.json`. */
export interface UdDoc {
  id: string;
  genre: string;
  text: string;
  sentences: string[];
  offsets: [number, number][];
}

/** A splitter under test: the sentences of `text`, in order, each a substring of it (offsets are found by search). */
export type Splitter = (text: string) => string[];

/** Counts and rates of one splitter on a set of documents. */
export interface BoundaryScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The repository's public evaluation folder (`../shared/eval` beside the repository root). */
export const EVAL_DIR = join(import.meta.dirname, '../../../../shared/eval');

/** The documents of `ud-ewt-dev-docs.json` or `ud-gum-dev-docs.json`, read by path (never copied into the repository). */
export function readUdDocs(file: string): UdDoc[] {
  return JSON.parse(readFileSync(join(EVAL_DIR, file), 'utf8')) as UdDoc[];
}

const isTrimmable = (c: string | undefined) => c !== undefined && c.trim() === '';

/** Trimmed end offsets of `pieces` in `text`, each searched for after the previous one (a splitter may drop spaces). */
export function endsOf(text: string, pieces: readonly string[]): number[] {
  const ends: number[] = [];
  let cursor = 0;
  for (const raw of pieces) {
    const piece = raw.trim();
    if (!piece) continue;
    const at = text.indexOf(piece, cursor);
    if (at < 0) continue; // a splitter that rewrote the text: its end cannot be placed, so it scores nothing
    let end = at + piece.length;
    while (end > at && isTrimmable(text[end - 1])) end--;
    ends.push(end);
    cursor = end;
  }
  return ends;
}

/** Gold trimmed sentence ends of a document. */
export function goldEnds(doc: UdDoc): number[] {
  return doc.offsets.map(([s, e]) => {
    let end = e;
    while (end > s && isTrimmable(doc.text[end - 1])) end--;
    return end;
  });
}

/** Boundary precision, recall and F1 of `split` over `docs` (micro-averaged over all sentence ends). */
export function boundaryScore(docs: readonly UdDoc[], split: Splitter): BoundaryScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const doc of docs) {
    const gold = new Set(goldEnds(doc));
    const got = new Set(endsOf(doc.text, split(doc.text)));
    for (const e of got) if (gold.has(e)) tp++;
    fp += [...got].filter((e) => !gold.has(e)).length;
    fn += [...gold].filter((e) => !got.has(e)).length;
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}
