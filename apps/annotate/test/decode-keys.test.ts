import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeKeys } from '../src/keys/decode-keys.ts';

describe('decodeKeys', () => {
  it('keeps a run of printable characters together, as text', () => {
    expect(decodeKeys('ssffqo')).toEqual([{ kind: 'text', text: 'ssffqo' }]);
    expect(decodeKeys('café 👩‍⚖️')).toEqual([{ kind: 'text', text: 'café 👩‍⚖️' }]);
  });

  it('splits control characters out as keys of their own, in order', () => {
    expect(decodeKeys('f\rq\u007fo\tu\u0003')).toEqual([
      { kind: 'text', text: 'f' },
      { kind: 'key', input: '', key: { return: true } },
      { kind: 'text', text: 'q' },
      { kind: 'key', input: '', key: { backspace: true } },
      { kind: 'text', text: 'o' },
      { kind: 'key', input: '', key: { tab: true } },
      { kind: 'text', text: 'u' },
      { kind: 'key', input: 'c', key: { ctrl: true } },
    ]);
  });

  it('reads the escape sequences of the keys the UI uses', () => {
    const keyOf = (event: string) => {
      const [token] = decodeKeys(event);
      return token?.kind === 'key' ? token.key : token;
    };
    expect(keyOf('\u001b')).toEqual({ escape: true });
    expect(keyOf('\u001b[A')).toEqual({ upArrow: true });
    expect(keyOf('\u001bOB')).toEqual({ downArrow: true });
    expect(keyOf('\u001b[C')).toEqual({ rightArrow: true });
    expect(keyOf('\u001b[1;2D')).toEqual({ leftArrow: true, shift: true });
    expect(keyOf('\u001b[5~')).toEqual({ pageUp: true });
    expect(keyOf('\u001b[6~')).toEqual({ pageDown: true });
    expect(keyOf('\u001b[3~')).toEqual({ delete: true });
    expect(keyOf('\u001b[Z')).toEqual({ tab: true, shift: true });
    expect(keyOf('\u001b[H')).toEqual({ home: true });
    expect(keyOf('\u001b[200~')).toEqual({ kind: 'paste', on: true });
    expect(keyOf('\u001b[201~')).toEqual({ kind: 'paste', on: false });
    // Alt+f (or Esc and f read together): a key no binding takes, never a plain f.
    expect(decodeKeys('\u001bf')).toEqual([{ kind: 'key', input: 'f', key: { meta: true } }]);
    // A focus report or an F-key: no key the UI knows.
    expect(keyOf('\u001b[I')).toEqual({});
  });

  it('loses no character of a plain run (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const text = s.replace(/\u001b/g, '');
        const back = decodeKeys(text)
          .map((t) => (t.kind === 'text' ? t.text : ''))
          .join('');
        // Keys decoded from control characters contribute nothing; every printable character comes back, in order
        // (regression: the marker once used here, '·', is itself a character the property generates).
        expect(back).toBe(text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ''));
      }),
    );
  });
});
