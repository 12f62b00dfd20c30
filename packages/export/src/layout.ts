import type { Split } from './splits.ts';

/** Where each file of an exported dataset lives, relative to the dataset folder. */
export const DATA_FILES = {
  sentences: (split: Split) => `data/${split}.jsonl`,
  sentencesCsv: (split: Split) => `data/${split}.csv`,
  judgements: (split: Split) => `judgements/${split}.jsonl`,
  documents: (split: Split) => `documents/${split}.jsonl`,
  excluded: 'excluded.jsonl',
  card: 'README.md',
  croissant: 'croissant.json',
  manifest: 'MANIFEST.sha256',
} as const;
