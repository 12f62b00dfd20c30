import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, smallCorpusDir } from './annotate-fixture.ts';
import { runStanceInProcess, STANCE_BIN } from './helpers/run-stance.ts';

const corpus = smallCorpusDir();
const config = mkdtempSync(join(tmpdir(), 'stance-annotate-config-'));
afterAll(() => {
  rmSync(corpus, { recursive: true, force: true });
  rmSync(config, { recursive: true, force: true });
});

/** Run `stance` in-process on pipes, with this file's config folder. */
const stance = (args: string[]) => runStanceInProcess(args, { XDG_CONFIG_HOME: config });

describe('stance annotate: bad input is one line and exit 2', () => {
  it('refuses an unknown corpus folder', async () => {
    const r = await stance(['annotate', '--corpus', join(corpus, 'nope'), '--annotator', 'ana']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `stance: ${join(corpus, 'nope')}: no such corpus folder\n` });
  });

  it('refuses an annotator name that could escape the log folder', async () => {
    const r = await stance(['annotate', '--corpus', corpus, '--annotator', '../x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "stance: --annotator "../x" is not a valid name (letters of any script, digits, . _ -; no slashes or ..)
      "
    `);
  });

  it('refuses an unknown order', async () => {
    const r = await stance(['annotate', '--corpus', corpus, '--annotator', 'ana', '--order', 'random']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('stance: --order takes document or uncertain, got "random"\n');
  });

  it('says it needs a terminal, and leaves no log behind', async () => {
    const r = await stance(['annotate', '--corpus', corpus, '--annotator', 'ana']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'stance: annotate needs a terminal (stdin and stdout must be a TTY); run it in an interactive shell\n',
    );
    expect(existsSync(join(corpus, 'annotations'))).toBe(false);
  });

  it('without a name to ask for or remember, also says it needs a terminal', async () => {
    const r = await stance(['annotate', '--corpus', corpus]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs a terminal');
  });

  it('does the same as a real process with piped stdio: one line, no stack trace', () => {
    const r = spawnSync(process.execPath, [STANCE_BIN, 'annotate', '--corpus', corpus, '--annotator', 'ana'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, XDG_CONFIG_HOME: config },
      stdio: 'pipe',
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      'stance: annotate needs a terminal (stdin and stdout must be a TTY); run it in an interactive shell',
    ]);
  });

  it('lists its flags in help', async () => {
    const r = await stance(['annotate', '--help']);
    expect(r.code).toBe(0);
    for (const flag of [
      '--corpus DIR',
      '--annotator NAME',
      '--order ORDER',
      '--blind',
      '--adjudicate',
      '--min-annotators N',
      '--idle SECONDS',
      '--retrain N',
    ])
      expect(r.stdout).toContain(flag);
  });

  it('refuses --adjudicate with --order or --blind, and --min-annotators without --adjudicate', async () => {
    for (const extra of [['--order', 'uncertain'], ['--blind']]) {
      const r = await stance(['annotate', '--corpus', corpus, '--annotator', 'ana', '--adjudicate', ...extra]);
      expect(r).toEqual({
        code: 2,
        stdout: '',
        stderr: 'stance: --adjudicate walks the disagreement queue; it takes neither --order nor --blind\n',
      });
    }
    const r = await stance(['annotate', '--corpus', corpus, '--annotator', 'ana', '--min-annotators', '3']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'stance: --min-annotators goes with --adjudicate\n' });
  });

  it('refuses an --idle or --retrain that is not a whole number ≥ 0', async () => {
    for (const [name, value] of [
      ['--idle', '-1'],
      ['--idle', 'soon'],
      ['--retrain', '2.5'],
    ]) {
      const r = await stance(['annotate', '--corpus', corpus, '--annotator', 'ana', `${name}=${value}`]);
      expect(r).toEqual({
        code: 2,
        stdout: '',
        stderr: `stance: ${name} takes a whole number ≥ 0, got ${JSON.stringify(value)}\n`,
      });
    }
  });

  it('issue 13: takes an annotator name in any script (then only asks for a terminal)', async () => {
    for (const name of ['José', 'Δημήτρης', '李华']) {
      const r = await stance(['annotate', '--corpus', corpus, '--annotator', name]);
      expect(r.stderr).toContain('needs a terminal');
    }
    // A decomposed accent is the same name as the composed one.
    const r = await stance(['annotate', '--corpus', corpus, '--annotator', 'Jose\u0301']);
    expect(r.stderr).toContain('needs a terminal');
  });

  it('refuses an assignments.json that is not one, naming the file', async () => {
    const dir = smallCorpusDir();
    writeFileSync(join(dir, 'assignments.json'), '{"version": 2}');
    const r = await stance(['annotate', '--corpus', dir, '--annotator', 'ana']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `stance: ${join(dir, 'assignments.json')}: unsupported assignments version 2 (expected 1)\n`,
    });
    rmSync(dir, { recursive: true, force: true });
  });
});
