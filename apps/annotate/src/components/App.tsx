/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { Worker } from 'node:worker_threads';
import { Text, useApp, useStdin } from 'ink';
import type { ReactElement } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ScreenMetrics } from '../hooks/use-annotation.ts';
import { useAnnotation } from '../hooks/use-annotation.ts';
import { useKeys } from '../hooks/use-keys.ts';
import { useTerminalSize } from '../hooks/use-terminal-size.ts';
import type { Learner } from '../learn/learner.ts';
import { createLearner } from '../learn/learner.ts';
import { liveSuggester } from '../learn/live-suggester.ts';
import type { LearnWorkerData } from '../learn/protocol.ts';
import { spawnLearnWorker } from '../learn/spawn-worker.ts';
import { helpLines } from '../model/help-text.ts';
import { planScreen } from '../model/plan-screen.ts';
import type { AnnotateSession } from '../session/session.ts';
import type { Action } from '../state/actions.ts';
import { currentPosition } from '../state/selectors.ts';
import type { LearningStatus } from '../state/state.ts';
import { ColorContext } from './color.ts';
import { HelpScreen } from './HelpScreen.tsx';
import { LabelScreen } from './LabelScreen.tsx';

/** Props of App. */
export interface AppProps {
  session: AnnotateSession;
  /** Called once when the user quits, before Ink unmounts. */
  onQuit?: () => void;
  /**
   * Ctrl-Z: give the terminal back to the shell until the job is continued, then take it again; true when the process
   * was stopped (false where there is no job control: no shell to go back to).
   */
  onSuspend?: () => boolean;
  /** Start the learning worker (tests and benchmarks may give their own). @default spawnLearnWorker */
  spawnWorker?: (data: LearnWorkerData) => Worker;
  /** Hears each change of the background learning's status (after the screen has it). */
  onLearning?: (status: Partial<LearningStatus>) => void;
}

/** Smallest terminal the screen is laid out for. */
export const MIN_SIZE = { columns: 40, rows: 16 } as const;

/** How often the corpus's models folder is looked at for a newer model file. */
const MODEL_POLL_MS = 5000;

/** The annotation UI: the labelling screen, or help with the guidelines. */
export function App({ session, onQuit, onSuspend, spawnWorker, onLearning }: AppProps) {
  const { exit } = useApp();
  const learner = useRef<Learner | null>(null);
  // Bumped to draw again when the background model changes or predicts the document on screen.
  const [, setLiveVersion] = useState(0);
  // The document on screen (its position in the index), for the learner's replies to tell whether they show.
  const shownDoc = useRef(-1);
  // The learner's replies are dispatched; dispatch comes from useAnnotation, which needs the suggester made below.
  const dispatchRef = useRef<((action: Action) => void) | null>(null);
  // Background learning: a worker started on first need (at once when it holds the session's model); its replies are
  // dispatched as actions. Made before the first suggester, which reads its model.
  if (learner.current === null && session.learning !== null && session.adjudication === null)
    learner.current = createLearner(
      session,
      {
        status: (status) => {
          dispatchRef.current?.({ type: 'learning', status });
          onLearning?.(status);
        },
        ranked: (ranked) => dispatchRef.current?.({ type: 'reranked', ranked }),
        // Predictions of a document not on screen (the neighbours asked for in idle time) draw nothing: a render
        // for them cost the UI thread a few ms per key in --order uncertain, where each key opens another document.
        // The next render (the key that goes there) reads them, since the suggester is made from the live model.
        changed: (doc) => {
          if (doc === undefined || doc === shownDoc.current) setLiveVersion((v) => v + 1);
        },
      },
      spawnWorker ?? spawnLearnWorker,
    );
  // The learner replaces its live model object on every change, so its identity says when to make the suggester again.
  const live = learner.current?.live ?? null;
  const suggester = useMemo(
    () => liveSuggester(session.index, session.suggester, live, session.modelInWorker),
    [session, live],
  );
  const quit = useCallback(() => {
    learner.current?.close();
    onQuit?.();
    exit();
  }, [onQuit, exit]);
  const { state, handleInput, dispatch } = useAnnotation(session, suggester, quit, onSuspend);
  dispatchRef.current = dispatch;
  const { order, pos } = state;
  // The model is the worker's: ask for the first sentence's document while the first frame is drawn, so that its
  // suggestion is on the way at once.
  const askedFirst = useRef(false);
  if (!askedFirst.current && session.modelInWorker && learner.current) {
    askedFirst.current = true;
    const first = order[pos];
    if (first !== undefined) learner.current.want([session.index.docOf[first]!]);
  }
  useEffect(() => () => learner.current?.close(), []);
  // --order uncertain on a large corpus: the first frame comes first (the texts are shared with the worker once it is
  // out); then the worker ranks what is left to label.
  useEffect(() => {
    if (!session.rankPending) return;
    const timer = setTimeout(() => learner.current?.rankQueue(state), 0);
    return () => clearTimeout(timer);
  }, [session]);
  const given = state.session.labels + state.session.relabels;
  // Retraining is considered when the count of labels given changes.
  useEffect(() => {
    learner.current?.labelled(state);
  }, [given]);
  useEffect(() => {
    if (!session.learning?.newestModel || learner.current === null) return;
    const timer = setInterval(() => learner.current?.poll(), MODEL_POLL_MS);
    timer.unref();
    return () => clearInterval(timer);
  }, [session]);

  // Once the frame is out, in idle time: the suggestions of the sentences one keystroke away, so that stepping into
  // a document not seen yet does not label it while the key waits; and the background model's predictions of the
  // documents around. A key that comes first cancels it.
  useEffect(() => {
    if (session.adjudication !== null) return;
    const timer = setTimeout(() => {
      const near = [order[pos], order[pos + 1], order[pos - 1]].filter((p): p is number => p !== undefined);
      for (const p of near.slice(1)) suggester.warm(p);
      learner.current?.want(near.map((p) => session.index.docOf[p]!));
    }, 0);
    return () => clearTimeout(timer);
  }, [session, suggester, order, pos]);

  // No key for longer than the idle cap: show the clock as paused (the time is capped when the next key comes).
  const lastKey = state.clock.lastAt;
  useEffect(() => {
    if (session.idleCapMs <= 0) return;
    const timer = setTimeout(() => dispatch({ type: 'idle' }), session.idleCapMs);
    timer.unref();
    return () => clearTimeout(timer);
  }, [session, lastKey, dispatch]);

  const { columns, rows } = useTerminalSize();
  const { isRawModeSupported } = useStdin();
  const adjudicating = session.adjudication !== null;
  const help = useMemo(
    () => helpLines(session.guideline, columns - 1, adjudicating),
    [session.guideline, columns, adjudicating],
  );
  const helpHeight = rows - 2;
  const p = currentPosition(state);
  // Set while rendering (not in an effect): a reply that comes before this frame's effects ran must see it already.
  shownDoc.current = p < 0 ? -1 : (session.index.docOf[p] ?? -1);
  const suggestion = adjudicating || p < 0 ? null : suggester.at(p);
  const plan = planScreen(session, state, suggestion, columns, rows);
  const metrics: ScreenMetrics = {
    helpMax: help.length - helpHeight,
    sentenceMax: plan?.pane.maxScroll ?? 0,
    sentencePage: plan?.pane.page ?? 1,
  };
  const metricsRef = useRef(metrics);
  metricsRef.current = metrics;
  // Keys need raw mode; without a TTY it would throw, so they are only read where it works.
  const onInput = useCallback((event: string) => handleInput(event, metricsRef.current), [handleInput]);
  useKeys(onInput, isRawModeSupported === true);

  let screen: ReactElement;
  if (columns < MIN_SIZE.columns || rows < MIN_SIZE.rows)
    screen = (
      <Text>
        terminal too small ({columns}x{rows}); needs {MIN_SIZE.columns}x{MIN_SIZE.rows}. Esc quits.
      </Text>
    );
  else if (state.mode === 'help') screen = <HelpScreen lines={help} scroll={state.helpScroll} height={helpHeight} />;
  else
    screen = (
      <LabelScreen
        session={session}
        state={state}
        plan={plan}
        suggestion={suggestion}
        columns={columns}
        now={Date.now()}
      />
    );
  return <ColorContext.Provider value={session.color}>{screen}</ColorContext.Provider>;
}
