import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusModels, MODELS_DIR, modelFileName, writeCorpusModel } from '../src/index.ts';
import { tempDir } from './helpers.ts';

describe('a corpus’s trained models', () => {
  it('are written atomically under timestamped names; none is overwritten; listed newest first', () => {
    const dir = tempDir();
    expect(corpusModels(dir)).toEqual([]);
    const t = new Date('2026-11-25T23:56:05.607Z');
    const a = writeCorpusModel(dir, 'logreg', '{"a":1}\n', t);
    const b = writeCorpusModel(dir, 'logreg', '{"b":1}\n', t);
    const c = writeCorpusModel(dir, 'nb', '{"c":1}\n', new Date('2026-11-24T08:00:00.000Z'));
    expect(a).toBe(join(dir, MODELS_DIR, 'logreg-20261125T235605.607Z.json'));
    expect(b).toBe(join(dir, MODELS_DIR, 'logreg-20261125T235605.608Z.json'));
    // Files the folder may also hold are not models of this naming: a hand-placed default, a temp file.
    writeFileSync(join(dir, MODELS_DIR, 'default.json'), '{}');
    writeFileSync(join(dir, MODELS_DIR, '.logreg-20261126T000000.000Z.json.tmp-1'), '{}');
    expect(corpusModels(dir).map((m) => [m.kind, m.at.toISOString(), m.path])).toEqual([
      ['logreg', '2026-11-25T23:56:05.608Z', b],
      ['logreg', '2026-11-25T23:56:05.607Z', a],
      ['nb', '2026-11-24T08:00:00.000Z', c],
    ]);
    expect(readdirSync(join(dir, MODELS_DIR)).filter((f) => f.includes('.tmp-')).length).toBe(1);
    expect(modelFileName('hybrid', new Date('2027-01-02T03:04:05.006Z'))).toBe('hybrid-20270102T030405.006Z.json');
  });
});
