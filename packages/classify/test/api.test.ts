import { describe, expect, it } from 'vitest';
import * as api from '../src/index.ts';

describe('@stance/classify', () => {
  it('exposes the public api', () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "CUE_RULES",
        "DEFAULT_FEATURES",
        "MODEL_FORMAT_VERSION",
        "USE_ENCODER_ID",
        "commentaryProfile",
        "endsInQuote",
        "examplesSha256",
        "findCues",
        "labelDocument",
        "labelSentence",
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
