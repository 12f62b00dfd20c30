import type { KeyInfo } from './intent-for-key.ts';

/**
 * One thing a read from the terminal holds: a key (`input` plus what it is), a run of printable text (several keys
 * typed or pasted together, kept whole so a prompt can take it as text), or the start or end of a bracketed paste.
 */
export type KeyToken =
  | { kind: 'key'; input: string; key: KeyInfo }
  | { kind: 'text'; text: string }
  | { kind: 'paste'; on: boolean };

const ESC = '\u001b';

// CSI / SS3 final bytes of the keys the UI reads; anything else (focus reports, F-keys, mouse) is no key.
const FINAL_KEYS: Readonly<Record<string, KeyInfo>> = {
  A: { upArrow: true },
  B: { downArrow: true },
  C: { rightArrow: true },
  D: { leftArrow: true },
  H: { home: true },
  F: { end: true },
  Z: { tab: true, shift: true },
};
const TILDE_KEYS: Readonly<Record<string, KeyInfo>> = {
  '1': { home: true },
  '7': { home: true },
  '4': { end: true },
  '8': { end: true },
  '3': { delete: true },
  '5': { pageUp: true },
  '6': { pageDown: true },
};

/**
 * Decode one input event as Ink's input parser hands it over (an escape sequence on its own, or a run of plain
 * characters) into keys, in order. Ink's `useInput` decodes only single keys: a read holding several (a fast typist,
 * a paste, a slow SSH link) reached it as one string that matched no key and was dropped, so the UI reads the raw
 * events and splits them here. Printable characters stay together as `text`; control characters (Enter, Backspace,
 * Tab, Ctrl-letters) are keys of their own. An escape followed by a character is Alt+character (how terminals send
 * it), and comes out as a key with `meta`, which no binding takes.
 */
export function decodeKeys(event: string): KeyToken[] {
  if (event.startsWith(ESC)) return [escapeSequence(event)];
  const tokens: KeyToken[] = [];
  let text = '';
  for (const char of event) {
    const code = char.codePointAt(0)!;
    if (code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0)) {
      text += char;
      continue;
    }
    if (text !== '') tokens.push({ kind: 'text', text });
    text = '';
    tokens.push({ kind: 'key', ...controlKey(code) });
  }
  if (text !== '') tokens.push({ kind: 'text', text });
  return tokens;
}

/** A control character as a key: Enter, Tab, Backspace, or Ctrl+letter (`input` is then the letter). */
function controlKey(code: number): { input: string; key: KeyInfo } {
  if (code === 0x0d || code === 0x0a) return { input: '', key: { return: true } };
  if (code === 0x09) return { input: '', key: { tab: true } };
  if (code === 0x7f || code === 0x08) return { input: '', key: { backspace: true } };
  if (code >= 0x01 && code <= 0x1a) return { input: String.fromCharCode(code + 0x60), key: { ctrl: true } };
  return { input: '', key: { ctrl: true } };
}

function escapeSequence(event: string): KeyToken {
  if (event === ESC || event === ESC + ESC) return { kind: 'key', input: '', key: { escape: true } };
  const csi = /^\u001b\u001b?(?:\[\[?|O)([\d;]*)([\x20-\x2f]*)([\x40-\x7e])$/.exec(event);
  if (csi) {
    const [, params = '', , final = ''] = csi;
    if (final === '~') {
      const [first = '', modifier] = params.split(';');
      if (first === '200') return { kind: 'paste', on: true };
      if (first === '201') return { kind: 'paste', on: false };
      return { kind: 'key', input: '', key: withModifier(TILDE_KEYS[first] ?? {}, modifier) };
    }
    return { kind: 'key', input: '', key: withModifier(FINAL_KEYS[final] ?? {}, params.split(';')[1]) };
  }
  // Alt+character (ESC then the character); no binding takes it.
  return { kind: 'key', input: event.slice(1), key: { meta: true } };
}

/** xterm's modifier parameter (`1;2A` is Shift+Up): 1 + shift 1 + alt 2 + ctrl 4. */
function withModifier(key: KeyInfo, modifier: string | undefined): KeyInfo {
  const m = Number(modifier ?? 1) - 1;
  if (!(m > 0)) return key;
  return {
    ...key,
    ...(m & 1 ? { shift: true } : {}),
    ...(m & 2 ? { meta: true } : {}),
    ...(m & 4 ? { ctrl: true } : {}),
  };
}
