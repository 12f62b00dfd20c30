import { expect, test } from 'vitest';
import * as api from '../src/index.ts';

test('exposes the public api', () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "blockQuoted",
      "segment",
      "stripControl",
      "tokenize",
      "words",
    ]
  `);
});
