import type { Label } from '@stance/schema';
import { textHash } from '@stance/schema';
import type { NewEvent } from '@stance/store';
import { retractedIds } from '@stance/store';
import { useCallback, useRef, useState } from 'react';
import { decodeKeys } from '../keys/decode-keys.ts';
import type { KeyInfo } from '../keys/intent-for-key.ts';
import { intentForKey } from '../keys/intent-for-key.ts';
import { latestFlag, latestLabel } from '../model/log-roles.ts';
import type { Suggester } from '../model/suggester.ts';
import type { AnnotateSession } from '../session/session.ts';
import type { Action } from '../state/actions.ts';
import { reducer } from '../state/reducer.ts';
import { currentPosition, currentSentence } from '../state/selectors.ts';
import type { AnnotateState } from '../state/state.ts';
import { initialState } from '../state/state.ts';

/** How far things can scroll at the current screen size (the layout knows; keys need it). */
export interface ScreenMetrics {
  /** Lines the help screen can scroll. */
  helpMax: number;
  /** Lines the current sentence can scroll in its pane (0 when it fits), and a page of them. */
  sentenceMax: number;
  sentencePage: number;
}

/** The state the screen draws, the input handler that drives it, and a dispatch for what is not a key. */
export interface AnnotationController {
  state: AnnotateState;
  /** Handle one input event from the terminal, which may hold several keys. */
  handleInput(event: string, metrics: ScreenMetrics): void;
  /** Apply an action that does not come from a key (a timer, the background model) and draw it. */
  dispatch(action: Action): void;
}

const isPrompt = (mode: AnnotateState['mode']) => mode === 'note' || mode === 'jump' || mode === 'search';

/**
 * The controller: keys become intents; intents that write append to the log (fsync'd when `append` returns) and only
 * then dispatch the action that moves the screen on. The live state is kept in a ref and advanced synchronously, key
 * by key, so several keys arriving in one read (fast typing, a paste, a slow link) each act, in order, on the state
 * the previous one left; the screen is drawn once the read is done. `suggester` gives the suggestion shown (and
 * logged) for a sentence; it changes when the background model does.
 */
export function useAnnotation(
  session: AnnotateSession,
  suggester: Suggester,
  onQuit: () => void,
  onSuspend?: () => boolean,
): AnnotationController {
  const live = useRef<AnnotateState | null>(null);
  if (live.current === null)
    live.current = initialState({
      index: session.index,
      order: session.order,
      base: session.base,
      flagged: session.flagged,
      notes: session.notes,
      at: session.now(),
      adjudicating: session.adjudication !== null,
      source: session.startName,
      ranking: session.rankPending,
    });
  const [state, setState] = useState<AnnotateState>(live.current);
  // Ids of retracted events: from the log at start, then each retract this hook writes (the log is ours while it is
  // open). Undo and unflag walk back from the end of the log with it, rather than fold the whole log on each key.
  const retracted = useRef<Set<string> | null>(null);
  if (retracted.current === null) retracted.current = retractedIds(session.log.events);
  // Inside a bracketed paste (the terminal marks pasted text), a prompt takes line breaks as spaces, not as Enter.
  const pasting = useRef(false);
  // The suggester of the moment, read by key handlers without re-creating them.
  const suggest = useRef(suggester);
  suggest.current = suggester;

  const apply = useCallback((action: Action) => {
    live.current = reducer(live.current!, action);
  }, []);
  const dispatch = useCallback(
    (action: Action) => {
      apply(action);
      setState(live.current!);
    },
    [apply],
  );

  /** Act on one key; false when it quits (the keys after it in the same read are not acted on). */
  const handleKey = useCallback(
    (input: string, key: KeyInfo, metrics: ScreenMetrics): boolean => {
      const now = session.now();
      // Every key is activity: the time on the sentence runs (each gap capped), and a shown pause ends.
      apply({ type: 'activity', at: now, capMs: session.idleCapMs });
      const current = live.current!;
      const intent = intentForKey(input, key, current.mode);
      const guideline = session.guideline?.version ?? 'none';
      // Every write goes through here: a failed append (disk full, log closed) is shown, and the screen stays put.
      const write = (event: NewEvent, after: (stored: ReturnType<typeof session.log.append>) => Action) => {
        try {
          const stored = session.log.append(event);
          apply(after(stored));
        } catch (error) {
          apply({ type: 'failed', message: `not saved: ${(error as Error).message}` });
        }
      };
      const adjudicating = session.adjudication !== null;
      // An adjudicator's labels and undos concern their decisions only, even if the same log also holds labels they
      // gave as an annotator.
      const events = session.log.events;
      const undone = retracted.current!;
      const label = (value: Label) => {
        const sentence = currentSentence(current);
        if (!sentence) return;
        const { activeMs, idleMs } = current.clock;
        const timing = { ms: Math.round(activeMs), idleMs: Math.round(idleMs) };
        const labelled = (stored: { id: string }, reveal: object = {}): Action => ({
          type: 'labelled',
          sentence: sentence.id,
          label: value,
          ms: timing.ms,
          event: stored.id,
          at: session.now(),
          ...reveal,
        });
        if (adjudicating) {
          // The adjudicator is shown the annotators' labels, not a machine suggestion.
          const decision: NewEvent = {
            type: 'label',
            sentence: sentence.id,
            textHash: textHash(sentence.text),
            ...timing,
            guideline,
            label: value,
            suggestion: null,
            adjudication: true,
          };
          write(decision, (stored) => labelled(stored));
          return;
        }
        const suggested = suggest.current.at(currentPosition(current));
        // No suggestion is logged when there was none to see: the labeler failed, or the worker had not answered yet.
        const none = suggested.error !== undefined || suggested.pending === true;
        const suggestion = !none
          ? {
              label: suggested.label,
              model: suggested.model,
              shown: !session.blind,
              confidence: round(suggested.confidence),
            }
          : null;
        const event: NewEvent = {
          type: 'label',
          sentence: sentence.id,
          textHash: textHash(sentence.text),
          ...timing,
          guideline,
          label: value,
          suggestion,
        };
        write(event, (stored) =>
          labelled(
            stored,
            session.blind && !none
              ? {
                  reveal: {
                    given: value,
                    suggested: suggested.label,
                    confidence: suggested.confidence,
                    model: suggested.model,
                  },
                }
              : {},
          ),
        );
      };

      switch (intent.kind) {
        case 'none':
          return true;
        case 'quit':
          onQuit();
          return false;
        case 'suspend':
          if (onSuspend?.()) apply({ type: 'resumed', at: session.now() });
          else apply({ type: 'say', message: 'Ctrl-Z: no job control here (no shell to suspend to); Esc quits' });
          return true;
        case 'dispatch':
          apply({ at: now, ...intent.action } as Action);
          return true;
        case 'scrollHelp':
          apply({ type: 'scrollHelp', delta: intent.delta, max: metrics.helpMax });
          return true;
        case 'scrollSentence':
          if (metrics.sentenceMax <= 0) apply({ type: 'say', message: 'the whole sentence is in view' });
          else apply({ type: 'scrollSentence', page: metrics.sentencePage, max: metrics.sentenceMax });
          return true;
        case 'label':
          label(intent.label);
          return true;
        case 'accept': {
          if (adjudicating) {
            apply({ type: 'say', message: 'adjudicating: press f, q, o or s to decide' });
            return true;
          }
          if (session.blind) {
            apply({ type: 'say', message: 'suggestions are hidden (--blind): press f, q, o or s' });
            return true;
          }
          const p = currentPosition(current);
          if (p < 0) return true;
          const suggested = suggest.current.at(p);
          if (suggested.error !== undefined) apply({ type: 'say', message: 'there is no suggestion to accept' });
          else if (suggested.pending)
            apply({ type: 'say', message: 'the suggestion is not ready yet: press f, q, o or s, or ⏎ once it shows' });
          else label(suggested.label);
          return true;
        }
        case 'undo': {
          const at = latestLabel(events, undone, adjudicating);
          if (at < 0) {
            apply({ type: 'say', message: 'nothing to undo' });
            return true;
          }
          const target = events[at]!;
          write(
            {
              type: 'retract',
              sentence: target.sentence,
              textHash: target.textHash,
              target: target.id,
              ms: 0,
              guideline,
            },
            () => {
              undone.add(target.id);
              // The label before the undone one (if any) comes back: every later label of this role is undone too.
              const before = latestLabel(events, undone, adjudicating, at - 1, target.sentence);
              const back = before < 0 ? null : (events[before]!.label ?? null);
              return {
                type: 'retracted',
                sentence: target.sentence,
                label: back,
                target: target.id,
                at: session.now(),
              };
            },
          );
          return true;
        }
        case 'note': {
          const sentence = currentSentence(current);
          const text = current.input.trim();
          if (!sentence || text === '') {
            apply({ type: 'closeMode' });
            return true;
          }
          write(
            { type: 'note', sentence: sentence.id, textHash: textHash(sentence.text), ms: 0, guideline, note: text },
            () => ({ type: 'noted', sentence: sentence.id, note: text }),
          );
          return true;
        }
        case 'flag': {
          const sentence = currentSentence(current);
          if (!sentence) return true;
          const hash = textHash(sentence.text);
          const existing = latestFlag(events, undone, sentence.id);
          if (existing)
            write(
              { type: 'retract', sentence: sentence.id, textHash: hash, target: existing.id, ms: 0, guideline },
              () => {
                undone.add(existing.id);
                return { type: 'flagged', sentence: sentence.id, on: false };
              },
            );
          else
            write({ type: 'flag', sentence: sentence.id, textHash: hash, ms: 0, guideline }, () => ({
              type: 'flagged',
              sentence: sentence.id,
              on: true,
            }));
          return true;
        }
      }
    },
    [session, apply, onQuit, onSuspend],
  );

  const handleInput = useCallback(
    (event: string, metrics: ScreenMetrics) => {
      try {
        for (const token of decodeKeys(event)) {
          if (token.kind === 'paste') {
            pasting.current = token.on;
            continue;
          }
          if (token.kind === 'key') {
            // A line break or tab inside a paste into a prompt is white space in the text, not Enter.
            if (pasting.current && isPrompt(live.current!.mode) && (token.key.return || token.key.tab)) {
              apply({ type: 'typeText', text: ' ' });
              continue;
            }
            if (!handleKey(token.input, token.key, metrics)) return;
            continue;
          }
          // A run of characters: each one a key, until one of them opens a prompt, which takes the rest as text.
          let rest = token.text;
          while (rest !== '') {
            if (isPrompt(live.current!.mode)) {
              apply({ type: 'activity', at: session.now(), capMs: session.idleCapMs });
              apply({ type: 'typeText', text: rest });
              break;
            }
            const char = String.fromCodePoint(rest.codePointAt(0)!);
            rest = rest.slice(char.length);
            if (!handleKey(char, {}, metrics)) return;
          }
        }
      } finally {
        // One frame for the whole read: every key in it has acted (and every label is on disk) by now.
        setState(live.current!);
      }
    },
    [session, apply, handleKey],
  );

  return { state, handleInput, dispatch };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
