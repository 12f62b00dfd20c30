import { describe, expect, it } from 'vitest';
import { quoteContext } from '../src/context.ts';
import { defaultLabeller, endsInQuote, labelDocument, rulesModel, train } from '../src/index.ts';

// A blogger reproduces a news story as a Markdown block quotation, then comments on it (the sentences as
// @stance/text's segment gives them, and its blockQuoted's flags: the lead-in before the block counts too).
const POST = [
  'I read this in the paper today:',
  '> The council approved a 4.5% fare rise on Tuesday.',
  'Officials expect revenue to grow by 12% next year.',
  'The operator welcomed the decision.',
  'Frankly, this is a disgrace.',
  'The fares rose by 4.5% on Tuesday.',
];
const BLOCK = [true, true, true, true, false, false];

describe('block quotations (PredictOptions.blockQuoted)', () => {
  it('the rules and the default labeller label every sentence of this block quotation quote, and its lead-in', () => {
    for (const model of [rulesModel, defaultLabeller()]) {
      const labels = model.predict(POST, { blockQuoted: BLOCK }).map((p) => p.label);
      expect(labels.slice(0, 4)).toEqual(['quote', 'quote', 'quote', 'quote']);
      // Without the flags the story's plain statements are not quotes: the flags, not the words, decide.
      expect(model.predict(POST).map((p) => p.label)).not.toEqual(labels);
    }
    expect(labelDocument(POST, false, BLOCK).map((p) => p.label)).toEqual(
      rulesModel.predict(POST, { blockQuoted: BLOCK }).map((p) => p.label),
    );
  });

  // Regression: the `***` between two paragraphs of a blogger's reproduced story (UD EWT dev) was labelled quote.
  it('a sentence of no words inside a quotation is skip, not quote', () => {
    const texts = ['From the AP comes this story:', 'The president nominated two judges.', '***', 'Both are judges.'];
    for (const model of [rulesModel, defaultLabeller()]) {
      expect(model.predict(texts, { blockQuoted: [true, true, true, true] })[2]!.label).toBe('skip');
      expect(model.predict(['“We will fight it.', '***', 'And win,” she said.'])[1]!.label).toBe('skip');
    }
  });

  it('a quotation mark left open inside a block quotation ends with it', () => {
    const texts = ['> He said: “We will fight it.', 'And we will win.', 'The vote is on Tuesday.'];
    const blocks = [true, true, false];
    expect(quoteContext(texts, undefined, false, blocks)).toEqual([true, true, false]);
    expect(endsInQuote(texts, false, blocks)).toBe(false);
    expect(defaultLabeller().predict(texts, { blockQuoted: blocks })[2]!.label).toBe('fact');
  });

  it('labels a post split into two calls (each told what the one before left open) as in one call', () => {
    for (const model of [rulesModel, defaultLabeller()]) {
      const whole = model.predict(POST, { blockQuoted: BLOCK });
      for (let cut = 1; cut < POST.length; cut++) {
        const head = model.predict(POST.slice(0, cut), { blockQuoted: BLOCK.slice(0, cut) });
        const startsInQuote = endsInQuote(POST.slice(0, cut), false, BLOCK.slice(0, cut));
        const tail = model.predict(POST.slice(cut), { startsInQuote, blockQuoted: BLOCK.slice(cut) });
        expect([...head, ...tail]).toEqual(whole);
      }
    }
  });

  it('a trained model reads a block-quoted sentence as inside a quotation, with or without the rule cues', () => {
    const examples = [
      { text: '“We will fight it,” she said.', label: 'quote', doc: 'a' },
      { text: 'The vote is on Tuesday.', label: 'fact', doc: 'a' },
      { text: '“It is a disgrace.', label: 'quote', doc: 'b' },
      { text: 'Nobody asked the riders.', label: 'quote', doc: 'b' },
      { text: 'They never do,” he said.', label: 'quote', doc: 'b' },
      { text: 'The fares rose on Tuesday.', label: 'fact', doc: 'c' },
      { text: 'The council met on Monday.', label: 'fact', doc: 'c' },
    ];
    for (const cues of [true, false]) {
      const model = train('logreg', examples, { features: { cues } });
      const texts = ['The council met on Monday.', 'The fares rose on Tuesday.'];
      const inBlock = model.predict(texts, { blockQuoted: [true, true] });
      const plain = model.predict(texts);
      expect(inBlock.map((p, i) => p.scores.quote! > plain[i]!.scores.quote!)).toEqual([true, true]);
    }
  });

  // Regression: training read every example as outside any block quotation, so a team's labels on a `>` paragraph
  // taught a model nothing about the layout that its predictions then read.
  it('training reads an example that sits in a quotation the layout shows (Example.quoted) as prediction reads it', () => {
    const story = ['The council met on Monday.', 'The fares rose on Tuesday.', 'The depot opened in May.'];
    const examples = ['a', 'b', 'c', 'd'].flatMap((doc) => [
      ...story.map((text) => ({ text, label: 'quote', doc, quoted: true })),
      ...story.map((text) => ({ text, label: 'fact', doc })),
    ]);
    for (const cues of [true, false]) {
      const model = train('logreg', examples, { features: { cues } });
      const inBlock = model.predict(story, { blockQuoted: [true, true, true] }).map((p) => p.label);
      const plain = model.predict(story).map((p) => p.label);
      expect([inBlock, plain]).toEqual([
        ['quote', 'quote', 'quote'],
        ['fact', 'fact', 'fact'],
      ]);
    }
  });
});
