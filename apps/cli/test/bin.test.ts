import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/index.ts';
import { ROOT, runStance, STANCE_BIN } from './helpers/run-stance.ts';

// What a user installs is apps/cli/bin/stance.js → dist/ (built JavaScript, no tsx): these run that file, so the
// build and the bin cannot rot unnoticed. Every other process test runs it too (helpers/run-stance.ts).
const cliPackage = JSON.parse(readFileSync(join(ROOT, 'apps/cli/package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
};

describe('the built stance', () => {
  it('is the bin @stance/cli declares', () => {
    expect(join(ROOT, 'apps/cli', cliPackage.bin['stance']!)).toBe(STANCE_BIN);
    expect(readFileSync(STANCE_BIN, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it('--version prints the package version', () => {
    const r = runStance(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${cliPackage.version}\n`);
    expect(r.stderr).toBe('');
  });

  it('--help lists every command', () => {
    const r = runStance(['--help']);
    expect(r.status).toBe(0);
    const listed = r.stdout.split('\n').map((line) => line.trim().split(/ {2,}/));
    for (const command of COMMANDS) expect(listed).toContainEqual([command.name, command.summary]);
  });

  it('runs a real command, loading its packages from the bundle', () => {
    const r = runStance(['analyze', '-', '--jsonl'], { input: 'The council voted 7-2. I think it is a disgrace.' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { label?: string });
    expect(rows.flatMap((row) => row.label ?? [])).toEqual(['fact', 'opinion']);
  });

  it('opens the Ink UI chunk (a lazily imported package) and refuses a pipe with one line', () => {
    const r = runStance(['annotate', '--annotator', 'ana']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'stance: annotate needs a terminal (stdin and stdout must be a TTY); run it in an interactive shell\n',
    );
  });

  it('ships source maps that lead back to the TypeScript sources (read for --debug stack traces)', () => {
    const dist = join(ROOT, 'apps/cli/dist');
    const built = readFileSync(join(dist, 'stance.js'), 'utf8');
    expect(built).toMatch(/\n\/\/# sourceMappingURL=stance\.js\.map\n$/);
    const map = JSON.parse(readFileSync(join(dist, 'stance.js.map'), 'utf8')) as { sources: string[] };
    expect(map.sources).toContain('../src/main.ts');
    expect(readFileSync(STANCE_BIN, 'utf8')).toContain("process.argv.includes('--debug')");
  });
});

describe('--help examples say what a user types', () => {
  for (const command of COMMANDS)
    it(command.name, () => {
      expect(command.examples?.length, 'at least one example').toBeGreaterThan(0);
      for (const example of command.examples ?? []) {
        expect(example).toMatch(new RegExp(`(^|\\| )stance ${command.name}( |$)`));
        expect(example).not.toMatch(/pnpm|tsx|src\/main/);
      }
    });
});
