import { textHash } from '@stance/schema';
import { describe, expect, it } from 'vitest';
import { findStale, foldLabels, openAnnotatorLog } from '../src/index.ts';
import { labelEvent } from './helpers/events.ts';
import { tempCorpus } from './helpers/temp-corpus.ts';

describe('findStale', () => {
  it('reports labels whose text changed as stale and labels of unknown sentences as orphaned, dropping none', () => {
    const log = openAnnotatorLog(tempCorpus(), 'alice');
    log.append(labelEvent('d:same', 'fact', 'The sky is blue.'));
    log.append(labelEvent('d:edited', 'opinion', 'This is bad.'));
    log.append(labelEvent('d:gone', 'quote', '"No," he said.'));
    log.close();
    const corpusNow = new Map([
      ['d:same', { textHash: textHash('The  sky is blue.') }],
      ['d:edited', { textHash: textHash('This is terrible.') }],
    ]);
    const labels = foldLabels(log.events);
    const { stale, orphaned } = findStale(labels, (id) => corpusNow.get(id));
    expect(stale.map((l) => [l.sentence, l.label])).toEqual([['d:edited', 'opinion']]);
    expect(orphaned.map((l) => [l.sentence, l.label])).toEqual([['d:gone', 'quote']]);
    expect(labels.size).toBe(3);
  });

  it('reports nothing when every label matches', () => {
    const log = openAnnotatorLog(tempCorpus(), 'bob');
    log.append(labelEvent('d:1', 'skip', 'Advertisement'));
    log.close();
    expect(findStale(foldLabels(log.events), () => ({ textHash: textHash('Advertisement') }))).toEqual({
      stale: [],
      orphaned: [],
    });
  });
});
