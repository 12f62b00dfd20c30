import type { Label } from '@stance/schema';
import { LABELS } from '@stance/schema';
import type { FeatureSettings } from './features.ts';
import { scoreCues } from './label-sentence.ts';
import { stem } from './natural-adapter.ts';
import { PairTable } from './pair-table.ts';
import { findCues, viewSentence } from './rules.ts';
import type { TokenInfo } from './token-table.ts';
import { TokenTable } from './token-table.ts';
import { hashRange, WordScanner } from './word-scanner.ts';

const STARTS_WITH_LETTER = /^\p{L}/u;
// Pair features (`w2:a b`, `s2:a b`) are stored as two numbers, not a name; `vocabulary()` spells them out.
const NAMED = 0;
const WORD_PAIR = 1;
const STEM_PAIR = 2;
// In a fixed space, tokens outside the vocabulary are cached on the side and the cache is dropped when it grows past
// this, so a long `classify` stream cannot grow memory without bound.
const TRANSIENT_LIMIT = 100_000;
// Token marks compare against the sentence stamp; past this they are all reset (once in 2³⁰ sentences).
const STAMP_LIMIT = 2 ** 30;
// A sentence's ids are deduplicated in a small hash set (SentenceSet) that starts with this many slots.
const SET_SLOTS = 1024;

/**
 * A sentence's features split for training: each distinct token stands for its `w1` feature and its character n-grams
 * (FeatureSpace.tokenFeatures), so the optimiser reads ~90 numbers a sentence instead of ~375. The sentence's feature
 * set is exactly `direct` ∪ the tokens' features, where an n-gram shared by two of the tokens is listed once in
 * `repeated` per extra token that holds it (a binary feature counts once: the optimiser subtracts those).
 */
export interface FactoredSentence {
  /** Features of no single token: word and stem n-grams beyond unigrams, stems, cues, context. */
  direct: number[];
  /** Token numbers of the sentence's distinct tokens (growing spaces). */
  tokens: number[];
  /** The distinct tokens themselves (every space; a fixed space's unknown tokens included). */
  infos: TokenInfo[];
  /** N-gram ids held by more than one of the tokens, once per extra holder. */
  repeated: number[];
}

/** A distinct Porter stem (the `stems` setting). */
interface StemInfo {
  index: number;
  text: string;
  /** Id of `s1:<text>`, or -1. */
  s1: number;
}

/** A token not seen before (same shape for every token, so V8 keeps one hidden class). */
function newToken(index: number, text: string): TokenInfo {
  return {
    index,
    text,
    w1: -1,
    charsAt: -1,
    charsEnd: -1,
    stem: null,
    mark: 0,
    charMark: 0,
    cache: null,
    nextIndex: -1,
    nextPair: -1,
  };
}

/** Grow a typed array to at least `n` elements (doubling), keeping its contents. */
function grown<T extends Int32Array | Uint8Array>(a: T, n: number): T {
  if (n <= a.length) return a;
  let size = Math.max(16, a.length);
  while (size < n) size *= 2;
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/**
 * Feature names ↔ integer ids, and the extraction of one sentence's features straight to ids. It computes exactly the
 * features of `sentenceFeatures` (features.ts; a property test holds the two together) without building a string and
 * a Set per feature: tokens are found by offset and hash (WordScanner, TokenTable), a token's character n-grams are
 * looked up once per distinct token and cached as ids, word and stem bigrams are pairs of token numbers in a
 * typed-array hash table, and each sentence's ids are deduplicated in a small hash set. On the 100,000-sentence bench
 * that took extraction from most of the training time to a small part of it (`pnpm bench:evaluate`).
 *
 * A growing space (training) gives every new feature the next id, in the order `sentenceFeatures` lists them, so the
 * vocabulary comes out in first-seen order as before; a fixed space (a trained model's vocabulary) drops unknown ones.
 */
export class FeatureSpace {
  readonly settings: FeatureSettings;
  /** Number of feature ids given out. */
  size = 0;
  /** Whether a quotation is open at the end of the last sentence extracted (set when the settings have cues). */
  endsInQuote = false;

  /** Number of tokens in the table (token numbers are 0 .. tokenCount - 1). */
  get tokenCount(): number {
    return this.tokens.entries.length;
  }
  /** The ids of the last `extract` call are `ids[0 .. count)`. */
  ids = new Int32Array(1024);
  /** The last sentence in factored form: rows for training, per-token sums for prediction. */
  readonly factored: FactoredSentence = { direct: [], tokens: [], infos: [], repeated: [] };
  private growing: boolean;
  private names = new Map<string, number>();
  // Names of named features; a named feature's `left` is its place here (pair features need no string).
  private namedNames: string[] = [];
  private kind = new Uint8Array(1024);
  private left = new Int32Array(1024);
  private right = new Int32Array(1024);
  private tokens = new TokenTable();
  private transient = new TokenTable();
  private stems = new Map<string, StemInfo>();
  private stemTexts: string[] = [];
  private wordPairs = new PairTable();
  private stemPairs = new PairTable();
  private constants = new Map<string, Map<string, number>>();
  private scanner = new WordScanner();
  private toks: TokenInfo[] = [];
  // Every token's n-gram ids in one array (TokenInfo.charsAt): one block of memory instead of a typed array object per
  // token, which showed in profiles as a cache miss per token.
  private pool = new Int32Array(1 << 16);
  private poolSize = 0;
  private transientPool = new Int32Array(1 << 12);
  private transientSize = 0;
  // The per-sentence set of ids: slot s holds the sentence stamp at 2s (a slot with another stamp is empty) and the id
  // at 2s + 1. A few kilobytes that stay in the L1 cache, where a vocabulary-sized array of marks (a megabyte on the
  // bench's vocabulary) missed the cache on most n-grams of a sentence; nothing to clear between sentences.
  private slots = new Int32Array(2 * SET_SLOTS);
  private shift = 32 - Math.log2(SET_SLOTS);
  private stamp = 0;
  private count = 0;

  private constructor(settings: FeatureSettings, growing: boolean) {
    this.settings = settings;
    this.growing = growing;
  }

  /** An empty space that takes every feature it meets (for training). */
  static growing(settings: FeatureSettings): FeatureSpace {
    return new FeatureSpace(settings, true);
  }

  /** A fixed space over a trained model's vocabulary (feature `i` is `vocabulary[i]`); other features are dropped. */
  static fixed(settings: FeatureSettings, vocabulary: readonly string[]): FeatureSpace {
    const space = new FeatureSpace(settings, false);
    space.growing = true;
    for (let id = 0; id < vocabulary.length; id++) space.install(vocabulary[id]!, id);
    space.size = vocabulary.length;
    space.growing = false;
    space.namedNames = [];
    return space;
  }

  /** Put a vocabulary name at `id` (fixed spaces), in the table its kind is looked up in. */
  private install(name: string, id: number): void {
    const colon = name.indexOf(':');
    const prefix = name.slice(0, colon);
    const body = name.slice(colon + 1);
    const space = body.indexOf(' ');
    const pair = space > 0 && space === body.lastIndexOf(' ') && space < body.length - 1;
    const token = (text: string) => this.token(text, 0, text.length, hashRange(text, 0, text.length));
    if (prefix === 'w1' && space < 0) token(body).w1 = id;
    else if (prefix === 'w2' && pair)
      this.wordPairs.set(token(body.slice(0, space)).index, token(body.slice(space + 1)).index, id);
    else if (prefix === 's1' && space < 0) this.stemInfo(body).s1 = id;
    else if (prefix === 's2' && pair)
      this.stemPairs.set(this.stemInfo(body.slice(0, space)).index, this.stemInfo(body.slice(space + 1)).index, id);
    else this.names.set(name, id);
  }

  /** Give out the next id (growing spaces): a named feature, or a pair (`left`, `right`) of token or stem numbers. */
  private allocate(kind: number, name: string | undefined, left = 0, right = 0): number {
    const id = this.size++;
    if (id >= this.kind.length) {
      this.kind = grown(this.kind, id + 1);
      this.left = grown(this.left, id + 1);
      this.right = grown(this.right, id + 1);
    }
    this.kind[id] = kind;
    if (name !== undefined) {
      this.left[id] = this.namedNames.length;
      this.namedNames.push(name);
    } else {
      this.left[id] = left;
      this.right[id] = right;
    }
    return id;
  }

  /** Id of a named feature; a growing space adds it, a fixed one answers -1 for an unknown name. */
  private named(name: string): number {
    const id = this.names.get(name);
    if (id !== undefined) return id;
    if (!this.growing) return -1;
    const fresh = this.allocate(NAMED, name);
    this.names.set(name, fresh);
    return fresh;
  }

  /** The token spelled `text[start .. end)`; a string is built only for a token not seen before. */
  private token(text: string, start: number, end: number, hash: number): TokenInfo {
    const known = this.tokens.find(text, start, end, hash);
    if (known) return known;
    if (!this.growing) {
      const seen = this.transient.find(text, start, end, hash);
      if (seen) return seen;
      const info = newToken(-1, text.slice(start, end));
      this.transient.add(info, hash);
      return info;
    }
    const info = newToken(this.tokens.entries.length, text.slice(start, end));
    this.tokens.add(info, hash);
    return info;
  }

  private stemInfo(text: string): StemInfo {
    let info = this.stems.get(text);
    if (info) return info;
    if (!this.growing) return { index: -1, text, s1: -1 };
    info = { index: this.stemTexts.length, text, s1: -1 };
    this.stemTexts.push(text);
    this.stems.set(text, info);
    return info;
  }

  private stemOf(tok: TokenInfo): StemInfo {
    if (!tok.stem) tok.stem = this.stemInfo(STARTS_WITH_LETTER.test(tok.text) ? stem(tok.text) : tok.text);
    return tok.stem;
  }

  /** Forget the tokens seen outside a fixed vocabulary (and their n-gram ids). */
  private clearTransient(): void {
    this.transient.clear();
    this.transientSize = 0;
  }

  /** The array holding a token's n-gram ids at `charsAt .. charsEnd` (after a sentence with it was extracted). */
  poolOf(tok: TokenInfo): Int32Array {
    return tok.index >= 0 ? this.pool : this.transientPool;
  }

  /** Compute a token's n-gram ids into its pool, once. */
  private computeChars(tok: TokenInfo): void {
    const [min, max] = this.settings.charNgrams!;
    const padded = ` ${tok.text} `;
    const out: number[] = [];
    for (let n = min; n <= max; n++)
      for (let i = 0; i + n <= padded.length; i++) {
        const id = this.named(`c:${padded.slice(i, i + n)}`);
        // Once per token (`banana` has `an` twice), so the token's list is a set as FactoredSentence needs.
        if (id >= 0 && !out.includes(id)) out.push(id);
      }
    const permanent = tok.index >= 0;
    let pool = permanent ? this.pool : this.transientPool;
    const at = permanent ? this.poolSize : this.transientSize;
    if (at + out.length > pool.length) {
      pool = grown(pool, at + out.length);
      if (permanent) this.pool = pool;
      else this.transientPool = pool;
    }
    pool.set(out, at);
    tok.charsAt = at;
    tok.charsEnd = at + out.length;
    if (permanent) this.poolSize = tok.charsEnd;
    else this.transientSize = tok.charsEnd;
  }

  /**
   * Make room in the sentence's set and `ids` for `more` ids beyond `count`: the set stays at most half full (doubling
   * it re-inserts the sentence's ids, which are `ids[0 .. count)`).
   */
  private reserve(more: number): void {
    const need = this.count + more;
    if (need > this.ids.length) this.ids = grown(this.ids, need);
    let slots = this.slots.length >> 1;
    if (2 * need <= slots) return;
    while (2 * need > slots) slots *= 2;
    this.slots = new Int32Array(2 * slots);
    this.shift = 32 - Math.log2(slots);
    const set = this.slots;
    const stamp = this.stamp;
    const mask = slots - 1;
    for (let i = 0; i < this.count; i++) {
      const id = this.ids[i]!;
      let s = Math.imul(id, 0x9e3779b1) >>> this.shift;
      while (set[2 * s] === stamp) s = (s + 1) & mask;
      set[2 * s] = stamp;
      set[2 * s + 1] = id;
    }
  }

  /** Add an id to the current sentence unless it is unknown (-1) or already there; true when added. */
  private add(id: number): boolean {
    if (id < 0) return false;
    this.reserve(1);
    const set = this.slots;
    const stamp = this.stamp;
    const mask = (set.length >> 1) - 1;
    for (let s = Math.imul(id, 0x9e3779b1) >>> this.shift; ; s = (s + 1) & mask) {
      if (set[2 * s] !== stamp) {
        set[2 * s] = stamp;
        set[2 * s + 1] = id;
        break;
      }
      if (set[2 * s + 1] === id) return false;
    }
    this.ids[this.count++] = id;
    return true;
  }

  /** Add a feature that belongs to no token (bigrams, cues): also listed in `factored.direct` when tracked. */
  private addDirect(id: number): void {
    if (this.add(id)) this.factored.direct.push(id);
  }

  /**
   * Id of a feature named `prefix + key` (cue kinds, the rules' label, the length bucket), cached by `key` per prefix:
   * those few names come up in every sentence, and `key` is a literal string V8 hashes once, where building the name
   * would cost a new string and its hash each time.
   */
  private constant(prefix: string, key: string): number {
    let cache = this.constants.get(prefix);
    if (!cache) {
      cache = new Map();
      this.constants.set(prefix, cache);
    }
    let id = cache.get(key);
    if (id === undefined) {
      id = this.named(prefix + key);
      cache.set(key, id);
    }
    return id;
  }

  /** Start a sentence: a fresh stamp (which empties the sentence's set) and empty lists. */
  private begin(): void {
    this.count = 0;
    const f = this.factored;
    f.direct.length = 0;
    f.tokens.length = 0;
    f.infos.length = 0;
    f.repeated.length = 0;
    // Only between sentences: a token met earlier in this sentence must keep its n-grams.
    if (this.transient.entries.length >= TRANSIENT_LIMIT) this.clearTransient();
    if (++this.stamp > STAMP_LIMIT) {
      this.slots.fill(0);
      for (const t of this.tokens.entries) t.mark = t.charMark = 0;
      this.clearTransient();
      this.stamp = 1;
    }
  }

  /**
   * The feature ids of one sentence (`inQuote`: a quotation from an earlier sentence is open where it starts), each
   * once, in `sentenceFeatures` order; returns how many, which are `ids[0 .. n)` until the next call. A growing space
   * also fills `factored` (see FactoredSentence).
   */
  extract(text: string, inQuote: boolean): number {
    const s = this.settings;
    const f = this.factored;
    this.begin();
    const stamp = this.stamp;
    let lower = text.toLowerCase();
    if (lower.includes('’')) lower = lower.replace(/’/g, "'");
    const words = this.scanner.scan(lower);
    const bounds = this.scanner.bounds;
    const toks = this.toks;
    toks.length = words;
    for (let i = 0; i < words; i++) {
      const start = bounds[2 * i]!;
      const end = bounds[2 * i + 1]!;
      const t = this.token(lower, start, end, hashRange(lower, start, end));
      toks[i] = t;
      // Each distinct token once in `factored`; `mark` says it is already there.
      if (t.mark !== stamp) {
        t.mark = stamp;
        f.tokens.push(t.index);
        f.infos.push(t);
      }
    }
    if (s.wordNgrams >= 1)
      for (let i = 0; i < words; i++) {
        const t = toks[i]!;
        if (t.w1 < 0 && this.growing) t.w1 = this.allocate(NAMED, `w1:${t.text}`);
        this.add(t.w1);
      }
    if (s.wordNgrams >= 2)
      for (let i = 0; i + 1 < words; i++) {
        const left = toks[i]!;
        const a = left.index;
        const b = toks[i + 1]!.index;
        if (a < 0 || b < 0) continue;
        // The pair table is large and each lookup misses the cache; a token's last bigram is often its next one too.
        if (left.nextIndex === b) {
          this.addDirect(left.nextPair);
          continue;
        }
        let id = this.wordPairs.get(a, b);
        if (id < 0 && this.growing) {
          id = this.allocate(WORD_PAIR, undefined, a, b);
          this.wordPairs.set(a, b, id);
        }
        left.nextIndex = b;
        left.nextPair = id;
        this.addDirect(id);
      }
    for (let n = 3; n <= s.wordNgrams; n++)
      for (let i = 0; i + n <= words; i++)
        this.addDirect(
          this.named(
            `w${n}:${toks
              .slice(i, i + n)
              .map((t) => t.text)
              .join(' ')}`,
          ),
        );
    if (s.stems)
      for (let i = 0; i < words; i++) {
        const a = this.stemOf(toks[i]!);
        if (a.s1 < 0 && this.growing) a.s1 = this.allocate(NAMED, `s1:${a.text}`);
        this.addDirect(a.s1);
        if (i + 1 < words) {
          const b = this.stemOf(toks[i + 1]!);
          if (a.index < 0 || b.index < 0) continue;
          let id = this.stemPairs.get(a.index, b.index);
          if (id < 0 && this.growing) {
            id = this.allocate(STEM_PAIR, undefined, a.index, b.index);
            this.stemPairs.set(a.index, b.index, id);
          }
          this.addDirect(id);
        }
      }
    if (s.charNgrams)
      for (let i = 0; i < words; i++) {
        // A repeated token adds nothing new; skipping it also keeps `factored.repeated` to n-grams shared by two
        // different tokens.
        const t = toks[i]!;
        if (t.charMark === stamp) continue;
        t.charMark = stamp;
        if (t.charsAt < 0) this.computeChars(t);
        const pool = t.index >= 0 ? this.pool : this.transientPool;
        const end = t.charsEnd;
        this.reserve(end - t.charsAt);
        const ids = this.ids;
        const set = this.slots;
        const mask = (set.length >> 1) - 1;
        const shift = this.shift;
        let count = this.count;
        for (let c = t.charsAt; c < end; c++) {
          const id = pool[c]!;
          for (let s = Math.imul(id, 0x9e3779b1) >>> shift; ; s = (s + 1) & mask) {
            if (set[2 * s] !== stamp) {
              set[2 * s] = stamp;
              set[2 * s + 1] = id;
              ids[count++] = id;
              break;
            }
            if (set[2 * s + 1] === id) {
              f.repeated.push(id);
              break;
            }
          }
        }
        this.count = count;
      }
    if (s.cues) {
      const view = viewSentence(text, inQuote);
      this.endsInQuote = view.endsInQuote;
      const cues = findCues(view);
      const counts = new Map<string, number>();
      for (const c of cues) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
      for (const [kind, n] of counts) {
        this.addDirect(this.constant('k:', kind));
        if (n > 1) this.addDirect(this.constant('k2:', kind));
      }
      const raw = scoreCues(cues);
      let best: Label = 'fact';
      for (const l of LABELS) if (raw[l] > raw[best]) best = l;
      this.addDirect(this.constant('r:', best));
      this.addDirect(this.constant('len:', words < 8 ? 's' : words < 20 ? 'm' : words < 35 ? 'l' : 'xl'));
    }
    if (s.context && inQuote) this.addDirect(this.constant('ctx:', 'in-quote'));
    return this.count;
  }

  /**
   * The features each token stands for in FactoredSentence, for every token seen: token t holds
   * `index[start[t] .. start[t + 1])`, its `w1` feature (when word n-grams are on) then its character n-grams.
   */
  tokenFeatures(): { start: Float64Array; index: Int32Array } {
    const entries = this.tokens.entries;
    const start = new Float64Array(entries.length + 1);
    let size = 0;
    for (const t of entries) size += (t.w1 >= 0 ? 1 : 0) + (t.charsAt >= 0 ? t.charsEnd - t.charsAt : 0);
    const index = new Int32Array(size);
    let at = 0;
    for (let i = 0; i < entries.length; i++) {
      const t = entries[i]!;
      if (t.w1 >= 0) index[at++] = t.w1;
      if (t.charsAt >= 0) {
        index.set(this.pool.subarray(t.charsAt, t.charsEnd), at);
        at += t.charsEnd - t.charsAt;
      }
      start[i + 1] = at;
    }
    return { start, index };
  }

  /**
   * Name of every feature id of a growing space, in id order (what a model saves as its vocabulary); with `keep`, only
   * the ids with `keep[id] >= 0`, each at place `keep[id]`.
   */
  vocabulary(keep?: Int32Array): string[] {
    const out: string[] = [];
    const tokens = this.tokens.entries;
    for (let id = 0; id < this.size; id++) {
      if (keep && keep[id]! < 0) continue;
      const k = this.kind[id];
      out.push(
        k === WORD_PAIR
          ? `w2:${tokens[this.left[id]!]!.text} ${tokens[this.right[id]!]!.text}`
          : k === STEM_PAIR
            ? `s2:${this.stemTexts[this.left[id]!]} ${this.stemTexts[this.right[id]!]}`
            : this.namedNames[this.left[id]!]!,
      );
    }
    return out;
  }
}
