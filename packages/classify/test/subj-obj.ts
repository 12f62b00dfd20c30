import type { Example } from '../src/index.ts';

// A small two-label set in the CheckThat shape: any label strings must work, not only fact/quote/opinion/skip.
const SUBJ = [
  'This is a disgraceful and absurd decision.',
  'The plan is a terrible mess and nobody should defend it.',
  'Frankly, the minister has been a disaster.',
  'What a ridiculous waste of money!',
  'Surely nobody believes this nonsense any more?',
  'The new policy is brilliant and long overdue.',
  'I think the council got this badly wrong.',
  'It is a shameful episode for everyone involved.',
];
const OBJ = [
  'The council approved the budget on 12 March.',
  'Unemployment in the region was 6.1% in the third quarter.',
  'The bridge opened in 2021 at a cost of $12 million.',
  'The ministry published the figures on Tuesday.',
  'About 300 people work at the plant.',
  'The vote was 52 to 48.',
  'The report runs to 90 pages.',
  'Police recorded 31 collisions on the bridge in 2025.',
];
/** SUBJ then OBJ examples. */
export const examples: Example[] = [
  ...SUBJ.map((text) => ({ text, label: 'SUBJ' })),
  ...OBJ.map((text) => ({ text, label: 'OBJ' })),
];
