import type { Example } from '@stance/classify';
import { modelToJson, trainModel } from '@stance/classify';
import { loadCorpus, readGold, readJsonlFile, writeFileAtomic } from '@stance/corpus';
import { parseLabelMap, progressLine } from '@stance/evaluate';
import { docIdOf, StanceError } from '@stance/schema';
import { numberOption, stringOption, userPath } from '../args.ts';
import type { Command, ParsedArgs } from '../command.ts';

/** Read labelled JSONL lines `{"text","label","doc"?}` line by line; errors name FILE:LINE. */
function readExamples(path: string, name: string): { items: Example[]; sha256: string } {
  return readJsonlFile<Example>(
    path,
    (value, where) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new StanceError('expected a JSON object', { where });
      const v = value as Record<string, unknown>;
      if (typeof v['text'] !== 'string') throw new StanceError('missing "text" (string)', { where });
      if (typeof v['label'] !== 'string' || v['label'] === '')
        throw new StanceError('missing "label" (string)', { where });
      const doc = v['doc'];
      if (doc !== undefined && typeof doc !== 'string') throw new StanceError('"doc" must be a string', { where });
      return doc === undefined ? { text: v['text'], label: v['label'] } : { text: v['text'], label: v['label'], doc };
    },
    name,
  );
}

/** `--min-count N`: a whole number of at least 1. */
function minCountOption(args: ParsedArgs): number {
  const n = numberOption(args, 'min-count', 1);
  if (!Number.isInteger(n) || n < 1) throw new StanceError('--min-count takes a whole number of at least 1');
  return n;
}

/** Write the model atomically (corpus's writeFileAtomic), turning file-system errors into one line. */
function writeModel(path: string, content: string, name: string): void {
  try {
    writeFileAtomic(path, content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new StanceError(`cannot write model (${code ?? 'error'})`, { where: name });
  }
}

/**
 * Corpus gold as training examples, in document order when the documents are ingested (so quotations carry over);
 * gold for sentences not found in the stored documents follows in the order of gold.jsonl.
 */
function corpusExamples(dir: string): Example[] {
  const gold = readGold(dir);
  if (gold.length === 0) throw new StanceError('no gold labels (gold.jsonl missing or empty)', { where: dir });
  const corpus = loadCorpus(dir);
  const bySentence = new Map(gold.map((g) => [g.sentence, g]));
  const out: Example[] = [];
  for (const s of corpus.sentences) {
    const g = bySentence.get(s.id);
    if (!g) continue;
    out.push({ text: g.text, label: g.label, doc: s.docId });
    bySentence.delete(s.id);
  }
  for (const g of bySentence.values()) out.push({ text: g.text, label: g.label, doc: docIdOf(g.sentence) });
  return out;
}

/** `stance train`: fit a naive Bayes, logistic regression or hybrid model and save it as JSON. */
export const trainCommand: Command = {
  name: 'train',
  summary: 'train a naive Bayes, logistic regression or hybrid (n-grams + sentence embeddings) labeler, saved as JSON',
  usage:
    'stance train (--data FILE.jsonl | --corpus DIR) [--model logreg|nb|hybrid] [--map A=x,B=y] [--max-examples N] [--min-count N] --out MODEL.json',
  options: {
    data: { type: 'string', arg: 'FILE', help: 'labelled sentences, lines {"text","label","doc"?}' },
    corpus: {
      type: 'string',
      arg: 'DIR',
      help: 'train on a corpus folder’s gold labels (gold.jsonl), in document order',
    },
    model: {
      type: 'string',
      arg: 'KIND',
      help: '`logreg` (default), `nb`, or `hybrid`: logreg mixed with logreg over sentence embeddings (best, ~40 sentences/s)',
    },
    map: { type: 'string', arg: 'A=x,…', help: 'rename labels before training, e.g. SUBJ=opinion,OBJ=fact' },
    l2: { type: 'string', arg: 'X', help: 'logreg L2 penalty (default 0.003, chosen by cross-validation)' },
    alpha: { type: 'string', arg: 'X', help: 'nb smoothing (default 0.5)' },
    'max-examples': {
      type: 'string',
      arg: 'N',
      help: 'train on the first N labelled sentences only (for data too large)',
    },
    'min-count': {
      type: 'string',
      arg: 'N',
      help: 'keep features seen in at least N sentences (default 1; raised as needed to keep at most 1,000,000)',
    },
    out: { type: 'string', arg: 'FILE', help: 'where to write the model JSON (required)' },
  },
  examples: [
    'stance train --data labelled.jsonl --out model.json',
    'stance train --corpus corpus --model nb --out nb.json',
    'stance train --data labelled.jsonl --model hybrid --out hybrid.json',
  ],
  async run(args, io) {
    const data = stringOption(args, 'data');
    const corpus = stringOption(args, 'corpus');
    const out = stringOption(args, 'out');
    const kind = stringOption(args, 'model') ?? 'logreg';
    if (kind !== 'nb' && kind !== 'logreg' && kind !== 'hybrid')
      throw new StanceError(`--model must be logreg, nb or hybrid, got ${JSON.stringify(kind)}`);
    if ((data === undefined) === (corpus === undefined))
      throw new StanceError('give exactly one of --data FILE or --corpus DIR');
    if (out === undefined) throw new StanceError('--out MODEL.json is required');
    const map = parseLabelMap(stringOption(args, 'map'));
    const name = data ?? corpus!;
    let examples: Example[];
    let dataSha256: string | undefined;
    if (data !== undefined) {
      const file = readExamples(userPath(io, data), data);
      examples = file.items;
      dataSha256 = file.sha256;
      if (examples.length === 0) throw new StanceError('no labelled lines', { where: data });
    } else {
      examples = corpusExamples(userPath(io, corpus!));
    }
    if (args.values['max-examples'] !== undefined) {
      const max = numberOption(args, 'max-examples', 0);
      if (!Number.isInteger(max) || max < 1) throw new StanceError('--max-examples takes a whole number above 0');
      if (examples.length > max) {
        examples.length = max;
        // The model then records the hash of the sentences it saw, not of the whole file.
        dataSha256 = undefined;
      }
    }
    for (const e of examples) e.label = map.get(e.label) ?? e.label;
    const labels = new Set(examples.map((e) => e.label));
    if (labels.size < 2)
      throw new StanceError(`need at least two labels, found ${JSON.stringify([...labels])}`, { where: name });
    const options = {
      ...(dataSha256 !== undefined ? { dataSha256 } : {}),
      ...(args.values['l2'] !== undefined ? { l2: numberOption(args, 'l2', 1e-2) } : {}),
      ...(args.values['alpha'] !== undefined ? { alpha: numberOption(args, 'alpha', 0.5) } : {}),
      ...(args.values['min-count'] !== undefined ? { features: { minCount: minCountOption(args) } } : {}),
      onNotice: (message: string) => io.stderr.write(`stance: note: ${message} (--min-count N)\n`),
    };
    const started = Date.now();
    if (kind === 'hybrid')
      io.stderr.write(`encoding ${examples.length} sentences with the sentence encoder (about 40 a second)…\n`);
    // A progress bar only on a terminal: in a pipe or a log file, a line per sentence would be noise.
    const onProgress = (done: number, total: number) => {
      if (done % 10 === 0 || done === total)
        io.stderr.write(`\r\u001b[2K${progressLine(done, total, 'encoded')}${done === total ? '\n' : ''}`);
    };
    const model = await trainModel(kind, examples, io.stderr.isTTY ? { ...options, onProgress } : options);
    writeModel(userPath(io, out), modelToJson(model), out);
    const perLabel = new Map<string, number>();
    for (const e of examples) perLabel.set(e.label, (perLabel.get(e.label) ?? 0) + 1);
    const counts = [...labels].sort().map((l) => `${l} ${perLabel.get(l)}`);
    io.stderr.write(
      `trained ${kind} on ${examples.length} sentences (${counts.join(', ')}) in ${Date.now() - started} ms → ${out}\n`,
    );
    return 0;
  },
};
