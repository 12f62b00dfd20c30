import { expect, it } from 'vitest';
import * as api from '../src/index.ts';

it('exposes the public api', () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "DATA_FILES",
      "DEFAULT_SEED",
      "DEFAULT_SPLIT",
      "DOCUMENT_FEATURES",
      "GOLD_MODES",
      "JUDGEMENT_FEATURES",
      "SENTENCE_FEATURES",
      "SPLITS",
      "buildFolderAtomically",
      "buildLabelIndex",
      "cardHeader",
      "collectJudgements",
      "corpusLogs",
      "croissant",
      "csvCell",
      "datasetCard",
      "digestFolder",
      "documentDraw",
      "escapeCsvCell",
      "exportDataset",
      "featureNames",
      "formatInterval",
      "latestAdjudication",
      "manifestText",
      "openCorpus",
      "parseManifest",
      "parseSplitRatios",
      "resolveGold",
      "sentenceGold",
      "sha256File",
      "splitOf",
    ]
  `);
});
