// The words of a sentence as the word-vector table is looked up. Its own tokenizer (the same pattern as the n-gram
// features at the time the table was made) so that a change to the feature extraction cannot silently change which
// vectors a saved model reads: the table's format version pins this. The default labeller takes the tokens from its
// unigram features instead (the same tokens, so one tokenization serves both); a test checks they agree.

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)?|[?!“”"]/gu;

/** What a contraction's tail stands for in GloVe's vocabulary (which has no words with apostrophes); '' = drop it. */
const TAILS: Record<string, string> = {
  "n't": 'not',
  "'s": '',
  "'m": 'am',
  "'re": 'are',
  "'ve": 'have',
  "'ll": 'will',
  "'d": 'would',
};

/**
 * Add the GloVe forms of one lower-cased token to `out`: the token itself, or a contraction split the way GloVe's
 * tokenizer split it: "don't" → do + not, "it's" → it, "can't" → can + not.
 */
export function addVectorForms(t: string, out: Set<string>): void {
  const at = t.indexOf("'");
  if (at < 0) {
    out.add(t);
    return;
  }
  if (t === "can't" || t === "won't") {
    out.add(t === "can't" ? 'can' : 'will');
    out.add('not');
    return;
  }
  let base = t.slice(0, at);
  let tail = t.slice(at);
  if (tail === "'t" && base.endsWith('n')) {
    base = base.slice(0, -1);
    tail = "n't";
  }
  if (base) out.add(base);
  const expanded = TAILS[tail];
  if (expanded) out.add(expanded);
}

/**
 * Lower-cased words of `text` (curly apostrophes folded to `'`; `?`, `!` and quote marks count as words), with
 * contractions split (addVectorForms). Each distinct form once, in first-seen order.
 */
export function vectorWords(text: string): string[] {
  const lower = text.toLowerCase().replace(/’/g, "'");
  const out = new Set<string>();
  for (const m of lower.matchAll(WORD)) addVectorForms(m[0], out);
  return [...out];
}
