import { expect, it } from 'vitest';
import { EXIT, isLabel, isStanceError, LABELS, labelIndex, StanceError } from '../src/index.ts';

it('numbers labels by their order', () => {
  expect(LABELS.map(labelIndex)).toEqual([0, 1, 2, 3]);
  expect(isLabel('quote')).toBe(true);
  expect(isLabel('QUOTE')).toBe(false);
});

it('formats user errors as one line naming the place', () => {
  const error = new StanceError('not valid JSON', { where: 'in.jsonl:3' });
  expect(error.toLine()).toBe('in.jsonl:3: not valid JSON');
  expect(error.exitCode).toBe(EXIT.badInput);
  expect(isStanceError(error)).toBe(true);
  expect(isStanceError(new Error('x'))).toBe(false);
});
