import { expect, it } from 'vitest';
import * as api from '../src/index.ts';

it('exports exactly this public API', () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "BOOTSTRAP_DEFAULTS",
      "accuracyFromCounts",
      "agreementReport",
      "bootstrapCI",
      "bootstrapSumCIs",
      "classScoresFromCounts",
      "classificationReport",
      "cohenFromConfusion",
      "cohenKappa",
      "confusionMatrix",
      "fleissKappa",
      "fleissKappaPerCategory",
      "goldLabels",
      "krippendorffAlpha",
      "macroF1FromCounts",
      "mean",
      "mulberry32",
      "pairedBootstrap",
      "percentileInterval",
      "quantileSorted",
      "scoresFromConfusion",
      "sd",
      "specificAgreement",
    ]
  `);
});
