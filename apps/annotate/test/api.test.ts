import { describe, expect, it } from 'vitest';
import * as api from '../src/index.ts';

describe('@stance/annotate', () => {
  it('exposes the public api', () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "App",
        "DEFAULT_IDLE_CAP_MS",
        "LABEL_FOR_KEY",
        "MIN_SIZE",
        "RANK_INLINE_MAX",
        "adjudicationEvents",
        "annotatorConfigPath",
        "askAnnotatorName",
        "createSession",
        "createSuggester",
        "disagreementQueue",
        "documentOrder",
        "indexCorpus",
        "initialState",
        "intentForKey",
        "judgementEvents",
        "limitHeapGrowth",
        "loadStartModel",
        "reducer",
        "rememberAnnotator",
        "rememberedAnnotator",
        "runAnnotate",
        "spawnLearnWorkerEarly",
        "uncertainOrder",
      ]
    `);
  });
});
