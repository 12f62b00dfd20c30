// pnpm bench:export [-- --sentences N] [--peer-sentences N]: generate a corpus with logs in a temp folder, export it
// with the streaming exporter, and compare time and peak memory with a naive in-memory peer in the same run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate-corpus.ts';

const here = dirname(fileURLToPath(import.meta.url));
const tsx = resolve(here, '../../../node_modules/.bin/tsx');
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { sentences: { type: 'string' }, 'peer-sentences': { type: 'string' } },
});
const big = Number(values.sentences ?? 1_000_000);
const small = Number(values['peer-sentences'] ?? 100_000);

interface Run {
  ms: number;
  maxRssMb: number;
  rows: number;
}

/** Run one exporter in its own process; undefined when it failed (e.g. ran out of memory). */
function runChild(mode: 'stream' | 'naive', corpus: string, out: string): Run | { error: string } {
  const r = spawnSync(tsx, [join(here, 'run-export.ts'), mode, corpus, out], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) return { error: `exit ${r.status ?? r.signal}` };
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Run;
}

const fmt = (r: Run | { error: string }) =>
  'error' in r
    ? r.error.padEnd(30)
    : `${(r.ms / 1000).toFixed(1).padStart(7)} s ${r.maxRssMb.toFixed(0).padStart(6)} MB`;

const results: string[] = [];
for (const n of [...new Set([small, big])].sort((a, b) => a - b)) {
  const dir = mkdtempSync(join(tmpdir(), 'stance-export-bench-'));
  try {
    const corpus = join(dir, 'corpus');
    const t0 = performance.now();
    const made = generateCorpus(corpus, n);
    process.stderr.write(
      `generated ${made.sentences} sentences, ${made.documents} documents, ${made.events} events in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    const stream = runChild('stream', corpus, join(dir, 'out-stream'));
    process.stderr.write('naive peer (loadCorpus + readAllLogs + one JSON.stringify)...\n');
    const naive = runChild('naive', corpus, join(dir, 'out-naive'));
    let ratio = '';
    if (!('error' in stream) && !('error' in naive)) {
      ratio = `time ×${(stream.ms / naive.ms).toFixed(2)}, peak memory ×${(stream.maxRssMb / naive.maxRssMb).toFixed(2)} (streaming / naive)`;
    }
    const rows = 'error' in stream ? '' : `${stream.rows} rows`;
    results.push(
      `${String(made.sentences).padStart(8)} sentences  streaming ${fmt(stream)}  naive ${fmt(naive)}  ${ratio}  ${rows}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.stdout.write(`export benchmark (wall time, peak RSS)\n${results.join('\n')}\n`);
