/**
 * Time on the current sentence, counted as active time: each gap between keystrokes (the first from when the
 * sentence appeared) counts up to `capMs`; what a gap lasts beyond that is a pause, kept apart. So one label after a
 * coffee break records the time of the work, not of the break, and the break shows in `idleMs`.
 */
export interface SentenceClock {
  /** When the sentence appeared (clock ms). */
  readonly shownAt: number;
  /** When the last key was pressed on it (or when it appeared). */
  readonly lastAt: number;
  /** Active time so far, each gap capped. */
  readonly activeMs: number;
  /** Time beyond the cap in the gaps that exceeded it. */
  readonly idleMs: number;
  /** Gaps that exceeded the cap. */
  readonly pauses: number;
  /** Shown while no key has come for longer than the cap (set by the `idle` action, cleared by the next key). */
  readonly paused: boolean;
}

/** A clock for a sentence that appeared at `at`. */
export function startClock(at: number): SentenceClock {
  return { shownAt: at, lastAt: at, activeMs: 0, idleMs: 0, pauses: 0, paused: false };
}

/**
 * The clock after the job was suspended (Ctrl-Z) from its last key until `at`: that time was no work, whatever its
 * length, so it is a pause, and the next key's gap counts from `at`.
 */
export function pauseClock(clock: SentenceClock, at: number): SentenceClock {
  const gap = Math.max(0, at - clock.lastAt);
  return { ...clock, lastAt: Math.max(at, clock.lastAt), idleMs: clock.idleMs + gap, pauses: clock.pauses + 1 };
}

/** The clock after a key at `at`: the gap since the last key counts up to `capMs` (0 = no cap). */
export function tickClock(clock: SentenceClock, at: number, capMs: number): SentenceClock {
  const gap = Math.max(0, at - clock.lastAt);
  const over = capMs > 0 && gap > capMs;
  return {
    shownAt: clock.shownAt,
    lastAt: Math.max(at, clock.lastAt),
    activeMs: clock.activeMs + (over ? capMs : gap),
    idleMs: clock.idleMs + (over ? gap - capMs : 0),
    pauses: clock.pauses + (over ? 1 : 0),
    paused: false,
  };
}
