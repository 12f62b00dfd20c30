import type { Example } from '@stance/classify';
import { checkHybridExamples, modelToJson, trainModel } from '@stance/classify';
import { readJsonlFile, writeCorpusModel } from '@stance/corpus';
import { parseLabelMap, passesTenth, progressLine } from '@stance/evaluate';
import type { GoldMode } from '@stance/export';
import { buildLabelIndex, corpusLogs, GOLD_MODES, openCorpus, sentenceGold } from '@stance/export';
import { isStanceError, StanceError } from '@stance/schema';
import { writeFileAtomic } from '@stance/store';
import { blockQuoted, stripControl } from '@stance/text';
import { intOption, numberOption, stringOption, userPath } from '../args.ts';
import type { Command, Io, ParsedArgs } from '../command.ts';

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

/** Run `write` (an atomic write of the model; it returns the path), turning file-system errors into one line. */
function writeModel(name: string, write: () => string): string {
  try {
    return write();
  } catch (error) {
    const reason = isStanceError(error) ? error.message : ((error as NodeJS.ErrnoException).code ?? 'error');
    throw new StanceError(`cannot write model (${reason})`, { where: name });
  }
}

/** `1 sentence`, `2 sentences`. */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** `a 3, b 1`, or `none` for an empty count. */
function counts(entries: Iterable<[string, number]>): string {
  const parts = [...entries].filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`);
  return parts.length ? parts.join(', ') : 'none';
}

/**
 * Training examples from a corpus folder: each sentence's gold label decided exactly as `stance export` decides it
 * (`sentenceGold` of @stance/export: adjudicated > unanimous > majority with ≥ minAnnotators annotators, the team
 * reference `gold.jsonl` where no one labelled, as `--gold` says), in document order so quotations carry over.
 * No gold at all is a one-line error saying how many sentences are labelled and by whom.
 */
function corpusExamples(dir: string, mode: GoldMode, minAnnotators: number, io: Io): Example[] {
  const source = openCorpus(dir);
  const index = buildLabelIndex(corpusLogs(dir));
  for (const w of index.warnings) io.stderr.write(`stance: warning: ${w}\n`);
  const examples: Example[] = [];
  const sources = new Map<string, number>();
  const excluded = new Map<string, number>();
  const byAnnotator = new Map<string, number>();
  let sentences = 0;
  let labelled = 0;
  let stale = 0;
  for (const docId of source.documentIds) {
    const { doc, sentences: docSentences } = source.document(docId);
    // The quotations the layout shows (a `>` paragraph, a lead-in's paragraph), read as the annotation UI reads them.
    const quoted = blockQuoted(doc.text, docSentences);
    for (const [k, sentence] of docSentences.entries()) {
      sentences++;
      const gold = sentenceGold(sentence, index, source.reference, mode, minAnnotators);
      stale += gold.stale;
      if (gold.judgements.length) labelled++;
      for (const j of gold.judgements) byAnnotator.set(j.annotator, (byAnnotator.get(j.annotator) ?? 0) + 1);
      const d = gold.decision;
      if ('label' in d) {
        examples.push({ text: sentence.text, label: d.label, doc: docId, ...(quoted[k] ? { quoted: true } : {}) });
        sources.set(d.source, (sources.get(d.source) ?? 0) + 1);
      } else if (d.excluded !== 'unlabelled') excluded.set(d.excluded, (excluded.get(d.excluded) ?? 0) + 1);
    }
  }
  const staleNote = stale ? `; ${plural(stale, 'label')} for an earlier text of a sentence not counted` : '';
  if (examples.length === 0) {
    if (sentences === 0)
      throw new StanceError(
        'no gold labels yet: the corpus has no documents (labels count only for ingested documents; run `stance ingest`)',
        { where: dir },
      );
    const who = [...byAnnotator].sort(([a], [b]) => (a < b ? -1 : 1));
    throw new StanceError(
      labelled === 0
        ? `no gold labels yet: none of the ${plural(sentences, 'sentence')} is labelled by an annotator` +
            (mode === 'logs' ? '' : ' and gold.jsonl has no label for them') +
            `${staleNote}; label some with \`stance annotate\``
        : `no gold labels yet: ${labelled} of ${plural(sentences, 'sentence')} labelled (${counts(who)}), none with a gold label (${counts(excluded)})${staleNote}; ` +
            `gold needs a sentence labelled by at least ${minAnnotators} annotators with a majority (--min-annotators ${minAnnotators}), or an adjudication`,
      { where: dir },
    );
  }
  io.stderr.write(
    `gold from ${stripControl(dir)}: ${counts(sources)}; left out: ${counts(excluded)}; ${plural(labelled, 'sentence')} labelled by ${plural(byAnnotator.size, 'annotator')}${staleNote}\n`,
  );
  return examples;
}

/** `stance train`: fit a naive Bayes, logistic regression or hybrid model and save it as JSON. */
export const trainCommand: Command = {
  name: 'train',
  summary: 'train a naive Bayes, logistic regression or hybrid (n-grams + sentence embeddings) labeler, saved as JSON',
  usage:
    'stance train (--data FILE.jsonl --out MODEL.json | --corpus DIR [--gold logs|reference|both] [--min-annotators N] [--out MODEL.json]) [--model logreg|nb|hybrid] [--map A=x,B=y] [--max-examples N] [--min-count N]',
  options: {
    data: { type: 'string', arg: 'FILE', help: 'labelled sentences, lines {"text","label","doc"?}' },
    corpus: {
      type: 'string',
      arg: 'DIR',
      help: 'train on a corpus’s gold: the annotator logs by export’s gold policy, gold.jsonl where no one labelled',
    },
    gold: { type: 'string', arg: 'SOURCE', help: 'with --corpus: logs, reference (gold.jsonl) or both (default both)' },
    'min-annotators': {
      type: 'string',
      arg: 'N',
      help: 'with --corpus: annotators needed for a unanimous/majority label (default 2, as export)',
    },
    model: {
      type: 'string',
      arg: 'KIND',
      help: '`logreg` (default), `nb`, or `hybrid`: logreg mixed with logreg over sentence embeddings (best, ~40 sentences/s per core; at most 100,000 sentences)',
    },
    map: { type: 'string', arg: 'A=x,…', help: 'rename labels before training, e.g. SUBJ=opinion,OBJ=fact' },
    l2: { type: 'string', arg: 'X', help: 'logreg L2 penalty (default 0.003, chosen by cross-validation)' },
    alpha: { type: 'string', arg: 'X', help: 'nb smoothing (default 0.5)' },
    'max-examples': {
      type: 'string',
      arg: 'N',
      help: "train on the first N labelled sentences only (for data too large, e.g. over hybrid's 100,000)",
    },
    'min-count': {
      type: 'string',
      arg: 'N',
      help: 'keep features seen in at least N sentences (default 1; raised as needed to keep at most 1,000,000)',
    },
    out: {
      type: 'string',
      arg: 'FILE',
      help: 'where to write the model JSON (required with --data; with --corpus default <corpus>/models/<kind>-<UTC time>.json, which the annotation UI picks up)',
    },
  },
  examples: [
    'stance train --data labelled.jsonl --out model.json',
    'stance train --corpus my-corpus                 # → my-corpus/models/logreg-<UTC time>.json',
    'stance train --corpus corpus --model nb --min-annotators 1 --out nb.json',
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
    if (out === undefined && data !== undefined) throw new StanceError('--out MODEL.json is required with --data');
    const gold = stringOption(args, 'gold');
    if (gold !== undefined && !(GOLD_MODES as readonly string[]).includes(gold))
      throw new StanceError(`--gold takes ${GOLD_MODES.join(', ')}, got ${JSON.stringify(gold)}`);
    if (data !== undefined && (gold !== undefined || args.values['min-annotators'] !== undefined))
      throw new StanceError('--gold and --min-annotators go with --corpus');
    const minAnnotators = intOption(args, 'min-annotators', 2, 1);
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
      examples = corpusExamples(userPath(io, corpus!), (gold ?? 'both') as GoldMode, minAnnotators, io);
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
    // In place: a copy of each example would double the memory of a large training file.
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
    // Before the encoder starts: a file too large for it is refused at once, not after an hour.
    if (kind === 'hybrid') checkHybridExamples(examples.length, name);
    const started = Date.now();
    if (kind === 'hybrid')
      io.stderr.write(
        `encoding ${examples.length} sentences with the sentence encoder (about 40 a second per core)…\n`,
      );
    // A progress bar on a terminal. In a pipe or a log file a line per sentence would be noise, but a long encoding
    // (100,000 sentences take 20-40 minutes) still says how far it is, a line per tenth.
    const onProgress = io.stderr.isTTY
      ? (done: number, total: number) => {
          if (done % 10 === 0 || done === total)
            io.stderr.write(`\r\u001b[2K${progressLine(done, total, 'encoded')}${done === total ? '\n' : ''}`);
        }
      : (done: number, total: number) => {
          // `total` counts distinct sentences not yet encoded, so the size test is on the sentences given.
          if (examples.length >= 1000 && passesTenth(done, total))
            io.stderr.write(`${progressLine(done, total, 'encoded')}\n`);
        };
    const model = await trainModel(kind, examples, { ...options, onProgress });
    const json = modelToJson(model);
    // Without --out a corpus's model goes into <corpus>/models/ under a new timestamped name: the annotation UI
    // takes the newest, and no earlier model is overwritten.
    const written =
      out !== undefined
        ? writeModel(out, () => {
            writeFileAtomic(userPath(io, out), json);
            return out;
          })
        : writeModel(corpus!, () => writeCorpusModel(userPath(io, corpus!), kind, json));
    const tally = new Map<string, number>();
    for (const e of examples) tally.set(e.label, (tally.get(e.label) ?? 0) + 1);
    const perLabel = [...labels].sort().map((l) => `${l} ${tally.get(l)}`);
    io.stderr.write(
      `trained ${kind} on ${examples.length} sentences (${perLabel.join(', ')}) in ${Date.now() - started} ms → ${stripControl(out ?? written)}\n`,
    );
    return 0;
  },
};
