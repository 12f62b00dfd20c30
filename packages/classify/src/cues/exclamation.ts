import type { Cue } from '@stance/schema';
import type { CueRule } from '../cue-rule.ts';
import { cue, inQuoted } from '../cue-rule.ts';
import { execAll } from '../exec-all.ts';

const EXCLAMATIONS = /!+/g;

/** Exclamation marks outside quotation marks. */
export const exclamationRule: CueRule = {
  kind: 'exclamation',
  find(view) {
    const out: Cue[] = [];
    for (const m of execAll(EXCLAMATIONS, view.text)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (!inQuoted(view, span)) out.push(cue(span.start, span.end, 'exclamation', 'opinion', 1.2));
    }
    return out;
  },
};
