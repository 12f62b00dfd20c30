import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Label } from '@stance/schema';
import { isLabel, LABELS, StanceError } from '@stance/schema';
import { writeFileAtomic } from '@stance/store';
import { plainObject, stringField } from './plain-object.ts';
import { readJsonl } from './read-jsonl.ts';

/** The file of reference labels inside a corpus folder. */
export const GOLD_FILE = 'gold.jsonl';

/** A reference label: the sentence id, the hash of the text it was given for, the label, and that text. */
export interface GoldLabel {
  sentence: string;
  textHash: string;
  label: Label;
  text: string;
}

/** Check one line of `gold.jsonl`. */
function validateGold(value: unknown, where: string): GoldLabel {
  const object = plainObject(value, where, 'a gold label');
  const label = object['label'];
  if (!isLabel(label)) throw new StanceError(`label must be one of ${LABELS.join(', ')}`, { where });
  return {
    sentence: stringField(object, 'sentence', where),
    textHash: stringField(object, 'textHash', where),
    label,
    text: stringField(object, 'text', where),
  };
}

/** The gold labels of the corpus at `dir` (`gold.jsonl`; none when the file is absent); errors name file:line. */
export function readGold(dir: string): GoldLabel[] {
  const path = join(dir, GOLD_FILE);
  if (!existsSync(path)) return [];
  const seen = new Set<string>();
  // Checked per line so the error names the line of the second label.
  const labels = readJsonl(path, (value, where) => {
    const gold = validateGold(value, where);
    if (seen.has(gold.sentence)) throw new StanceError(`sentence ${gold.sentence} has a second gold label`, { where });
    seen.add(gold.sentence);
    return gold;
  });
  return labels;
}

/** Replace the corpus's `gold.jsonl` atomically, one label a line with keys in a fixed order. */
export function writeGold(dir: string, labels: readonly GoldLabel[]): void {
  const lines = labels.map((g) =>
    JSON.stringify({ sentence: g.sentence, textHash: g.textHash, label: g.label, text: g.text }),
  );
  writeFileAtomic(join(dir, GOLD_FILE), lines.length ? `${lines.join('\n')}\n` : '');
}
