// The README's test command: lint, typecheck and every package's tests through turbo (all of them, even after a
// failure), then one closing line CI reads: `N passed, N failed`. A failed lint or typecheck task counts as a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const packageDirs = ['packages', 'apps'].flatMap((group) =>
  existsSync(join(root, group))
    ? readdirSync(join(root, group))
        .sort()
        .map((name) => join(group, name))
    : [],
);
for (const dir of packageDirs) rmSync(join(root, dir, '.vitest-result.json'), { force: true });

const turbo = spawnSync(
  'pnpm',
  [
    'exec',
    'turbo',
    'run',
    'lint',
    'typecheck',
    'test',
    '--continue',
    '--output-logs=errors-only',
    '--summarize=false',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
);
process.stdout.write(turbo.stdout ?? '');
const failedTasks = [...(turbo.stdout ?? '').matchAll(/^\s*Failed:\s+(.+)$/gm)].flatMap((m) =>
  m[1].split(',').map((s) => s.trim()),
);
const failedChecks = failedTasks.filter((t) => /#(lint|typecheck)$/.test(t));

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const dir of packageDirs) {
  const file = join(root, dir, '.vitest-result.json');
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const broken = r.numFailedTestSuites ?? 0;
  passed += r.numPassedTests;
  failed += r.numFailedTests + broken;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  rows.push(`  ${dir.padEnd(20)} ${String(r.numPassedTests).padStart(4)} passed, ${r.numFailedTests + broken} failed`);
}
for (const task of failedChecks) rows.push(`  ${task.padEnd(20)} failed`);
failed += failedChecks.length;
if (turbo.status !== 0 && failed === 0) failed = 1; // turbo failed for a reason no counter saw
process.stdout.write(`${rows.join('\n')}\n`);
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
