import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnnotationEvent, Label } from '@stance/schema';
import { LABELS } from '@stance/schema';
import { foldLabels } from '@stance/store';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLabelIndex } from '../src/index.ts';
import { tempDir } from './helpers/temp-corpus.ts';

const sentences = ['d1:aaaaaaaaaa', 'd1:bbbbbbbbbb', 'd2:cccccccccc'];

/** Random logs: label events and retracts of earlier events, with and without suggestions. */
const logArb = fc
  .array(
    fc.record({
      retract: fc.boolean(),
      pick: fc.nat(),
      sentence: fc.constantFrom(...sentences),
      label: fc.constantFrom(...LABELS),
      ms: fc.nat({ max: 100_000 }),
      hash: fc.constantFrom('0123456789abcdef', 'fedcba9876543210', 'not-hex'),
      suggest: fc.option(fc.record({ label: fc.constantFrom(...LABELS), shown: fc.boolean() })),
    }),
    { maxLength: 30 },
  )
  .map((steps) => {
    const events: AnnotationEvent[] = [];
    steps.forEach((s, i) => {
      const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
      const labels = events.filter((e) => e.type === 'label');
      if (s.retract && labels.length) {
        const target = labels[s.pick % labels.length]!;
        events.push({ ...target, id: `e${i}`, type: 'retract', target: target.id, at });
        delete events[events.length - 1]!.label;
      } else {
        events.push({
          v: 1,
          id: `e${i}`,
          type: 'label',
          sentence: s.sentence,
          textHash: s.hash,
          annotator: 'ann',
          at,
          ms: s.ms,
          guideline: '1.0',
          label: s.label as Label,
          suggestion: s.suggest === null ? null : { ...s.suggest, model: 'cues-v1' },
        });
      }
    });
    return events;
  });

describe('buildLabelIndex', () => {
  // The rule of the current label is @stance/store's (tested there against a simple model); this checks the packing:
  // every field of each current label comes back out of the typed arrays as it went in.
  it('packs exactly the current labels of foldLabels (@stance/store), in memory and from files', () => {
    // One file, rewritten for each run (a folder per run would leave hundreds behind).
    const dir = tempDir();
    mkdirSync(join(dir, 'annotations'));
    const path = join(dir, 'annotations', 'ann.jsonl');
    fc.assert(
      fc.property(logArb, (events) => {
        const expected = foldLabels(events);
        writeFileSync(path, events.map((e) => `${JSON.stringify(e)}\n`).join(''));
        for (const index of [
          buildLabelIndex(new Map([['ann', events]])),
          buildLabelIndex(new Map([['ann', { path }]])),
        ]) {
          for (const id of sentences) {
            const want = expected.get(id);
            const got = index.labelsOf(id).judgements[0];
            if (want === undefined) expect(got).toBeUndefined();
            else {
              expect(got).toEqual({
                annotator: 'ann',
                label: want.label,
                textHash: want.textHash,
                ms: want.event.ms,
                at: want.event.at,
                suggestion:
                  want.event.suggestion == null
                    ? null
                    : { ...want.event.suggestion, confidence: want.event.suggestion.confidence ?? null },
              });
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps adjudication events apart from the same person’s annotations', () => {
    const base = {
      v: 1,
      type: 'label' as const,
      sentence: 'd1:aaaaaaaaaa',
      textHash: '0123456789abcdef',
      annotator: 'lead',
      ms: 5,
      guideline: '1.0',
    };
    const index = buildLabelIndex(
      new Map([
        [
          'lead',
          [
            { ...base, id: 'a', at: '2026-01-01T00:00:00.000Z', label: 'fact' as const },
            { ...base, id: 'b', at: '2026-01-01T00:00:01.000Z', label: 'opinion' as const, adjudication: true },
          ],
        ],
      ]),
    );
    expect(index.annotators).toEqual(['lead']);
    expect(index.adjudicators).toEqual(['lead']);
    const { judgements, adjudications } = index.labelsOf('d1:aaaaaaaaaa');
    expect(judgements.map((j) => j.label)).toEqual(['fact']);
    expect(adjudications.map((j) => j.label)).toEqual(['opinion']);
  });

  it('skips and reports torn, non-JSON and foreign lines of a log file', () => {
    const dir = tempDir();
    const path = join(dir, 'ann.jsonl');
    const good = {
      v: 1,
      id: 'x',
      type: 'label',
      sentence: 's',
      textHash: '0123456789abcdef',
      annotator: 'ann',
      at: '2026-01-01T00:00:00.000Z',
      ms: 1,
      guideline: '1',
      label: 'quote',
    };
    writeFileSync(
      path,
      `${JSON.stringify(good)}\nnot json\n${JSON.stringify({ ...good, id: 'y', annotator: 'bob' })}\n{"v":1,"id":"z"`,
    );
    const index = buildLabelIndex(new Map([['ann', { path }]]));
    expect(index.labelsOf('s').judgements.map((j) => j.label)).toEqual(['quote']);
    expect(index.warnings.map((w) => w.slice(path.length))).toMatchInlineSnapshot(`
      [
        ":2: not JSON; line skipped",
        ":3: not a valid event: event of annotator "bob" in the log of "ann"; line skipped",
        ":4: last line has no trailing newline (torn write); line skipped",
      ]
    `);
  });
});
