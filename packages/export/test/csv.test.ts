import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvLines } from '../src/csv.ts';
import { csvCell, escapeCsvCell } from '../src/index.ts';

describe('CSV cells', () => {
  it('prefixes cells that a spreadsheet would run as a formula', () => {
    const cells = ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx', 'plain', ' =not first', "'quoted", ''];
    expect(cells.map(escapeCsvCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'plain',
      ' =not first',
      "'quoted",
      '',
    ]);
  });

  it('writes null as empty, lists as JSON, numbers as they are (a negative number is data, not text)', () => {
    expect([csvCell(null), csvCell([1]), csvCell(-1), csvCell(false), csvCell({ a: '=' })]).toEqual([
      '',
      '[1]',
      '-1',
      'false',
      '{"a":"="}',
    ]);
  });

  it('round-trips quotes, commas and newlines through csv-parse', () => {
    const rows = [{ a: 'He said "no", twice.\nThen left.', b: '=x' }];
    const text = csvLines(['a', 'b'], rows, true);
    expect(parse(text, { columns: true })).toEqual([{ a: rows[0]!.a, b: "'=x" }]);
  });
});
