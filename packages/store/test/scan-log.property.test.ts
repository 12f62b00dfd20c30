import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanLogBuffer, scanLogFile } from '../src/scan-log.ts';
import { tempCorpus } from './helpers/temp-corpus.ts';

/** A valid event line for annotator `a` with the given id and a note of any text (multi-byte included). */
function eventLine(id: string, note: string): string {
  return JSON.stringify({
    v: 1,
    id,
    type: 'note',
    sentence: 'd:1',
    textHash: 'h',
    annotator: 'a',
    at: '2026-11-25T00:00:00.000Z',
    ms: 1,
    guideline: '1.0',
    note,
  });
}

/** The reference: split the whole text on '\n' and judge each line on its own. */
function reference(text: string) {
  const lines = text.split('\n');
  const torn = lines.at(-1) !== '';
  const good: string[] = [];
  const notes: unknown[] = [];
  const bad: number[] = [];
  lines.forEach((line, i) => {
    if (i === lines.length - 1 && !torn) return;
    if (i === lines.length - 1 || line.trim() === '') {
      if (line.trim() !== '' || i === lines.length - 1) bad.push(i + 1);
      return;
    }
    try {
      const value = JSON.parse(line) as { v?: unknown; id?: unknown; note?: unknown };
      if (value?.v === 1 && typeof value.id === 'string' && line.includes('"annotator":"a"')) {
        good.push(value.id);
        notes.push(value.note);
      } else bad.push(i + 1);
    } catch {
      bad.push(i + 1);
    }
  });
  return { good, notes, bad };
}

const lineArb = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.nat(99), fc.string({ unit: 'binary', maxLength: 40 }))
      .map(([n, note]) => eventLine(`a-${n}`, note)),
  },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => s.replaceAll('\n', ' ')) },
);

describe('scanLogBuffer', () => {
  it('finds the same events and bad lines whatever the block size (lines crossing block edges, multi-byte text)', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 30 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 300 }),
        (lines, torn, block) => {
          const text = lines.join('\n') + (torn || lines.length === 0 ? '' : '\n');
          const buffer = Buffer.from(text, 'utf8');
          const scan = scanLogBuffer(buffer, { blockBytes: block, annotator: 'a' });
          const expected = reference(text);
          expect(scan.events.map((e) => e.id)).toEqual(expected.good);
          expect(scan.bad.map((b) => b.line)).toEqual(expected.bad);
          expect(scanLogBuffer(buffer, { annotator: 'a' })).toEqual(scan);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Bytes that are not valid UTF-8 (a stray continuation byte, a cut sequence, 0xff) inside an otherwise good line. */
const rawLineArb = fc
  .tuple(fc.nat(99), fc.constantFrom([0x80], [0xe2, 0x82], [0xff], [0xc3, 0xa9]))
  .map(([n, bytes]) => {
    const [head, tail] = eventLine(`a-${n}`, '#').split('#') as [string, string];
    return Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(tail)]);
  });

describe('scanLogFile', () => {
  it('reads a file block by block as scanLogBuffer reads it whole (lines longer than a block, ASCII or not, bad UTF-8)', () => {
    const dir = tempCorpus();
    let run = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            { weight: 4, arbitrary: lineArb.map((line) => Buffer.from(line, 'utf8')) },
            { weight: 1, arbitrary: rawLineArb },
          ),
          { maxLength: 30 },
        ),
        fc.boolean(),
        fc.integer({ min: 1, max: 400 }),
        (lines, torn, block) => {
          const parts = lines.flatMap((line) => [line, Buffer.from('\n')]);
          if (torn && parts.length > 0) parts.pop();
          const buffer = Buffer.concat(parts);
          const path = join(dir, `log-${run++}.jsonl`);
          writeFileSync(path, buffer);
          const scan = scanLogFile(path, { blockBytes: block, annotator: 'a' });
          const expected = reference(buffer.toString('utf8'));
          expect(scan.events.map((e) => e.id)).toEqual(expected.good);
          expect(scan.events.map((e) => e.note)).toEqual(expected.notes);
          expect(scan.bad.map((b) => b.line)).toEqual(expected.bad);
          expect(scan).toEqual(scanLogBuffer(buffer, { annotator: 'a' }));
          expect(scanLogFile(path, { annotator: 'a' })).toEqual(scan);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads a missing file as an empty log', () => {
    expect(scanLogFile(join(tempCorpus(), 'nobody.jsonl'))).toEqual({ events: [], bad: [] });
  });
});
