// Builds corpus/gold.jsonl from the bundled sample (corpus/sources/<slug>.md + <slug>.labels.jsonl).
//
//   pnpm exec tsx scripts/build-sample-gold.ts           check that the segmenter splits every piece as labelled
//   pnpm exec tsx scripts/build-sample-gold.ts --write   ... and write corpus/gold.jsonl
//   pnpm exec tsx scripts/build-sample-gold.ts --check   ... and exit 1 when corpus/gold.jsonl is not current (CI)
//
// Exit codes follow the CLI: 0 ok, 1 a check failed (mismatch, stale gold), 2 bad input.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  documentSentences,
  type GoldLabel,
  parseJsonl,
  parseSource,
  readGold,
  readTextFile,
  writeGold,
} from '@stance/corpus';
import type { Label } from '@stance/schema';
import { EXIT, isLabel, isStanceError, LABELS, normalizeForId, StanceError, textHash } from '@stance/schema';

const ROOT = new URL('..', import.meta.url).pathname;
const CORPUS = join(ROOT, 'corpus');
const SOURCES = join(CORPUS, 'sources');

/** One labelled sentence as the author wrote it in `<slug>.labels.jsonl`. */
interface LabelledSentence {
  text: string;
  label: Label;
}

/** One difference between the labelled sentences and the segmenter's (1-based sentence number, texts or null). */
interface Mismatch {
  n: number;
  expected: string | null;
  got: string | null;
}

/** Parse `<slug>.labels.jsonl`; errors name file:line. */
function parseLabels(content: string, name: string): LabelledSentence[] {
  return parseJsonl<LabelledSentence>(content, name, (value, where) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new StanceError('expected an object {"text", "label"}', { where });
    const { text, label } = value as Record<string, unknown>;
    if (typeof text !== 'string' || text.trim() === '')
      throw new StanceError('text must be a non-empty string', { where });
    if (!isLabel(label)) throw new StanceError(`label must be one of ${LABELS.join(', ')}`, { where });
    return { text, label };
  });
}

/**
 * Align expected and segmented texts (white space folded) by longest common subsequence and list what does not
 * line up; a plain index-by-index comparison would report every sentence after one bad split.
 */
function diffSentences(expected: readonly string[], got: readonly string[]): Mismatch[] {
  const a = expected.map(normalizeForId);
  const b = got.map(normalizeForId);
  // lcs[i][j] = length of the LCS of a[i..] and b[j..]; pieces are tens of sentences, so quadratic is nothing.
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: Mismatch[] = [];
  let i = 0;
  let j = 0;
  let runA: number[] = [];
  let runB: number[] = [];
  // Pairs up each run of unmatched expected sentences with the run of unmatched segments at the same place.
  const flush = () => {
    for (let k = 0; k < Math.max(runA.length, runB.length); k++) {
      const ai = runA[k];
      const bj = runB[k];
      out.push({
        n: (ai ?? runA.at(-1) ?? i - 1) + 1,
        expected: ai === undefined ? null : (a[ai] ?? null),
        got: bj === undefined ? null : (b[bj] ?? null),
      });
    }
    runA = [];
    runB = [];
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) runA.push(i++);
    else runB.push(j++);
  }
  flush();
  return out;
}

/** Quote a sentence for a one-line report. */
function show(text: string | null): string {
  return text === null ? '(nothing)' : JSON.stringify(text);
}

/** Build the gold labels of every source, or report the mismatches with the segmenter. */
function build(): { gold: GoldLabel[]; mismatches: string[]; documents: number } {
  const slugs = readdirSync(SOURCES)
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3))
    .sort();
  const orphan = readdirSync(SOURCES).find((f) => f.endsWith('.labels.jsonl') && !slugs.includes(f.slice(0, -13)));
  if (orphan) throw new StanceError('labels without a matching .md piece', { where: `corpus/sources/${orphan}` });
  const gold: GoldLabel[] = [];
  const mismatches: string[] = [];
  for (const slug of slugs) {
    const name = `corpus/sources/${slug}.md`;
    // Parsed and segmented exactly as `stance ingest` does, so the gold ids are the ids the corpus gives.
    const parsed = parseSource(name, readTextFile(join(SOURCES, `${slug}.md`), name));
    const doc = parsed[0]?.document;
    if (!doc || doc.id !== slug)
      throw new StanceError(`the file name is not a usable document id (ingest would call it ${doc?.id})`, {
        where: name,
      });
    const labelsName = `corpus/sources/${slug}.labels.jsonl`;
    const labelled = parseLabels(readTextFile(join(SOURCES, `${slug}.labels.jsonl`), labelsName), labelsName);
    const sentences = documentSentences(doc);
    const diff = diffSentences(
      labelled.map((l) => l.text),
      sentences.map((s) => s.text),
    );
    for (const m of diff) mismatches.push(`${slug}:${m.n}: expected ${show(m.expected)} got ${show(m.got)}`);
    if (diff.length > 0) continue;
    for (const [k, l] of labelled.entries()) {
      const sentence = sentences[k]!;
      gold.push({
        sentence: sentence.id,
        textHash: textHash(sentence.text),
        label: l.label,
        text: normalizeForId(sentence.text),
      });
    }
  }
  return { gold, mismatches, documents: slugs.length };
}

/** True when the corpus's gold.jsonl holds exactly `gold`, in order; a gold file that does not parse is not current. */
function goldIsCurrent(gold: readonly GoldLabel[]): boolean {
  try {
    return isDeepStrictEqual(readGold(CORPUS), gold);
  } catch (error) {
    if (isStanceError(error)) return false;
    throw error;
  }
}

/** Run with the command-line flags; returns the exit code. */
function main(argv: readonly string[]): number {
  const unknown = argv.filter((a) => a !== '--write' && a !== '--check');
  if (unknown.length > 0) throw new StanceError(`unknown option ${unknown[0]} (expected --write or --check)`, {});
  const { gold, mismatches, documents } = build();
  for (const line of mismatches) process.stderr.write(`${line}\n`);
  if (mismatches.length > 0) {
    process.stderr.write(`${mismatches.length} mismatch(es) between the labels and the segmenter; gold not built\n`);
    return EXIT.checkFailed;
  }
  if (argv.includes('--check') && !goldIsCurrent(gold)) {
    process.stderr.write('corpus/gold.jsonl is not current: run pnpm exec tsx scripts/build-sample-gold.ts --write\n');
    return EXIT.checkFailed;
  }
  if (argv.includes('--write')) writeGold(CORPUS, gold);
  const sentences = gold.length;
  process.stderr.write(
    `${documents} documents, ${sentences} sentences match the segmenter${argv.includes('--write') ? '; wrote corpus/gold.jsonl' : ''}\n`,
  );
  return EXIT.ok;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!isStanceError(error)) throw error;
  process.stderr.write(`build-sample-gold: ${error.toLine()}\n`);
  process.exitCode = error.exitCode;
}
