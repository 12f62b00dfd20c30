// README.md is built from docs/readme/: `_head.md`, then each section in the order below. Edit the sections, then run
// `node scripts/build-readme.mjs`; with `--check` it exits 1 when README.md is not current (the test suite runs that).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const ORDER = [
  '_head',
  'text',
  'corpus',
  'corpus-sample',
  'classify',
  'store',
  'annotate',
  'metrics',
  'export',
  'bench',
];
const text = `${ORDER.map((name) => readFileSync(join(root, 'docs/readme', `${name}.md`), 'utf8').trim()).join('\n\n')}\n`;
const target = join(root, 'README.md');
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== text) {
    console.error('README.md is not current: run `node scripts/build-readme.mjs`');
    process.exitCode = 1;
  }
} else {
  writeFileSync(`${target}.tmp`, text);
  renameSync(`${target}.tmp`, target);
}
