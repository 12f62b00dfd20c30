import type { Label } from '@stance/schema';
import { LABELS, StanceError } from '@stance/schema';
import type { FeatureSettings } from '../features.ts';
import { scoreCues } from '../label-sentence.ts';
import { findCues, viewSentence } from '../rules.ts';
import { hashRange, WordScanner } from '../word-scanner.ts';
import { addVectorForms } from '../word-vectors/word-tokens.ts';
import type { WordVectors } from '../word-vectors/word-vectors.ts';
import type { BinaryComponent } from './binary-scorer.ts';
import { componentProbability } from './binary-scorer.ts';
import { WordIndex } from './word-index.ts';

/** Both components' probabilities of one sentence, and whether the rules call it skip. */
export interface SentenceScores {
  opinion: number;
  quote: number;
  skip: boolean;
  /** It holds a quotation cue (four or more quoted words) or continues a quotation (`k:quotation` or `ctx:in-quote`). */
  quotation: boolean;
}

/** The default labeller's components scored from a sentence's text, with no feature strings. */
export interface SentenceScorer {
  score(text: string, inQuote: boolean): SentenceScores;
}

/** Whether `text[start .. end)` holds a `'` (a contraction: the tokens have it only inside a word). */
function hasApostrophe(text: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) if (text.charCodeAt(i) === 39) return true;
  return false;
}

/** Whether `settings` extract only what SentenceScorer computes: word unigrams, cues, context. */
export function fastSettings(settings: FeatureSettings): boolean {
  return settings.wordNgrams === 1 && settings.charNgrams === null && !settings.stems;
}

/**
 * The arithmetic of pairScorer over sentenceFeatures (binary-scorer.ts, features.ts), on integer entries end to end:
 * tokens are found by offset and hash (WordScanner, WordIndex: no string per token), each distinct token's entry
 * gives its n-gram numbers (a slot of a Float64Array, for the ~20,000 features of the components) and, for a word of
 * the vector table, its projections and vector row (entry = row, so no table per word beyond the index). The rule cues'
 * features (`k:`, `k2:`, `r:`, `len:`, `ctx:`) are slots found once per name. Every number is added in the order
 * pairScorer adds it (tokens in first-seen order, then the cue features, then contraction parts), so the results are
 * the same doubles; a test compares the two on every shipped probe and on random text.
 */
export function sentenceScorer(
  a: BinaryComponent,
  b: BinaryComponent,
  settings: FeatureSettings,
  table?: WordVectors,
): SentenceScorer {
  if (!fastSettings(settings)) throw new StanceError('sentenceScorer reads word unigrams, cues and context only');
  const vectors = table && [a, b].some((c) => c.dense !== undefined && c.dense.share > 0) ? table : undefined;
  const rowsEnd = vectors ? vectors.size : 0;
  const words = new WordIndex(rowsEnd + a.features.length + b.features.length);
  if (vectors) {
    const rows = words.addJoined(vectors.wordText);
    for (let r = 0; r < rows.length; r++)
      if (rows[r] !== r) throw new StanceError(`word-vector table ${vectors.id} lists a word twice`);
  }
  // Features of the components that are not vector words: unigrams as words, the rest by name.
  const extra: string[] = [];
  for (const c of [a, b])
    for (const f of c.features) if (f.startsWith('w1:') && words.get(f.slice(3)) < 0) extra.push(f.slice(3));
  if (extra.length > 0) words.addJoined(extra.join('\n'));
  const named = new Map<string, number>();
  // Per entry: its slot in `sparse` (or -1) at 2e, and the last sentence (stamp) that had it at 2e + 1, side by side
  // so that a token touches one cache line for both.
  const entry = new Int32Array(2 * words.size);
  for (let e = 0; e < words.size; e++) entry[2 * e] = -1;
  const numbers: number[] = [];
  const slotOf = (f: string): number => {
    const w = f.startsWith('w1:') ? words.get(f.slice(3)) : -1;
    let slot = w >= 0 ? entry[2 * w]! : (named.get(f) ?? -1);
    if (slot < 0) {
      slot = numbers.length;
      numbers.push(0, 0, 0, 0);
      if (w >= 0) entry[2 * w] = slot;
      else named.set(f, slot);
    }
    return slot;
  };
  const add = (c: BinaryComponent, offset: number) => {
    c.features.forEach((f, j) => {
      const slot = slotOf(f);
      const s = c.scale[j]!;
      numbers[slot + offset] = c.weight[j]! * s;
      numbers[slot + offset + 1] = s * s;
    });
  };
  add(a, 0);
  add(b, 2);
  const sparse = Float64Array.from(numbers);
  const zeros = new Array<number>(vectors?.dims ?? 0).fill(0);
  // Each word's projections onto both word-vector sides, side by side (row r at 2r and 2r + 1).
  const projections = new Float64Array(2 * rowsEnd);
  if (vectors) {
    vectors.projections(a.dense?.weight ?? zeros, projections, 2, 0);
    vectors.projections(b.dense?.weight ?? zeros, projections, 2, 1);
  }
  const namedSlot = (f: string): number => named.get(f) ?? -1;
  // Slots of the cue features, by cue kind and label (literal strings: no name is built per sentence).
  const kindSlots = new Map<string, [number, number]>();
  const slotsOfKind = (kind: string): [number, number] => {
    let s = kindSlots.get(kind);
    if (!s) {
      s = [namedSlot(`k:${kind}`), namedSlot(`k2:${kind}`)];
      kindSlots.set(kind, s);
    }
    return s;
  };
  const ruleSlots = new Map<Label, number>(LABELS.map((l) => [l, namedSlot(`r:${l}`)]));
  const lengthSlots = ['s', 'm', 'l', 'xl'].map((b) => namedSlot(`len:${b}`));
  const contextSlot = namedSlot('ctx:in-quote');

  const scanner = new WordScanner();
  let stamp = 0;
  const rows: number[] = [];
  const dims = vectors?.dims ?? 0;
  const sum = new Float64Array(dims);
  const forms = new Set<string>();
  const kinds: string[] = [];
  const kindCounts: number[] = [];
  return {
    score(text, inQuote) {
      let lower = text.toLowerCase();
      if (lower.includes('’')) lower = lower.replace(/’/g, "'");
      const n = scanner.scan(lower);
      const bounds = scanner.bounds;
      if (++stamp === 0x7fffffff) {
        for (let e = 0; e < words.size; e++) entry[2 * e + 1] = 0;
        stamp = 1;
      }
      let dotA = 0;
      let normA = 0;
      let dotB = 0;
      let normB = 0;
      let projA = 0;
      let projB = 0;
      let contractions: string[] | undefined;
      rows.length = 0;
      for (let i = 0; i < n; i++) {
        const start = bounds[2 * i]!;
        const end = bounds[2 * i + 1]!;
        const e = words.find(lower, start, end, hashRange(lower, start, end));
        if (e >= 0) {
          if (entry[2 * e + 1] === stamp) continue;
          entry[2 * e + 1] = stamp;
          const at = entry[2 * e]!;
          if (at >= 0) {
            dotA += sparse[at]!;
            normA += sparse[at + 1]!;
            dotB += sparse[at + 2]!;
            normB += sparse[at + 3]!;
          }
          if (e < rowsEnd) {
            projA += projections[2 * e]!;
            projB += projections[2 * e + 1]!;
            rows.push(e);
          }
        }
        // A contraction's parts count as words of the vector side (see pairScorer); a repeat adds no new part.
        if (vectors && hasApostrophe(lower, start, end)) {
          contractions ??= [];
          contractions.push(lower.slice(start, end));
        }
      }
      let skip = false;
      const named = (at: number) => {
        if (at < 0) return;
        dotA += sparse[at]!;
        normA += sparse[at + 1]!;
        dotB += sparse[at + 2]!;
        normB += sparse[at + 3]!;
      };
      if (settings.cues) {
        const cues = findCues(viewSentence(text, inQuote));
        kinds.length = 0;
        kindCounts.length = 0;
        for (const c of cues) {
          const k = kinds.indexOf(c.kind);
          if (k < 0) {
            kinds.push(c.kind);
            kindCounts.push(1);
          } else kindCounts[k]!++;
        }
        for (let k = 0; k < kinds.length; k++) {
          const [one, two] = slotsOfKind(kinds[k]!);
          named(one);
          if (kindCounts[k]! > 1) named(two);
        }
        const raw = scoreCues(cues);
        let best: Label = 'fact';
        for (const l of LABELS) if (raw[l] > raw[best]) best = l;
        skip = best === 'skip';
        named(ruleSlots.get(best)!);
        named(lengthSlots[n < 8 ? 0 : n < 20 ? 1 : n < 35 ? 2 : 3]!);
      }
      if (settings.context && inQuote) named(contextSlot);
      const quotation = (settings.cues && kinds.includes('quotation')) || (settings.context && inQuote);
      if (contractions) {
        // Each part once, and not again when the sentence also has it as a word of its own (already counted).
        forms.clear();
        for (const t of contractions) addVectorForms(t, forms);
        for (const w of forms) {
          const e = words.get(w);
          if (e < 0 || e >= rowsEnd || entry[2 * e + 1] === stamp) continue;
          projA += projections[2 * e]!;
          projB += projections[2 * e + 1]!;
          rows.push(e);
        }
      }
      let length = 0;
      if (vectors && rows.length > 0) {
        sum.fill(0);
        for (const r of rows) vectors.addRow(r, sum);
        for (let j = 0; j < dims; j++) length += sum[j]! * sum[j]!;
        length = Math.sqrt(length);
      }
      return {
        opinion: componentProbability(a, dotA, normA, projA, length),
        quote: componentProbability(b, dotB, normB, projB, length),
        skip,
        quotation,
      };
    },
  };
}
