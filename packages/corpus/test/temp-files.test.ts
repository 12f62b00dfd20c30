import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tempPathFor } from '@stance/store';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../src/index.ts';
import { tempDir, writeFiles } from './helpers.ts';

// Which temporary files are stale is @stance/store's rule (tested there); this checks ingest applies it where it writes.
describe('issue 11.7: a killed ingest leaves hidden temporary files the next one removes', () => {
  it('ingest removes the leftovers of a killed ingest in the corpus and its documents folder', () => {
    const dir = tempDir();
    const corpus = join(dir, 'c');
    writeFiles(dir, { 'in/a.md': '# A\n\nOne sentence. Two sentences.\n' });
    ingestPaths(['in'], { corpus, cwd: dir });
    // A process that has run and exited (and been reaped): a dead pid, as after `kill -9`.
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout);
    const nameOf = (base: string, pid: number) =>
      basename(tempPathFor(join(corpus, base))).replace(`-${process.pid}-`, `-${pid}-`);
    const leftovers = [nameOf('b.json', dead), nameOf('retired.jsonl', dead)];
    // This process is alive: a file it might be writing is never removed.
    const kept = nameOf('c.json', process.pid);
    writeFiles(corpus, {
      [`documents/${leftovers[0]}`]: '{"id":"b","ti',
      [leftovers[1]!]: '',
      [`documents/${kept}`]: '{',
    });
    const dry = ingestPaths(['in'], { corpus, cwd: dir, dryRun: true });
    expect(dry.removedTemps).toEqual([]); // a dry run writes (and removes) nothing
    const report = ingestPaths(['in'], { corpus, cwd: dir });
    expect(report.removedTemps.sort()).toEqual([leftovers[1], `documents/${leftovers[0]}`].sort());
    expect(readdirSync(join(corpus, 'documents')).sort()).toEqual([kept, 'a.json'].sort());
  });
});
