// Relative links between the repository's Markdown pages, and whether each one still lands: on a file that exists
// and, when it names one, on a heading of that page. Written here because the link checkers on npm fetch URLs or
// need a browser; this only reads files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** A relative link in a page: where it points, and the page's line it is on (1-based). */
export interface PageLink {
  target: string;
  line: number;
}

/** The page's lines, with fenced code blocks blanked (a link or heading inside one is an example, not a link). */
function proseLines(text: string): string[] {
  let fenced = false;
  return text.split('\n').map((line) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line;
  });
}

/** Relative links of a page (`[text](target)`), leaving out URLs with a scheme (https:, mailto:). */
export function pageLinks(text: string): PageLink[] {
  const out: PageLink[] = [];
  proseLines(text).forEach((line, i) => {
    // Inline code is not a link either.
    const prose = line.replace(/`[^`]*`/g, '');
    for (const m of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1]!;
      if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) out.push({ target, line: i + 1 });
    }
  });
  return out;
}

/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function headingAnchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of proseLines(text)) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = m[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

// Each linked page's anchors, read once however many links point at it.
const anchorsOf = new Map<string, Set<string>>();
function anchors(path: string): Set<string> {
  let found = anchorsOf.get(path);
  if (!found) {
    found = headingAnchors(readFileSync(path, 'utf8'));
    anchorsOf.set(path, found);
  }
  return found;
}

/** Problems with the links of the page at `path` (a file under `root`), as `page:line: message`. */
export function brokenLinks(root: string, path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const where = relative(root, path);
  const out: string[] = [];
  for (const { target, line } of pageLinks(text)) {
    const [file = '', anchor] = target.split('#', 2);
    const to = file === '' ? path : resolve(dirname(path), decodeURIComponent(file));
    if (!existsSync(to)) {
      out.push(`${where}:${line}: ${target}: no such file`);
      continue;
    }
    if (anchor !== undefined && to.endsWith('.md') && !anchors(to).has(anchor))
      out.push(`${where}:${line}: ${target}: no heading #${anchor} in ${relative(root, to)}`);
  }
  return out;
}

// Folders that hold no page of ours: installed packages, build output, caches, local experiments.
const SKIP = new Set(['node_modules', 'dist', '.turbo', '.git', 'scratch', 'coverage']);

/** Every Markdown page under `root`, skipping installed packages, build output and caches. */
export function markdownPages(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : markdownPages(root, join(dir, entry.name));
    return entry.name.endsWith('.md') ? [join(dir, entry.name)] : [];
  });
}
