// A lead-in that hands the floor to someone else's text: "From the AP comes this story:", "Here's an excerpt from the
// article:", "Ben made another announcement on March 28:", "In it, Norton observed:". The guidelines label such a line
// as what it introduces (a quotation) and the paragraph after it as quotation, though no mark shows it. The words are
// the nouns of a text someone published and the verbs that report it; a bare "Consider this:" or "Three things went
// wrong:" introduces the author's own points and has none of them. Bare "say", "write", "read" and "as follows" are
// left out: "Needless to say:", "Read on:" and "The results are as follows:" introduce the author's own text.
const ANNOUNCES =
  /\b(?:excerpts?|story|article|report|statement|announcement|letter|memo|e-?mail|tweet|response|reply|transcript|passage|quote|quoted|quoting|wrote|writes|said|says|told|tells|put it|observed|noted|added|declared|announced|explained|reads)\b/i;

// The author introducing their own text ("Here is what I wrote in 2019:", "From my column:") is not a quotation.
const OWN_TEXT = /\b(?:my|our)\b|\b(?:i|we)\b(?: \w+)? (?:wrote|write|said|say|posted|published|told)\b/i;

/** Whether a sentence that ends its paragraph with a colon introduces a quotation in the paragraph after it. */
export function introducesQuotation(sentence: string): boolean {
  const text = sentence.trim();
  return text.endsWith(':') && ANNOUNCES.test(text) && !OWN_TEXT.test(text);
}
