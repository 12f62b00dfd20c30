import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { annotatorConfigPath, rememberAnnotator, rememberedAnnotator } from '../src/session/annotator-config.ts';

const home = mkdtempSync(join(tmpdir(), 'stance-home-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('the remembered annotator name', () => {
  it('lives in $XDG_CONFIG_HOME/stance/annotator, else ~/.config/stance/annotator', () => {
    expect(annotatorConfigPath({ XDG_CONFIG_HOME: '/x/cfg', HOME: '/h' })).toBe('/x/cfg/stance/annotator');
    expect(annotatorConfigPath({ HOME: '/h' })).toBe('/h/.config/stance/annotator');
  });

  it('is remembered and read back', () => {
    const env = { XDG_CONFIG_HOME: join(home, 'a') };
    expect(rememberedAnnotator(env)).toBeUndefined();
    rememberAnnotator(env, 'ana.b');
    expect(readFileSync(join(home, 'a', 'stance', 'annotator'), 'utf8')).toBe('ana.b\n');
    expect(rememberedAnnotator(env)).toBe('ana.b');
  });

  it('ignores a stored name that is not valid (it would name a file)', () => {
    const env = { XDG_CONFIG_HOME: join(home, 'b') };
    mkdirSync(join(home, 'b', 'stance'), { recursive: true });
    writeFileSync(join(home, 'b', 'stance', 'annotator'), '../../etc/x\n');
    expect(rememberedAnnotator(env)).toBeUndefined();
  });
});
