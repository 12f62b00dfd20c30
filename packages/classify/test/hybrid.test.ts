import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkHybridExamples,
  createUseEncoder,
  modelFromJson,
  modelToJson,
  predictTexts,
  train,
  trainModel,
  USE_ENCODER_ID,
  useEncoder,
} from '../src/index.ts';
import { examples } from './subj-obj.ts';

// The real encoder runs here (USE lite from node_modules, on worker threads; ~1 s to load, ~26 ms a sentence): no
// stand-in vectors.
const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const probes = ['What an absurd, shameful mess!', 'The plant employs 300 people.', ''];

describe('sentence encoder', () => {
  it('gives one 512-dimension unit vector per text, the same for the same text, zeros for an empty one', async () => {
    const encoder = await useEncoder();
    expect(encoder.id).toBe(USE_ENCODER_ID);
    const [a, b, again, empty] = await encoder.encode([
      'The vote was 52 to 48.',
      'What a farce!',
      'The vote was 52 to 48.',
      '  ',
    ]);
    expect(a!.length).toBe(512);
    expect(Math.hypot(...a!)).toBeCloseTo(1, 3);
    expect(again).toEqual(a);
    expect(b).not.toEqual(a);
    expect([...empty!].every((x) => x === 0)).toBe(true);
  });

  it('reports progress for each text it encodes, and none for texts it has cached', async () => {
    const encoder = await useEncoder();
    const heard: [number, number][] = [];
    await encoder.encode(['Progress one.', 'Progress two.', 'Progress one.'], (done, total) =>
      heard.push([done, total]),
    );
    expect(heard).toEqual([
      [1, 2],
      [2, 2],
    ]);
    heard.length = 0;
    await encoder.encode(['Progress two.'], (done, total) => heard.push([done, total]));
    expect(heard).toEqual([]);
  });

  it('keeps at most cacheLimit vectors between calls, so a long stream does not grow without bound', async () => {
    const encoder = createUseEncoder({ threads: 1, cacheLimit: 2 });
    const first = await encoder.encode(['Cache one.', 'Cache two.', 'Cache three.']);
    expect(first.map((v) => v.length)).toEqual([512, 512, 512]);
    let encoded = 0;
    // Three cached is over the limit: the next call starts from an empty cache and encodes again, the same vector.
    const [again] = await encoder.encode(['Cache one.'], () => encoded++);
    expect(encoded).toBe(1);
    expect(again).toEqual(first[0]);
    encoded = 0;
    await encoder.encode(['Cache one.'], () => encoded++);
    expect(encoded).toBe(0);
    await encoder.close();
  });

  it('keeps stdout clean while loading and encoding (stdout carries data)', async () => {
    const writes: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      await (await useEncoder()).encode(['A sentence the cache has not seen yet, for the stdout check.']);
    } finally {
      process.stdout.write = write;
    }
    expect(writes).toEqual([]);
  });
});

describe('sentence encoder threads', () => {
  // Generous bounds: three models load and 80 sentences are encoded on a machine that may be busy.
  it('give every text the same vector on one thread or two (one text at a time, whatever the thread)', {
    timeout: 180_000,
  }, async () => {
    // 40 texts: enough for the pool to start its second thread (one more per 32 texts of a call).
    const texts = Array.from({ length: 40 }, (_, i) => `Thread check ${i}: the council ${i % 2 ? 'erred' : 'voted'}.`);
    const one = createUseEncoder({ threads: 1 });
    const two = createUseEncoder({ threads: 2 });
    try {
      expect([one.threads, two.threads]).toEqual([1, 2]);
      const [a, b] = await Promise.all([one.encode(texts), two.encode(texts)]);
      expect(b).toEqual(a);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('refuses a thread count below one with one line', () => {
    expect(() => createUseEncoder({ threads: 0 })).toThrow(/^encoder threads must be ≥ 1, got 0$/);
  });

  it('lets the process exit when done and prints nothing of its own to stdout (regression: a piped worker stdout held the process open)', {
    timeout: 180_000,
  }, () => {
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['packages/classify/test/fixtures/encode-once.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.error).toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout, r.stderr).toBe('{"vectors":40,"dims":512}\n');
  });
});

describe('hybrid model', async () => {
  const model = await trainModel('hybrid', examples);

  it('separates the training data and labels unseen sentences', async () => {
    expect(model.kind).toBe('hybrid');
    expect(model.encoder).toBe(USE_ENCODER_ID);
    const train = await predictTexts(
      model,
      examples.map((e) => e.text),
      { independent: true },
    );
    expect(train.map((p) => p.label)).toEqual(examples.map((e) => e.label));
    const [subj, obj, empty] = await predictTexts(model, probes, { independent: true });
    expect([subj!.label, obj!.label]).toEqual(['SUBJ', 'OBJ']);
    expect(empty!.scores['SUBJ']! + empty!.scores['OBJ']!).toBeCloseTo(1, 9);
  });

  it('mixes the two sides by denseWeight: 1 is the embedding side alone, 0 the n-gram side alone', async () => {
    const embeddings = await (await useEncoder()).encode(examples.map((e) => e.text));
    const at = (denseWeight: number) =>
      train('hybrid', examples, { embeddings, denseWeight }).predict(probes.slice(0, 2), {
        independent: true,
        embeddings: embeddings.slice(0, 2),
      });
    const ngram = train('logreg', examples).predict(probes.slice(0, 2), { independent: true });
    expect(at(0).map((p) => p.scores['SUBJ'])).toEqual(ngram.map((p) => expect.closeTo(p.scores['SUBJ']!, 9)));
    const half = at(0.5)[0]!.scores['SUBJ']!;
    expect(half).toBeCloseTo((at(0)[0]!.scores['SUBJ']! + at(1)[0]!.scores['SUBJ']!) / 2, 9);
  });

  it('saves and loads back with identical predictions', async () => {
    const json = modelToJson(model);
    const loaded = modelFromJson(json, 'hybrid.json');
    expect(JSON.parse(json).options).toMatchObject({ encoder: USE_ENCODER_ID, denseWeight: 0.7, denseL2: 1e-3 });
    expect(await predictTexts(loaded, probes)).toEqual(await predictTexts(model, probes));
  });

  it('predict without embeddings is refused with a pointer to predictTexts', () => {
    expect(() => model.predict(probes)).toThrow(/needs a sentence embedding per text.*predictTexts/);
  });

  it('refuses more than 100,000 sentences before encoding any (regression: 50 MB would encode for hours)', async () => {
    const many = Array.from({ length: 100_001 }, (_, i) => ({ text: `s${i}`, label: i % 2 ? 'SUBJ' : 'OBJ' }));
    let encoded = 0;
    await expect(trainModel('hybrid', many, { onProgress: () => encoded++ })).rejects.toThrow(
      'a hybrid model trains on at most 100,000 sentences, got 100,001',
    );
    expect(encoded).toBe(0);
    expect(() => checkHybridExamples(100_000)).not.toThrow();
  });

  it('training without embeddings is refused (train is synchronous; trainModel encodes)', () => {
    expect(() => train('hybrid', examples)).toThrow(/one sentence embedding per example/);
  });

  const good = JSON.parse(modelToJson(model));
  it.each([
    ['an unknown encoder', { ...good, options: { ...good.options, encoder: 'bert' } }, /unknown sentence encoder/],
    ['no encoder', { ...good, options: { ...good.options, encoder: undefined } }, /without "options.encoder"/],
    ['a mixing weight above 1', { ...good, options: { ...good.options, denseWeight: 2 } }, /denseWeight/],
    [
      'embedding weights of the wrong shape',
      { ...good, params: { ...good.params, dense: { bias: [0] } } },
      /embedding/,
    ],
    [
      'embedding weights for another vector length',
      { ...good, params: { ...good.params, dense: { bias: [0, 0], weights: [[1], [2]] } } },
      /hybrid embedding weights do not match/,
    ],
  ])('refuses a model file with %s', async (_, data, message) => {
    let caught: unknown;
    try {
      await predictTexts(modelFromJson(JSON.stringify(data), 'm.json'), probes);
    } catch (error) {
      caught = error;
    }
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).not.toContain('\n');
  });
});
