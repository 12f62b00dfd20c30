import { createHash } from 'node:crypto';

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
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, length);
}

/** Text as it is compared for identity: NFC, white space runs folded to one space, trimmed. */
export function normalizeForId(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Hash of a sentence's text that labels carry, so a changed sentence is detected and never silently relabelled. */
export function textHash(text: string): string {
  return shortHash(normalizeForId(text), 16);
}

/** A document id derived from its normalised text, for documents that come without one. */
export function contentDocumentId(text: string): string {
  return `d${shortHash(normalizeForId(text), 11)}`;
}

/**
 * Stable sentence id: document id, a short hash of the normalised sentence text, and `~n` for its n-th repeat
 * (n ≥ 2) in the same document. Re-ingesting the same text gives the same ids; editing one sentence changes only its id.
 */
export function sentenceId(docId: string, text: string, occurrence = 1): string {
  const base = `${docId}:${shortHash(normalizeForId(text), 10)}`;
  return occurrence > 1 ? `${base}~${occurrence}` : base;
}

/** Give each sentence text its id within one document, counting repeats in order. */
export function sentenceIds(docId: string, texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const key = normalizeForId(text);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return sentenceId(docId, text, n);
  });
}

/** The document id part of a sentence id. */
export function docIdOf(sentenceIdValue: string): string {
  const colon = sentenceIdValue.lastIndexOf(':');
  return colon < 0 ? sentenceIdValue : sentenceIdValue.slice(0, colon);
}
