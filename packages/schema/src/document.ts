import type { SentenceSpan } from './spans.ts';

/** Metadata kept with a document; values are strings so they round-trip through CSV and JSONL alike. */
export type DocumentMeta = Readonly<Record<string, string>>;

/** A normalised document (NFC, LF line ends) as the corpus stores it. */
export interface StanceDocument {
  id: string;
  title: string;
  text: string;
  source?: string;
  url?: string;
  published?: string;
  meta?: DocumentMeta;
}

/** A sentence of a corpus document; `[start, end)` index the normalised document text. */
export interface Sentence extends SentenceSpan {
  id: string;
  docId: string;
  index: number;
}
