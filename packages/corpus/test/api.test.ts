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
      "isStaleTemp",
      "isSupportedSource",
      "loadCorpus",
      "normalizeDocumentText",
      "parseJsonl",
      "parseSource",
      "parseTempName",
      "readFileBytes",
      "readGold",
      "readJsonl",
      "readTextFile",
      "removeStaleTemps",
      "serializeDocument",
      "syncFolder",
      "tempPathFor",
      "writeFileAtomic",
      "writeGold",
    ]
  `);
});
