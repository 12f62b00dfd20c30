import type { StanceDocument } from '@stance/schema';
import { contentDocumentId, StanceError } from '@stance/schema';
import { CsvError, parse } from 'csv-parse/sync';
import { normalizeDocumentText } from './normalize-document-text.ts';
import { checkedId, checkNotEmpty, type ParseOptions, type SourceDocument } from './source-document.ts';
import { firstLineTitle } from './title.ts';

/** Columns that fill a document's own fields; every other column is kept in `meta`. */
const FIELD_COLUMNS = ['source', 'url', 'published'] as const;

/** One parsed CSV row with the line it starts on. */
interface Row {
  cells: string[];
  line: number;
}

/** Parse CSV text into rows, turning csv-parse's errors into one-line StanceErrors at the right line. */
function parseRows(name: string, text: string): Row[] {
  let lastEnd = 0;
  try {
    const records = parse(text, {
      info: true,
      skip_empty_lines: true,
      on_record: (record, context) => {
        lastEnd = context.lines;
        return record;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => {
      // info.lines is the line the record ends on; quoted cells may span lines.
      const inner = record.reduce((n, cell) => n + (cell.split('\n').length - 1), 0);
      return { cells: record, line: info.lines - inner };
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const code = error.code;
    if (code === 'CSV_QUOTE_NOT_CLOSED')
      throw new StanceError('unterminated quoted field (a " is opened and never closed)', {
        where: `${name}:${lastEnd + 1}`,
      });
    if (code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
      const detail = /expect (\d+), got (\d+)/.exec(error.message);
      const what = detail
        ? `row has ${detail[2]} fields, the header has ${detail[1]}`
        : 'row has the wrong field count';
      throw new StanceError(what, { where: `${name}:${error.lines}` });
    }
    throw new StanceError(`malformed CSV (${error.message})`, { where: `${name}:${error.lines ?? lastEnd + 1}` });
  }
}

/** Index of a column by name; a missing column is an error only when it is required. */
function columnIndex(header: string[], column: string, required: boolean, name: string, flag: string): number {
  const index = header.indexOf(column);
  if (index < 0 && required)
    throw new StanceError(
      `missing column ${JSON.stringify(column)} (${flag}; the header has ${header.map((h) => JSON.stringify(h)).join(', ')})`,
      { where: `${name}:1` },
    );
  return index;
}

/**
 * A `.csv` file (header row first) as one document per row: text, id and title from the named columns, `source`,
 * `url` and `published` from columns of those names, every other column kept as metadata.
 */
export function parseCsvSource(name: string, text: string, options: ParseOptions = {}): SourceDocument[] {
  const [head, ...rows] = parseRows(name, text);
  if (!head) throw new StanceError('empty CSV file (no header row)', { where: `${name}:1` });
  const header = head.cells.map((h) => h.trim());
  const dup = header.find((h, i) => header.indexOf(h) !== i);
  if (dup !== undefined) throw new StanceError(`column ${JSON.stringify(dup)} appears twice`, { where: `${name}:1` });
  const textAt = columnIndex(header, options.textColumn ?? 'text', true, name, '--text-column');
  const idAt = columnIndex(header, options.idColumn ?? 'id', options.idColumn !== undefined, name, '--id-column');
  const titleAt = columnIndex(
    header,
    options.titleColumn ?? 'title',
    options.titleColumn !== undefined,
    name,
    '--title-column',
  );
  const fieldAt = FIELD_COLUMNS.map((field) => [field, header.indexOf(field)] as const);
  const taken = new Set([textAt, idAt, titleAt, ...fieldAt.map(([, i]) => i)]);
  if (rows.length === 0) throw new StanceError('no rows after the header', { where: `${name}:1` });
  return rows.map(({ cells, line }) => {
    const where = `${name}:${line}`;
    const body = normalizeDocumentText(cells[textAt] ?? '');
    checkNotEmpty(body, where, `empty text in column ${JSON.stringify(header[textAt])}`);
    const givenId = idAt >= 0 ? (cells[idAt] ?? '').trim() : '';
    const givenTitle = titleAt >= 0 ? normalizeDocumentText(cells[titleAt] ?? '').trim() : '';
    const document: StanceDocument = {
      id: givenId ? checkedId(givenId, where) : contentDocumentId(body),
      title: givenTitle || firstLineTitle(body),
      text: body,
    };
    for (const [field, at] of fieldAt) if (at >= 0 && cells[at]) document[field] = normalizeDocumentText(cells[at]);
    const meta: Record<string, string> = {};
    header.forEach((column, i) => {
      if (!taken.has(i)) meta[column] = normalizeDocumentText(cells[i] ?? '');
    });
    if (Object.keys(meta).length) document.meta = meta;
    return { document, where };
  });
}
