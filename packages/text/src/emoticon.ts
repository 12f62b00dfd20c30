import { isSpace } from './chars.ts';

// Mouths of Western emoticons (`:)` `:-(` `;P` `:D` `=/` `:'(` `:-*`); a run of up to four (`:)))`).
const MOUTHS = new Set([...')(][DPpOo/\\|*3$@xX']);
const MAX_MOUTH = 4;

// Emoticons with no eyes-nose-mouth shape: a heart and the Eastern faces that stand upright.
const OTHER_FACES = ['<3', '^_^', '^^'];

/** True for a character that opens an emoticon: eyes `:` `;` `=`, or the first of `<3`, `^_^`. */
export function isEmoticonEyes(c: number): boolean {
  return c === 58 || c === 59 || c === 61 || c === 60 || c === 94;
}

/**
 * The offset after the emoticon that starts at `i` (`:)`, `:-(`, `;P`, `:'(`, `=D`, `:)))`, `<3`, `^_^`), or -1 when
 * there is none. It must stand alone: white space (or the input's edge) on both sides, so `9:30`, `http://` and `Note:
 * (x)` are not ones.
 */
export function emoticonEnd(text: string, i: number): number {
  if (i > 0 && !isSpace(text.charCodeAt(i - 1))) return -1;
  const c = text.charCodeAt(i);
  if (!isEmoticonEyes(c)) return -1;
  if (c === 60 || c === 94) {
    const face = OTHER_FACES.find((f) => text.startsWith(f, i));
    const end = face === undefined ? -1 : i + face.length;
    return end > 0 && (end >= text.length || isSpace(text.charCodeAt(end))) ? end : -1;
  }
  let j = i + 1;
  if (text[j] === '-' || text[j] === "'") j++; // the nose
  const from = j;
  while (j - from < MAX_MOUTH && MOUTHS.has(text[j] ?? '')) j++;
  if (j === from) return -1;
  if (j < text.length && !isSpace(text.charCodeAt(j))) return -1;
  return j;
}
