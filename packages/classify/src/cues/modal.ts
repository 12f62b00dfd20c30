import type { Cue } from '@stance/schema';
import type { CueRule } from '../cue-rule.ts';
import { cue, inQuoted } from '../cue-rule.ts';
import { wordFlag } from '../word-table.ts';

/** Epistemic modals: possibility the writer entertains. */
const MODALS = new Set(['might', 'may', 'could', 'would', 'can', "can't", 'cannot', "couldn't", "wouldn't"]);
const MODAL = wordFlag(() => MODALS);

/** Modal verbs as weak opinion cues; a capitalised "May" inside a sentence is the month, not the modal. */
export const modalRule: CueRule = {
  kind: 'modal',
  find(view) {
    const out: Cue[] = [];
    for (const t of view.tokens) {
      if ((t.flags & MODAL) === 0 || (t.text === 'May' && t.start > 0)) continue;
      out.push(cue(t.start, t.end, 'modal', 'opinion', inQuoted(view, t) ? 0.07 : 0.35));
    }
    return out;
  },
};
