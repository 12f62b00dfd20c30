import type { CueRule } from '../cue-rule.ts';
import { cue, inQuoted } from '../cue-rule.ts';

/** A sentence that ends in a question mark outside quotation marks: in commentary, a question the writer answers. */
export const rhetoricalQuestionRule: CueRule = {
  kind: 'rhetorical-question',
  find(view) {
    const m = /\?[\s)”"’»]*$/.exec(view.text);
    if (!m) return [];
    const span = { start: m.index, end: m.index + 1 };
    return inQuoted(view, span) ? [] : [cue(span.start, span.end, 'rhetorical-question', 'opinion', 1.5)];
  },
};
