import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/index.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');

describe('generated files are current', () => {
  it('corpus/gold.jsonl matches the labelled sources and the segmenter', () => {
    const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/build-sample-gold.ts', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});

it('README stays a front door: at most 250 lines', () => {
  const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n').length;
  expect(lines).toBeLessThanOrEqual(250);
});

it('README documents every command with an example', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const command of COMMANDS) {
    expect(readme, command.name).toContain(`| \`${command.name}`);
    expect(readme, command.name).toContain(`| \`stance ${command.name}`);
  }
});

// Regression: a manual run's output folders (`c/`, `ds/`) were once committed at the root by a `git add -A`.
it('the repository root holds only the known top-level entries (nothing a run wrote)', () => {
  const git = spawnSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' });
  if (git.status !== 0) return; // not a git checkout (an unpacked package): nothing to compare
  const top = [
    ...new Set(
      git.stdout
        .split('\n')
        .filter(Boolean)
        .map((path) => path.split('/')[0]!),
    ),
  ].sort();
  expect(top).toEqual(
    [
      '.ci',
      '.gitignore',
      'AGENTS.md',
      'README.md',
      'apps',
      'biome.json',
      'corpus',
      'docs',
      'knip.config.ts',
      'package.json',
      'packages',
      'patches',
      'pnpm-lock.yaml',
      'pnpm-workspace.yaml',
      'scripts',
      'tsconfig.base.json',
      'tsconfig.json',
      'turbo.json',
      'vitest.config.ts',
      'vitest.shared.ts',
    ].sort(),
  );
});
