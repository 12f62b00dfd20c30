import { describe, expect, test } from 'vitest';
import { parseSource } from '../src/index.ts';
import { fileNameSlug } from '../src/slug.ts';
import { errorLine } from './helpers.ts';

const docs = (name: string, text: string, options = {}) => parseSource(name, text, options).map((d) => d.document);

describe('.txt and .md', () => {
  test('a .txt file: id from the file name, title from the first line, text normalised', () => {
    expect(docs('notes/My Column (draft).txt', '\n\r\nFirst line here\r\nSecond.\r\n')).toEqual([
      { id: 'my-column-draft', title: 'First line here', text: '\n\nFirst line here\nSecond.\n' },
    ]);
  });
  test('a .md file: title from the first heading, closing hashes dropped; the text is kept whole', () => {
    const text = 'By A. Writer\n\n## The *real* title ##\n\nBody.\n';
    expect(docs('Über-Artikel.md', text)).toEqual([{ id: 'uber-artikel', title: 'The *real* title', text }]);
  });
  test('a .md file without a heading takes its first line', () => {
    expect(docs('a.md', 'Just text.\nMore.')[0]?.title).toBe('Just text.');
  });
  test('a file name with nothing usable gets an id from the content', () => {
    expect(docs('…….txt', 'Some text.')[0]?.id).toMatch(/^d[0-9a-f]{11}$/);
  });
  test('an empty or blank document is refused', () => {
    expect(errorLine(() => parseSource('empty.txt', ' \n\t\n'))).toBe('empty.txt:1: empty document');
  });
  test('a very long first line is cut at a word boundary', () => {
    const title = docs('long.txt', `${'word '.repeat(100)}\n`)[0]?.title ?? '';
    expect(title.length).toBeLessThanOrEqual(200);
    expect(title.endsWith('word…')).toBe(true);
  });
});

describe('.csv', () => {
  const csv = [
    'id,title,text,source,url,section,author',
    'col-1,Rent caps,"The council voted.',
    'It was, they said, ""overdue"".",Gazette,https://x.test/1,opinion,Ana',
    'col-2,,"Second piece.\r\nTwo lines.",,,news,',
    '',
  ].join('\r\n');
  test('one document a row; quoted multi-line cells; source/url as fields; other columns as metadata', () => {
    expect(parseSource('pieces.csv', csv)).toEqual([
      {
        where: 'pieces.csv:2',
        document: {
          id: 'col-1',
          title: 'Rent caps',
          text: 'The council voted.\nIt was, they said, "overdue".',
          source: 'Gazette',
          url: 'https://x.test/1',
          meta: { section: 'opinion', author: 'Ana' },
        },
      },
      {
        where: 'pieces.csv:4',
        document: {
          id: 'col-2',
          title: 'Second piece.',
          text: 'Second piece.\nTwo lines.',
          meta: { section: 'news', author: '' },
        },
      },
    ]);
  });
  test('--text-column, --id-column and --title-column pick the columns', () => {
    const text = 'slug,body,headline\nx1,Body text.,Head\n';
    expect(docs('a.csv', text, { textColumn: 'body', idColumn: 'slug', titleColumn: 'headline' })).toEqual([
      { id: 'x1', title: 'Head', text: 'Body text.' },
    ]);
  });
  test('without an id column, ids come from the content', () => {
    const [a, b] = docs('a.csv', 'text\nSame text.\nOther text.\n');
    expect(a?.id).toMatch(/^d[0-9a-f]{11}$/);
    expect(a?.id).not.toBe(b?.id);
    expect(docs('b.csv', 'text,n\n"Same  text.",1\n')[0]?.meta).toEqual({ n: '1' });
  });
  test('bad CSV is a one-line error at the right line', () => {
    expect(errorLine(() => parseSource('r.csv', 'id,text\na,one\nb,two,three\n'))).toBe(
      'r.csv:3: row has 3 fields, the header has 2',
    );
    expect(errorLine(() => parseSource('q.csv', 'id,text\na,one\nb,"two\nthree\n'))).toBe(
      'q.csv:3: unterminated quoted field (a " is opened and never closed)',
    );
    expect(errorLine(() => parseSource('m.csv', 'id,body\na,one\n'))).toBe(
      'm.csv:1: missing column "text" (--text-column; the header has "id", "body")',
    );
    expect(errorLine(() => parseSource('m.csv', 'id,text\na,one\n', { idColumn: 'slug' }))).toBe(
      'm.csv:1: missing column "slug" (--id-column; the header has "id", "text")',
    );
    expect(errorLine(() => parseSource('e.csv', 'id,text\na,one\nb,"  "\n'))).toBe(
      'e.csv:3: empty text in column "text"',
    );
    expect(errorLine(() => parseSource('i.csv', 'id,text\n../x,one\n'))).toBe(
      'i.csv:2: invalid document id "../x" (letters, digits, ".", "_", "-"; at most 64; no leading dot)',
    );
    expect(errorLine(() => parseSource('h.csv', 'text\n'))).toBe('h.csv:1: no rows after the header');
    expect(errorLine(() => parseSource('d.csv', 'text,text\na,b\n'))).toBe('d.csv:1: column "text" appears twice');
  });
});

describe('.jsonl', () => {
  test('one document a line, blank lines skipped, text normalised', () => {
    const text = [
      '{"id":"j1","text":"Line one.\\r\\nLine two.","title":"T","source":"Wire","published":"2024-05-01"}',
      '',
      '{"text":"No id here.","meta":{"lang":"en"}}',
    ].join('\n');
    expect(parseSource('a.jsonl', text)).toEqual([
      {
        where: 'a.jsonl:1',
        document: { id: 'j1', title: 'T', text: 'Line one.\nLine two.', source: 'Wire', published: '2024-05-01' },
      },
      {
        where: 'a.jsonl:3',
        document: expect.objectContaining({ title: 'No id here.', text: 'No id here.', meta: { lang: 'en' } }),
      },
    ]);
  });
  test('regression: an escape followed by a combining mark is still an escape (NFC is applied after parsing)', () => {
    // Composed over the JSON text, `\n` + U+0301 became `\ń`, not an escape: the valid line was refused. Each value
    // is composed on its own now, the decomposed é of the title and the meta value included.
    const line = `{"id":"c1","text":"First line.\\n\u0301 Second line.","title":"Cafe\u0301","meta":{"ne\u0301":"e\u0301"}}`;
    expect(parseSource('c.jsonl', line)).toEqual([
      {
        where: 'c.jsonl:1',
        document: { id: 'c1', title: 'Café', text: 'First line.\n\u0301 Second line.', meta: { né: 'é' } },
      },
    ]);
  });
  test('bad lines are one-line errors naming the line', () => {
    expect(errorLine(() => parseSource('b.jsonl', '{"text":"ok"}\n{"text": oops}\n'))).toMatch(
      /^b\.jsonl:2: not a JSON line \(/,
    );
    expect(errorLine(() => parseSource('b.jsonl', '{"id":"x"}\n'))).toBe('b.jsonl:1: field "text" must be a string');
    expect(errorLine(() => parseSource('b.jsonl', '{"text":""}\n'))).toBe('b.jsonl:1: empty document');
    expect(errorLine(() => parseSource('b.jsonl', '[1]\n'))).toBe(
      'b.jsonl:1: expected a document (a JSON object), got an array',
    );
    // Regression: a labels sidecar ({text, label}) must not become one document per sentence.
    expect(errorLine(() => parseSource('x.labels.jsonl', '{"text":"A.","label":"fact"}\n'))).toBe(
      'x.labels.jsonl:1: unknown field "label" (a line is {id?, text, title?, source?, url?, published?, meta?})',
    );
    expect(errorLine(() => parseSource('b.jsonl', '\n\n'))).toBe('b.jsonl:1: no documents (the file has no lines)');
  });
});

test('an unknown extension is refused', () => {
  expect(errorLine(() => parseSource('a.pdf', 'x'))).toBe(
    'a.pdf: unsupported file type ".pdf" (expected .txt, .md, .csv, .jsonl)',
  );
});

test('file name slugs are valid document ids', () => {
  expect(['Hello World.v2', '..hidden', 'a--b__c', 'Ça-va', '  ', 'x'.repeat(80)].map(fileNameSlug)).toEqual([
    'hello-world.v2',
    'hidden',
    'a-b__c',
    'ca-va',
    '',
    'x'.repeat(64),
  ]);
});
