// The large-input part of `pnpm bench:evaluate`: 50 MB of generated sentences through the real `stance train`,
// `analyze` and `classify` commands, each in its own process, with its peak memory (RSS) and CPU time; peer: a node
// pass-through that reads the same file and writes one JSON line per line, the floor of any streaming command.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchItem } from '../src/index.ts';

const HERE = resolve(fileURLToPath(import.meta.url), '..');
const MB = 1024 * 1024;

/** What one measured run took. */
interface Usage {
  wall: number;
  cpu: number;
  rss: number;
  status: number | null;
  stderr: string;
  outputLines: number;
}

/** Write lines until the file holds `bytes`; returns how many lines. */
function writeUntil(path: string, bytes: number, line: (i: number) => string): number {
  const fd = openSync(path, 'w');
  let size = 0;
  let n = 0;
  let chunk = '';
  while (size < bytes) {
    const l = line(n++);
    chunk += l;
    size += Buffer.byteLength(l);
    if (chunk.length > MB) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
  return n;
}

/** Run `node [--import tsx] ARGS` in ROOT with stdin/stdout redirected to files; measure it. */
function measure(root: string, dir: string, args: string[], stdin: string | null, stdout: string): Usage {
  const usage = join(dir, 'usage.json');
  const started = performance.now();
  const input = stdin ? openSync(stdin, 'r') : 'ignore';
  const output = openSync(stdout, 'w');
  const r = spawnSync(process.execPath, ['--import', join(HERE, 'report-usage.mjs'), ...args], {
    cwd: root,
    stdio: [input, output, 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: root, STANCE_BENCH_USAGE: usage, NO_COLOR: '1' },
  });
  const wall = (performance.now() - started) / 1000;
  if (typeof input === 'number') closeSync(input);
  closeSync(output);
  const u = JSON.parse(readFileSync(usage, 'utf8')) as { maxRssBytes: number; cpuSeconds: number };
  let outputLines = 0;
  const text = readFileSync(stdout);
  for (let i = 0; i < text.length; i++) if (text[i] === 10) outputLines++;
  return { wall, cpu: u.cpuSeconds, rss: u.maxRssBytes, status: r.status, stderr: r.stderr.trim(), outputLines };
}

/** The large-input measurements, printed; `generate(n, seed, prefix)` is the bench's sentence generator. */
export function largeInput(root: string, generate: (n: number, seed: number, prefix: string) => BenchItem[]): void {
  const target = Number(process.env['BENCH_LARGE_MB'] ?? 50) * 1e6;
  const dir = mkdtempSync(join(tmpdir(), 'stance-bench-large-'));
  try {
    const pool = generate(50_000, 3, 'lg');
    const trainFile = join(dir, 'train.jsonl');
    const n = writeUntil(trainFile, target, (i) => {
      const s = pool[i % pool.length]!;
      // Each pass over the pool changes the numbers, so lines stay distinct.
      const text = s.text.replace(/\d+/g, (d) => String((Number(d) * 7 + i) % 1000));
      return `${JSON.stringify({ text, label: s.label, doc: `d${Math.floor(i / 25)}` })}\n`;
    });
    const textFile = join(dir, 'document.txt');
    writeUntil(textFile, target, (i) => `${pool[i % pool.length]!.text}${i % 5 === 4 ? '\n\n' : ' '}`);
    const classifyFile = join(dir, 'classify.jsonl');
    writeUntil(
      classifyFile,
      target,
      (i) => `${JSON.stringify({ id: String(i), text: pool[i % pool.length]!.text })}\n`,
    );
    const peer = join(dir, 'pass.mjs');
    writeFileSync(
      peer,
      `import { createInterface } from 'node:readline';
let out = '';
for await (const line of createInterface({ input: process.stdin })) {
  const { id } = JSON.parse(line);
  out += JSON.stringify({ id, label: 'fact' }) + '\\n';
  if (out.length > 65536) { process.stdout.write(out); out = ''; }
}
process.stdout.write(out);
`,
    );
    const model = join(dir, 'model.json');
    const cli = (...args: string[]) => ['--import', 'tsx', 'apps/cli/src/main.ts', ...args];
    const out = join(dir, 'out');
    const runs: [string, Usage][] = [
      ['stance train (logreg)', measure(root, dir, cli('train', '--data', trainFile, '--out', model), null, out)],
      [
        'stance train --model nb',
        measure(
          root,
          dir,
          cli('train', '--data', trainFile, '--model', 'nb', '--out', join(dir, 'nb.json')),
          null,
          out,
        ),
      ],
      // Past the sentence encoder's limit: refused before it starts, in one line (not hours of encoding, then 1 GB).
      [
        'stance train --model hybrid',
        measure(
          root,
          dir,
          cli('train', '--data', trainFile, '--model', 'hybrid', '--out', join(dir, 'hybrid.json')),
          null,
          out,
        ),
      ],
      ['stance analyze --jsonl', measure(root, dir, cli('analyze', textFile, '--jsonl'), null, out)],
      ['stance analyze --model logreg', measure(root, dir, cli('analyze', textFile, '--model', model), null, out)],
      ['stance classify --model logreg', measure(root, dir, cli('classify', '--model', model), classifyFile, out)],
      ['peer: node pass-through', measure(root, dir, [peer], classifyFile, out)],
    ];
    const mb = (b: number) => `${(b / MB).toFixed(0)} MB`;
    console.log(
      `\nlarge input: ${(target / 1e6).toFixed(0)} MB of generated sentences (training file: ${n.toLocaleString('en-US')} lines); each command in its own process`,
    );
    console.log('command                          wall s   cpu s   peak RSS  output lines  ≤ 1 GB');
    for (const [name, u] of runs) {
      const ok = u.status === 0 ? (u.rss <= 1024 * MB ? 'met' : 'NOT MET') : `exit ${u.status}`;
      console.log(
        `${name.padEnd(31)}  ${u.wall.toFixed(1).padStart(6)}  ${u.cpu.toFixed(1).padStart(6)}  ${mb(u.rss).padStart(9)}  ${String(u.outputLines).padStart(12)}  ${ok}`,
      );
    }
    const passRss = runs.at(-1)![1].rss;
    const classifyRss = runs.at(-2)![1].rss;
    console.log(`ratio classify / pass-through peak RSS: ${(classifyRss / passRss).toFixed(2)}×`);
    for (const [name, u] of runs)
      if (u.stderr && (u.status !== 0 || name.includes('train')))
        console.log(
          `${name}: ${u.stderr
            .split('\n')
            .at(u.status === 0 ? 0 : -1)!
            .replaceAll(dir, '<temp folder>')}`,
        );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
