import { expect, it } from 'vitest';
import * as api from '../src/index.ts';

it('exposes the public api', () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "annotationsDir",
      "annotatorLogPath",
      "findStale",
      "flagEventOf",
      "foldFlags",
      "foldLabelEvents",
      "foldLabels",
      "foldLogFile",
      "foldNotes",
      "isAnnotationEvent",
      "isStaleTemp",
      "listAnnotatorLogs",
      "openAnnotatorLog",
      "parseTempName",
      "readAllLogs",
      "readAnnotatorLog",
      "removeStaleTemps",
      "retractedIds",
      "syncFolder",
      "tempPathFor",
      "undoTarget",
      "writeFileAtomic",
    ]
  `);
});
