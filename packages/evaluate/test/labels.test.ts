import { describe, expect, it } from 'vitest';
import { binaryOpinion, evaluationLabels, mapModelLabel, OUTSIDE, opinionLabel, parseLabelMap } from '../src/index.ts';

const items = (...labels: string[]) => labels.map((label, i) => ({ id: String(i), text: 't', label }));

describe('evaluationLabels', () => {
  it('keeps the stance labels in schema order, whatever order the lines come in', () => {
    expect(evaluationLabels(items('opinion', 'skip', 'fact'))).toEqual(['fact', 'opinion', 'skip']);
  });
  it('sorts any other label set', () => {
    expect(evaluationLabels(items('SUBJ', 'OBJ'), items('SUBJ'))).toEqual(['OBJ', 'SUBJ']);
  });
});

describe('mapModelLabel (how built-in models meet the data’s labels)', () => {
  it('maps opinion to SUBJ and everything else to OBJ on CheckThat labels', () => {
    const labels = ['OBJ', 'SUBJ'];
    expect(['fact', 'quote', 'opinion', 'skip'].map((l) => mapModelLabel(l, labels))).toEqual([
      'OBJ',
      'OBJ',
      'SUBJ',
      'OBJ',
    ]);
  });
  it('keeps opinion and maps the rest to the other class on a mapped binary set', () => {
    const labels = ['fact', 'opinion'];
    expect(['fact', 'quote', 'opinion', 'skip'].map((l) => mapModelLabel(l, labels))).toEqual([
      'fact',
      'fact',
      'opinion',
      'fact',
    ]);
    expect(binaryOpinion(['not-opinion', 'opinion'])).toEqual({ opinion: 'opinion', rest: 'not-opinion' });
  });
  it('marks a label the data lacks as outside on a multi-class set', () => {
    expect(mapModelLabel('skip', ['fact', 'quote', 'opinion'])).toBe(OUTSIDE);
    expect(mapModelLabel('quote', ['fact', 'quote', 'opinion'])).toBe('quote');
  });
  it('finds the opinion class for the document-level figure', () => {
    expect(opinionLabel(['fact', 'opinion'])).toBe('opinion');
    expect(opinionLabel(['OBJ', 'SUBJ'])).toBe('SUBJ');
    expect(opinionLabel(['POS', 'NEG'])).toBeNull();
  });
});

describe('parseLabelMap', () => {
  it('reads FROM=TO pairs', () => {
    expect([...parseLabelMap('SUBJ=opinion, OBJ=fact')]).toEqual([
      ['SUBJ', 'opinion'],
      ['OBJ', 'fact'],
    ]);
  });
  it('refuses a malformed pair with a one-line error', () => {
    expect(() => parseLabelMap('SUBJ')).toThrow('--map takes FROM=TO pairs separated by commas, got "SUBJ"');
  });
});
