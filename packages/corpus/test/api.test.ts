import { expect, test } from 'vitest';
import * as api from '../src/index.ts';

test('exposes the public API', () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "DOCUMENTS_DIR",
      "GOLD_FILE",
      "GUIDELINES_FILE",
      "RETIRED_FILE",
      "SUPPORTED_EXTENSIONS",
      "collectSources",
      "decodeUtf8",
      "documentPath",
      "documentSentences",
      "hasUtf8Bom",
      "ingestPaths",
      "isLabelSidecar",
      "isSupportedSource",
      "loadCorpus",
      "normalizeDocumentText",
      "parseJsonl",
      "parseSource",
      "readFileBytes",
      "readGold",
      "readJsonl",
      "readJsonlFile",
      "readTextFile",
      "serializeDocument",
      "syncFolder",
      "writeFileAtomic",
      "writeGold",
    ]
  `);
});
