import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Each package and app has a README in the same shape (wooorm's section order), whose API and Types sections list
// every export of its src/index.ts and nothing else, so the README changes with the index.
const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const SECTIONS = ['What is this?', 'When should I use this?', 'Install', 'Use', 'API', 'Types', 'Related'];
const packages = ['packages', 'apps'].flatMap((group) =>
  readdirSync(join(ROOT, group))
    .filter((name) => existsSync(join(ROOT, group, name, 'package.json')))
    .map((name) => join(group, name)),
);

/** The names `src/index.ts` exports (`export { a, type B } from`, `export type { C } from`). */
function indexExports(dir: string): string[] {
  const file = join(ROOT, dir, 'src/index.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement)) continue;
    const clause = statement.exportClause;
    if (clause === undefined || !ts.isNamedExports(clause)) throw new Error(`${file}: export * is not allowed`);
    for (const element of clause.elements) names.push(element.name.text);
  }
  return names.sort();
}

/** The names a README lists in its API and Types sections: list items that start with a code span. */
function listedNames(readme: string): string[] {
  const names: string[] = [];
  let inApi = false;
  for (const line of readme.split('\n')) {
    if (line.startsWith('## ')) inApi = line === '## API' || line === '## Types';
    const match = inApi ? /^- `([A-Za-z_$][\w$]*)/.exec(line) : null;
    if (match) names.push(match[1]!);
  }
  return names.sort();
}

it('finds every package', () => {
  expect(packages.length).toBeGreaterThanOrEqual(10);
});

describe.each(packages)('%s/README.md', (dir) => {
  const path = join(ROOT, dir, 'README.md');
  const readme = existsSync(path) ? readFileSync(path, 'utf8') : '';

  it('exists, titled with the package name, with the sections in order', () => {
    expect(existsSync(path), `${dir} has no README.md`).toBe(true);
    const { name } = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as { name: string };
    expect(readme.split('\n')[0]).toBe(`# ${name}`);
    const headings = readme
      .split('\n')
      .filter((line) => line.startsWith('## '))
      .map((line) => line.slice(3));
    const known = headings.filter((h) => SECTIONS.includes(h));
    expect(known, 'sections in the order What is this?, When…, Install, Use, API, Types, Related').toEqual(
      SECTIONS.filter((s) => known.includes(s)),
    );
    for (const required of ['What is this?', 'When should I use this?', 'Use', 'API', 'Related'])
      expect(headings).toContain(required);
  });

  it('lists every export of src/index.ts, and nothing it does not export', () => {
    expect(listedNames(readme)).toEqual(indexExports(dir));
  });
});
