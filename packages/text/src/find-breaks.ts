import { isBullet, isDigit, isInlineSpace, isLineBullet, isLower, isQuestionOrBang, isSpace } from './chars.ts';
import { emoticonEnd, isEmoticonEyes } from './emoticon.ts';
import { LINE_RULES } from './line-rules.ts';
import { type ListMarker, readListMarker } from './list-marker.ts';
import { STOP_RULES, TOKEN_RULE_PAIRS, TOKEN_RULES_BY_CHAR, type TokenVerdict } from './rules/index.ts';
import { readStop } from './stop.ts';

/**
 * Offsets where sentences end, in increasing order. One left-to-right pass: candidates are runs of terminal marks,
 * emoticons, line breaks, bullets, list markers and the tokens some token rule opens on (addresses, mail timestamps,
 * separators, a comma after a greeting), each decided by rules that look at a bounded window around it, so the pass is
 * linear in the input.
 */
export function findBreaks(text: string): number[] {
  const n = text.length;
  const breaks: number[] = [];
  let lastBreak = 0;
  let sentenceStart = -1; // -1 until the first non-space character of the current sentence
  let lineStart = 0;
  // The last list marker that opened a sentence in this paragraph: an item may hold several sentences
  // (`1) Which island? It should be near. 2) Can we go by boat`), so the next marker is looked for until a blank line.
  let marker: ListMarker | undefined;
  let prevSpace = true;
  let emailChecked = false; // an `@` in the current run of non-space characters has been looked at
  let pendingEnd = -1; // where a token rule ended the sentence after a token, cut once the scanner gets there

  const cut = (at: number): void => {
    if (at > lastBreak) {
      breaks.push(at);
      lastBreak = at;
    }
    sentenceStart = -1;
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (pendingEnd !== -1 && i >= pendingEnd) {
        cut(i);
        pendingEnd = -1;
      }
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
        // A whitespace run holding two line breaks is a blank line: a paragraph break always ends the sentence.
        const currentLineStart = lineStart;
        let j = i;
        let lines = 0;
        while (j < n && isSpace(text.charCodeAt(j))) {
          const d = text.charCodeAt(j);
          if (d === 10 || d === 0x2028 || (d === 13 && text.charCodeAt(j + 1) !== 10)) lines++;
          else if (d === 0x2029) lines += 2;
          j++;
          if (lines > 0) lineStart = j;
        }
        if (lines >= 2 || j >= n) {
          cut(i);
          marker = undefined;
        } else if (sentenceStart !== -1) {
          const line = { at: i, lineStart: currentLineStart, next: j, sentenceStart };
          if (LINE_RULES.some((rule) => rule(text, line))) cut(i);
        }
        i = j;
        prevSpace = true;
        continue;
      }
      i++;
      prevSpace = true;
      continue;
    }

    // Token rules look at a token where it starts, at a comma, and at the first `@` inside it (an e-mail address).
    if (prevSpace) emailChecked = false;
    if (
      (prevSpace || c === 44 || (c === 64 && !emailChecked)) &&
      c < 128 &&
      TOKEN_RULE_PAIRS[(c << 7) | Math.min(text.charCodeAt(i + 1) & 0xffff, 127)] === 1
    ) {
      if (c === 64) emailChecked = true;
      const verdict = tokenVerdict(text, i, sentenceStart);
      if (verdict !== undefined) {
        if (verdict.before && sentenceStart !== -1 && sentenceStart < i) cut(i);
        if (verdict.after > pendingEnd) pendingEnd = verdict.after;
      }
    }

    if (sentenceStart === -1) {
      sentenceStart = i;
      let k = i;
      if (isBullet(c) || (i === lineStart && isLineBullet(c) && isInlineSpace(text.charCodeAt(i + 1)))) {
        k++;
        while (k < n && isInlineSpace(text.charCodeAt(k))) k++;
      }
      const m = readListMarker(text, k);
      if (m) {
        marker = m;
        i = m.end;
        prevSpace = false;
        continue;
      }
    } else if (prevSpace) {
      if (isBullet(c)) {
        cut(i);
        continue; // re-read as the start of the next sentence
      }
      if (marker && (isDigit(c) || isLower(c) || c === 40)) {
        // The next item of an inline list (`1) The first item 2) The second item`) starts a new sentence.
        const m = readListMarker(text, i);
        if (m && m.style === marker.style && m.value === marker.value + 1) {
          cut(i);
          sentenceStart = i;
          marker = m;
          i = m.end;
          prevSpace = false;
          continue;
        }
      }
    }

    const face = prevSpace && i !== sentenceStart && isEmoticonEyes(c);
    if (c === 46 || c === 0x2026 || isQuestionOrBang(c) || (face && emoticonEnd(text, i) > 0)) {
      const stop = readStop(text, i, sentenceStart);
      if (stop.next < n) {
        let decision: number | false | undefined;
        for (const rule of STOP_RULES) {
          decision = rule(text, stop);
          if (decision !== undefined) break;
        }
        const at = decision === undefined ? stop.after : decision;
        if (at !== false) {
          cut(at);
          // A break inside the run (`compounds. . . . The`) leaves the rest of the run to open the next sentence.
          if (at < stop.end) sentenceStart = at + 1;
        }
        // What follows the marks up to the break (closing quotes, an emoticon, a footnote) belongs to this sentence:
        // resume after it, so the next sentence starts where its own text does.
        if (at !== false && at > stop.end) {
          i = at;
          prevSpace = false;
          continue;
        }
      }
      i = stop.end;
      prevSpace = false;
      continue;
    }
    prevSpace = false;
    i++;
    // Fast path: letters and digits inside a word are never candidates (markers and bullets only open a word).
    while (i < n) {
      const d = text.charCodeAt(i);
      if (((d | 32) >= 97 && (d | 32) <= 122) || (d >= 48 && d <= 57)) i++;
      else break;
    }
  }
  return breaks;
}

// The token rules' verdicts at `i` merged: before if any says so, after at the furthest offset any gives.
function tokenVerdict(text: string, i: number, sentenceStart: number): TokenVerdict | undefined {
  let merged: TokenVerdict | undefined;
  for (const rule of TOKEN_RULES_BY_CHAR[text.charCodeAt(i)] ?? []) {
    const v = rule.decide(text, i, sentenceStart);
    if (v === undefined) continue;
    merged = merged ? { before: merged.before || v.before, after: Math.max(merged.after, v.after) } : v;
  }
  return merged;
}
