import type { StopRule } from './rule.ts';

/**
 * An emoticon ends the sentence it closes, with or without marks before it: `Hope you find out soon :) you should`,
 * `great! :P you get`, `join our family !!!! :-)` (the emoticon stays with the sentence before it).
 */
export const splitAfterEmoticon: StopRule = (_text, stop) => (stop.emoticon ? stop.after : undefined);
