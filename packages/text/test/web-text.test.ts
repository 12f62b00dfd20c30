import { describe, expect, test } from 'vitest';
import { segment } from '../src/index.ts';

const texts = (t: string) => segment(t).map((s) => s.text);

// Issue 14 (sentence boundaries on web text): one named case per rule, each written for this test in the style of
// reviews, mail and forum posts (no text taken from the evaluation data). Each failed on the segmenter before its rule.
describe('issue 14: web text', () => {
  test('split-before-lowercase: a sentence may start in lower case after a full stop or a question mark', () => {
    expect(texts('the soup was cold. the waiter never came back. where do you live? texas?')).toEqual([
      'the soup was cold.',
      'the waiter never came back.',
      'where do you live?',
      'texas?',
    ]);
  });
  test('split-before-lowercase: not after an abbreviation, a name with `!`, an ellipsis or a closing quote', () => {
    expect(
      texts(
        'Costs rose 5 bn. in the U.S. in May. He works at Yahoo! in sales. Maybe... we will see. "Fine." she said.',
      ),
    ).toEqual([
      'Costs rose 5 bn. in the U.S. in May.',
      'He works at Yahoo! in sales.',
      'Maybe... we will see.',
      '"Fine." she said.',
    ]);
  });
  test('split-before-lowercase: after a number, a closing bracket or quote, a spaced `?`, and before a URL', () => {
    expect(
      texts(
        'Call 555-0100. they know. Ask Jo (ext 12). she helps. He said "go". maybe not. Why ? why not... http://example.org',
      ),
    ).toEqual([
      'Call 555-0100.',
      'they know.',
      'Ask Jo (ext 12).',
      'she helps.',
      'He said "go".',
      'maybe not.',
      'Why ?',
      'why not...',
      'http://example.org',
    ]);
  });
  test('split-unspaced: a missing space before the pronoun I, but not before an acronym or a domain', () => {
    expect(texts('It was fine.I think so. Was it?I doubt it. Try example.IO today. I left.IBM called.')).toEqual([
      'It was fine.',
      'I think so.',
      'Was it?',
      'I doubt it.',
      'Try example.IO today.',
      'I left.IBM called.',
    ]);
  });
  test('split-before-inline-list: a list typed on one line, items holding full stops', () => {
    expect(texts('I have questions 1) which island is best. It should be near 2) can we go by boat')).toEqual([
      'I have questions',
      '1) which island is best.',
      'It should be near',
      '2) can we go by boat',
    ]);
  });
  test('split-after-emoticon: an emoticon ends the sentence it closes and stays with it', () => {
    expect(texts('Loved every minute :) we will be back. Come and join us !!! :-) Next time bring cake.')).toEqual([
      'Loved every minute :)',
      'we will be back.',
      'Come and join us !!! :-)',
      'Next time bring cake.',
    ]);
  });
  test('split-after-emoticon: a heart and upright faces too (<3, ^_^)', () => {
    expect(texts('Love this place <3 we go every week. Thanks ^_^ See you soon.')).toEqual([
      'Love this place <3',
      'we go every week.',
      'Thanks ^_^',
      'See you soon.',
    ]);
  });
  test('split-after-emoticon: times, URLs and a colon before a bracket are not emoticons', () => {
    expect(texts('Meet at 9:30 (see http://example.org/a) or call: (555) 0100 today.')).toEqual([
      'Meet at 9:30 (see http://example.org/a) or call: (555) 0100 today.',
    ]);
  });
  test('footnote marks after a full stop belong to the sentence before them', () => {
    expect(texts('He was born in Leeds. [4] He moved to York in 1990.[5][6] It rained. […] Then it stopped.')).toEqual([
      'He was born in Leeds. [4]',
      'He moved to York in 1990.[5][6]',
      'It rained. […]',
      'Then it stopped.',
    ]);
  });
  test('split-after-address: an e-mail address or URL with no punctuation ends the sentence before a new one', () => {
    expect(
      texts('Mail: sam.lee@example.com Groups: pets.cats Our site is http://example.org/pets http://example.org/cats'),
    ).toEqual([
      'Mail: sam.lee@example.com',
      'Groups: pets.cats Our site is http://example.org/pets',
      'http://example.org/cats',
    ]);
  });
  test('split-after-address: not before a name of several capitalised words or a lower-case word', () => {
    expect(texts('Ann Bell ann@example.edu Royal College of Music wrote to jo@example.com about it.')).toEqual([
      'Ann Bell ann@example.edu Royal College of Music wrote to jo@example.com about it.',
    ]);
  });
  test('split-around-timestamp: a date with a clock time in a forwarded mail header stands alone', () => {
    expect(
      texts('Pat Doe 03/14/2002 09:05 AM Can you send the draft? It was sent on 03/13/2002 04:10 PM as agreed.'),
    ).toEqual([
      'Pat Doe',
      '03/14/2002 09:05 AM',
      'Can you send the draft?',
      'It was sent on 03/13/2002 04:10 PM',
      'as agreed.',
    ]);
  });
  test('split-after-salutation: greetings and closings are sentences of their own', () => {
    expect(texts('Hi, Yes the room is free. Talk soon. Best regards, Pat Doe')).toEqual([
      'Hi,',
      'Yes the room is free.',
      'Talk soon.',
      'Best regards,',
      'Pat Doe',
    ]);
    expect(texts('However, I disagree. Tom, Please call me.')).toEqual([
      'However, I disagree.',
      'Tom, Please call me.',
    ]);
    expect(texts('Thanks, Kate. Hi, John Smith, how are you?')).toEqual([
      'Thanks, Kate.',
      'Hi, John Smith, how are you?',
    ]);
  });
  test('split-around-separator: a line drawn with one repeated character stands apart', () => {
    expect(texts('Call me at home. ========== The content of this mail is private. ***NOTE*** Read it.')).toEqual([
      'Call me at home.',
      '==========',
      'The content of this mail is private.',
      '***NOTE***',
      'Read it.',
    ]);
  });
  test("a contraction before a full stop is a word, not an initial (didn't. Today)", () => {
    expect(texts("They said they would call, but they didn't. Today's news proves it.")).toEqual([
      "They said they would call, but they didn't.",
      "Today's news proves it.",
    ]);
  });
  test('split-after-address: a bracketed URL that opens a post', () => {
    expect(texts('[http://example.org/story?id=7] Normally this site is fair.')).toEqual([
      '[http://example.org/story?id=7]',
      'Normally this site is fair.',
    ]);
  });
  test('split-unspaced: a domain after a name is not a missing space (Newsfeed.Com)', () => {
    expect(texts('Posted via Newsfeed.Com today. Go home.Comfort him.')).toEqual([
      'Posted via Newsfeed.Com today.',
      'Go home.',
      'Comfort him.',
    ]);
  });
  test('keep-opening-ellipsis: an ellipsis that opens a sentence leads into it', () => {
    expect(texts('You won!\n\n...Now comes the fun part.')).toEqual(['You won!', '...Now comes the fun part.']);
  });
  test('lexicon: `no.`, `art.` are words unless a number follows (Hell no. That, No. 5)', () => {
    expect(texts('Hell no. That is a bad name. It was No. 5 in modern art. Her show opens soon.')).toEqual([
      'Hell no.',
      'That is a bad name.',
      'It was No. 5 in modern art.',
      'Her show opens soon.',
    ]);
  });
  test('lexicon: informal units before a lower-case word (6 ft. tall, 1 tsp. salt)', () => {
    expect(texts('He is 6 ft. tall and adds 1 tsp. salt to everything.')).toEqual([
      'He is 6 ft. tall and adds 1 tsp. salt to everything.',
    ]);
  });
  test('lexicon: P.S., Drs., ext. and bn. do not end a sentence', () => {
    expect(texts('Thanks again. P.S. I moved. PS. Love the site. Drs. Ali and Wu helped. Dial ext. 4021 now.')).toEqual(
      ['Thanks again.', 'P.S. I moved.', 'PS. Love the site.', 'Drs. Ali and Wu helped.', 'Dial ext. 4021 now.'],
    );
  });
});
