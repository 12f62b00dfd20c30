// Keep the examples in README.md and docs/*.md true: each marked block is run for real and rewritten with what it
// printed, and a test (apps/cli/test/docs-examples.test.ts) runs `--check`, which fails when any block is stale.
//
// Two kinds of block, each a fenced block right after a marker line:
//
//   <!-- example -->            `$ command` lines, each followed by what it prints (stdout and stderr, as a terminal
//   ```console                  shows them; `[exit N]` when it fails). Run from a fresh temporary folder holding a
//   $ stance segment x.md       copy of corpus/, with `stance` the built CLI. Deterministic output only: `--check`
//   ...                         runs these again and compares.
//   ```
//
//   <!-- figure -->             the same, for output that is a measurement (timings, benchmarks): run only with
//   ```console                  `--figures`, and followed by a stamp line saying the commit, machine and date it was
//   $ pnpm bench:text           measured on. `--check` only checks that each figure has its stamp.
//   ...
//   ```
//   <sub>measured: …</sub>
//
// `<!-- example in docs/examples/NAME -->` first copies the input files in docs/examples/NAME/ into the folder.
// The marker of an example carries the stamp of its last change: `<!-- example: commit …, machine …, date -->` (a bare
// `<!-- example -->` is stamped on the next run).
// Paths of the temporary folder and the repository are written relative, so no machine path reaches the docs.
//
// Usage: tsx scripts/docs-examples.ts [--check] [--figures] [FILE.md ...]
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const STANCE_BIN = join(ROOT, 'apps/cli/bin/stance.js');

/** One marked block of a Markdown file. */
export interface Block {
  kind: 'example' | 'figure';
  /** Line index of the marker (0-based). */
  marker: number;
  /** Line indexes of the opening and closing fences. */
  open: number;
  close: number;
  /** The `$ command` lines (continuations joined), in order. */
  commands: string[];
  /** The block's body as written (the lines between the fences). */
  body: string[];
  /** For a figure: the line index of its stamp line, if it has one. */
  stamp?: number;
  /** A folder of input files (`<!-- example in docs/examples/NAME -->`), copied into the example's folder. */
  files?: string;
}

const MARKER = /^<!-- (example|figure)(?: in (\S+))?(?:: .*)? -->$/;
const STAMP = /^<sub>measured: .+<\/sub>$/;

/** The marked blocks of a Markdown file's lines. */
export function findBlocks(lines: readonly string[], file: string): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = MARKER.exec(lines[i]!);
    if (!match) continue;
    const open = i + 1;
    if (!lines[open]?.startsWith('```')) throw new Error(`${file}:${i + 1}: a marker must be followed by a fence`);
    let close = open + 1;
    while (close < lines.length && !lines[close]!.startsWith('```')) close++;
    if (close === lines.length) throw new Error(`${file}:${open + 1}: the fence is not closed`);
    const body = lines.slice(open + 1, close);
    const commands: string[] = [];
    for (let j = 0; j < body.length; j++) {
      if (!body[j]!.startsWith('$ ')) continue;
      let command = body[j]!.slice(2);
      while (command.endsWith('\\') && j + 1 < body.length) command = `${command.slice(0, -1)}\n${body[++j]}`;
      commands.push(command);
    }
    if (commands.length === 0) throw new Error(`${file}:${open + 1}: a marked block needs at least one $ command`);
    const kind = match[1] as Block['kind'];
    const stamp = kind === 'figure' && STAMP.test(lines[close + 1] ?? '') ? close + 1 : undefined;
    blocks.push({
      kind,
      marker: i,
      open,
      close,
      commands,
      body,
      ...(stamp === undefined ? {} : { stamp }),
      ...(match[2] === undefined ? {} : { files: match[2] }),
    });
    i = close;
  }
  return blocks;
}

/** The commit, machine and date a block was made on. */
function stampText(): string {
  const commit = execFileSync('git', ['rev-parse', '--short=10', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  // Markdown aside: the docs being rewritten are not what made the output.
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!*.md'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const cpu = cpus();
  const machine = `${cpu[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU'} × ${cpu.length}, node ${process.versions.node}, ${process.platform} ${process.arch}`;
  return `commit ${commit}${dirty ? ' (with uncommitted changes)' : ''}, ${machine}, ${new Date().toISOString().slice(0, 10)}`;
}

/** A command's lines as the block shows them: `$ ` before the first, continuation lines as written. */
function shown(command: string): string[] {
  return command.split('\n').map((line, i, all) => `${i === 0 ? '$ ' : ''}${line}${i < all.length - 1 ? '\\' : ''}`);
}

/**
 * Run a block's commands, in order, in one bash from a fresh folder with a copy of corpus/; return the body it should
 * have. Each command's output (stdout and stderr together) follows it; `[exit N]` marks a failure.
 */
export function runBlock(block: Block): string[] {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'stance-docs-')));
  const bin = join(dir, '.bin');
  try {
    cpSync(join(ROOT, 'corpus'), join(dir, 'corpus'), { recursive: true });
    if (block.files !== undefined) cpSync(join(ROOT, block.files), dir, { recursive: true });
    mkdirSync(bin);
    // `stance` is the built CLI, as installed; `pnpm stance` is the same, and other pnpm scripts (benchmarks) run in
    // the repository.
    writeFileSync(join(bin, 'stance'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} "$STANCE_BIN" "$@"\n`, {
      mode: 0o755,
    });
    const pnpm =
      'pnpm() { if [ "$1" = stance ]; then shift; stance "$@"; else (cd "$STANCE_ROOT" && command pnpm --silent "$@"); fi; }';
    const sentinel = `@@docs-example-${process.pid}@@`;
    const script = [pnpm, ...block.commands.map((c) => `{ ${c}\n} 2>&1; echo "${sentinel} $?"`)].join('\n');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${bin}:${process.env['PATH']}`,
      STANCE_BIN,
      STANCE_ROOT: ROOT,
      // Commands without --corpus read the copy, never the repository's corpus.
      STANCE_CORPUS: 'corpus',
      NO_COLOR: '1',
      TERM: 'dumb',
      COLUMNS: '100',
    };
    // Not the folder `pnpm docs:examples` was typed in: `pnpm stance` in an example changes to INIT_CWD.
    delete env['INIT_CWD'];
    const run = spawnSync('bash', ['--noprofile', '--norc', '-c', script], {
      cwd: dir,
      env,
      encoding: 'utf8',
      timeout: 600_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error) throw run.error;
    const outputs = run.stdout.split(new RegExp(`${sentinel} (\\d+)\\n`));
    const body: string[] = [];
    block.commands.forEach((command, i) => {
      const output = normalise(outputs[i * 2] ?? '', dir);
      const code = Number(outputs[i * 2 + 1] ?? 'NaN');
      body.push(...shown(command), ...(output === '' ? [] : output.replace(/\n$/, '').split('\n')));
      if (code !== 0) body.push(`[exit ${Number.isNaN(code) ? '?' : code}]`);
    });
    return body;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Output with this machine's paths made relative: the example's folder, the repository, the temp folder. */
export function normalise(output: string, dir: string): string {
  const text = output
    .replaceAll(`${dir}/`, '')
    .replaceAll(dir, '.')
    .replaceAll(`${ROOT}/`, '')
    .replaceAll(`${dirname(ROOT)}/shared/`, '../shared/')
    .replace(/[ \t]+$/gm, '');
  const leak = /(?:^|[\s"'(=])((?:\/tmp|\/work|\/home|\/root|\/var\/folders)\/\S*)/m.exec(text);
  if (leak) throw new Error(`an example printed a machine path (${leak[1]}); make the command print relative paths`);
  return text;
}

/** The Markdown files that may hold marked blocks. */
function markdownFiles(): string[] {
  return ['README.md', ...readdirSync(join(ROOT, 'docs')).map((f) => join('docs', f))].filter((f) => f.endsWith('.md'));
}

/** What --check found wrong in one file. */
interface Problem {
  where: string;
  message: string;
}

/** Check or update the marked blocks of one file (lines of `text`); returns the new text and any problems. */
export function processFile(
  file: string,
  text: string,
  options: { check: boolean; figures: boolean; stamp: () => string },
): { text: string; problems: Problem[]; ran: number } {
  const lines = text.split('\n');
  const problems: Problem[] = [];
  let ran = 0;
  // From the last block up, so that line indexes of the blocks before stay valid while lines change.
  for (const block of findBlocks(lines, file).reverse()) {
    const where = `${file}:${block.marker + 1}`;
    if (block.kind === 'figure') {
      if (options.check && block.stamp === undefined)
        problems.push({ where, message: 'a figure without its stamp line (run with --figures to measure it)' });
      if (options.check || !options.figures) continue;
      ran++;
      const body = runBlock(block);
      const stamp = `<sub>measured: ${options.stamp()} (\`pnpm docs:examples --figures\`)</sub>`;
      lines.splice(block.open + 1, (block.stamp ?? block.close) - block.open, ...body, '```', stamp);
      continue;
    }
    ran++;
    const body = runBlock(block);
    const head = `<!-- example${block.files === undefined ? '' : ` in ${block.files}`}`;
    const stamped = lines[block.marker] !== `${head} -->`;
    const current = body.join('\n') === block.body.join('\n');
    if (options.check) {
      if (!current)
        problems.push({ where, message: `stale example; it now prints:\n${body.map((l) => `    ${l}`).join('\n')}` });
      else if (!stamped) problems.push({ where, message: 'an example without its stamp' });
      continue;
    }
    if (current && stamped) continue;
    lines.splice(block.open + 1, block.close - block.open - 1, ...body);
    lines[block.marker] = `${head}: ${options.stamp()} -->`;
  }
  return { text: lines.join('\n'), problems, ran };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const figures = args.includes('--figures');
  const named = args.filter((a) => !a.startsWith('--'));
  const files = named.length ? named.map((f) => relative(ROOT, resolve(f))) : markdownFiles();
  let stamp: string | undefined;
  const options = { check, figures, stamp: () => (stamp ??= stampText()) };
  const problems: Problem[] = [];
  let ran = 0;
  for (const file of files) {
    const path = join(ROOT, file);
    const before = readFileSync(path, 'utf8');
    const result = processFile(file, before, options);
    ran += result.ran;
    problems.push(...result.problems);
    if (!check && result.text !== before) {
      writeFileSync(path, result.text);
      process.stderr.write(`docs-examples: updated ${file}\n`);
    }
  }
  for (const { where, message } of problems) process.stderr.write(`docs-examples: ${where}: ${message}\n`);
  process.stderr.write(`docs-examples: ${ran} blocks run, ${problems.length} problems\n`);
  if (problems.length > 0) process.stderr.write('docs-examples: `pnpm docs:examples` rewrites the examples\n');
  process.exitCode = problems.length > 0 ? 1 : 0;
}
