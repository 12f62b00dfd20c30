import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { textHash } from '@stance/schema';
import { describe, expect, test } from 'vitest';
import { ingestPaths, loadCorpus } from '../src/index.ts';
import { errorLine, folderHash, tempDir, writeFiles } from './helpers.ts';

const ARTICLE =
  '# Rent caps work\n\nThe council voted on Monday. Rents rose 4% last year.\n\nI think the cap is overdue.\n';

/** A fresh input folder with one file of each format, and an empty corpus path. */
function setup() {
  const root = tempDir();
  writeFiles(root, {
    'in/rent.md': ARTICLE,
    'in/plain.txt': 'A plain note\r\nIt has two lines.\r\n',
    'in/rows.csv': 'id,text,desk\nrow-1,"Row one.\nStill row one.",metro\n',
    'in/lines.jsonl': '{"id":"line-1","text":"Line one text.","url":"https://x.test/a"}\n',
    'in/skip.pdf': 'not taken from a folder',
    'in/rent.labels.jsonl': '{"text":"The council voted on Monday.","label":"fact"}\n',
  });
  return { root, corpus: join(root, 'corpus') };
}

describe('ingestPaths', () => {
  test('takes every format from a folder, stores each document once as pretty JSON', () => {
    const { root, corpus } = setup();
    const report = ingestPaths(['in'], { corpus, cwd: root });
    expect(report.files.map((f) => [f.file, f.added])).toEqual([
      ['in/lines.jsonl', 1],
      ['in/plain.txt', 1],
      ['in/rent.md', 1],
      ['in/rows.csv', 1],
    ]);
    expect({
      added: report.added,
      unchanged: report.unchanged,
      changed: report.changed,
      documents: report.documents,
    }).toEqual({ added: 4, unchanged: 0, changed: 0, documents: 4 });
    expect(readdirSync(join(corpus, 'documents')).sort()).toEqual([
      'line-1.json',
      'plain.json',
      'rent.json',
      'row-1.json',
    ]);
    expect(readFileSync(join(corpus, 'documents', 'row-1.json'), 'utf8')).toBe(
      `{
  "id": "row-1",
  "title": "Row one.",
  "text": "Row one.\\nStill row one.",
  "meta": {
    "desk": "metro"
  }
}
`,
    );
    expect(readFileSync(join(corpus, 'documents', 'plain.json'), 'utf8')).toContain('"text": "A plain note\\nIt has');
    expect(existsSync(join(corpus, 'retired.jsonl'))).toBe(false);
  });

  test('re-ingesting the same input is idempotent: reported unchanged, corpus byte-identical', () => {
    const { root, corpus } = setup();
    ingestPaths(['in'], { corpus, cwd: root });
    const before = folderHash(corpus);
    const again = ingestPaths(['in/rent.md', 'in', 'in/rows.csv'], { corpus, cwd: root });
    expect([again.added, again.unchanged, again.changed, again.retired]).toEqual([0, 4, 0, 0]);
    expect(folderHash(corpus)).toBe(before);
  });

  test('a changed document is reported, and its old sentence ids stay resolvable as retired', () => {
    const { root, corpus } = setup();
    ingestPaths(['in/rent.md'], { corpus, cwd: root });
    const old = loadCorpus(corpus).sentencesOf('rent');
    writeFiles(root, { 'in/rent.md': ARTICLE.replace('4%', '6%') });
    const report = ingestPaths(['in/rent.md'], { corpus, cwd: root });
    const changedId = old.find((s) => s.text === 'Rents rose 4% last year.')?.id as string;
    expect(report.files[0]?.documents).toEqual([
      { id: 'rent', where: 'in/rent.md', status: 'changed', sentences: old.length, retired: [changedId] },
    ]);
    const after = loadCorpus(corpus);
    expect(after.sentence(changedId)).toBeUndefined();
    expect(after.retired.get(changedId)).toEqual({
      id: changedId,
      docId: 'rent',
      text: 'Rents rose 4% last year.',
      textHash: textHash('Rents rose 4% last year.'),
    });
    // Sentences that did not change keep their ids.
    const kept = old.filter((s) => s.id !== changedId).map((s) => s.id);
    expect(kept.every((id) => after.sentence(id) !== undefined)).toBe(true);

    // Changing it back revives the old id: live again, no longer retired.
    writeFiles(root, { 'in/rent.md': ARTICLE });
    ingestPaths(['in/rent.md'], { corpus, cwd: root });
    const back = loadCorpus(corpus);
    expect(back.sentence(changedId)?.text).toBe('Rents rose 4% last year.');
    expect(back.retired.has(changedId)).toBe(false);
    expect([...back.retired.values()].map((r) => r.text)).toEqual(['Rents rose 6% last year.']);
  });

  test('a metadata-only change is a change with no retired ids', () => {
    const { root, corpus } = setup();
    ingestPaths(['in/rows.csv'], { corpus, cwd: root });
    writeFiles(root, { 'in/rows.csv': 'id,text,desk\nrow-1,"Row one.\nStill row one.",business\n' });
    const report = ingestPaths(['in/rows.csv'], { corpus, cwd: root });
    expect([report.changed, report.retired]).toEqual([1, 0]);
  });

  test('--dry-run reports and writes nothing', () => {
    const { root, corpus } = setup();
    const report = ingestPaths(['in'], { corpus, cwd: root, dryRun: true });
    expect([report.added, report.documents]).toEqual([4, 4]);
    expect(existsSync(corpus)).toBe(false);
  });
});

describe('bad input: one line naming file and line, and the corpus exactly as it was', () => {
  const cases: [string, Record<string, string | Uint8Array>, string[], string][] = [
    [
      'ragged CSV row',
      { 'bad.csv': 'id,text\na,one\nb,two,3\n' },
      ['bad.csv'],
      'bad.csv:3: row has 3 fields, the header has 2',
    ],
    [
      'unterminated CSV quote',
      { 'bad.csv': 'id,text\na,"one\n' },
      ['bad.csv'],
      'bad.csv:2: unterminated quoted field (a " is opened and never closed)',
    ],
    ['JSONL line not JSON', { 'bad.jsonl': '{"text":"ok"}\nnope\n' }, ['bad.jsonl'], 'bad.jsonl:2: not a JSON line'],
    ['empty document', { 'empty.md': '\n  \n' }, ['empty.md'], 'empty.md:1: empty document'],
    [
      'duplicate id across files',
      { 'a.jsonl': '{"id":"rent","text":"Other text."}\n' },
      ['a.jsonl'],
      'in/rent.md: duplicate document id "rent" (first at a.jsonl:1)',
    ],
    [
      'duplicate id within a file',
      { 'd.csv': 'id,text\nx,one\ny,two\nx,three\n' },
      ['d.csv'],
      'd.csv:4: duplicate document id "x" (first at d.csv:2)',
    ],
    [
      'not UTF-8',
      { 'latin.txt': Buffer.from([0x4f, 0x6b, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]) },
      ['latin.txt'],
      'latin.txt:2: not UTF-8 text',
    ],
    [
      'unknown extension',
      { 'a.docx': 'x' },
      ['a.docx'],
      'a.docx: unsupported file type (expected .txt, .md, .csv, .jsonl)',
    ],
    [
      'missing column',
      { 'm.csv': 'id,body\nx,one\n' },
      ['m.csv'],
      'm.csv:1: missing column "text" (--text-column; the header has "id", "body")',
    ],
    ['missing file', {}, ['gone.md'], 'gone.md: no such file or folder'],
  ];
  for (const [name, files, paths, message] of cases) {
    test(name, () => {
      const { root, corpus } = setup();
      ingestPaths(['in/rows.csv'], { corpus, cwd: root });
      writeFiles(root, files);
      const before = folderHash(corpus);
      // A good file goes first, so a half-done ingest would show in the hash.
      const line = errorLine(() => ingestPaths(['in/plain.txt', ...paths, 'in/rent.md'], { corpus, cwd: root }));
      expect(line.startsWith(message)).toBe(true);
      expect(line.includes('\n')).toBe(false);
      expect(folderHash(corpus)).toBe(before);
    });
  }

  test('a malformed stored version of a changed document is named, and nothing is written', () => {
    const { root, corpus } = setup();
    ingestPaths(['in/rent.md'], { corpus, cwd: root });
    const stored = join(corpus, 'documents', 'rent.json');
    writeFileSync(stored, '{\n  "id": "rent",\n  oops\n}\n');
    const before = folderHash(corpus);
    expect(errorLine(() => ingestPaths(['in'], { corpus, cwd: root }), root)).toMatch(
      /^<tmp>\/corpus\/documents\/rent\.json:3: malformed document file \(/,
    );
    expect(folderHash(corpus)).toBe(before);
  });
});
