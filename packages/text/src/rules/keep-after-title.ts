import { PREPOSITIVE } from '../lexicon.ts';
import type { StopRule } from './rule.ts';

/** Titles and `e.g.`/`i.e.`/`vs.` always have something after them in the same sentence (`Mr. Smith`, `Mt. Fuji`). */
export const keepAfterTitle: StopRule = (_text, stop) => (PREPOSITIVE.has(stop.lower) ? false : undefined);
