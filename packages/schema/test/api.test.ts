import { expect, it } from 'vitest';
import * as api from '../src/index.ts';

it('exposes the public api', () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "CUE_KINDS",
      "EVENT_TYPES",
      "EVENT_VERSION",
      "EXIT",
      "LABELS",
      "LABEL_KEYS",
      "STANCE_LABELS",
      "StanceError",
      "contentDocumentId",
      "docIdOf",
      "fileError",
      "fileErrorReason",
      "isLabel",
      "isStanceError",
      "isValidAnnotatorName",
      "isValidDocumentId",
      "labelIndex",
      "normalizeForId",
      "sentenceId",
      "sentenceIds",
      "shortHash",
      "spanContains",
      "textHash",
    ]
  `);
});
