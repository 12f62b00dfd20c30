import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { VitestReport } from '../test-summary.ts';
import { countReport, failedTasks, summarize } from '../test-summary.ts';

// Fixtures are vitest 4's real JSON reports of small test files (paths rewritten to /repo), one per case.
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`fixtures/${name}.json`, import.meta.url), 'utf8')) as VitestReport;
const ROOT = '/repo';
const ok = { output: '', status: 0 };

describe('countReport', () => {
  it('issue 12: counts each failed test, not its file too (2 failed tests in 1 file are 2 failures, not 3)', () => {
    const count = countReport(fixture('failing-tests'), ROOT);
    expect(count).toMatchObject({ passed: 1, failed: 2, skipped: 0, brokenFiles: [] });
  });

  it('counts a file that fails to load, or whose hook throws, once; its unrun tests are not "skipped"', () => {
    const count = countReport(fixture('broken-files'), ROOT);
    expect(count).toMatchObject({ passed: 0, failed: 2, skipped: 0 });
    expect(count.skippedGroups.size).toBe(0);
    expect(count.brokenFiles).toEqual([
      {
        file: 'packages/demo/test/no-load.test.ts',
        message: "Cannot find module './does-not-exist.ts' imported from ./packages/demo/test/no-load.test.ts",
      },
      { file: 'packages/demo/test/hook.test.ts', message: 'failed before its tests ran (a hook threw?)' },
    ]);
  });

  it('names each skipped group with its count (a skipped describe, a lone it.skip, a todo)', () => {
    const count = countReport(fixture('skipped-groups'), ROOT);
    expect(count).toMatchObject({ passed: 1, failed: 0, skipped: 4 });
    expect([...count.skippedGroups]).toEqual([
      ['packages/demo/test/skips.test.ts › stance bench --html in headless Chromium (skipped without chromium)', 2],
      ['packages/demo/test/skips.test.ts › kept', 2],
    ]);
  });
});

describe('failedTasks', () => {
  it("reads turbo's Failed: line", () => {
    const output =
      ' Tasks:    28 successful, 30 total\n  Time:    6m28s\nFailed:    @stance/cli#test, @stance/export#lint\n';
    expect(failedTasks(output)).toEqual(['@stance/cli#test', '@stance/export#lint']);
    expect(failedTasks(' Tasks:    30 successful, 30 total\n')).toEqual([]);
  });
});

describe('summarize', () => {
  const all = [
    { dir: 'packages/demo', name: '@stance/demo', report: fixture('failing-tests') },
    { dir: 'packages/other', name: '@stance/other', report: fixture('broken-files') },
    { dir: '.', name: '//', report: fixture('skipped-groups') },
  ];

  it('adds tests across packages and ends with `N passed, N failed, N skipped`', () => {
    const turbo = { output: 'Failed:    @stance/demo#test, @stance/other#test\n', status: 1 };
    const summary = summarize(all, turbo, ROOT);
    expect(summary).toMatchObject({ passed: 2, failed: 4, skipped: 4, exitCode: 1 });
    expect(summary.lines).toMatchInlineSnapshot(`
      [
        "  packages/demo           1 passed, 2 failed",
        "  packages/other          0 passed, 2 failed",
        "  scripts                 1 passed, 0 failed",
        "  broken file: packages/demo/test/no-load.test.ts: Cannot find module './does-not-exist.ts' imported from ./packages/demo/test/no-load.test.ts",
        "  broken file: packages/demo/test/hook.test.ts: failed before its tests ran (a hook threw?)",
        "  skipped 2: packages/demo/test/skips.test.ts › stance bench --html in headless Chromium (skipped without chromium)",
        "  skipped 2: packages/demo/test/skips.test.ts › kept",
        "2 passed, 4 failed, 4 skipped",
      ]
    `);
  });

  it('counts a failed check task (lint, typecheck, knip) once, and a test task that left no report once', () => {
    const turbo = {
      output: 'Failed:    @stance/demo#lint, //#knip, @stance/gone#test, @stance/demo#test\n',
      status: 1,
    };
    const packages = [...all, { dir: 'packages/gone', name: '@stance/gone', report: undefined }];
    const summary = summarize(packages, turbo, ROOT);
    expect(summary.failed).toBe(4 + 3);
    expect(summary.lines).toContain('  @stance/demo#lint    failed');
    expect(summary.lines).toContain('  //#knip              failed');
    expect(summary.lines).toContain(
      '  packages/gone        no report: its tests did not finish (see the output above)',
    );
  });

  it('fails the run when turbo failed and nothing was counted, and when no test passed', () => {
    expect(summarize([], { output: '', status: 1 }, ROOT)).toMatchObject({ failed: 1, exitCode: 1 });
    expect(summarize([], ok, ROOT)).toMatchObject({ passed: 0, failed: 0, exitCode: 1 });
    expect(summarize(all.slice(2), ok, ROOT)).toMatchObject({ passed: 1, failed: 0, skipped: 4, exitCode: 0 });
  });
});
