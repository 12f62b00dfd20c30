import type { Stop } from '../stop.ts';

/** A rule's verdict: an offset to end the sentence at, `false` to keep the sentence going, `undefined` for no opinion. */
export type Decision = number | false | undefined;

/** One stop rule: looks at a bounded window around the stop and decides, or passes to the next rule. */
export type StopRule = (text: string, stop: Stop) => Decision;
