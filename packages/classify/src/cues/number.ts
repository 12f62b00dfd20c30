import type { Cue } from '@stance/schema';
import type { CueRule } from '../cue-rule.ts';
import { cue, inQuoted } from '../cue-rule.ts';
import { execAll } from '../exec-all.ts';
import { wordFlag } from '../word-table.ts';
import { dateSpans } from './date.ts';

// Figures with their units: money, percentages, counts with thousands separators, decimals, "3 million".
const NUMBER =
  /(?:[$€£¥]\s?)?\b\d+(?:[.,]\d+)*(?:\s?(?:%|percent|per cent|million|billion|trillion|thousand|bn|m|km|kg|mph|degrees))?\b%?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|millions|billions) (?:of )?(?:million|billion|thousand|hundred|percent|people|times|years|months|days)\b/gi;

// A figure needs a digit or a number word; checking the words first (a Set lookup each) skips the regex on most
// sentences.
const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten dozens hundreds thousands millions billions'.split(' '),
);
const NUMBER_WORD = wordFlag(() => NUMBER_WORDS);

/** Numbers and quantities: checkable content, so fact cues (weaker inside quotations). */
export const numberRule: CueRule = {
  kind: 'number',
  find(view) {
    const out: Cue[] = [];
    const digitOrWord = view.tokens.some((t) => {
      const c = t.lower.charCodeAt(0);
      return (c >= 48 && c <= 57) || (t.flags & NUMBER_WORD) !== 0;
    });
    if (!digitOrWord) return out;
    const dates = dateSpans(view);
    for (const m of execAll(NUMBER, view.text)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (dates.some((d) => d.start < span.end && span.start < d.end)) continue;
      out.push(cue(span.start, span.end, 'number', 'fact', inQuoted(view, span) ? 0.2 : 0.7));
    }
    return out;
  },
};
