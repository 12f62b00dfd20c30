// The README's test command: lint, typecheck, knip and every package's tests through turbo (all of them, even after
// a failure), then the closing lines CI reads, the last `N passed, N failed, N skipped` (see test-summary.ts).
// Arguments are passed to `turbo run` (`pnpm test --force` reruns what turbo has cached).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackageReport, VitestReport } from './test-summary.ts';
import { summarize } from './test-summary.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const packageDirs = [
  '.',
  ...['packages', 'apps'].flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group))
          .sort()
          .map((name) => join(group, name))
      : [],
  ),
].filter((dir) => existsSync(join(root, dir, 'package.json')));
for (const dir of packageDirs) rmSync(join(root, dir, '.vitest-result.json'), { force: true });

const turbo = spawnSync(
  'pnpm',
  [
    'exec',
    'turbo',
    'run',
    'lint',
    'lint:scripts',
    'typecheck',
    'typecheck:scripts',
    'knip',
    'test',
    'test:scripts',
    '--continue',
    '--output-logs=errors-only',
    '--summarize=false',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
);
process.stdout.write(turbo.stdout ?? '');

const reports: PackageReport[] = packageDirs.map((dir) => {
  const file = join(root, dir, '.vitest-result.json');
  const { name } = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { name: string };
  return {
    dir,
    name: dir === '.' ? '//' : name,
    report: existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as VitestReport) : undefined,
  };
});
const summary = summarize(reports, { output: turbo.stdout ?? '', status: turbo.status }, root);
process.stdout.write(`${summary.lines.join('\n')}\n`);
process.exitCode = summary.exitCode;
