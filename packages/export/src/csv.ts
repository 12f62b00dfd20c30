import { stringify } from 'csv-stringify/sync';

// Spreadsheets run a cell that starts with one of these as a formula (CSV/formula injection, OWASP); a leading
// apostrophe makes them show it as text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell made safe for spreadsheets: text starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`. */
export function escapeCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A value as a CSV cell: null → empty, objects → JSON, strings escaped against formula injection. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return escapeCsvCell(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return escapeCsvCell(JSON.stringify(value));
}

/** CSV text (RFC 4180 quoting by csv-stringify, `\n` line ends) of rows, with the header line when `header` is set. */
export function csvLines(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  header: boolean,
): string {
  const records: string[][] = rows.map((row) => columns.map((c) => csvCell(row[c])));
  if (header) records.unshift([...columns]);
  return stringify(records, { record_delimiter: '\n' });
}
