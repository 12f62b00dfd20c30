import type { CueRule } from '../cue-rule.ts';
import { cue } from '../cue-rule.ts';
import type { WordToken } from '../tokens.ts';

// Page furniture that turns up between paragraphs of scraped articles.
const BOILERPLATE =
  /^(?:advertisement|read more|related|share this|click here|subscribe|sign up|like this|image(?: caption)?|photo|getty images|video|listen|follow us|updated|published|by [A-Z][\p{L}'’-]+(?: [A-Z][\p{L}'’-]+)*)\b/iu;

// A blog post's byline or filing line: "Posted by Jonah Vettel, 14 October 2026", "Posted by X to Y at 3/9/2005 11:16 PM",
// "Filed under: Politics". Longer than the page furniture above, so it has its own limit (16 words), and no full stop:
// "Written in 1848, the manifesto is still a bestseller." is a sentence.
const POSTED = /^(?:posted (?:by|on|in|at)|written by|filed (?:under|in))\b/iu;

// An author bio: "Tomas Reyl is an economist and a regular contributor."
const BIO =
  /^[A-Z][\p{L}'’.-]+(?: [A-Z][\p{L}'’.-]+)+ is (?:a|an|the) [^.]*\b(?:writer|columnist|contributor|economist|correspondent|editor|professor|journalist|author|reporter|teacher|librarian|researcher|fellow|analyst|lecturer|consultant)\b/u;

// A picture's credit under a free licence, as blogs print it: "“Hunting” by Jo Bloggs is licensed under CC BY 2.0".
const LICENCE_CREDIT = /\blicen[sc]ed under (?:a |the )?(?:CC\b|Creative Commons)/iu;

// A line of nothing but hashtags ("#science #health #food"), the tags a blog post ends or starts with.
const HASHTAGS = /^(?:#[\p{L}\p{N}_]+[\s,]*)+$/u;

/** Fragments and boilerplate (headings, bylines, "Advertisement"): skip cues. */
export const fragmentRule: CueRule = {
  kind: 'fragment',
  find(view) {
    const text = view.text;
    // A Markdown heading (`# Title`, `## Section`) is a heading however long it is.
    if (/^#{1,6}\s/.test(text)) return [cue(0, text.length, 'fragment', 'skip', 4)];
    if (BIO.test(text)) return [cue(0, text.length, 'fragment', 'skip', 3)];
    if (LICENCE_CREDIT.test(text) || HASHTAGS.test(text.trim())) return [cue(0, text.length, 'fragment', 'skip', 4)];
    if (BOILERPLATE.test(text) && view.tokens.length <= 6) return [cue(0, text.length, 'fragment', 'skip', 3)];
    // Heavier than the other furniture: its date and time are number cues (fact), six of them in `at 3/9/2005 11:16:00`.
    if (POSTED.test(text) && view.tokens.length <= 16 && !/[.!?…]["”’)]*$/.test(text.trimEnd()))
      return [cue(0, text.length, 'fragment', 'skip', 6)];
    // No words (`***`, a lone dash) make no claim, inside a quotation or not.
    if (view.tokens.length === 0) return [cue(0, text.length, 'fragment', 'skip', 3)];
    if (view.startsInQuote || view.quoted.length > 0) return [];
    // A heading: a few words without sentence-final punctuation, or a longer title in title case (every word of four
    // letters or more capitalised: `How to Wash Overalls in a Washing Machine`), as blog posts and essays start.
    if (!/[.!?…:;]["”’)]*$/.test(text) && (view.tokens.length <= 4 || isTitleCase(view.tokens)))
      return [cue(0, text.length, 'fragment', 'skip', 2.5)];
    return [];
  },
};

/** A title: at most 16 words, and every word of four letters or more starts with a capital. */
function isTitleCase(tokens: readonly WordToken[]): boolean {
  if (tokens.length > 16) return false;
  const long = tokens.filter((t) => t.text.length >= 4);
  return long.length > 0 && long.every((t) => /^\p{Lu}/u.test(t.text));
}
