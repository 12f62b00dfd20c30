import { parseJsonl } from '@stance/corpus';
import { docIdOf, StanceError } from '@stance/schema';

/** One labelled sentence of a benchmark: a JSONL line `{"id","text","label","doc"?}` (or a corpus gold line). */
export interface BenchItem {
  id: string;
  text: string;
  label: string;
  /** Document id; sentences of one document are resampled and folded together. */
  doc?: string;
}

/** Check one JSONL value as a bench item; `id` may be a number (kept as its decimal string). */
function toItem(value: unknown, where: string): BenchItem {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new StanceError('expected a JSON object {"id","text","label","doc"?}', { where });
  const v = value as Record<string, unknown>;
  // Corpus gold lines ({"sentence","textHash","label","text"}) work too: the sentence id names its document.
  const sentence = typeof v['sentence'] === 'string' ? v['sentence'] : undefined;
  const id = v['id'] ?? sentence;
  if (typeof id !== 'string' && typeof id !== 'number') throw new StanceError('missing "id" (string)', { where });
  if (typeof v['text'] !== 'string') throw new StanceError('missing "text" (string)', { where });
  const label = v['label'];
  if (typeof label !== 'string' || label === '') throw new StanceError('missing "label" (string)', { where });
  const doc = v['doc'] ?? (sentence === undefined ? undefined : docIdOf(sentence));
  if (doc !== undefined && doc !== null && typeof doc !== 'string')
    throw new StanceError('"doc" must be a string', { where });
  const item: BenchItem = { id: String(id), text: v['text'], label };
  if (typeof doc === 'string' && doc !== '') item.doc = doc;
  return item;
}

/**
 * Parse labelled JSONL text into items; errors name `name:line`. Ids must be unique within the file, since the
 * external-model protocol matches answers to questions by id.
 */
export function parseItems(text: string, name: string): BenchItem[] {
  const items = parseJsonl(text, name, toItem);
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw new StanceError(`id ${JSON.stringify(item.id)} appears twice`, { where: name });
    seen.add(item.id);
  }
  return items;
}

/** Parse `--map SUBJ=opinion,OBJ=fact` into a label map; labels not named keep their name. */
export function parseLabelMap(spec: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  if (spec === undefined) return map;
  for (const pair of spec.split(',')) {
    const m = /^\s*([^=\s]+)\s*=\s*([^=\s]+)\s*$/.exec(pair);
    if (!m) throw new StanceError(`--map takes FROM=TO pairs separated by commas, got ${JSON.stringify(pair)}`);
    map.set(m[1]!, m[2]!);
  }
  return map;
}

/** Items with their labels renamed by `map`. */
export function mapLabels(items: readonly BenchItem[], map: ReadonlyMap<string, string>): BenchItem[] {
  if (map.size === 0) return [...items];
  return items.map((item) => ({ ...item, label: map.get(item.label) ?? item.label }));
}

/** The group an item is resampled and folded with: its document, or (without one) the item alone. */
export function groupOf(item: BenchItem): string {
  return item.doc === undefined ? `\u0000item:${item.id}` : `doc:${item.doc}`;
}
