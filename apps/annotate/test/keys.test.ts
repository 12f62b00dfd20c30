import { describe, expect, it } from 'vitest';
import { decodeKeys } from '../src/keys/decode-keys.ts';
import type { KeyInfo } from '../src/keys/intent-for-key.ts';
import { intentForKey } from '../src/keys/intent-for-key.ts';

const none: KeyInfo = {};

describe('the key map', () => {
  it('labels with one keystroke: letters and digits 1-4', () => {
    const table = ['f', 'q', 'o', 's', '1', '2', '3', '4'].map((k) => [k, intentForKey(k, none, 'label')]);
    expect(table).toEqual([
      ['f', { kind: 'label', label: 'fact' }],
      ['q', { kind: 'label', label: 'quote' }],
      ['o', { kind: 'label', label: 'opinion' }],
      ['s', { kind: 'label', label: 'skip' }],
      ['1', { kind: 'label', label: 'fact' }],
      ['2', { kind: 'label', label: 'quote' }],
      ['3', { kind: 'label', label: 'opinion' }],
      ['4', { kind: 'label', label: 'skip' }],
    ]);
  });

  it('maps the other keys of the labelling screen', () => {
    expect(intentForKey('', { return: true }, 'label')).toEqual({ kind: 'accept' });
    expect(intentForKey('u', none, 'label')).toEqual({ kind: 'undo' });
    expect(intentForKey('', { backspace: true }, 'label')).toEqual({ kind: 'undo' });
    expect(intentForKey('', { delete: true }, 'label')).toEqual({ kind: 'undo' });
    expect(intentForKey('j', none, 'label')).toEqual({ kind: 'dispatch', action: { type: 'move', delta: 1 } });
    expect(intentForKey('', { leftArrow: true }, 'label')).toEqual({
      kind: 'dispatch',
      action: { type: 'move', delta: -1 },
    });
    expect(intentForKey('n', none, 'label')).toEqual({ kind: 'dispatch', action: { type: 'openNote' } });
    expect(intentForKey('!', none, 'label')).toEqual({ kind: 'flag' });
    expect(intentForKey('?', none, 'label')).toEqual({ kind: 'dispatch', action: { type: 'openHelp' } });
    expect(intentForKey('g', none, 'label')).toEqual({ kind: 'dispatch', action: { type: 'openJump' } });
    expect(intentForKey('', { escape: true }, 'label')).toEqual({ kind: 'quit' });
    expect(intentForKey('x', none, 'label')).toEqual({ kind: 'none' });
  });

  it('issue 13: moves to the next and previous unlabelled, flagged and noted sentence, searches and changes view', () => {
    const seek = (target: string, delta: number) => ({ kind: 'dispatch', action: { type: 'seek', target, delta } });
    expect(intentForKey(']', none, 'label')).toEqual(seek('unlabelled', 1));
    expect(intentForKey('[', none, 'label')).toEqual(seek('unlabelled', -1));
    expect(intentForKey('', { tab: true }, 'label')).toEqual(seek('unlabelled', 1));
    expect(intentForKey('', { tab: true, shift: true }, 'label')).toEqual(seek('unlabelled', -1));
    expect(intentForKey('}', none, 'label')).toEqual(seek('flagged', 1));
    expect(intentForKey('{', none, 'label')).toEqual(seek('flagged', -1));
    expect(intentForKey(')', none, 'label')).toEqual(seek('noted', 1));
    expect(intentForKey('(', none, 'label')).toEqual(seek('noted', -1));
    expect(intentForKey('/', none, 'label')).toEqual({ kind: 'dispatch', action: { type: 'openSearch' } });
    expect(intentForKey('v', none, 'label')).toEqual({ kind: 'dispatch', action: { type: 'toggleView' } });
    expect(intentForKey(' ', none, 'label')).toEqual({ kind: 'scrollSentence' });
    expect(intentForKey('', { return: true }, 'search')).toEqual({
      kind: 'dispatch',
      action: { type: 'submitSearch' },
    });
  });

  it('regression: Alt+f (Esc and f read together) does not label', () => {
    expect(intentForKey('f', { meta: true }, 'label')).toEqual({ kind: 'none' });
  });

  it('quits on Ctrl-C in every mode', () => {
    for (const mode of ['label', 'help', 'note', 'jump', 'search'] as const)
      expect(intentForKey('c', { ctrl: true }, mode)).toEqual({ kind: 'quit' });
  });

  it('suspends on Ctrl-Z in every mode (raw mode makes it a key; the terminal would have stopped the job)', () => {
    for (const mode of ['label', 'help', 'note', 'jump', 'search'] as const)
      expect(intentForKey('z', { ctrl: true }, mode)).toEqual({ kind: 'suspend' });
    // The byte a terminal sends for it.
    expect(decodeKeys('\u001a')).toEqual([{ kind: 'key', input: 'z', key: { ctrl: true } }]);
  });

  it('types label letters into a prompt instead of labelling', () => {
    expect(intentForKey('f', none, 'note')).toEqual({ kind: 'dispatch', action: { type: 'typeText', text: 'f' } });
    expect(intentForKey('a\u0007b', none, 'jump')).toEqual({
      kind: 'dispatch',
      action: { type: 'typeText', text: 'ab' },
    });
    expect(intentForKey('', { return: true }, 'note')).toEqual({ kind: 'note', text: '' });
    expect(intentForKey('', { escape: true }, 'jump')).toEqual({ kind: 'dispatch', action: { type: 'closeMode' } });
  });

  it('scrolls and closes help', () => {
    expect(intentForKey('', { downArrow: true }, 'help')).toEqual({ kind: 'scrollHelp', delta: 1 });
    expect(intentForKey('', { pageUp: true }, 'help')).toEqual({ kind: 'scrollHelp', delta: -10 });
    expect(intentForKey('?', none, 'help')).toEqual({ kind: 'dispatch', action: { type: 'closeMode' } });
    expect(intentForKey('f', none, 'help')).toEqual({ kind: 'none' });
  });
});
