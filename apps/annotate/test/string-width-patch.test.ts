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
});
