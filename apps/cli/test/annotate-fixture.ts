import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');

/** A small corpus in a temp folder: two stored documents (4 + 3 sentences) and the bundled guidelines. */
export function smallCorpusDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stance-annotate-cli-'));
  mkdirSync(join(dir, 'documents'));
  const docs = {
    council: [
      'The council vote',
      'The council voted 7-2 on Tuesday to close the depot. “We had no choice,” the mayor said. This was a shameful decision. Critics argue the plan is reckless.',
    ],
    rates: [
      'Rates and you',
      'Inflation fell to 2.1% in March. The bank should cut rates now. Nobody knows what comes next.',
    ],
  };
  for (const [id, [title, text]] of Object.entries(docs))
    writeFileSync(join(dir, 'documents', `${id}.json`), `${JSON.stringify({ id, title, text }, null, 2)}\n`);
  const guidelines = join(ROOT, 'corpus', 'GUIDELINES.md');
  if (existsSync(guidelines)) copyFileSync(guidelines, join(dir, 'GUIDELINES.md'));
  else writeFileSync(join(dir, 'GUIDELINES.md'), '# Guidelines\n\nVersion: 1.0\n');
  return dir;
}

/**
 * A corpus in a temp folder with one document of `count` short numbered sentences (made up here, for tests that
 * label many sentences in a row), and the bundled guidelines.
 */
export function numberedCorpusDir(count: number): string {
  const dir = smallCorpusDir();
  const text = Array.from({ length: count }, (_, i) => `Line ${i + 1} of the minutes was read aloud.`).join(' ');
  writeFileSync(
    join(dir, 'documents', 'council.json'),
    `${JSON.stringify({ id: 'council', title: 'Numbered lines', text }, null, 2)}\n`,
  );
  return dir;
}

/** A corpus in a temp folder holding these documents (id → title and text) and the bundled guidelines. */
export function corpusWith(docs: Record<string, { title: string; text: string }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'stance-annotate-cli-'));
  mkdirSync(join(dir, 'documents'));
  for (const [id, { title, text }] of Object.entries(docs))
    writeFileSync(join(dir, 'documents', `${id}.json`), `${JSON.stringify({ id, title, text }, null, 2)}\n`);
  const guidelines = join(ROOT, 'corpus', 'GUIDELINES.md');
  if (existsSync(guidelines)) copyFileSync(guidelines, join(dir, 'GUIDELINES.md'));
  else writeFileSync(join(dir, 'GUIDELINES.md'), '# Guidelines\n\nVersion: 1.0\n');
  return dir;
}
