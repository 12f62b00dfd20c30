import type { StanceDocument } from '@stance/schema';
import { isValidDocumentId, StanceError } from '@stance/schema';

/** A document parsed from an input file, with where it came from (`file` or `file:line`) for error messages. */
export interface SourceDocument {
  document: StanceDocument;
  where: string;
}

/** How `.csv` files map to documents. */
export interface ParseOptions {
  /** Column holding the document text. @default 'text' */
  textColumn?: string | undefined;
  /** Column holding the document id; when absent, ids come from the content. @default 'id' (if present) */
  idColumn?: string | undefined;
  /** Column holding the title; when absent, the first line of the text. @default 'title' (if present) */
  titleColumn?: string | undefined;
}

/** A given document id, checked: it becomes a file name and the prefix of sentence ids. */
export function checkedId(id: string, where: string): string {
  if (!isValidDocumentId(id))
    throw new StanceError(
      `invalid document id ${JSON.stringify(id)} (letters, digits, ".", "_", "-"; at most 64; no leading dot)`,
      { where },
    );
  return id;
}

/** Refuse a document with no text. */
export function checkNotEmpty(text: string, where: string, what = 'empty document'): void {
  if (text.trim() === '') throw new StanceError(what, { where });
}
