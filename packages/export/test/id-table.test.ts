import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdTable } from '../src/id-table.ts';

describe('IdTable', () => {
  it('gives each distinct id its own slot in order of first sight, like a Map', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 3000 }), (ids) => {
        const table = new IdTable();
        const map = new Map<string, number>();
        for (const id of ids) {
          if (!map.has(id)) map.set(id, map.size);
          expect(table.add(id)).toBe(map.get(id));
        }
        expect(table.size).toBe(map.size);
        for (const [id, slot] of map) expect(table.get(id)).toBe(slot);
        expect(table.get('never added \u0000')).toBe(map.get('never added \u0000') ?? -1);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps 100,000 sentence-like ids apart', () => {
    const table = new IdTable();
    let wrong = 0;
    for (let i = 0; i < 100_000; i++) if (table.add(`doc-${i >> 5}:${(i * 2654435761).toString(16)}`) !== i) wrong++;
    expect(wrong).toBe(0);
    expect(table.size).toBe(100_000);
  });
});
