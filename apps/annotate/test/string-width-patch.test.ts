import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';

// patches/string-width@8.3.0.patch makes string-width remember widths (Ink measures every line of every frame; this
// cut the annotation UI's CPU per key by about a quarter, docs/annotate.md). These tests fail if the patch is lost on
// an upgrade, or if the remembered width ever differs from a fresh measurement.
describe('string-width, as patched for the annotation UI', () => {
  it('is the patched copy', () => {
    const entry = fileURLToPath(import.meta.resolve('string-width'));
    expect(readFileSync(entry, 'utf8')).toContain('const cache = new Map();');
  });

  it('gives the same width from its memory as measured afresh (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const fresh = stringWidth(s, {}); // options given: never cached
        expect(stringWidth(s)).toBe(fresh);
        expect(stringWidth(s)).toBe(fresh);
      }),
    );
    expect(stringWidth('“Quoted” – ⏎ accept')).toBe(19);
    expect(stringWidth('日本語')).toBe(6);
  });

  // The patch also measures lines made only of one-column characters (typographic quotes, dashes, Latin-1 letters,
  // the UI's arrows, ⏎, ▶, █ and ░) without Intl.Segmenter. A combining mark appended (it joins the last character,
  // adding no width) is outside that set, so it sends the same line down the segmenter's path: the two must agree.
  const oneColumn = [
    ...Array.from({ length: 0x5f }, (_, i) => String.fromCharCode(0x20 + i)),
    ...Array.from({ length: 0x60 }, (_, i) => String.fromCharCode(0xa0 + i)).filter((c) => c !== '\u00ad'),
    ...'–—‘’“”…←↑→↓⏎▶█░',
  ];
  it('measures each one-column character as the segmenter does', () => {
    for (const c of oneColumn) expect(`${c} ${stringWidth(`${c}\u0301`, {})}`).toBe(`${c} ${stringWidth(c, {})}`);
  });
  it('measures a line of them as the segmenter does (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...oneColumn), { minLength: 1, maxLength: 60 }), (chars) => {
        const line = chars.join('');
        return stringWidth(line, {}) === stringWidth(`${line}\u0301`, {}) && stringWidth(line) === line.length;
      }),
      { numRuns: 500 },
    );
    // Outside the set the segmenter decides: a soft hyphen has no width, a wide character two columns.
    expect(stringWidth('co\u00adop')).toBe(4);
    expect(stringWidth('“日”')).toBe(4);
  });
});
