import { TokenTable } from './token-table.ts';
import { hashRange } from './word-scanner.ts';

/** What the cue rules know of one spelling of a word, worked out once and shared by every rule. */
interface WordEntry {
  /** The word as written. */
  text: string;
  /** Lower-cased, `’` folded to `'`: the form the cue lists are written in. */
  lower: string;
  /** The bits of the word tests (wordFlag) it passes. */
  flags: number;
  /** The bits of the phrase lists (phraseSet) that have a phrase starting with it. */
  starts: number;
}

// Speed: each cue rule used to look every token up in its own Set or Map (phrase lists' first words, modals,
// superlatives, date and number words, the Pattern lexicon): about six string lookups per token, on strings built for
// that sentence. Now a token costs one lookup by offset and hash (no string for a word met before), and the rules read
// bits. The table holds each spelling met, so it is emptied when it grows past this (a long stream of text).
const WORD_LIMIT = 100_000;
const tests: ((lower: string) => boolean)[] = [];
const firstWords = new Map<string, number>();
let table = new TokenTable<WordEntry>();

/**
 * A bit for the words that pass `test` (called once per lower-cased spelling); a rule checks `token.flags & bit`. At
 * most 31 tests; call at module load, before any sentence is read.
 */
export function wordFlag(test: (lower: string) => boolean): number {
  if (tests.length === 31) throw new Error('wordFlag: at most 31 word tests');
  tests.push(test);
  table = new TokenTable();
  return 2 ** (tests.length - 1);
}

/** Record that phrase list `bit` has a phrase starting with `word` (lower-cased). */
export function addPhraseStart(word: string, bit: number): void {
  firstWords.set(word, (firstWords.get(word) ?? 0) | bit);
  table = new TokenTable();
}

/** The entry of the word `text[start .. end)`. */
export function lookUpWord(text: string, start: number, end: number): WordEntry {
  const hash = hashRange(text, start, end);
  const known = table.find(text, start, end, hash);
  if (known) return known;
  if (table.entries.length >= WORD_LIMIT) table = new TokenTable();
  const word = text.slice(start, end);
  const folded = word.toLowerCase();
  const lower = folded.includes('’') ? folded.replace(/’/g, "'") : folded;
  let flags = 0;
  for (let i = 0; i < tests.length; i++) if (tests[i]!(lower)) flags |= 2 ** i;
  const entry: WordEntry = { text: word, lower, flags, starts: firstWords.get(lower) ?? 0 };
  table.add(entry, hash);
  return entry;
}
