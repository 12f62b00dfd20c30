// The counting behind `pnpm test`'s closing line, kept apart from the running so it can be tested on vitest JSON
// fixtures (scripts/test/fixtures/). It counts tests, never files: a failing file with three failed tests is 3.
import { relative } from 'node:path';

/** The part of vitest's JSON report (`--reporter=json`) that is counted. */
export interface VitestReport {
  testResults?: {
    name: string;
    status: string;
    message?: string;
    assertionResults?: { status: string; title: string; ancestorTitles?: string[] }[];
  }[];
}

/** What one package's report adds up to. */
export interface PackageCount {
  passed: number;
  failed: number;
  skipped: number;
  /** `file › group` → tests skipped in it; the group's title says why (e.g. `(skipped without chromium)`). */
  skippedGroups: Map<string, number>;
  /** Files that failed before any test of theirs failed (did not load, or a hook threw), with vitest's message. */
  brokenFiles: { file: string; message: string }[];
}

/**
 * Count one package's report. Tests are counted by status; `todo` counts as skipped. A file that failed without a
 * failed test of its own (it did not load, or a `beforeAll` threw) counts as one failure, and the tests vitest marks
 * skipped because of it are not counted as skipped: nobody chose to skip them.
 */
export function countReport(report: VitestReport, root: string): PackageCount {
  const count: PackageCount = { passed: 0, failed: 0, skipped: 0, skippedGroups: new Map(), brokenFiles: [] };
  for (const file of report.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    const name = relative(root, file.name);
    const failed = tests.filter((t) => t.status === 'failed').length;
    count.passed += tests.filter((t) => t.status === 'passed').length;
    count.failed += failed;
    if (file.status === 'failed' && failed === 0) {
      count.failed += 1;
      const message = (file.message ?? '').split('\n')[0]?.replaceAll(root, '.') ?? '';
      count.brokenFiles.push({ file: name, message: message || 'failed before its tests ran (a hook threw?)' });
      continue;
    }
    for (const t of tests) {
      if (t.status === 'passed' || t.status === 'failed') continue;
      count.skipped++;
      const where = `${name} › ${t.ancestorTitles?.[0] ?? t.title}`;
      count.skippedGroups.set(where, (count.skippedGroups.get(where) ?? 0) + 1);
    }
  }
  return count;
}

/** The `Failed:` task names turbo prints at the end of a run (`@stance/cli#test`, `//#knip`). */
export function failedTasks(turboOutput: string): string[] {
  return [...turboOutput.matchAll(/^\s*Failed:\s+(.+)$/gm)].flatMap((m) => m[1]!.split(',').map((s) => s.trim()));
}

/** One package's report, or undefined when its tests did not run (a failed dependency task, say). */
export interface PackageReport {
  /** Where the package is, relative to the root: `packages/text`, or `.` for the root's own tests. */
  dir: string;
  /** Its package name, as turbo names its tasks (`@stance/text`, or `//` for the root). */
  name: string;
  report: VitestReport | undefined;
}

/** The closing lines of `pnpm test` and its exit code. */
export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
  /** One row per package, then failed checks, broken files and skipped groups; the last line is the total. */
  lines: string[];
  exitCode: number;
}

/**
 * Add up a run: each package's tests, plus one failure for each failed check task (lint, typecheck, knip, …: any
 * failed task that is not a test task, whose own tests are already counted) and for each failed test task that left
 * no report (vitest did not finish), plus one if turbo failed for a reason no counter saw. The last line is
 * `N passed, N failed, N skipped`.
 */
export function summarize(
  packages: readonly PackageReport[],
  turbo: { output: string; status: number | null },
  root: string,
): Summary {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const lines: string[] = [];
  const notes: string[] = [];
  const skippedGroups = new Map<string, number>();
  const failedTaskNames = failedTasks(turbo.output);
  for (const { dir, name: packageName, report } of packages) {
    if (report === undefined) {
      if (failedTaskNames.some((task) => task.startsWith(`${packageName}#test`))) {
        failed += 1;
        lines.push(`  ${dir.padEnd(20)} no report: its tests did not finish (see the output above)`);
      }
      continue;
    }
    const count = countReport(report, root);
    passed += count.passed;
    failed += count.failed;
    skipped += count.skipped;
    const name = dir === '.' ? 'scripts' : dir;
    lines.push(`  ${name.padEnd(20)} ${String(count.passed).padStart(4)} passed, ${count.failed} failed`);
    for (const { file, message } of count.brokenFiles) notes.push(`  broken file: ${file}: ${message}`);
    for (const [where, n] of count.skippedGroups) skippedGroups.set(where, (skippedGroups.get(where) ?? 0) + n);
  }
  const checks = failedTaskNames.filter((task) => !/#test(:|$)/.test(task));
  for (const task of checks) lines.push(`  ${task.padEnd(20)} failed`);
  failed += checks.length;
  if (turbo.status !== 0 && failed === 0) {
    failed = 1;
    lines.push('  turbo failed with no failed test or check (see its output above)');
  }
  lines.push(...notes);
  for (const [where, n] of skippedGroups) lines.push(`  skipped ${n}: ${where}`);
  lines.push(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  return { passed, failed, skipped, lines, exitCode: failed > 0 || passed === 0 ? 1 : 0 };
}
