import type { Cue, CueKind, Label, Span } from '@stance/schema';
import type { WordToken } from './tokens.ts';
import { addPhraseStart } from './word-table.ts';

/** What a cue rule sees of one sentence: its text, its words, where quoted material lies, and its neighbours. */
export interface SentenceView {
  text: string;
  tokens: readonly WordToken[];
  /** Quoted stretches of the sentence (including one carried over from the previous sentence). */
  quoted: readonly Span[];
  /** True when the sentence began inside a quotation opened earlier. */
  startsInQuote: boolean;
  /** True when a quotation is still open at the end of the sentence. */
  endsInQuote: boolean;
}

/** One cue family: finds its cues in a sentence. Rules are pure and run in the order of CUE_RULES. */
export interface CueRule {
  kind: CueKind;
  find(view: SentenceView): Cue[];
}

/** A cue object; offsets are into the sentence. */
export function cue(start: number, end: number, kind: CueKind, label: Label, weight: number): Cue {
  return { start, end, kind, label, weight };
}

/** True when `span` lies inside quoted material of the sentence. */
export function inQuoted(view: SentenceView, span: Span): boolean {
  for (const q of view.quoted) if (q.start <= span.start && span.end <= q.end) return true;
  return false;
}

/** A phrase list ready for matching: the phrases, every proper word-prefix of a multi-word phrase, and its bit. */
export interface PhraseSet {
  phrases: ReadonlySet<string>;
  prefixes: ReadonlySet<string>;
  bit: number;
}

// Speed: every phrase list gets a bit, and each token carries the bits of the lists that have a phrase starting with it
// (WordToken.starts, from the shared word lookup): no lookup per list, nor per token here.
let lists = 0;

/** Prepare a list of lower-case phrases (words separated by single spaces) for matchPhrases. */
export function phraseSet(list: Iterable<string>): PhraseSet {
  const bit = 2 ** (lists++ % 31);
  lastTokens = undefined; // the starters found so far did not know this list
  const phrases = new Set(list);
  const prefixes = new Set<string>();
  for (const p of phrases) {
    const words = p.split(' ');
    addPhraseStart(words[0]!, bit);
    for (let n = 1; n < words.length; n++) prefixes.add(words.slice(0, n).join(' '));
  }
  return { phrases, prefixes, bit };
}

// The tokens that start a phrase of some list, for the last token array asked about: every phrase rule reads the same
// sentence's tokens in a row, so the first finds them and the rest loop over those few only.
let lastTokens: readonly WordToken[] | undefined;
let starters = new Int32Array(64);
let starterCount = 0;
let starterBits = new Int32Array(64);

/** Find (or reuse) the phrase-starting tokens of `tokens`. */
function findStarters(tokens: readonly WordToken[]): void {
  if (tokens === lastTokens) return;
  lastTokens = tokens;
  starterCount = 0;
  if (starters.length < tokens.length) {
    starters = new Int32Array(tokens.length * 2);
    starterBits = new Int32Array(tokens.length * 2);
  }
  for (let i = 0; i < tokens.length; i++) {
    const bits = tokens[i]!.starts;
    if (bits === 0) continue;
    starters[starterCount] = i;
    starterBits[starterCount++] = bits;
  }
}

/**
 * Match the phrases against the tokens: the longest match at each position, left to right, without overlap. Growing a
 * key stops as soon as it is no phrase's prefix, so the cost stays near one Set lookup per token that starts a phrase.
 */
export function matchPhrases(tokens: readonly WordToken[], set: PhraseSet): Span[] {
  const out: Span[] = [];
  findStarters(tokens);
  // Positions before `from` are inside the last match.
  let from = 0;
  for (let c = 0; c < starterCount; c++) {
    const i = starters[c]!;
    if (i < from || (starterBits[c]! & set.bit) === 0) continue;
    let key = tokens[i]!.lower;
    let best = set.phrases.has(key) ? 0 : -1;
    for (let n = 1; i + n < tokens.length && set.prefixes.has(key); n++) {
      key = `${key} ${tokens[i + n]!.lower}`;
      if (set.phrases.has(key)) best = n;
    }
    if (best >= 0) {
      out.push({ start: tokens[i]!.start, end: tokens[i + best]!.end });
      from = i + best + 1;
    }
  }
  return out;
}

/** A cue family for a word list: every match becomes a cue of `kind` for `label`; matches inside quotes weigh less. */
export function wordListRule(
  kind: CueKind,
  label: Label,
  list: readonly string[],
  weight: number,
  quotedWeight = weight * 0.2,
): CueRule {
  const phrases = phraseSet(list);
  return {
    kind,
    find(view) {
      return matchPhrases(view.tokens, phrases).map((s) =>
        cue(s.start, s.end, kind, label, inQuoted(view, s) ? quotedWeight : weight),
      );
    },
  };
}
