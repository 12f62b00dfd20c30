import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isStaleTemp, parseTempName, removeStaleTemps, tempPathFor } from '../src/index.ts';
import { tempCorpus as tempDir } from './helpers/temp-corpus.ts';

/** The pid of a process that has run and exited (and been reaped): a dead pid, as after `kill -9`. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

/** A live process that is not this one (it holds a temp file "being written"). */
const live = spawn('sleep', ['600'], { stdio: 'ignore' });
afterAll(() => {
  live.kill('SIGKILL');
});

/** `tempPathFor`'s name for `base`, as if made by process `pid` on this host. */
function tempNameOf(base: string, pid: number, kind: 'tmp' | 'old' = 'tmp'): string {
  const mine = tempPathFor(join('/x', base), kind).split('/').pop()!;
  return mine.replace(`-${process.pid}-`, `-${pid}-`);
}

describe('issue 11.7: temporary names tell a killed run’s leftover from a live writer’s file', () => {
  it('names a hidden temp file beside the target with host, pid and a random part', () => {
    const name = tempPathFor('/corpus/documents/a.json').split('/').pop()!;
    expect(name).toMatch(new RegExp(`^\\.a\\.json\\.tmp-[0-9a-f]{6}-${process.pid}-[0-9a-f]{8}$`));
    expect(parseTempName(name)).toEqual({ base: 'a.json', kind: 'tmp', host: expect.any(String), pid: process.pid });
    expect(parseTempName('.a.json.tmp-123')).toBeUndefined(); // the old format, and anything else, is not ours
    expect(parseTempName('notes.txt')).toBeUndefined();
  });

  it('calls a temp of a dead process stale; never one of a live process, of this process or of another host', () => {
    const dead = deadPid();
    expect(isStaleTemp(tempNameOf('a.json', dead))).toBe(true);
    expect(isStaleTemp(tempNameOf('a.json', live.pid!))).toBe(false);
    expect(isStaleTemp(tempNameOf('a.json', process.pid))).toBe(false);
    const ours = parseTempName(tempNameOf('a.json', dead))!.host;
    const otherHost = tempNameOf('a.json', dead).replace(
      `.tmp-${ours}-`,
      `.tmp-${ours === 'ffffff' ? '000000' : 'ffffff'}-`,
    );
    expect(isStaleTemp(otherHost)).toBe(false);
  });

  it('removes only the stale ones, files and folders, and says which', () => {
    const dir = tempDir();
    const dead = deadPid();
    const stale = tempNameOf('a.json', dead);
    const staleFolder = tempNameOf('dataset', dead);
    const livePid = tempNameOf('b.json', live.pid!);
    for (const [name, text] of Object.entries({
      [stale]: 'half',
      [livePid]: 'being written',
      'a.json': '{}',
      '.hidden': 'x',
    }))
      writeFileSync(join(dir, name), text);
    mkdirSync(join(dir, staleFolder));
    writeFileSync(join(dir, staleFolder, 'rows.jsonl'), 'x\n');
    expect(removeStaleTemps(dir).sort()).toEqual([stale, staleFolder].sort());
    expect(readdirSync(dir).sort()).toEqual(['.hidden', livePid, 'a.json'].sort());
    expect(removeStaleTemps(join(dir, 'missing'))).toEqual([]);
  });
});
