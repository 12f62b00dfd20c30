import { labelDocument } from '@stance/classify';
import { sentenceId, textHash } from '@stance/schema';
import { openAnnotatorLog } from '@stance/store';
import { describe, expect, it } from 'vitest';
import { createSession, idHashOf } from '../src/session/session.ts';
import { smallCorpus } from './fixtures.ts';
import { tempCorpusDir } from './render.tsx';

describe('createSession', () => {
  it('the id hash is a prefix of the text hash, for first and repeated sentences alike', () => {
    for (const [text, n] of [
      ['The council voted.', 1],
      ['Read more.', 3],
    ] as const)
      expect(textHash(text).startsWith(idHashOf(sentenceId('doc-1', text, n)))).toBe(true);
  });

  it('counts a label as given only while its text is unchanged, and counts the stale ones', () => {
    const corpus = { ...smallCorpus(), guideline: null };
    const [a, b] = corpus.sentences;
    const log = openAnnotatorLog(tempCorpusDir(), 'ana');
    const base = { ms: 1, guideline: '1.0', suggestion: null } as const;
    log.append({ ...base, type: 'label', sentence: a!.id, textHash: textHash(a!.text), label: 'fact' });
    log.append({ ...base, type: 'label', sentence: b!.id, textHash: textHash('an older text'), label: 'quote' });
    log.append({ ...base, type: 'label', sentence: 'gone:0123456789', textHash: 'ffff', label: 'skip' });
    const session = createSession({ corpus, log, labeler: labelDocument });
    expect([...session.base]).toEqual([[a!.id, 'fact']]);
    expect(session.stale).toBe(1);
    log.close();
  });

  it('--order uncertain ranks what is left by confidence, and puts labelled sentences last in document order', () => {
    const corpus = { ...smallCorpus(), guideline: null };
    const log = openAnnotatorLog(tempCorpusDir(), 'ana');
    const labelled = [0, 1, 2, 5].map((i) => corpus.sentences[i]!);
    for (const s of labelled)
      log.append({
        type: 'label',
        sentence: s.id,
        textHash: textHash(s.text),
        label: 'fact',
        ms: 1,
        guideline: '1.0',
        suggestion: null,
      });
    const calls: string[][] = [];
    const rankingCalls = () => calls.slice(0, 2).map((texts) => texts.length);
    const labeler = (texts: readonly string[]) => {
      calls.push([...texts]);
      return labelDocument(texts);
    };
    const session = createSession({ corpus, log, labeler, order: 'uncertain' });
    expect(rankingCalls()).toEqual([2, 4]);
    const open = session.order.slice(0, 5);
    const confidence = open.map((s) => session.suggester.at(s).confidence);
    expect(confidence).toEqual([...confidence].sort((a, b) => a - b));
    expect(session.order.slice(5)).toEqual([0, 1, 2, 5]);
    // The first document (3 sentences) is labelled through, so the labeler never ran on it.
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls.map((texts) => texts.length)).not.toContain(3);
    log.close();
  });

  it('--order uncertain with more left to label than it ranks at start-up: the first frame gets a provisional order', () => {
    const corpus = { ...smallCorpus(), guideline: null };
    const log = openAnnotatorLog(tempCorpusDir(), 'ana');
    const s1 = corpus.sentences[1]!;
    log.append({
      type: 'label',
      sentence: s1.id,
      textHash: textHash(s1.text),
      label: 'quote',
      ms: 1,
      guideline: '1.0',
      suggestion: null,
    });
    let runs = 0;
    const labeler = (texts: readonly string[]) => {
      runs++;
      return labelDocument(texts);
    };
    const learning = { every: 0, newestModel: null };
    const session = createSession({ corpus, log, labeler, order: 'uncertain', learning, rankInline: 7 });
    // 8 left, more than 7: nothing labelled at start-up; what is left in document order, then the labelled.
    expect(session.rankPending).toBe(true);
    expect(runs).toBe(0);
    expect(session.order).toEqual([0, 2, 3, 4, 5, 6, 7, 8, 1]);
    // At the limit, or without a background worker to rank later, it ranks at start-up as before.
    expect(createSession({ corpus, log, labeler, order: 'uncertain', learning, rankInline: 8 }).rankPending).toBe(
      false,
    );
    expect(createSession({ corpus, log, labeler, order: 'uncertain', rankInline: 7 }).rankPending).toBe(false);
    log.close();
  });
});
