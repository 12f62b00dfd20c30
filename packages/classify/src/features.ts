import { LABELS } from '@stance/schema';
import { scoreCues } from './label-sentence.ts';
import { stem } from './natural-adapter.ts';
import { findCues, viewSentence } from './rules.ts';

/** How a sentence becomes features; saved with each model so loading it replays the same extraction. */
export interface FeatureSettings {
  /** Longest word n-gram. @default 2 */
  wordNgrams: number;
  /** Character n-gram lengths `[min, max]` inside word boundaries, or null for none. @default [2, 5] */
  charNgrams: readonly [number, number] | null;
  /** Add the rule cues (count per kind, inside/outside quotes) and the rules' label. @default true */
  cues: boolean;
  /** Add a feature for a quotation carried over from the previous sentence. @default true */
  context: boolean;
  /** Drop features seen in fewer than this many training sentences. @default 1 */
  minCount: number;
  /** Add Porter stems of the words (unigrams and bigrams of stems). @default false */
  stems: boolean;
}

/** Default feature settings. */
export const DEFAULT_FEATURES: FeatureSettings = {
  wordNgrams: 2,
  charNgrams: [2, 5],
  cues: true,
  context: true,
  minCount: 1,
  stems: false,
};

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[?!“”"]/gu;

/**
 * Named features of one sentence, each once (binary presence, which beat counts for short sentences). Word features
 * keep case-folded tokens plus `?`, `!` and quote marks as tokens, because punctuation carries stance.
 */
export function sentenceFeatures(text: string, inQuote: boolean, settings: FeatureSettings): Set<string> {
  const out = new Set<string>();
  const lower = text.toLowerCase().replace(/’/g, "'");
  const toks = lower.match(WORD) ?? [];
  for (let n = 1; n <= settings.wordNgrams; n++) {
    for (let i = 0; i + n <= toks.length; i++) out.add(`w${n}:${toks.slice(i, i + n).join(' ')}`);
  }
  if (settings.stems) {
    const stems = toks.map((t) => (/^\p{L}/u.test(t) ? stem(t) : t));
    for (let i = 0; i < stems.length; i++) {
      out.add(`s1:${stems[i]}`);
      if (i + 1 < stems.length) out.add(`s2:${stems[i]} ${stems[i + 1]}`);
    }
  }
  if (settings.charNgrams) {
    const [min, max] = settings.charNgrams;
    for (const tok of toks) {
      const padded = ` ${tok} `;
      for (let n = min; n <= max; n++)
        for (let i = 0; i + n <= padded.length; i++) out.add(`c:${padded.slice(i, i + n)}`);
    }
  }
  if (settings.cues) {
    const view = viewSentence(text, inQuote);
    const cues = findCues(view);
    const counts = new Map<string, number>();
    for (const c of cues) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
    for (const [kind, n] of counts) {
      out.add(`k:${kind}`);
      if (n > 1) out.add(`k2:${kind}`);
    }
    const raw = scoreCues(cues);
    let best: (typeof LABELS)[number] = 'fact';
    for (const l of LABELS) if (raw[l] > raw[best]) best = l;
    out.add(`r:${best}`);
    const words = toks.length;
    out.add(`len:${words < 8 ? 's' : words < 20 ? 'm' : words < 35 ? 'l' : 'xl'}`);
  }
  if (settings.context && inQuote) out.add('ctx:in-quote');
  return out;
}
