import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldLabels, openAnnotatorLog, readAnnotatorLog } from '../src/index.ts';
import { labelEvent, steppingClock } from './helpers/events.ts';
import { tempCorpus } from './helpers/temp-corpus.ts';

/** A log of `alice` with two good events, closed, and its path. */
function twoEventLog(corpus: string) {
  const log = openAnnotatorLog(corpus, 'alice', { now: steppingClock() });
  const events = [log.append(labelEvent('d:1', 'fact')), log.append(labelEvent('d:2', 'opinion'))];
  log.close();
  return { path: log.path, events };
}

function rejectedLines(path: string) {
  return readFileSync(`${path}.rejected`, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('torn and bad lines', () => {
  it('a half-written last line is kept aside, reported, removed; the log stays usable and appendable', () => {
    const corpus = tempCorpus();
    const { path, events } = twoEventLog(corpus);
    const good = readFileSync(path, 'utf8');
    const half = JSON.stringify(labelEvent('d:3', 'quote')).slice(0, 40);
    appendFileSync(path, half);

    const log = openAnnotatorLog(corpus, 'alice', { now: () => new Date('2026-11-25T12:00:00.000Z') });
    expect(log.warnings).toEqual([
      `${path}:3: torn last line (a write cut short by a crash); kept aside in ${path}.rejected and removed from the log`,
    ]);
    expect(log.events).toEqual(events);
    expect(readFileSync(path, 'utf8')).toBe(good);
    expect(rejectedLines(path)).toEqual([
      {
        at: '2026-11-25T12:00:00.000Z',
        file: path,
        line: 3,
        reason: 'last line has no trailing newline (torn write)',
        torn: true,
        text: half,
      },
    ]);
    const third = log.append(labelEvent('d:3', 'quote'));
    log.close();
    expect(readAnnotatorLog(path)).toEqual({ events: [...events, third], warnings: [] });
  });

  it('a complete event that lost only its newline is still treated as torn (its append never returned)', () => {
    const corpus = tempCorpus();
    const { path, events } = twoEventLog(corpus);
    const line = JSON.stringify({ ...events[0], id: 'alice-x-000003' });
    appendFileSync(path, line);
    const log = openAnnotatorLog(corpus, 'alice');
    expect(log.events).toEqual(events);
    expect(rejectedLines(path).map((r) => r['text'])).toEqual([line]);
    log.close();
  });

  it('a bad line in the middle is reported with file:line, kept aside, and the events around it are kept', () => {
    const corpus = tempCorpus();
    const { path, events } = twoEventLog(corpus);
    const [first, second] = readFileSync(path, 'utf8').trimEnd().split('\n');
    writeFileSync(path, `${first}\n<<<<<<< HEAD\n${second}\n{"v":1}\n`);

    const log = openAnnotatorLog(corpus, 'alice');
    expect(log.warnings).toEqual([
      `${path}:2: not JSON; kept aside in ${path}.rejected and removed from the log`,
      `${path}:4: not a valid event: missing id; kept aside in ${path}.rejected and removed from the log`,
    ]);
    expect(log.events).toEqual(events);
    expect(readFileSync(path, 'utf8')).toBe(`${first}\n${second}\n`);
    expect(rejectedLines(path).map((r) => [r['line'], r['text']])).toEqual([
      [2, '<<<<<<< HEAD'],
      [4, '{"v":1}'],
    ]);
    log.close();
  });

  it('readAnnotatorLog reports the same lines but changes nothing on disk', () => {
    const corpus = tempCorpus();
    const { path, events } = twoEventLog(corpus);
    appendFileSync(path, 'garbage\n{"v":1,"id":');
    const before = readFileSync(path, 'utf8');
    expect(readAnnotatorLog(path)).toEqual({
      events,
      warnings: [
        `${path}:3: not JSON; line skipped`,
        `${path}:4: last line has no trailing newline (torn write); line skipped`,
      ],
    });
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(existsSync(`${path}.rejected`)).toBe(false);
  });

  it('a second repair appends to .rejected rather than replacing it', () => {
    const corpus = tempCorpus();
    const { path } = twoEventLog(corpus);
    appendFileSync(path, '{"torn":');
    openAnnotatorLog(corpus, 'alice').close();
    appendFileSync(path, '{"torn again":');
    const log = openAnnotatorLog(corpus, 'alice');
    expect(rejectedLines(path).map((r) => r['text'])).toEqual(['{"torn":', '{"torn again":']);
    expect(foldLabels(log.events).size).toBe(2);
    log.close();
  });

  it('a log that is only a torn line becomes empty and usable', () => {
    const corpus = tempCorpus();
    openAnnotatorLog(corpus, 'zed').close();
    const log0 = openAnnotatorLog(corpus, 'zed');
    const path = log0.path;
    log0.close();
    writeFileSync(path, '{"v":1,"id":"ze');
    const log = openAnnotatorLog(corpus, 'zed');
    expect(log.events).toEqual([]);
    expect(readFileSync(path, 'utf8')).toBe('');
    log.append(labelEvent('s', 'skip'));
    log.close();
    expect(readAnnotatorLog(path).events).toHaveLength(1);
  });

  it('a duplicate event id is kept aside on open (retracts name events by id); blank lines are dropped quietly', () => {
    const corpus = tempCorpus();
    const { path, events } = twoEventLog(corpus);
    const [first, second] = readFileSync(path, 'utf8').trimEnd().split('\n');
    writeFileSync(path, `${first}\n\n${second}\n${first}\n`);
    expect(readAnnotatorLog(path).warnings).toEqual([]);
    const log = openAnnotatorLog(corpus, 'alice');
    expect(log.warnings).toEqual([
      `${path}:4: not a valid event: duplicate event id ${events[0]!.id}; kept aside in ${path}.rejected and removed from the log`,
    ]);
    expect(log.events).toEqual(events);
    expect(readFileSync(path, 'utf8')).toBe(`${first}\n${second}\n`);
    log.close();
  });
});
