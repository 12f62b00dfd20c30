import { describe, expect, it } from 'vitest';
import * as api from '../src/index.ts';

describe('@stance/classify', () => {
  it('exposes the public api', () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "CUE_RULES",
        "DEFAULT_FEATURES",
        "DEFAULT_RECIPE",
        "MODEL_FORMAT_VERSION",
        "PROBE_SENTENCES",
        "USE_ENCODER_ID",
        "buildLabeller",
        "checkHybridExamples",
        "combineComponents",
        "commentaryProfile",
        "createUseEncoder",
        "defaultLabeller",
        "endsInQuote",
        "examplesSha256",
        "findCues",
        "labelDocument",
        "labelSentence",
        "labellerFromData",
        "labellerFromJson",
        "modelFromJson",
        "modelToJson",
        "predictTexts",
        "rulesModel",
        "train",
        "trainModel",
        "useEncoder",
        "viewSentence",
      ]
    `);
  });
});
