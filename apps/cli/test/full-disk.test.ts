import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '@stance/corpus';
import { describe, expect, it } from 'vitest';
import { CAN_MOUNT, HAS_PRLIMIT, runStanceConstrained, sharedTempDir, smallDisk } from './helpers/run-constrained.ts';
import { ROOT } from './helpers/run-stance.ts';

/** The bundled sample corpus without its annotator logs, copied into `dir/c`; its sentence ids. */
function sampleCorpus(dir: string): string[] {
  const corpus = join(dir, 'c');
  cpSync(join(ROOT, 'corpus'), corpus, { recursive: true });
  rmSync(join(corpus, 'annotations'), { recursive: true, force: true });
  return loadCorpus(corpus).sentences.map((s) => s.id);
}

/** A labels file for `stance import` labelling every sentence. */
function labelsFor(dir: string, ids: readonly string[]): string {
  const labels = ['fact', 'quote', 'opinion', 'skip'];
  writeFileSync(join(dir, 'labels.jsonl'), ids.map((id, i) => JSON.stringify({ id, label: labels[i % 4] })).join('\n'));
  return 'labels.jsonl';
}

/** Four pieces, `c.md` much larger than the others. */
function pieces(dir: string): void {
  const long = Array.from({ length: 300 }, (_, i) => `This is sentence number ${i}.`).join(' ');
  for (const [name, text] of [
    ['a', 'Short one. Yes.'],
    ['b', 'Short two. Yes.'],
    ['c', long],
    ['d', 'Short four. Yes.'],
  ] as const) {
    writeFileSync(join(dir, `${name}.md`), `# ${name}\n\n${text}\n`);
  }
}

const lines = (stderr: string) => stderr.split('\n').filter((l) => l !== '');

describe.runIf(HAS_PRLIMIT)(
  'issue 11.4: a write that fails part way (file size capped by prlimit)',
  { timeout: 120_000 },
  () => {
    it('stance import of 488 labels that runs out of room saves none of them and says so', () => {
      const dir = sharedTempDir('stance-import-full-');
      const file = labelsFor(dir, sampleCorpus(dir));
      // About 60 KB: room for some 190 of the 488 events, the case of the issue.
      const r = runStanceConstrained(['import', file, '--annotator', 'ana', '--corpus', 'c'], {
        cwd: dir,
        maxFileBytes: 60_000,
      });
      const log = join(dir, 'c', 'annotations', 'ana.jsonl');
      expect(lines(r.stderr)).toEqual([
        `stance: ${log}: could not write the 488 events (file too large); nothing was saved`,
      ]);
      expect(r.status).toBe(2);
      // Nothing was written, so the log this import created is removed when it closes.
      expect(existsSync(log)).toBe(false);
      // With room, the same import writes them all.
      const again = runStanceConstrained(['import', file, '--annotator', 'ana', '--corpus', 'c'], { cwd: dir });
      expect(again.stdout).toMatch(/^ana: 488 labels imported, 0 unchanged/);
    });

    it('stance ingest names the documents it wrote before a write failed', () => {
      const dir = sharedTempDir('stance-ingest-full-');
      pieces(dir);
      const r = runStanceConstrained(['ingest', 'a.md', 'b.md', 'c.md', 'd.md', '--corpus', 'c'], {
        cwd: dir,
        maxFileBytes: 4000,
      });
      expect(lines(r.stderr)).toEqual([
        `stance: ${join(dir, 'c', 'documents', 'c.json')}: file too large; 2 of 4 documents were written (a, b); run the same ingest again to write the other 2`,
      ]);
      expect(r.status).toBe(2);
      expect(readdirSync(join(dir, 'c', 'documents')).sort()).toEqual(['a.json', 'b.json']);
    });
  },
);

describe.runIf(CAN_MOUNT)(
  'issue 11.4: a real full disk, a small tmpfs (skipped without permission to mount a tmpfs)',
  { timeout: 120_000 },
  () => {
    it('stance import onto a full disk saves nothing and says so', () => {
      // The documents take 15 pages of 4 KB; what is left holds about 200 of the 488 events.
      const disk = smallDisk('128k')!;
      const dir = sharedTempDir('stance-import-tmpfs-');
      const ids = sampleCorpus(dir);
      for (const part of ['documents', 'GUIDELINES.md'])
        cpSync(join(dir, 'c', part), join(disk, 'c', part), { recursive: true });
      const file = labelsFor(dir, ids);
      const r = runStanceConstrained(['import', join(dir, file), '--annotator', 'ana', '--corpus', 'c'], { cwd: disk });
      const log = join(disk, 'c', 'annotations', 'ana.jsonl');
      expect(lines(r.stderr)).toEqual([
        `stance: ${log}: could not write the 488 events (no space left on device); nothing was saved`,
      ]);
      expect(r.status).toBe(2);
      expect(existsSync(log)).toBe(false);
    });

    it('stance ingest onto a full disk names the documents it wrote', () => {
      const disk = smallDisk('24k')!;
      const r = runStanceConstrained(['ingest', join(ROOT, 'corpus', 'sources'), '--corpus', 'c'], { cwd: disk });
      const written = readdirSync(join(disk, 'c', 'documents')).filter((f) => f.endsWith('.json'));
      expect(written.length).toBeGreaterThan(0);
      expect(written.length).toBeLessThan(15);
      const ids = written.map((f) => f.slice(0, -'.json'.length)).sort();
      expect(r.status).toBe(2);
      expect(lines(r.stderr)).toEqual([
        expect.stringContaining(
          `: no space left on device; ${ids.length} of 15 documents were written (${ids.join(', ')}); run the same ingest again to write the other ${15 - ids.length}`,
        ),
      ]);
    });
  },
);
