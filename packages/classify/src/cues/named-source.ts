import type { Cue } from '@stance/schema';
import type { CueRule } from '../cue-rule.ts';
import { cue, inQuoted, matchPhrases, phraseSet } from '../cue-rule.ts';
import { execAll } from '../exec-all.ts';

/** Words that name a checkable source: institutions, documents, data. */
const SOURCES = phraseSet([
  'according to data',
  'data',
  'statistics',
  'survey',
  'poll',
  'study',
  'report',
  'census',
  'figures',
  'records',
  'documents',
  'filing',
  'court',
  'ruling',
  'judge',
  'department',
  'ministry',
  'agency',
  'commission',
  'bureau',
  'office',
  'university',
  'institute',
  'researchers',
  'scientists',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'officials',
  'official',
  'police',
  'authorities',
  'government',
  'parliament',
  'congress',
  'senate',
  'reuters',
  'associated press',
  'ap',
  'afp',
  'bloomberg',
  'cdc',
  'who',
  'fbi',
  'un',
  'eu',
  'nato',
  'imf',
  'world bank',
  'federal reserve',
  'press release',
  'statement',
  'database',
  'analysis',
  'published',
  'journal',
]);
// Capitalised multi-word names (Bank of England, John Smith) not at the start of the sentence.
const PROPER = /(?<=\S\s)(?:[A-Z][\p{L}.'’-]+)(?:\s(?:of|for|and|the)?\s?[A-Z][\p{L}.'’-]+)+/gu;

/** Named sources and proper names: checkable content, so fact cues. */
export const namedSourceRule: CueRule = {
  kind: 'named-source',
  find(view) {
    const out: Cue[] = [];
    for (const s of matchPhrases(view.tokens, SOURCES)) {
      const word = view.text.slice(s.start, s.end);
      // "who"/"us"-like short words count only in capitals (WHO, UN), not as pronouns.
      if (word.length <= 3 && word !== word.toUpperCase()) continue;
      out.push(cue(s.start, s.end, 'named-source', 'fact', inQuoted(view, s) ? 0.1 : 0.3));
    }
    for (const m of execAll(PROPER, view.text)) {
      // The name pattern allows dots for initials ("J. Smith"); a dot at the end is the full stop.
      const end = m.index + m[0].length - (m[0].endsWith('.') ? 1 : 0);
      const span = { start: m.index, end };
      if (!inQuoted(view, span)) out.push(cue(span.start, span.end, 'named-source', 'fact', 0.25));
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
