import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestPaths, loadCorpus } from '@stance/corpus';
import { describe, expect, it } from 'vitest';
import { runStance } from './helpers/run-stance.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');

/** Run the real `stance` with `cwd` as the user's folder (its working directory). */
const stance = (cwd: string, args: string[]) => runStance(args, { cwd });

/** Hash of every path and byte under `root`. */
function folderHash(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else
        hash
          .update(`${relative(root, path)}\0`)
          .update(readFileSync(path))
          .update('\0');
    }
  };
  walk(root);
  return hash.digest('hex');
}

/** A user folder with two pieces and a CSV, and a corpus path inside it. */
function setup(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stance-ingest-'));
  mkdirSync(join(dir, 'pieces'));
  writeFileSync(
    join(dir, 'pieces', 'rent-cap.md'),
    '# Rent caps work\n\nRents rose 4% last year. I think caps work.\n',
  );
  writeFileSync(join(dir, 'pieces', 'notes.txt'), 'Short note\r\nThe depot stays open.\r\n');
  writeFileSync(join(dir, 'rows.csv'), 'id,text,desk\nrow-1,"Row one.\nStill row one.",metro\nrow-2,Row two.,sport\n');
  return dir;
}

// Each case spawns the real command (about a second each, more on a busy machine).
describe('stance ingest', () => {
  it('adds documents, one stderr line per file and a summary on stdout; re-running changes nothing', () => {
    const dir = setup();
    const first = stance(dir, ['ingest', 'pieces', 'rows.csv', '--corpus', 'corpus']);
    expect(first.status).toBe(0);
    expect(first.stderr.trim().split('\n')).toEqual([
      'pieces/notes.txt: added 1',
      'pieces/rent-cap.md: added 1',
      'rows.csv: added 2',
    ]);
    expect(first.stdout).toBe(
      `added 4, unchanged 0, changed 0 documents; 0 sentence ids retired; 4 documents in ${join(dir, 'corpus')}\n`,
    );
    expect(readdirSync(join(dir, 'corpus', 'documents')).sort()).toEqual([
      'notes.json',
      'rent-cap.json',
      'row-1.json',
      'row-2.json',
    ]);
    // The new documents' sentences are cached for the next load, out of git's sight.
    expect(readdirSync(join(dir, 'corpus', '.cache')).sort()).toEqual(['.gitignore', 'sentences.json']);
    expect(loadCorpus(join(dir, 'corpus')).segmentation).toEqual({ cached: 4, segmented: 0, cacheCurrent: true });
    const hash = folderHash(join(dir, 'corpus'));
    const again = stance(dir, ['ingest', 'pieces', 'rows.csv', '--corpus', 'corpus']);
    expect(again.status).toBe(0);
    expect(again.stderr.trim().split('\n')).toEqual([
      'pieces/notes.txt: unchanged 1',
      'pieces/rent-cap.md: unchanged 1',
      'rows.csv: unchanged 2',
    ]);
    expect(again.stdout.startsWith('added 0, unchanged 4, changed 0 documents;')).toBe(true);
    expect(folderHash(join(dir, 'corpus'))).toBe(hash);
  });

  it('reports a changed document and keeps its old sentence ids in retired.jsonl; --json is one document', () => {
    const dir = setup();
    expect(stance(dir, ['ingest', 'pieces/rent-cap.md', '--corpus', 'corpus']).status).toBe(0);
    writeFileSync(
      join(dir, 'pieces', 'rent-cap.md'),
      '# Rent caps work\n\nRents rose 6% last year. I think caps work.\n',
    );
    const r = stance(dir, ['ingest', 'pieces/rent-cap.md', '--corpus', 'corpus', '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual(['pieces/rent-cap.md: changed 1 (1 sentence id retired)']);
    const report = JSON.parse(r.stdout);
    expect([report.added, report.unchanged, report.changed, report.retired, report.documents]).toEqual([0, 0, 1, 1, 1]);
    const [retiredId] = report.files[0].documents[0].retired;
    expect(retiredId).toMatch(/^rent-cap:[0-9a-f]{10}$/);
    const retired = readFileSync(join(dir, 'corpus', 'retired.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(retired).toEqual([
      { id: retiredId, docId: 'rent-cap', text: 'Rents rose 4% last year.', textHash: expect.any(String) },
    ]);
  });

  it.each([
    [['rows.csv', 'bad.csv'], 'stance: bad.csv:3: row has 3 fields, the header has 2'],
    [['bad.jsonl'], 'stance: bad.jsonl:2: not a JSON line'],
    [['pieces', 'dup.csv'], 'stance: dup.csv:2: duplicate document id "notes" (first at pieces/notes.txt)'],
    [['rows.csv', '--text-column', 'body'], 'stance: rows.csv:1: missing column "body" (--text-column'],
    [['nope.md'], 'stance: nope.md: no such file or folder'],
    [[], 'stance: nothing to ingest: name at least one file or folder'],
  ])('refuses bad input %j with one line, exit 2, corpus untouched', (args, message) => {
    const dir = setup();
    writeFileSync(join(dir, 'bad.csv'), 'id,text\na,one\nb,two,three\n');
    writeFileSync(join(dir, 'bad.jsonl'), '{"text":"fine"}\n{"text":\n');
    writeFileSync(join(dir, 'dup.csv'), 'id,text\nnotes,Another note.\n');
    // Set up in-process (the command itself is tested above); only the failing run spawns.
    ingestPaths(['pieces/rent-cap.md'], { corpus: join(dir, 'corpus'), cwd: dir });
    const hash = folderHash(join(dir, 'corpus'));
    const r = stance(dir, ['ingest', ...args, '--corpus', 'corpus']);
    expect(r.status).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.startsWith(message)).toBe(true);
    expect(r.stdout).toBe('');
    expect(folderHash(join(dir, 'corpus'))).toBe(hash);
  });

  it('--help lists the flags', () => {
    const r = stance(ROOT, ['ingest', '--help']);
    expect(r.status).toBe(0);
    for (const option of [
      '--corpus DIR',
      '--text-column C',
      '--id-column C',
      '--title-column C',
      '--dry-run',
      '--json',
    ])
      expect(r.stdout).toContain(option);
  });
});
