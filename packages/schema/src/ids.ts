import { hash } from 'node:crypto';

/** Ids: ASCII letters, digits, `.`, `_`, `-`; no path separators, no leading dot. */
const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$/;

/**
 * Annotator names: letters of any script (with their combining marks), digits, `.`, `_`, `-`, at most 64 characters;
 * no path separators, no leading dot, no white space or control or format characters (no bidi overrides).
 */
const SAFE_ANNOTATOR = /^[\p{L}\p{N}_][\p{L}\p{M}\p{N}._-]{0,63}$/u;

/**
 * True when `name` is safe as an annotator name (and so as a file name): no `../x`, no slashes, and in NFC, so that
 * one name typed on two systems (composed or decomposed accents) can not name two logs.
 */
export function isValidAnnotatorName(name: string): boolean {
  return SAFE_ANNOTATOR.test(name) && !name.includes('..') && name === name.normalize('NFC');
}

/** True when `id` is usable as a document id (it appears in sentence ids and file names). */
export function isValidDocumentId(id: string): boolean {
  return SAFE_NAME.test(id) && !id.includes('..');
}

/** Hex SHA-256 of a string (UTF-8), cut to `length` characters. */
export function shortHash(text: string, length = 12): string {
  // The one-shot `crypto.hash` makes no Hash object: ids hash every sentence of a corpus on each load.
  return hash('sha256', text, 'hex').slice(0, length);
}

/**
 * White space that `normalizeForId` rewrites: a run of two, or any white space other than a plain space. No `u` flag:
 * every white space character is in the BMP, so `\s` matches the same text, and the test runs faster without it.
 */
const REWRITTEN_SPACE = /\s\s|[^\S ]/;

/** Text as it is compared for identity: NFC, white space runs folded to one space, trimmed. */
export function normalizeForId(text: string): string {
  const nfc = text.normalize('NFC');
  // Most sentences have single spaces only: testing first skips building a copy of each.
  return (REWRITTEN_SPACE.test(nfc) ? nfc.replace(/\s+/g, ' ') : nfc).trim();
}

/** Hash of a sentence's text that labels carry, so a changed sentence is detected and never silently relabelled. */
export function textHash(text: string): string {
  return shortHash(normalizeForId(text), 16);
}

/** A document id derived from its normalised text, for documents that come without one. */
export function contentDocumentId(text: string): string {
  return `d${shortHash(normalizeForId(text), 11)}`;
}

/** The id of a sentence whose text normalises to `key`, for its `occurrence`-th repeat. */
function idOfKey(docId: string, key: string, occurrence: number): string {
  const base = `${docId}:${shortHash(key, 10)}`;
  return occurrence > 1 ? `${base}~${occurrence}` : base;
}

/**
 * Stable sentence id: document id, a short hash of the normalised sentence text, and `~n` for its n-th repeat
 * (n ≥ 2) in the same document. Re-ingesting the same text gives the same ids; editing one sentence changes only its id.
 */
export function sentenceId(docId: string, text: string, occurrence = 1): string {
  return idOfKey(docId, normalizeForId(text), occurrence);
}

/**
 * Give each sentence text its id within one document, counting repeats in order. Each text is normalised once (for
 * the repeat count and the hash alike): ids are a large share of loading a 100k-sentence corpus.
 */
export function sentenceIds(docId: string, texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const ids = new Array<string>(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const key = normalizeForId(texts[i]!);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    ids[i] = idOfKey(docId, key, n);
  }
  return ids;
}

/** The document id part of a sentence id. */
export function docIdOf(sentenceIdValue: string): string {
  const colon = sentenceIdValue.lastIndexOf(':');
  return colon < 0 ? sentenceIdValue : sentenceIdValue.slice(0, colon);
}
