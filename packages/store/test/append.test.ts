import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isStanceError, textHash } from '@stance/schema';
import { describe, expect, it } from 'vitest';
import { annotationsDir, openAnnotatorLog, readAnnotatorLog } from '../src/index.ts';
import { labelEvent, retractEvent, steppingClock } from './helpers/events.ts';
import { tempCorpus } from './helpers/temp-corpus.ts';

describe('openAnnotatorLog / append', () => {
  it('fills in v, id, annotator and at, and writes one JSON line per event before returning', () => {
    const corpus = tempCorpus();
    const log = openAnnotatorLog(corpus, 'alice', { now: steppingClock() });
    expect(log.path).toBe(join(annotationsDir(corpus), 'alice.jsonl'));
    const first = log.append(labelEvent('d1:aaa', 'opinion', 'We must act.'));
    const onDisk = readFileSync(log.path, 'utf8');
    expect(onDisk).toBe(`${JSON.stringify(first)}\n`);
    expect(first).toMatchInlineSnapshot(`
      {
        "annotator": "alice",
        "at": "2026-11-25T10:00:02.000Z",
        "guideline": "1.0",
        "id": "alice-20261125T100002.000Z-000001",
        "label": "opinion",
        "ms": 1200,
        "sentence": "d1:aaa",
        "suggestion": {
          "label": "fact",
          "model": "cues-v1",
          "shown": true,
        },
        "textHash": "ea73bfaf84f16984",
        "type": "label",
        "v": 1,
      }
    `);
    const second = log.append({ ...labelEvent('d1:bbb', 'fact'), at: '2026-01-01T00:00:00.000Z' });
    expect(second.at).toBe('2026-01-01T00:00:00.000Z');
    expect(second.id > first.id).toBe(true);
    expect(log.events).toEqual([first, second]);
    expect(log.warnings).toEqual([]);
    log.close();
  });

  it('reopening gives back every event, and new ids stay unique under the same clock', () => {
    const corpus = tempCorpus();
    const fixed = () => new Date('2026-11-25T10:00:00.000Z');
    const a = openAnnotatorLog(corpus, 'bob', { now: fixed });
    const e1 = a.append(labelEvent('d:1', 'fact'));
    a.close();
    const b = openAnnotatorLog(corpus, 'bob', { now: fixed });
    expect(b.events).toEqual([e1]);
    const e2 = b.append(labelEvent('d:2', 'quote'));
    expect(e2.id).not.toBe(e1.id);
    b.close();
    expect(readAnnotatorLog(b.path)).toEqual({ events: [e1, e2], warnings: [] });
  });

  it.each(['../x', 'a/b', '.hidden', '', 'x'.repeat(65), 'a..b', 'C:\\x'])('refuses the annotator name %j', (name) => {
    const corpus = tempCorpus();
    expect(() => openAnnotatorLog(corpus, name)).toThrowError(/invalid annotator name/);
  });

  it('refuses events that would not read back, with a StanceError naming the log', () => {
    const corpus = tempCorpus();
    const log = openAnnotatorLog(corpus, 'carol');
    const bad = [
      { ...labelEvent('s', 'fact'), label: 'maybe' },
      { ...labelEvent('s', 'fact'), ms: -1 },
      { ...labelEvent('s', 'fact'), ms: Number.POSITIVE_INFINITY },
      retractEvent('nope', 's'),
      { ...labelEvent('s', 'fact'), suggestion: undefined },
    ];
    for (const event of bad) {
      let error: unknown;
      try {
        log.append(event as never);
      } catch (e) {
        error = e;
      }
      expect(isStanceError(error) && error.toLine()).toMatch(/carol\.jsonl: cannot append: /);
    }
    expect(readFileSync(log.path, 'utf8')).toBe('');
    log.close();
  });

  it('records that no suggestion was shown as suggestion: null', () => {
    const log = openAnnotatorLog(tempCorpus(), 'ivan');
    const e = log.append({ ...labelEvent('s', 'opinion'), suggestion: null });
    log.close();
    expect(readAnnotatorLog(log.path).events).toEqual([e]);
    expect(e.suggestion).toBeNull();
  });

  it('refuses a retract of a retract and a second retract of the same event', () => {
    const log = openAnnotatorLog(tempCorpus(), 'dan');
    const label = log.append(labelEvent('s', 'fact'));
    const undo = log.append(retractEvent(label.id, 's'));
    expect(() => log.append(retractEvent(label.id, 's'))).toThrowError(/already retracted/);
    expect(() => log.append(retractEvent(undo.id, 's'))).toThrowError(/another retract/);
    log.close();
  });

  it('refuses to append after close, and close is idempotent', () => {
    const log = openAnnotatorLog(tempCorpus(), 'erin');
    log.close();
    log.close();
    expect(() => log.append(labelEvent('s', 'fact'))).toThrowError(/the log is closed/);
  });

  it('refuses lines that belong to another annotator (a log copied under the wrong name)', () => {
    const corpus = tempCorpus();
    const log = openAnnotatorLog(corpus, 'frank');
    const e = log.append(labelEvent('s', 'skip'));
    log.close();
    const other = join(annotationsDir(corpus), 'grace.jsonl');
    writeFileSync(other, `${JSON.stringify(e)}\n`);
    expect(readAnnotatorLog(other).warnings).toEqual([
      `${other}:1: not a valid event: event of annotator "frank" in the log of "grace"; line skipped`,
    ]);
  });

  it('keeps the sentence text hash the UI gave', () => {
    const log = openAnnotatorLog(tempCorpus(), 'hana');
    expect(log.append(labelEvent('s', 'quote', '"Yes," she said.')).textHash).toBe(textHash('"Yes," she said.'));
    log.close();
  });
});

describe('closing a log nothing was written to', () => {
  // Issue 13: quitting the annotation UI without an event left an empty log behind.
  it('removes the log it created, keeps a log with events, and never removes a log that was there before', () => {
    const corpus = tempCorpus();
    const empty = openAnnotatorLog(corpus, 'quitter');
    expect(existsSync(empty.path)).toBe(true);
    empty.close();
    expect(existsSync(empty.path)).toBe(false);
    expect(existsSync(`${empty.path}.lock`)).toBe(false);

    const used = openAnnotatorLog(corpus, 'worker');
    used.append(labelEvent('d1:aaa', 'fact'));
    used.close();
    expect(readAnnotatorLog(used.path).events).toHaveLength(1);

    writeFileSync(join(annotationsDir(corpus), 'kept.jsonl'), '');
    const before = openAnnotatorLog(corpus, 'kept');
    before.close();
    expect(existsSync(before.path)).toBe(true);
  });
});
