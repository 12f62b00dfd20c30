import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pauseClock, startClock, tickClock } from '../src/state/clock.ts';

describe('the sentence clock (issue 13: time that means something)', () => {
  it('counts each gap between keys up to the cap, and the rest as a pause', () => {
    let clock = startClock(1000);
    clock = tickClock(clock, 4000, 60_000); // 3 s of reading
    clock = tickClock(clock, 100_900, 60_000); // 96.9 s without a key: 60 s count, 36.9 s are a pause
    expect(clock).toEqual({
      shownAt: 1000,
      lastAt: 100_900,
      activeMs: 63_000,
      idleMs: 36_900,
      pauses: 1,
      paused: false,
    });
  });

  it('counts time suspended (Ctrl-Z) as a pause, however short, and the next gap from the resume', () => {
    let clock = tickClock(startClock(0), 2000, 60_000);
    clock = pauseClock(clock, 7000); // suspended for 5 s, under the cap: still no work
    clock = tickClock(clock, 8000, 60_000);
    expect(clock).toMatchObject({ lastAt: 8000, activeMs: 3000, idleMs: 5000, pauses: 1 });
  });

  it('counts every gap whole with no cap', () => {
    expect(tickClock(startClock(0), 96_900, 0)).toMatchObject({ activeMs: 96_900, idleMs: 0, pauses: 0 });
  });

  it('splits the time since the sentence appeared into active and paused, whatever the keys (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(200_000), { maxLength: 30 }), fc.nat(90_000), (gaps, cap) => {
        let clock = startClock(0);
        let at = 0;
        for (const gap of gaps) {
          at += gap;
          clock = tickClock(clock, at, cap);
        }
        expect(clock.activeMs + clock.idleMs).toBe(at);
        if (cap > 0) expect(clock.activeMs).toBeLessThanOrEqual(cap * gaps.length);
      }),
    );
  });
});
