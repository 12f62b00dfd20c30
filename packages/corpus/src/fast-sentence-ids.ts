import { hash } from 'node:crypto';

/**
 * White space that `normalizeForId` would rewrite: a run of two, or any white space other than a plain space. No `u`
 * flag: every white space character is in the BMP, so `\s` matches the same text, and the test runs faster without it.
 */
const REWRITTEN_SPACE = /\s\s|[^\S ]/;

/**
 * Exactly `sentenceIds` from @stance/schema (a test checks this on random text), several times faster: it
 * normalises each text once instead of twice, skips the white-space rewrite when there is nothing to rewrite, and
 * hashes with the one-shot `crypto.hash`. Ids are a large share of loading a 100k-sentence corpus.
 */
export function fastSentenceIds(docId: string, texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const out = new Array<string>(texts.length);
  for (let i = 0; i < texts.length; i++) {
    let key = (texts[i] as string).normalize('NFC');
    if (REWRITTEN_SPACE.test(key)) key = key.replace(/\s+/g, ' ');
    key = key.trim();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const base = `${docId}:${hash('sha256', key, 'hex').slice(0, 10)}`;
    out[i] = n > 1 ? `${base}~${n}` : base;
  }
  return out;
}
