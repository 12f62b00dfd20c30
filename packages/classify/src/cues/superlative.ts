import type { Cue } from '@stance/schema';
import type { CueRule } from '../cue-rule.ts';
import { cue, inQuoted } from '../cue-rule.ts';
import { wordFlag } from '../word-table.ts';

/** Evaluative superlatives; measurable ones ("largest", "oldest") are facts and are left out on purpose. */
const SUPERLATIVES = new Set([
  'best',
  'worst',
  'greatest',
  'finest',
  'smartest',
  'dumbest',
  'stupidest',
  'silliest',
  'craziest',
  'wisest',
  'bravest',
  'noblest',
  'cruelest',
  'cruellest',
  'saddest',
  'happiest',
  'ugliest',
  'loveliest',
  'nicest',
  'grandest',
  'boldest',
  'weakest',
  'strongest',
  'clearest',
  'surest',
  'easiest',
  'hardest',
  'toughest',
  'brightest',
  'darkest',
  'sharpest',
  'deadliest',
  'gravest',
  'purest',
  'truest',
  'ultimate',
  'unparalleled',
  'unprecedented',
  'unmatched',
  'unrivalled',
  'unrivaled',
  'supreme',
]);

const SUPERLATIVE = wordFlag(() => SUPERLATIVES);

// "most"/"least" + an adjective is a superlative; "most of", "most people" are quantities.
const NOT_ADJECTIVE = new Set(['of', 'people', 'americans', 'recently', 'likely', 'often', 'cases', 'part', 'recent']);

/** Superlatives as opinion cues. */
export const superlativeRule: CueRule = {
  kind: 'superlative',
  find(view) {
    const out: Cue[] = [];
    const { tokens } = view;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      let span: { start: number; end: number } | undefined;
      if ((t.flags & SUPERLATIVE) !== 0) span = t;
      else if ((t.lower === 'most' || t.lower === 'least') && tokens[i - 1]?.lower === 'the') {
        const next = tokens[i + 1];
        if (next && !NOT_ADJECTIVE.has(next.lower)) span = { start: t.start, end: next.end };
      }
      if (span) out.push(cue(span.start, span.end, 'superlative', 'opinion', inQuoted(view, span) ? 0.15 : 0.8));
    }
    return out;
  },
};
