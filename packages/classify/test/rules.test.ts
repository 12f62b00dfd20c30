import { readFileSync } from 'node:fs';
import type { Label } from '@stance/schema';
import { CUE_KINDS, LABELS } from '@stance/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUE_RULES, labelDocument, labelSentence } from '../src/index.ts';

const here = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

/** The worked examples of corpus/GUIDELINES.md (v1.0) with the labels the guidelines give them. */
const guidelineCases = readFileSync(here('guideline-cases.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { text: string; label: Label; gap?: string });

const kindsOf = (text: string) => [...new Set(labelSentence(text).cues.map((c) => c.kind))].sort();
const cueTexts = (text: string) => labelSentence(text).cues.map((c) => `${c.kind}:${text.slice(c.start, c.end)}`);

describe('labelSentence: one cue family each', () => {
  it.each([
    ['quotation', '“The economy is strong and growing,” he said.'],
    ['attribution', '“The economy is strong and growing,” he said.'],
    ['reported-speech', 'The minister said that the plan would cut costs.'],
    ['hedge', 'The board probably knew about it.'],
    ['modal', 'The plan could fail.'],
    ['recommendation', 'Voters should ask where the money comes from.'],
    ['prediction', 'The scheme is bound to collapse.'],
    ['evaluative', 'The new timetable is a mess.'],
    ['intensifier', 'The plan is extremely expensive.'],
    ['first-person', 'I think the plan works.'],
    ['rhetorical-question', 'Who asked for a fourth stadium?'],
    ['exclamation', 'What a disaster!'],
    ['superlative', 'This is the worst budget in decades.'],
    ['date', 'The council met on 12 March 2025.'],
    ['number', 'Unemployment was 6.1% in the region.'],
    ['named-source', 'Figures from the Bank of England show a rise.'],
    ['fragment', 'Advertisement'],
  ] as const)('%s: %s', (kind, text) => {
    expect(kindsOf(text)).toContain(kind);
  });

  it('runs one rule per cue kind, in a fixed order', () => {
    expect(CUE_RULES.map((r) => r.kind)).toMatchInlineSnapshot(`
      [
        "quotation",
        "attribution",
        "reported-speech",
        "hedge",
        "modal",
        "recommendation",
        "prediction",
        "evaluative",
        "intensifier",
        "first-person",
        "rhetorical-question",
        "exclamation",
        "superlative",
        "date",
        "number",
        "named-source",
        "fragment",
      ]
    `);
    for (const r of CUE_RULES) expect(CUE_KINDS).toContain(r.kind);
  });
});

describe('labelSentence: hard cases', () => {
  // Regression: blog furniture nobody wrote as a claim was labelled fact (two GUM essays in real-dev): a picture's
  // credit under a free licence and a line of hashtags are skip, by the guidelines' credits and boilerplate.
  it.each([
    '“Hunting Wooly Mammoth” by http://cloudinary.com is licensed under CC BY-SA 4.0',
    '"Andrews clutch job" by Bob n Renee is licensed under CC BY 2.0',
    'Photo by Ana Ruiz, licensed under a Creative Commons Attribution licence.',
    '#science #health #advice #food #research #history',
    '#MeToo, #TimesUp',
  ])('a credit or hashtag line is skip: %s', (text) => {
    const p = labelSentence(text);
    expect(p.label).toBe('skip');
    expect(p.cues.map((c) => c.kind)).toContain('fragment');
  });

  // Regression: a long title without a full stop was labelled as a claim (a GUM essay's `To Feel Happier, We Have to
  // Resolve to the Life We Evolved to Live` came out opinion): headings are skip, however long.
  it.each([
    'To Feel Happier, We Have to Resolve to the Life We Evolved to Live',
    'How to Wash Overalls in a Washing Machine',
    'Why the Division of Labor Increases Production',
  ])('a title-case line without a full stop is a heading: %s', (text) => {
    expect(labelSentence(text).label).toBe('skip');
  });

  it('a sentence-case line, a title with a full stop, or a quoted title is not a heading', () => {
    expect(labelSentence('the council should start again before the vote').label).not.toBe('skip');
    expect(labelSentence('How to Wash Overalls in a Washing Machine.').label).not.toBe('skip');
    expect(labelSentence('“We Will Fight Them on the Beaches and Win”').label).not.toBe('skip');
  });

  // Regression: the bundled sample's blog bylines (`Posted by Jonah Vettel, 14 October 2026`) were labelled fact, the
  // date and figures of a timestamp outweighing the byline; a byline in a reproduced post was labelled quote.
  it.each([
    'Posted by Jonah Vettel, 14 October 2026',
    'Posted by Ms. Carys Bellweather, history teacher',
    'Posted by Hidden Nook to Hidden Nook at 3/9/2005 11:16:00 PM',
    'Filed under: Politics, Transport',
  ])('a blog byline is skip, inside a reproduced post too: %s', (text) => {
    expect(labelSentence(text).label).toBe('skip');
    expect(labelSentence(text, { inQuote: true }).label).toBe('skip');
  });

  it('a sharing prompt is skip', () => {
    expect(labelSentence('Like this:').label).toBe('skip');
  });

  it('a sentence about posting or filing is not a byline', () => {
    const long =
      'Posted by hand to every councillor in the borough, the letter asks for a public vote on the new fares before May.';
    expect(labelSentence(long).label).not.toBe('skip');
    expect(labelSentence('Written in 1848, the manifesto is still a bestseller.').label).not.toBe('skip');
  });

  it('a sentence that mentions a licence or a hashtag is not a credit line', () => {
    expect(labelSentence('The #MeToo movement changed how newsrooms work.').label).not.toBe('skip');
    expect(labelSentence('The photos are free to use, the agency said.').label).not.toBe('skip');
  });

  it('the “…,” he said. pattern is a quote, with the quoted span and the verb as cues', () => {
    const text = '“We are not closing the depot,” the director said.';
    expect(labelSentence(text).label).toBe('quote');
    expect(cueTexts(text)).toMatchInlineSnapshot(`
      [
        "quotation:“We are not closing the depot,”",
        "attribution:said",
        "first-person:We",
      ]
    `);
  });

  it('reported speech without quotation marks is a quote', () => {
    expect(labelSentence('The director said that the depot would stay open.').label).toBe('quote');
    expect(labelSentence('According to the union, 40 drivers have already resigned.').label).toBe('quote');
  });

  it('"I think" is opinion; "I said that" is not reported speech', () => {
    expect(labelSentence('I think the depot should stay open.').label).toBe('opinion');
    expect(kindsOf('I said that the depot would close.')).not.toContain('reported-speech');
  });

  it('a rhetorical question is opinion, a quoted question is a quote', () => {
    expect(labelSentence('If the scheme works so well, why does the ministry hide the figures?').label).toBe('opinion');
    expect(labelSentence('“Who will pay for it?” one resident asked.').label).toBe('quote');
  });

  it('scare quotes are sarcasm (opinion), not a quotation', () => {
    const text = 'The so-called “efficiency review” closed three libraries.';
    expect(labelSentence(text).label).toBe('opinion');
    expect(kindsOf(text)).not.toContain('quotation');
  });

  it('numbers and dates make a plain statement a fact', () => {
    const p = labelSentence('The council approved the budget on 12 March by seven votes to four.');
    expect(p.label).toBe('fact');
    expect(p.cues.map((c) => c.kind)).toContain('date');
  });

  it('"May" the month is not a modal verb', () => {
    expect(kindsOf('The council scrapped the cycle lane in May.')).not.toContain('modal');
  });

  it('evaluative words inside a quotation belong to the speaker', () => {
    expect(labelSentence('“This is a disgraceful, absurd decision,” the mayor said.').label).toBe('quote');
  });

  it('labels most worked examples of the guidelines as the guidelines do', () => {
    const wrong = guidelineCases.filter((c) => labelSentence(c.text).label !== c.label);
    // Known misses (see the report): author's appended judgement after a quote, bare predictions with "will",
    // figures with a hedge, sarcasm without cue words. The list is pinned so a regression shows up as a diff.
    expect(wrong.map((c) => c.text)).toMatchInlineSnapshot(`
      [
        "The institute estimates the cost at $2.1 billion.",
        "The board probably knew about the shortfall in March.",
        "“Nobody will lose their job,” the chief executive said, a promise as solid as wet paper.",
        "Critics argue the plan is reckless, and they are right.",
        "The stadium will run over budget.",
        "The plant probably employs fewer people than the company admits.",
        "What a surprise: the consultants recommended hiring more consultants.",
      ]
    `);
  });
});

describe('labelDocument: neighbour context', () => {
  it('a quotation over three sentences makes all three quotes, the middle one without any mark', () => {
    const texts = [
      '“We tried everything.',
      'The bank would not listen.',
      'So we closed,” said the owner, Dalia Brenner.',
    ];
    expect(labelDocument(texts).map((p) => p.label)).toEqual(['quote', 'quote', 'quote']);
    expect(labelSentence(texts[1]!).label).not.toBe('quote');
  });

  it('a closed quotation does not leak into the next sentence', () => {
    const labels = labelDocument(['“We are done,” she said.', 'The vote was 52 to 48 on 3 May 2024.']);
    expect(labels.map((p) => p.label)).toEqual(['quote', 'fact']);
  });
});

describe('labelSentence: invariants', () => {
  it('cue spans lie inside the sentence, scores are shares, the label has the top score', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.boolean(), (text, inQuote) => {
        const p = labelSentence(text, { inQuote });
        for (const c of p.cues) {
          expect(c.start).toBeGreaterThanOrEqual(0);
          expect(c.end).toBeLessThanOrEqual(text.length);
          expect(c.start).toBeLessThanOrEqual(c.end);
          expect(Number.isFinite(c.weight)).toBe(true);
        }
        const scores = LABELS.map((l) => p.scores[l] ?? 0);
        expect(scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
        expect(p.confidence).toBe(p.scores[p.label]);
        expect(Math.max(...scores)).toBe(p.confidence);
      }),
    );
  });

  it('labelDocument of one sentence is labelSentence', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        expect(labelDocument([text])[0]).toEqual(labelSentence(text));
      }),
    );
  });
});

describe('labelSentence: skip', () => {
  it.each(['# The Velden Film Festival should not become a website', 'By Marco Ilunga', 'Advertisement'])(
    '%s is skip',
    (text) => {
      expect(labelSentence(text).label).toBe('skip');
    },
  );
});

describe('regressions found on the sample corpus', () => {
  it('a sentence-initial "Reports"/"Posted" is a noun or a byline, not reported speech', () => {
    expect(kindsOf('Reports of online bullying made to staff fell by about half.')).not.toContain('reported-speech');
    expect(labelSentence('Posted by Ms. Carys Bellweather, history teacher').label).not.toBe('quote');
  });

  it('an author bio at the end of a piece is skip', () => {
    expect(labelSentence('Tomas Reyl is an economist and a regular contributor.').label).toBe('skip');
  });

  it('a recommendation outweighs a date', () => {
    expect(labelSentence('It should use that right before 2029, not after.').label).toBe('opinion');
  });

  it('"I would expect" is the writer, not a reported belief', () => {
    expect(kindsOf('That is roughly what I would expect in Vellmark too.')).not.toContain('reported-speech');
  });

  it('the full stop after a name is not part of the named-source cue', () => {
    expect(cueTexts('The report was written by Dalia Brenner.')).toContain('named-source:Dalia Brenner');
  });
});
