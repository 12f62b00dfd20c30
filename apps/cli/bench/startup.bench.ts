// `pnpm bench:cli`: how long the built `stance` takes to start, against bare Node (the floor) and against running the
// TypeScript source through tsx (how stance ran before it was built). Runs are interleaved, so load on a shared
// machine falls on every command alike; the ratios are the figures to compare.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const BIN = join(ROOT, 'apps/cli/bin/stance.js');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const runs = Number(process.argv[2] ?? 20);

const build = spawnSync(process.execPath, [join(ROOT, 'apps/cli/build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const commands: [string, string, string[], string?][] = [
  ['node -e ""', process.execPath, ['-e', '']],
  ['stance --version', process.execPath, [BIN, '--version']],
  ['stance --help', process.execPath, [BIN, '--help']],
  ['stance segment (stdin, 2 sentences)', process.execPath, [BIN, 'segment'], 'One. Two.'],
  ['tsx src/main.ts --version (before)', TSX, [join(ROOT, 'apps/cli/src/main.ts'), '--version']],
];
const times = commands.map(() => [] as number[]);
for (let r = 0; r < runs; r++)
  commands.forEach(([, file, args, input], i) => {
    const t0 = performance.now();
    const result = spawnSync(file, args, { input: input ?? '', encoding: 'utf8' });
    times[i]!.push(performance.now() - t0);
    if (result.status !== 0) throw new Error(`${commands[i]![0]} failed: ${result.stderr}`);
  });

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const floor = median(times[0]!);
console.log(`start-up, ${runs} interleaved runs each (median and fastest); ratio = median / median of node -e ""`);
commands.forEach(([name], i) => {
  const m = median(times[i]!);
  const min = Math.min(...times[i]!);
  console.log(
    `${name.padEnd(38)} ${m.toFixed(0).padStart(6)} ms ${min.toFixed(0).padStart(6)} ms   ${(m / floor).toFixed(2)}x`,
  );
});
