import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { defaultLabeller, labelDocument, modelToJson, train } from '@stance/classify';
import type { Label } from '@stance/schema';
import { openAnnotatorLog } from '@stance/store';
import { afterEach, describe, expect, it } from 'vitest';
import type { Learner } from '../src/learn/learner.ts';
import { createLearner, KEPT_PREDICTIONS } from '../src/learn/learner.ts';
import type { LiveExample } from '../src/learn/learning.ts';
import { crossValidate } from '../src/learn/learning.ts';
import { liveSuggester } from '../src/learn/live-suggester.ts';
import { spawnLearnWorker } from '../src/learn/spawn-worker.ts';
import type { StartModel } from '../src/model/start-model.ts';
import { createSuggester } from '../src/model/suggester.ts';
import type { LearningOptions } from '../src/session/session.ts';
import { createSession } from '../src/session/session.ts';
import type { LearningStatus } from '../src/state/state.ts';
import { initialState } from '../src/state/state.ts';
import { buildCorpus } from './fixtures.ts';
import { tempCorpusDir } from './render.tsx';

// The learning worker for real: a worker thread (TypeScript source, tsx registered inside it), trained on labels,
// asked for predictions, handed a model file. Replies come as events; the test waits on them with a generous bound.

const TEMPLATES: [Label, (n: number) => string][] = [
  ['fact', (n) => `The council spent ${n + 3} million on roads in ${2000 + n}.`],
  ['opinion', (n) => `This plan is a disgrace and the mayor should resign over item ${n}.`],
  ['quote', (n) => `“We will fix it by spring,” the mayor said of road ${n}.`],
  ['fact', (n) => `Ridership fell ${n + 10}% after fares rose in March.`],
  ['opinion', (n) => `Surely nobody believes scheme ${n} is worth the money.`],
];

/** `docs` documents of the templates; those from `blockFrom` on are one `>` paragraph (a block quotation). */
function corpus(docs: number, blockFrom = Number.POSITIVE_INFINITY) {
  return buildCorpus(
    Array.from({ length: docs }, (_, d) => ({
      id: `d${d}`,
      title: `Piece ${d}`,
      sentences: TEMPLATES.map(([, make], k) => (d >= blockFrom && k === 0 ? `> ${make(d)}` : make(d))),
    })),
  );
}

const learners: Learner[] = [];
afterEach(() => {
  for (const l of learners.splice(0)) l.close();
});

async function until(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function setup(
  learning: LearningOptions,
  spawn = spawnLearnWorker,
  start: StartModel = { kind: 'rules' },
  docs = 10,
  blockFrom = Number.POSITIVE_INFINITY,
) {
  const dir = tempCorpusDir();
  const log = openAnnotatorLog(dir, 'tester');
  const session = createSession({
    corpus: { ...corpus(docs, blockFrom), guideline: null },
    log,
    labeler: labelDocument,
    learning,
    start,
    order: 'uncertain',
  });
  const statuses: Partial<LearningStatus>[] = [];
  let ranked: readonly number[] | null = null;
  let changes = 0;
  const learner = createLearner(
    session,
    { status: (s) => statuses.push(s), ranked: (r) => (ranked = Array.from(r)), changed: () => changes++ },
    spawn,
  );
  learners.push(learner);
  const labels = new Map<string, Label>();
  // Label the first 6 documents by their templates.
  session.index.sentences.forEach((s, i) => {
    if (i < 30) labels.set(s.id, TEMPLATES[i % TEMPLATES.length]![0]);
  });
  const state = { ...initialState({ index: session.index, order: session.order, base: labels, at: 0 }) };
  const withLabels = (n: number) => ({ ...state, session: { ...state.session, labels: n } });
  return { dir, session, learner, statuses, ranked: () => ranked, changes: () => changes, withLabels, log };
}

describe('background learning (issue 13)', () => {
  it('retrains in a worker after N labels, adopts a model that beats the rules, re-ranks, and predicts documents', {
    timeout: 120_000,
  }, async () => {
    const t = setup({ every: 5, newestModel: null });
    t.learner.labelled(t.withLabels(4));
    expect(t.statuses).toEqual([]);
    t.learner.labelled(t.withLabels(5));
    expect(t.statuses).toEqual([{ training: true }]);
    await until(() => t.statuses.some((s) => s.training === false), 'the training to finish');
    const done = t.statuses.at(-1)!;
    expect(done).toMatchObject({ source: 'live-logreg-1', training: false, note: null });
    expect(done.score).toMatchObject({ examples: 30, previousName: 'rules' });
    expect(done.score!.macroF1).toBeGreaterThan(done.score!.previous);
    // --order uncertain: the unlabelled sentences after the current one came back ranked.
    expect(t.ranked()?.length).toBe(19);
    expect(t.learner.live?.name).toBe('live-logreg-1');

    // Predictions are asked for per document and arrive as a change; suggestions then name the live model.
    const doc = 8;
    t.learner.want([doc]);
    await until(() => t.learner.live!.docs.has(doc), 'predictions of a document');
    const suggester = liveSuggester(t.session.index, t.session.suggester, t.learner.live);
    const position = t.session.index.byDoc[doc]![1]!;
    expect(suggester.at(position)).toMatchObject({ model: 'live-logreg-1', label: 'opinion' });
    // A document not predicted yet is suggested by the model the session started with (here the rules), and says so.
    expect(suggester.at(t.session.index.byDoc[9]![0]!).model).toBe('rules');
  });

  it('regression: compares a retrained model with the model the session started with (the default labeller), not the rules, and falls back to it', {
    timeout: 120_000,
  }, async () => {
    const t = setup({ every: 5, newestModel: null }, spawnLearnWorker, { kind: 'default' });
    expect(t.session.startName).toBe('default');
    // The default labeller lives in the worker only: this thread's suggester gives the rules' cues alone.
    expect(t.session.modelInWorker).toBe(true);
    expect(t.session.suggester.trained).toBe(false);
    // What the worker trains on: the 30 labels, grouped by document (position) in reading order.
    const { index } = t.session;
    const examples: LiveExample[] = index.sentences.slice(0, 30).map((s, p) => ({
      text: s.text,
      label: TEMPLATES[p % TEMPLATES.length]![0],
      doc: String(index.docOf[p]),
    }));
    const againstDefault = crossValidate(examples, defaultLabeller());
    const againstRules = crossValidate(examples, { name: 'rules', predict: (texts) => labelDocument([...texts]) });
    // The two baselines score differently on these sentences, so the figure says which one the worker used.
    expect(againstDefault.previous).not.toBeCloseTo(againstRules.previous, 2);
    t.learner.labelled(t.withLabels(5));
    await until(() => t.statuses.some((s) => s.training === false), 'the training to finish');
    const score = t.statuses.at(-1)!.score!;
    expect(score.previousName).toBe('default');
    expect(score.previous).toBeCloseTo(againstDefault.previous, 6);
    expect(score.macroF1).toBeCloseTo(againstDefault.macroF1, 6);
    // A document the worker's model has not predicted yet is pending (this thread has no model of its own to fall
    // back to), with the rules' cues; then the worker's prediction arrives.
    const position = index.byDoc[9]![0]!;
    const before = liveSuggester(index, t.session.suggester, t.learner.live, true).at(position);
    expect(before).toMatchObject({
      pending: true,
      model: t.learner.live!.name,
      cues: t.session.suggester.at(position).cues,
    });
    t.learner.want([9]);
    await until(() => t.learner.live!.docs.has(9), 'predictions of document 9');
    const after = liveSuggester(index, t.session.suggester, t.learner.live, true).at(position);
    expect(after.pending).toBeUndefined();
    expect(after.model).toBe(t.learner.live!.name);
  });

  it('ranks the queue in the worker by the start model’s confidence, least confident first (a large --order uncertain)', {
    timeout: 120_000,
  }, async () => {
    // Documents 8 and 9 are block quotations: the worker must read them as the UI does.
    const t = setup({ every: 0, newestModel: null }, spawnLearnWorker, { kind: 'default' }, 10, 8);
    expect(t.session.index.blockQuoted.filter((b) => b === 1)).toHaveLength(10);
    const state = t.withLabels(0);
    t.learner.rankQueue(state);
    expect(t.statuses).toEqual([{ ranking: true }]);
    await until(() => t.ranked() !== null, 'the ranking');
    expect(t.statuses.at(-1)).toEqual({ ranking: false, note: null });
    // The pool: the unlabelled sentences (documents 6-9) but the current one, by the default labeller's
    // confidence as the UI computes it, ties in document order.
    const { index } = t.session;
    const confidence = createSuggester(index, labelDocument, defaultLabeller()).all();
    const current = state.order[state.pos]!;
    const pool = index.sentences.map((_, s) => s).filter((s) => s >= 30 && s !== current);
    expect(t.ranked()).toEqual([...pool].sort((a, b) => confidence[a]! - confidence[b]! || a - b));
  });

  it('takes a newer model file from the corpus folder while running', { timeout: 120_000 }, async () => {
    let newest: { path: string; stamp: number } | null = null;
    const t = setup({ every: 0, newestModel: () => newest });
    const model = train(
      'logreg',
      TEMPLATES.map(([label, make], i) => ({ text: make(i), label })),
    );
    const path = join(t.dir, 'logreg-20270101T000000.000Z.json');
    writeFileSync(path, modelToJson({ ...model, name: 'team-model' } as typeof model));
    t.learner.poll();
    expect(t.statuses).toEqual([]);
    newest = { path, stamp: 1 };
    t.learner.want([0]);
    t.learner.poll();
    await until(() => t.statuses.some((s) => s.source !== undefined), 'the model to load');
    expect(t.statuses.at(-1)).toMatchObject({ source: model.name, score: null, note: null });
    // The same file again is not loaded twice.
    const before = t.statuses.length;
    t.learner.poll();
    await new Promise((r) => setTimeout(r, 200));
    expect(t.statuses.length).toBe(before);
  });

  it('keeps the predictions of the documents wanted last only', { timeout: 120_000 }, async () => {
    let newest: { path: string; stamp: number } | null = null;
    const docs = KEPT_PREDICTIONS + 4;
    const t = setup({ every: 0, newestModel: () => newest }, spawnLearnWorker, { kind: 'rules' }, docs);
    const model = train(
      'logreg',
      TEMPLATES.map(([label, make], i) => ({ text: make(i), label })),
    );
    const path = join(t.dir, 'logreg-20270101T000000.000Z.json');
    writeFileSync(path, modelToJson(model));
    newest = { path, stamp: 1 };
    t.learner.poll();
    await until(() => t.learner.live !== null, 'the model to load');
    for (let doc = 0; doc < docs; doc++) {
      t.learner.want([doc]);
      await until(() => t.learner.live!.docs.has(doc), `predictions of document ${doc}`);
    }
    expect(t.learner.live!.docs.size).toBe(KEPT_PREDICTIONS);
    expect([...t.learner.live!.docs.keys()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: KEPT_PREDICTIONS }, (_, k) => docs - KEPT_PREDICTIONS + k),
    );
  });

  it('goes on without learning, and says why, when the worker fails', { timeout: 60_000 }, async () => {
    const t = setup({ every: 5, newestModel: null }, () => new Worker('throw new Error("boom")', { eval: true }));
    t.learner.labelled(t.withLabels(5));
    await until(() => t.statuses.some((s) => s.note?.includes('stopped') === true), 'the failure to be told');
    expect(t.statuses.at(-1)?.note).toBe(
      'learning: the background worker stopped (boom); suggestions stay as they are',
    );
    expect(t.learner.live).toBeNull();
    // It does not try again.
    t.learner.labelled(t.withLabels(50));
    expect(t.statuses.filter((s) => s.training === true)).toHaveLength(1);
  });
});
