import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isStanceError } from '@stance/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { assignedDocuments, suggestionModelFile } from '../src/annotate-inputs.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stance-annotate-inputs-'));
  dirs.push(dir);
  return dir;
}

describe('the model the annotation UI suggests with (issue 13: the loop closes)', () => {
  it('is the newest `<kind>-<UTC time>.json` in models/ that is not a hybrid, else default.json, else none', () => {
    const dir = corpus();
    expect(suggestionModelFile(dir)).toBeNull();
    const models = join(dir, 'models');
    mkdirSync(models);
    writeFileSync(join(models, 'default.json'), '{}');
    utimesSync(join(models, 'default.json'), 1000, 1000);
    expect(suggestionModelFile(dir)).toEqual({ path: join(models, 'default.json'), stamp: 1_000_000 });
    for (const name of ['logreg-20261125T235605.607Z.json', 'nb-20261126T080000.000Z.json', 'notes.json', 'x.tmp'])
      writeFileSync(join(models, name), '{}');
    expect(suggestionModelFile(dir)).toEqual({
      path: join(models, 'nb-20261126T080000.000Z.json'),
      stamp: Date.UTC(2026, 10, 26, 8, 0, 0, 0),
    });
    // A newer hybrid (too slow for suggestions) is passed over for the newest model before it.
    writeFileSync(join(models, 'hybrid-20261127T000000.000Z.json'), '{}');
    expect(suggestionModelFile(dir)?.path).toBe(join(models, 'nb-20261126T080000.000Z.json'));
  });
});

describe('assignments.json', () => {
  it('gives the annotator’s documents, or null without the file or a list for them', () => {
    const dir = corpus();
    expect(assignedDocuments(dir, 'ana')).toBeNull();
    writeFileSync(
      join(dir, 'assignments.json'),
      JSON.stringify({
        version: 1,
        seed: 7,
        overlap: ['b'],
        annotators: { ana: ['a', 'b'], ben: ['b', 'c'] },
      }),
    );
    expect(assignedDocuments(dir, 'ana')).toEqual(['a', 'b']);
    expect(assignedDocuments(dir, 'chloe')).toBeNull();
    expect(assignedDocuments(dir, 'constructor')).toBeNull();
  });

  it('refuses a file of another shape with one line naming it', () => {
    const dir = corpus();
    for (const [text, message] of [
      ['{', /not JSON/],
      ['{"version": 1, "seed": 1, "overlap": [], "annotators": []}', /"annotators"/],
      [
        '{"version": 1, "seed": 1, "overlap": [], "annotators": {"ana": "a"}}',
        /the list of ana must be a list of document ids/,
      ],
    ] as const) {
      writeFileSync(join(dir, 'assignments.json'), text);
      let error: unknown;
      try {
        assignedDocuments(dir, 'ana');
      } catch (e) {
        error = e;
      }
      expect(isStanceError(error)).toBe(true);
      expect(String((error as Error).message)).toMatch(message);
    }
  });
});
