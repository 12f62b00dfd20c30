/** What the cue rules know of a lower-cased word: the bits of the word lists and of the phrase lists it starts. */
interface WordFacts {
  flags: number;
  starts: number;
}

// Speed: each cue rule used to look every token up in its own Set or Map (phrase lists' first words, modals,
// superlatives, date and number words, the Pattern lexicon): about six string lookups per token. Now one lookup per
// token in a single map of the words any list holds (a few thousand, so it stays in the cache), and the rules read
// bits. A table of every spelling met (to skip lower-casing) was tried and was slower: tens of thousands of entries
// missed the cache on most tokens.
const lists: (() => Iterable<string>)[] = [];
const firstWords = new Map<string, number>();
let facts: Map<string, WordFacts> | undefined;

/**
 * A bit for the lower-cased words of `list` (read once, when the first sentence is); a rule checks `token.flags & bit`.
 * At most 31 lists; call at module load.
 */
export function wordFlag(list: () => Iterable<string>): number {
  if (lists.length === 31) throw new Error('wordFlag: at most 31 word lists');
  lists.push(list);
  facts = undefined;
  return 2 ** (lists.length - 1);
}

/** Record that phrase list `bit` has a phrase starting with `word` (lower-cased). */
export function addPhraseStart(word: string, bit: number): void {
  firstWords.set(word, (firstWords.get(word) ?? 0) | bit);
  facts = undefined;
}

/** Build the map of every listed word. */
function build(): Map<string, WordFacts> {
  const map = new Map<string, WordFacts>();
  const entry = (word: string) => {
    let e = map.get(word);
    if (!e) {
      e = { flags: 0, starts: 0 };
      map.set(word, e);
    }
    return e;
  };
  lists.forEach((list, i) => {
    for (const word of list()) entry(word).flags |= 2 ** i;
  });
  for (const [word, bits] of firstWords) entry(word).starts |= bits;
  return map;
}

/** The facts of a lower-cased word, or undefined for a word no list holds. */
export function wordFacts(lower: string): WordFacts | undefined {
  facts ??= build();
  return facts.get(lower);
}
