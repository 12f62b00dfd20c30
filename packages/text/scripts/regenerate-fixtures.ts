// Rewrites test/fixtures/*.json from the current segmenter, keeping each fixture's `source` note. Run it after a rule
// change, then read the diff: every changed sentence must be a fix, not a regression.
//   pnpm exec tsx packages/text/scripts/regenerate-fixtures.ts
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { segment } from '../src/segment.ts';

const dir = join(import.meta.dirname, '../test/fixtures');
for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
  const jsonPath = join(dir, name.replace(/\.txt$/, '.json'));
  const old = existsSync(jsonPath) ? (JSON.parse(readFileSync(jsonPath, 'utf8')) as { source?: string }) : {};
  const text = readFileSync(join(dir, name), 'utf8');
  const source = old.source ?? 'Written for stance tests by the team (no outside text).';
  const sentences = segment(text).map((s) => s.text);
  writeFileSync(jsonPath, `${JSON.stringify({ source, sentences }, null, 2)}\n`);
  process.stdout.write(`${name}: ${sentences.length} sentences\n`);
}
