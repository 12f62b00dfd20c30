import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LayeredMap } from '../src/state/layered-map.ts';

type Op = { kind: 'set'; key: number; value: number } | { kind: 'delete'; key: number };

// Keys from a range a little above the top layer's 64 entries, so sets overwrite, deletes hit, keys come back and the
// layer folds; runs long enough (fast-check's default sizes are short) to fold several times.
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('set' as const), key: fc.nat(80), value: fc.integer() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), key: fc.nat(80) }) },
);
const ops = fc.array(op, { minLength: 150, maxLength: 400 });

/** Apply `ops` to a Map and to a LayeredMap, keeping every version of the latter with the Map's entries then. */
function replay(list: readonly Op[]) {
  const model = new Map<number, number>();
  let map = LayeredMap.empty<number, number>();
  const versions: { map: LayeredMap<number, number>; entries: string }[] = [];
  for (const o of list) {
    if (o.kind === 'set') {
      model.set(o.key, o.value);
      map = map.set(o.key, o.value);
    } else {
      model.delete(o.key);
      map = map.delete(o.key);
    }
    versions.push({ map, entries: JSON.stringify([...model]) });
  }
  return { model, map, versions };
}

// Plain boolean properties, and no shrinking (endOnFailure): a counterexample of 150-400 operations shrinks for minutes.
describe('LayeredMap', () => {
  it('reads and iterates like a Map (entries in the same order) after any sequence of sets and deletes', () => {
    fc.assert(
      fc.property(ops, (list) => {
        const { model, map } = replay(list);
        if (map.size !== model.size) return false;
        if (JSON.stringify([...map]) !== JSON.stringify([...model])) return false;
        if (JSON.stringify([...map.keys()]) !== JSON.stringify([...model.keys()])) return false;
        if (JSON.stringify([...map.values()]) !== JSON.stringify([...model.values()])) return false;
        for (let k = 0; k <= 80; k++) if (map.has(k) !== model.has(k) || map.get(k) !== model.get(k)) return false;
        return true;
      }),
      { numRuns: 200, endOnFailure: true },
    );
  });

  it('leaves every earlier version as it was (the reducer keeps old states intact)', () => {
    fc.assert(
      fc.property(ops, (list) => replay(list).versions.every((v) => JSON.stringify([...v.map]) === v.entries)),
      { numRuns: 50, endOnFailure: true },
    );
  });

  it('a key removed and added again goes last, as in a Map, also when it was in the folded base', () => {
    let map = LayeredMap.empty<number, number>();
    for (let i = 0; i < 64; i++) map = map.set(i, i);
    map = map.delete(3).set(3, 33);
    expect([...map.keys()].slice(-2)).toEqual([63, 3]);
    expect(map.size).toBe(64);
  });

  it('keeps a value of undefined or null apart from a missing key', () => {
    const map = LayeredMap.empty<string, string | null | undefined>().set('a', null).set('b', undefined);
    expect(map.has('a')).toBe(true);
    expect(map.get('a')).toBeNull();
    expect(map.has('b')).toBe(true);
    expect(map.get('b')).toBeUndefined();
    expect(map.has('c')).toBe(false);
    expect([...map]).toEqual([
      ['a', null],
      ['b', undefined],
    ]);
  });
});
