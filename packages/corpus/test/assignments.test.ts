import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StanceError } from '@stance/schema';
import { describe, expect, it } from 'vitest';
import {
  ASSIGNMENTS_FILE,
  type Assignments,
  formatAssignments,
  readAssignments,
  writeAssignments,
} from '../src/index.ts';
import { tempDir } from './helpers.ts';

const sample: Assignments = {
  version: 1,
  seed: 3,
  overlap: ['d2'],
  annotators: { ben: ['d3', 'd2'], ana: ['d2', 'd1'] },
};

/** The one-line error reading `text` as the assignments file gives. */
function errorOf(text: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, ASSIGNMENTS_FILE), text);
  try {
    readAssignments(dir);
  } catch (error) {
    return (error as StanceError).toLine().replace(dir, 'DIR');
  }
  return 'no error';
}

describe('assignments file', () => {
  it('is absent until written; written atomically with sorted keys and lists; reads back the same', () => {
    const dir = tempDir();
    expect(readAssignments(dir)).toBeNull();
    writeAssignments(dir, sample);
    expect(readdirSync(dir)).toEqual([ASSIGNMENTS_FILE]);
    expect(readFileSync(join(dir, ASSIGNMENTS_FILE), 'utf8')).toMatchInlineSnapshot(`
      "{
        "version": 1,
        "seed": 3,
        "overlap": [
          "d2"
        ],
        "annotators": {
          "ana": [
            "d1",
            "d2"
          ],
          "ben": [
            "d2",
            "d3"
          ]
        }
      }
      "
    `);
    expect(readAssignments(dir)).toEqual({
      version: 1,
      seed: 3,
      overlap: ['d2'],
      annotators: { ana: ['d1', 'd2'], ben: ['d2', 'd3'] },
    });
    expect(formatAssignments(readAssignments(dir)!)).toBe(readFileSync(join(dir, ASSIGNMENTS_FILE), 'utf8'));
  });

  it.each([
    ['not JSON', '{oops', /^DIR\/assignments\.json: not JSON/],
    ['another version', '{"version":2,"seed":0,"overlap":[],"annotators":{}}', /unsupported assignments version 2/],
    ['a fractional seed', '{"version":1,"seed":0.5,"overlap":[],"annotators":{}}', /"seed" must be a whole number/],
    [
      'a name that could escape the folder',
      '{"version":1,"seed":0,"overlap":[],"annotators":{"../x":[]}}',
      /"\.\.\/x" is not a valid annotator name/,
    ],
    [
      'a path for a document id',
      '{"version":1,"seed":0,"overlap":["a/b"],"annotators":{}}',
      /"overlap" holds "a\/b", which is not a document id/,
    ],
    [
      'a document twice',
      '{"version":1,"seed":0,"overlap":[],"annotators":{"ana":["d1","d1"]}}',
      /the list of ana lists document d1 twice/,
    ],
    [
      'an annotator without the overlap',
      '{"version":1,"seed":0,"overlap":["d1"],"annotators":{"ana":["d2"]}}',
      /the list of ana lacks overlap document d1/,
    ],
  ])('refuses %s with one line naming the file', (_, text, message) => {
    const error = errorOf(text);
    expect(error).toMatch(message);
    expect(error).toContain(ASSIGNMENTS_FILE);
  });
});
