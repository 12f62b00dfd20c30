// The README's test command: lint, typecheck and every package's tests through turbo (all of them, even after a
// failure), then one closing line CI reads: `N passed, N failed`. A failed lint or typecheck task counts as a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

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
const skippedGroups = new Map(); // "file › group" → count; a group's title says why it can be skipped
for (const dir of packageDirs) {
  const file = join(root, dir, '.vitest-result.json');
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  let pkgPassed = 0;
  let pkgFailed = 0;
  for (const suite of r.testResults ?? []) {
    const tests = suite.assertionResults ?? [];
    let suiteFailed = 0;
    for (const t of tests) {
      if (t.status === 'passed') pkgPassed++;
      else if (t.status === 'failed') suiteFailed++;
      else {
        skipped++;
        const where = `${relative(root, suite.name)} › ${t.ancestorTitles?.[0] ?? t.title}`;
        skippedGroups.set(where, (skippedGroups.get(where) ?? 0) + 1);
      }
    }
    // A file that failed to load or to run its hooks has no failed test of its own: count it once.
    if (suite.status === 'failed' && suiteFailed === 0) suiteFailed = 1;
    pkgFailed += suiteFailed;
  }
  passed += pkgPassed;
  failed += pkgFailed;
  rows.push(`  ${dir.padEnd(20)} ${String(pkgPassed).padStart(4)} passed, ${pkgFailed} failed`);
}
for (const task of failedChecks) rows.push(`  ${task.padEnd(20)} failed`);
failed += failedChecks.length;
if (turbo.status !== 0 && failed === 0) failed = 1; // turbo failed for a reason no counter saw
for (const [where, n] of skippedGroups) rows.push(`  skipped ${n}: ${where}`);
process.stdout.write(`${rows.join('\n')}\n`);
process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
