import { expect, test } from 'vitest';
import * as api from '../src/index.ts';

test('exposes the public API', () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "ASSIGNMENTS_FILE",
      "ASSIGNMENTS_VERSION",
      "DOCUMENTS_DIR",
      "GOLD_FILE",
      "GUIDELINES_FILE",
      "MODELS_DIR",
      "RETIRED_FILE",
      "SUPPORTED_EXTENSIONS",
      "assignmentsPath",
      "checkCorpusFolder",
      "collectSources",
      "corpusModels",
      "decodeUtf8",
      "documentPath",
      "documentSentences",
      "formatAssignments",
      "hasUtf8Bom",
      "ingestPaths",
      "isLabelSidecar",
      "isSupportedSource",
      "loadCorpus",
      "modelFileName",
      "normalizeDocumentText",
      "parseAssignments",
      "parseJsonl",
      "parseSource",
      "planAssignments",
      "readAssignments",
      "readFileBytes",
      "readGold",
      "readGuideline",
      "readJsonl",
      "readStoredDocument",
      "readTextFile",
      "serializeDocument",
      "storedDocumentIds",
      "writeAssignments",
      "writeCorpusModel",
      "writeGold",
    ]
  `);
});
