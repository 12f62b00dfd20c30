import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentSentences } from '@stance/corpus';
import { digestFolder } from '@stance/export';
import type { AnnotationEvent, Label } from '@stance/schema';
import { textHash } from '@stance/schema';
import { describe, expect, it } from 'vitest';
import { runStance, tempDir } from './helpers/run-stance.ts';

/** Run the real `stance` with `cwd` as the user's folder (its working directory). */
const stance = (cwd: string, args: string[], env: Record<string, string> = {}) => runStance(args, { cwd, env });

const LABELS: Label[] = ['fact', 'quote', 'opinion', 'skip'];

/** A user folder holding `corpus/`: six documents labelled by ann and bob (bob differs on one sentence). */
function setup(): string {
  const dir = tempDir('stance-export-cli-');
  const corpus = join(dir, 'corpus');
  mkdirSync(join(corpus, 'documents'), { recursive: true });
  mkdirSync(join(corpus, 'annotations'));
  writeFileSync(join(corpus, 'GUIDELINES.md'), '# Guidelines\n\nVersion: 2.0\n');
  const logs: Record<string, AnnotationEvent[]> = { ann: [], bob: [] };
  let n = 0;
  for (let d = 0; d < 6; d++) {
    const doc = {
      id: `piece-${d}`,
      title: `Piece ${d}`,
      text: `Rents rose ${d} percent. "Caps work," she said. I think caps are wise. @handle wrote this.`,
    };
    writeFileSync(join(corpus, 'documents', `${doc.id}.json`), `${JSON.stringify(doc, null, 2)}\n`);
    for (const s of documentSentences(doc)) {
      for (const annotator of ['ann', 'bob']) {
        n++;
        const label = annotator === 'bob' && d === 0 && s.index === 2 ? 'fact' : LABELS[s.index % 4]!;
        logs[annotator]!.push({
          v: 1,
          id: `${annotator}-${n}`,
          type: 'label',
          sentence: s.id,
          textHash: textHash(s.text),
          annotator,
          at: `2026-11-25T10:00:${String(n % 60).padStart(2, '0')}.000Z`,
          ms: 2000 + n,
          guideline: '2.0',
          label,
        });
      }
    }
  }
  for (const [name, events] of Object.entries(logs)) {
    writeFileSync(join(corpus, 'annotations', `${name}.jsonl`), events.map((e) => `${JSON.stringify(e)}\n`).join(''));
  }
  return dir;
}

describe('stance export', () => {
  it('writes the dataset folder, a summary on stdout and the exclusions on stderr', () => {
    const dir = setup();
    const r = stance(dir, ['export', '--out', 'ds', '--corpus', 'corpus', '--split', '50/25/25', '--seed', '1']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('stance: excluded 1 sentence (tie 1); listed in');
    expect(r.stdout.split('\n')[0]).toBe(`exported 23 of 24 sentences from 6 documents to ${join(dir, 'ds')}`);
    expect(readdirSync(join(dir, 'ds')).sort()).toEqual([
      'MANIFEST.sha256',
      'README.md',
      'croissant.json',
      'data',
      'documents',
      'excluded.jsonl',
      'judgements',
    ]);
    const card = readFileSync(join(dir, 'ds', 'README.md'), 'utf8');
    // The YAML header is parsed and checked in packages/export; here: it is there and names the three configs
    // (under `configs` and again under `dataset_info`).
    expect(card.startsWith('---\n')).toBe(true);
    const configs = ['sentences', 'judgements', 'documents'].map((c) => `  - config_name: ${c}`);
    expect(card.match(/^ {2}- config_name: \w+$/gm)).toEqual([...configs, ...configs]);
    const csv = readdirSync(join(dir, 'ds', 'data'))
      .filter((f) => f.endsWith('.csv'))
      .map((f) => readFileSync(join(dir, 'ds', 'data', f), 'utf8'))
      .join('');
    expect(csv).toContain(",'@handle wrote this.,");
  });

  it('gives the same bytes twice, refuses an existing folder, and replaces it with --force', () => {
    const dir = setup();
    expect(stance(dir, ['export', '--out', 'a', '--corpus', 'corpus']).status).toBe(0);
    const first = digestFolder(join(dir, 'a'));
    const again = stance(dir, ['export', '--out', 'a', '--corpus', 'corpus']);
    expect(again.status).toBe(2);
    expect(again.stderr.trim()).toBe(`stance: ${join(dir, 'a')}: already exists; pass --force to replace it`);
    expect(stance(dir, ['export', '--out', 'a', '--corpus', 'corpus', '--force']).status).toBe(0);
    expect(digestFolder(join(dir, 'a'))).toEqual(first);
    // The card names the dataset after its folder unless --name says otherwise; the data files do not depend on it.
    expect(stance(dir, ['export', '--out', 'b', '--corpus', 'corpus', '--name', 'a']).status).toBe(0);
    expect(digestFolder(join(dir, 'b'))).toEqual(first);
    expect(stance(dir, ['export', '--out', 'a', '--corpus', 'corpus', '--force', '--seed', '3']).status).toBe(0);
    expect(digestFolder(join(dir, 'a'))).not.toEqual(first);
  });

  it('leaves nothing behind when the export fails half way', () => {
    const dir = setup();
    const r = stance(dir, ['export', '--out', 'ds', '--corpus', 'corpus'], { STANCE_EXPORT_FAIL_AFTER_ROWS: '4' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('export stopped after 4 rows');
    expect(existsSync(join(dir, 'ds'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['corpus']);
  });

  it('rejects bad options with one line and exit 2', () => {
    const dir = setup();
    const cases: [string[], string][] = [
      [['export', '--corpus', 'corpus'], 'stance: --out DIR is required'],
      [['export', '--out', 'x', '--corpus', 'corpus', '--split', '80/20'], 'stance: --split takes three'],
      [['export', '--out', 'x', '--corpus', 'corpus', '--gold', 'all'], 'stance: --gold takes logs, reference, both'],
      [['export', '--out', 'x', '--corpus', 'nowhere'], `stance: ${join(dir, 'nowhere')}: no such corpus folder`],
      [['export', '--out', 'x', '--corpus', '.'], `stance: ${dir}: no documents in the corpus`],
    ];
    for (const [args, message] of cases) {
      const r = stance(dir, args);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(message);
    }
  });
});
