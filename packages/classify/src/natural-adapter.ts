// The one place this package touches `natural`: deep imports only, because `import 'natural'` loads database drivers
// and prints to stdout. createRequire because natural is CommonJS and its lexicons are JSON files.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface PatternEntry {
  form: string;
  pos: string;
  polarity: string;
  subjectivity: string;
}

const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };

/** Porter stem of a lower-case English word. */
export function stem(word: string): string {
  return porter.stem(word);
}

let subjective: ReadonlyMap<string, number> | undefined;

/**
 * Adjectives of the Pattern sentiment lexicon (shipped with natural) with their subjectivity in [0, 1]; loaded once.
 * Word forms only: multi-word and hyphenated entries are kept as written.
 */
export function patternSubjectivity(): ReadonlyMap<string, number> {
  if (subjective) return subjective;
  const lexicon = require('natural/lib/natural/sentiment/English/pattern-sentiment-en.json') as Record<
    string,
    PatternEntry
  >;
  const map = new Map<string, number>();
  for (const entry of Object.values(lexicon)) {
    const value = Number(entry.subjectivity);
    if (Number.isFinite(value)) map.set(entry.form.toLowerCase(), Math.max(value, map.get(entry.form) ?? 0));
  }
  subjective = map;
  return map;
}
