import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { defaultLabeller, labelDocument } from '@stance/classify';
import { afterEach, describe, expect, it } from 'vitest';
import type { LearnWorkerData } from '../src/learn/protocol.ts';
import { spawnLearnWorker, spawnLearnWorkerEarly } from '../src/learn/spawn-worker.ts';
import { DEFAULT_MODEL_NAME } from '../src/model/start-model.ts';
import { createSuggester } from '../src/model/suggester.ts';
import { KEYS, renderApp } from './render.tsx';

// The default labeller lives in the learning worker only (issue 13: < 300 MB at 100k sentences, the model loaded in
// one thread, not two). These tests hold the worker's replies back behind a gate, so that "before the worker answers"
// is a state the test is in for sure, not a race it might lose.

/** The real worker, its replies held until `open` is called. */
class GatedWorker extends EventEmitter {
  private held: unknown[] | null = [];
  constructor(readonly real: Worker) {
    super();
    real.on('message', (message) => (this.held ? this.held.push(message) : this.emit('message', message)));
    real.on('error', (error) => this.emit('error', error));
  }
  open(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const message of held) this.emit('message', message);
  }
  /** The replies held so far. */
  get heldMessages(): readonly { type: string; doc?: number }[] {
    return (this.held ?? []) as { type: string; doc?: number }[];
  }
  /** Let through the held replies `pick` chooses, in order (the rest stay held); how many went. */
  release(pick: (message: { type: string; doc?: number }) => boolean): number {
    const held = this.heldMessages;
    const out = held.filter(pick);
    this.held = held.filter((m) => !pick(m));
    for (const message of out) this.emit('message', message);
    return out.length;
  }
  postMessage(message: unknown, transfer?: readonly ArrayBuffer[]): void {
    this.real.postMessage(message, transfer as ArrayBuffer[]);
  }
  unref(): void {
    this.real.unref();
  }
  terminate(): Promise<number> {
    return this.real.terminate();
  }
}

const gates: GatedWorker[] = [];
afterEach(async () => {
  for (const gate of gates.splice(0)) await gate.terminate();
});
const gated = (data: LearnWorkerData) => {
  const gate = new GatedWorker(spawnLearnWorker(data));
  gates.push(gate);
  return gate as unknown as Worker;
};

/** The App with the default labeller in a gated worker (no retraining, no model files). */
const renderGated = () =>
  renderApp({ start: { kind: 'default' }, learning: { every: 0, newestModel: null }, spawnWorker: gated });

async function until(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('suggestions from the learning worker', () => {
  it('names the default labeller as its weights do, without loading it in this thread', () => {
    expect(DEFAULT_MODEL_NAME).toBe(defaultLabeller().name);
  });

  it('pending until the worker answers; a label given meanwhile is on disk (with no suggestion), then the suggestion shows and is logged', {
    timeout: 120_000,
  }, async () => {
    const app = await renderGated();
    // This thread loaded no model: its suggester has the rules' cues, and the header names the worker's model.
    expect(app.session.modelInWorker).toBe(true);
    expect(app.session.suggester.trained).toBe(false);
    expect(app.frame()).toContain('suggestions: default');
    expect(app.frame()).toContain('suggestion … (default)');
    expect(app.frame()).toContain('why (rule cues):');
    // Enter has nothing to accept yet, and says so; nothing is written.
    await app.press(KEYS.enter);
    expect(app.frame()).toContain('the suggestion is not ready yet');
    expect(app.log.events).toHaveLength(0);
    // A label does not wait for the worker: it is fsync'd and the screen moves on, logged without a suggestion.
    await app.press('f');
    expect(app.log.events).toHaveLength(1);
    expect(app.log.events[0]).toMatchObject({ type: 'label', label: 'fact', suggestion: null });
    expect(app.frame()).toContain('suggestion … (default)');
    // The worker answers: the default labeller's suggestion for the current sentence shows, and is what Enter logs.
    gates[0]!.open();
    await until(() => /suggestion (fact|quote|opinion|skip) \d+% \(default\)/.test(app.frame()), 'the suggestion');
    const here = createSuggester(app.session.index, labelDocument, defaultLabeller()).at(1);
    expect(app.frame()).toContain(`suggestion ${here.label} ${Math.round(here.confidence * 100)}% (default)`);
    await app.press(KEYS.enter);
    expect(app.log.events).toHaveLength(2);
    expect(app.log.events[1]).toMatchObject({
      label: here.label,
      suggestion: { label: here.label, model: 'default', shown: true },
    });
    app.close();
  });

  it('predictions of a document not on screen draw no frame; going there shows them at once', {
    timeout: 120_000,
  }, async () => {
    const app = await renderGated();
    const gate = gates.at(-1)!;
    // The first document (council) has three sentences: on its last, the sentence one key away is in the next one.
    await app.press(KEYS.right);
    await app.press(KEYS.right);
    expect(app.frame()).toContain('doc 1/3 · sentence 3/3');
    const predicted = (doc: number) => gate.heldMessages.some((m) => m.type === 'predicted' && m.doc === doc);
    await until(() => predicted(0) && predicted(1), 'predictions of both documents');
    gate.release((m) => m.doc === 0);
    await until(() => /suggestion (fact|quote|opinion|skip) \d+% \(default\)/.test(app.frame()), 'the suggestion');
    const frames = app.frames.length;
    // The next document's predictions come: nothing on screen changes, so nothing is drawn.
    expect(gate.release((m) => m.doc === 1)).toBe(1);
    for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 10));
    expect(app.frames.length).toBe(frames);
    // The key that goes there shows them with its own frame, not a pending suggestion.
    await app.press(KEYS.right);
    expect(app.frame()).toContain('doc 2/3 · sentence 1/');
    expect(app.frame()).toMatch(/suggestion (fact|quote|opinion|skip) \d+% \(default\)/);
    app.close();
  });

  it('a worker started before the corpus was known (as `stance annotate` starts it) gets the texts as a message: it ranks and suggests', {
    timeout: 120_000,
  }, async () => {
    const worker = spawnLearnWorkerEarly({ kind: 'default' });
    const app = await renderApp({
      start: { kind: 'default' },
      order: 'uncertain',
      learning: { every: 0, newestModel: null, worker },
    });
    await until(() => !app.frame().includes('(ranking…)'), 'the ranking');
    await until(() => /suggestion (fact|quote|opinion|skip) \d+% \(default\)/.test(app.frame()), 'the suggestion');
    expect(app.frame()).not.toContain('learning:');
    // Ranked by the default labeller: the next sentence is the least confident of the rest.
    const here = createSuggester(app.session.index, labelDocument, defaultLabeller());
    const confidence = here.all();
    const least = app.session.index.sentences
      .map((_, s) => s)
      .slice(1)
      .reduce((a, b) => (confidence[b]! < confidence[a]! ? b : a));
    await app.press('f');
    const text = app.session.index.sentences[least]!.text;
    await until(() => app.frame().includes(`suggestion ${here.at(least).label} `), 'the next suggestion');
    expect(app.frame()).toContain(text.slice(0, 20));
    app.close();
    await worker.terminate();
  });

  it('a worker that fails to predict shows why in place of the suggestion, and labels still land', {
    timeout: 120_000,
  }, async () => {
    // A model file that does not exist: the worker cannot load it and says so for each prediction asked.
    const app = await renderApp({
      start: { kind: 'file', file: { path: 'models/gone.json', stamp: 0 } },
      startModel: { name: 'gone', predict: () => [] },
      learning: { every: 0, newestModel: null },
    });
    expect(app.frame()).toContain('suggestion … (gone)');
    await until(() => app.frame().includes('no suggestion:'), 'the failure to show');
    await app.press('o');
    expect(app.log.events[0]).toMatchObject({ label: 'opinion', suggestion: null });
    app.close();
  });
});
