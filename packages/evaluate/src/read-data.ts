import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonl, readTextFile } from '@stance/corpus';
import { DATA_FILES } from '@stance/export';
import { StanceError } from '@stance/schema';
import type { BenchItem } from './items.ts';
import { parseItems } from './items.ts';
import type { DataFile } from './report.ts';
import type { RawJudgement } from './run-bench.ts';

/** SHA-256 (hex) of text as UTF-8. */
export function sha256Text(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Read a labelled JSONL file (`{"id","text","label","doc"?}` lines) with its SHA-256 for the report. */
export function readItemsFile(path: string, role: string, name: string = path): { items: BenchItem[]; file: DataFile } {
  const text = readTextFile(path, name);
  const items = parseItems(text, name);
  if (items.length === 0) throw new StanceError('no labelled lines', { where: name });
  return { items, file: { role, path: name, sha256: sha256Text(text), items: items.length } };
}

/** True when `path` is a folder (an exported dataset). */
export function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** Check one `judgements` row: the raw label of one annotator (adjudication decisions are not judgements). */
function judgementOf(value: unknown, where: string): RawJudgement | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new StanceError('expected a JSON object', { where });
  const v = value as Record<string, unknown>;
  if (typeof v['id'] !== 'string' || typeof v['annotator'] !== 'string' || typeof v['label'] !== 'string')
    throw new StanceError('a judgement needs "id", "annotator" and "label" (strings)', { where });
  if (v['role'] !== undefined && v['role'] !== 'annotator') return null;
  return { id: v['id'], annotator: v['annotator'], label: v['label'] };
}

/** An exported dataset read for benchmarking: train items, the evaluated split, its raw judgements, file hashes. */
export interface DatasetData {
  train: BenchItem[];
  test: BenchItem[];
  judgements: RawJudgement[];
  files: DataFile[];
}

/**
 * Read a dataset folder written by `stance export` (its layout from @stance/export's DATA_FILES): `data/train.jsonl`
 * to train on, `data/<split>.jsonl` (test by default) to evaluate, and `judgements/<split>.jsonl`, the raw annotator
 * labels, for the human ceiling. Rows carry `id`, `doc`, `text` and the gold `label` name; other columns are ignored.
 */
export function readDataset(dir: string, name: string, split: 'test' | 'validation' = 'test'): DatasetData {
  const files: DataFile[] = [];
  const train = readItemsFile(
    join(dir, DATA_FILES.sentences('train')),
    'train',
    join(name, DATA_FILES.sentences('train')),
  );
  const test = readItemsFile(join(dir, DATA_FILES.sentences(split)), split, join(name, DATA_FILES.sentences(split)));
  files.push(train.file, test.file);
  const judgements: RawJudgement[] = [];
  const judgementPath = join(dir, DATA_FILES.judgements(split));
  if (existsSync(judgementPath)) {
    const shown = join(name, DATA_FILES.judgements(split));
    const text = readTextFile(judgementPath, shown);
    for (const j of parseJsonl(text, shown, judgementOf)) if (j) judgements.push(j);
    files.push({ role: `${split} judgements`, path: shown, sha256: sha256Text(text), items: judgements.length });
  }
  return { train: train.items, test: test.items, judgements, files };
}
