import type { StopRule } from './rule.ts';

/** `?` and `!` runs end a sentence unless an earlier rule kept it going (`Yahoo! in`). */
export const splitAfterQuestion: StopRule = (_text, stop) => (stop.kind === 'bang' ? stop.after : undefined);
