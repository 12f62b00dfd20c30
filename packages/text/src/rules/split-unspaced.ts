import { isDigit, isLetter, isLower, isUpper } from '../chars.ts';
import { ABBREVIATIONS, PREPOSITIVE } from '../lexicon.ts';
import type { StopRule } from './rule.ts';

// How far to look for `@`, `/` or `:` that show the dot is inside an e-mail address, URL or file name.
const ADDRESS_WINDOW = 64;

/**
 * A mark with no space after it is inside a token (`3.14`, `U.S.A.`, `example.com`, `Jr.'s`, `mean...see`) unless it
 * joins a lower-case word or number to a capitalised word or the pronoun `I` (`world.Today`, `1,000.That`, `fine.I
 * think`): a missing space after a full stop.
 */
export const splitUnspaced: StopRule = (text, stop) => {
  if (stop.next !== stop.after || stop.next >= text.length) return undefined;
  const next = stop.next;
  if (!isUpper(text.charCodeAt(next)) || !(isLower(text.charCodeAt(next + 1)) || isPronounI(text, next))) return false;
  if (stop.kind !== 'period') return stop.after;
  const before = text.charCodeAt(stop.start - 1);
  if (!isLower(before) && !isDigit(before)) return false;
  const word = stop.lower;
  if (PREPOSITIVE.has(word) || ABBREVIATIONS.has(word)) return false;
  return insideAddress(text, stop.start) || isDomainEnding(text, next) ? false : stop.after;
};

// Top-level domains that follow a name with no space (`Newsfeed.Com`, `Amazon.co.uk`): the name is a host, not a sentence.
const DOMAINS = new Set(['com', 'net', 'org', 'edu', 'gov', 'info', 'biz', 'co']);

function isDomainEnding(text: string, at: number): boolean {
  let i = at;
  while (i - at < 5 && isLetter(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  return DOMAINS.has(text.slice(at, i).toLowerCase()) && !(c === 39 || c === 0x2019 || isDigit(c));
}

function insideAddress(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && at - i < ADDRESS_WINDOW; i--) {
    const c = text.charCodeAt(i);
    if (c <= 32) break;
    if (c === 64 || c === 47 || c === 58) return true;
  }
  for (let i = at + 1; i < text.length && i - at < ADDRESS_WINDOW; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32) break;
    if (c === 64 || c === 47) return true;
  }
  return false;
}

// `I` standing alone (`I think`, `I'm`), not the first letter of an acronym (`IBM`) or of a domain (`example.IO`).
function isPronounI(text: string, at: number): boolean {
  const c = text.charCodeAt(at + 1);
  return text.charCodeAt(at) === 73 && (c === 32 || c === 39 || c === 0x2019);
}
