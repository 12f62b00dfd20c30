// `pnpm build:model`: rebuild the shipped default labeller from the public data in ../shared/eval (never copied into
// the repository). Settings are chosen by cross-validation on train data only; the weights file records the data's
// SHA-256s, the recipe version, the choices and probe predictions. `--check` only says whether the shipped file is
// current (same data hashes and recipe), without training. `--out FILE` writes elsewhere (the bench compares).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildFile, Example, LabellerData } from '../src/index.ts';
import { buildLabeller, DEFAULT_RECIPE } from '../src/index.ts';
import { wordVectors } from '../src/word-vectors/load.ts';
import { truncateWordVectors, wordVectorsFromBytes, wordVectorsFromData } from '../src/word-vectors/word-vectors.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../..');
const EVAL = resolve(ROOT, '../shared/eval');
const SHIPPED = resolve(HERE, '../weights/default-labeller.json');

/** Every file the recipe names, once, in recipe order. */
export function recipeFiles(): string[] {
  const { opinion, quote } = DEFAULT_RECIPE;
  return [...new Set([...opinion.selectOn, ...opinion.fitOn, ...quote.selectOn, ...quote.fitOn])];
}

/** Read one training file: its hash, counts and examples (`doc` kept, so quotations carry over within an article). */
function readFile(name: string): BuildFile {
  const path = resolve(EVAL, name);
  if (!existsSync(path)) throw new Error(`build:model: ${name} not found in ../shared/eval`);
  const bytes = readFileSync(path);
  const examples: Example[] = bytes
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const r = JSON.parse(l) as { text: string; label: string; doc?: string };
      return r.doc === undefined ? { text: r.text, label: r.label } : { text: r.text, label: r.label, doc: r.doc };
    });
  const counts: Record<string, number> = {};
  for (const e of examples) counts[e.label] = (counts[e.label] ?? 0) + 1;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { file: { name, sha256, examples: examples.length, counts }, examples };
}

/** Reasons the shipped file is not current (empty when it is). */
function staleness(shipped: LabellerData): string[] {
  const out: string[] = [];
  if (shipped.wordVectors !== undefined && shipped.wordVectors !== wordVectors().id)
    out.push(`built with word vectors ${shipped.wordVectors}, the shipped table is ${wordVectors().id}`);
  if (shipped.training.recipe !== DEFAULT_RECIPE.version)
    out.push(`recipe ${shipped.training.recipe}, the code is at ${DEFAULT_RECIPE.version}`);
  for (const name of recipeFiles()) {
    const recorded = shipped.training.files.find((f) => f.name === name);
    const path = resolve(EVAL, name);
    if (!recorded) out.push(`${name} is not recorded`);
    else if (existsSync(path) && createHash('sha256').update(readFileSync(path)).digest('hex') !== recorded.sha256)
      out.push(`${name} has changed since the build`);
  }
  return out;
}

const args = process.argv.slice(2);
if (args.includes('--check')) {
  const stale = staleness(JSON.parse(readFileSync(SHIPPED, 'utf8')) as LabellerData);
  for (const s of stale) console.error(`build:model: stale: ${s}`);
  console.error(stale.length ? 'build:model: run `pnpm build:model`' : 'build:model: the shipped weights are current');
  process.exit(stale.length ? 1 : 0);
}
const outAt = args.indexOf('--out');
const out =
  outAt >= 0 && args[outAt + 1] ? resolve(process.env['INIT_CWD'] ?? process.cwd(), args[outAt + 1]!) : SHIPPED;
const started = performance.now();
const files = recipeFiles().map(readFile);
// `--words N`: build with the shipped table cut to its N most frequent words (to compare table sizes by CV; such a
// labeller needs that table, so it is for experiments only, with --out).
const wordsAt = args.indexOf('--words');
const table =
  wordsAt >= 0
    ? wordVectorsFromData(
        truncateWordVectors(
          wordVectorsFromBytes(readFileSync(resolve(HERE, '../weights/word-vectors.bin'))),
          Number(args[wordsAt + 1]),
        ),
      )
    : wordVectors();
const data = buildLabeller(files, DEFAULT_RECIPE, (line) => console.error(`build:model: ${line}`), table);
const json = `${JSON.stringify(data)}\n`;
// Atomic: a half-written weights file would break every command that labels.
const tmp = `${out}.tmp-${process.pid}`;
writeFileSync(tmp, json);
renameSync(tmp, out);
console.error(
  `build:model: wrote ${out.startsWith(ROOT) ? out.slice(ROOT.length + 1) : out} (${(Buffer.byteLength(json) / 1024).toFixed(0)} KB) in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
