import { resolve } from 'node:path';
import type { BenchData, BenchReport, RawJudgement } from '@stance/evaluate';
import {
  gitCommit,
  isFolder,
  mapLabels,
  parseLabelMap,
  parseModelSpecs,
  progressLine,
  readDataset,
  readItemsFile,
  renderMarkdown,
  renderText,
  runBench,
  writeHtmlReport,
} from '@stance/evaluate';
import { StanceError } from '@stance/schema';
import { stripControl } from '@stance/text';
import { flag, intOption, numberOption, stringOption, stringOptions, userPath } from '../args.ts';
import type { Command, Io, ParsedArgs } from '../command.ts';
import { REPO_ROOT } from '../paths.ts';

/** Parse `--curve-at 10,25,50,75,100` (percentages) into shares in (0, 1]. */
function curveShares(spec: string | undefined): number[] {
  const text = spec ?? '10,25,50,75,100';
  const shares = text.split(',').map((p) => Number(p.trim()));
  if (shares.length === 0 || shares.some((s) => !(s > 0 && s <= 100)))
    throw new StanceError(`--curve-at takes percentages in (0, 100] separated by commas, got ${JSON.stringify(text)}`);
  return [...new Set(shares)].sort((a, b) => a - b).map((s) => s / 100);
}

/** Read the data the flags name: a dataset folder, --train/--test, or --data with --cv. */
function readData(args: ParsedArgs, io: Io, map: ReadonlyMap<string, string>): BenchData {
  const dir = args.positionals[0];
  const trainFile = stringOption(args, 'train');
  const testFile = stringOption(args, 'test');
  const dataFile = stringOption(args, 'data');
  const cv = stringOption(args, 'cv');
  const usage = 'give a dataset folder, --train F --test F, or --data F --cv K';
  if (args.positionals.length > 1) throw new StanceError(`one dataset folder at most; ${usage}`);
  const ways = [dir !== undefined, trainFile !== undefined || testFile !== undefined, dataFile !== undefined];
  if (ways.filter(Boolean).length !== 1) throw new StanceError(usage);
  if (dir !== undefined) {
    if (cv !== undefined) throw new StanceError('--cv works with --data F; a dataset folder has its own splits');
    const path = userPath(io, dir);
    if (!isFolder(path))
      throw new StanceError('not a dataset folder (for one labelled file use --data F --cv K)', { where: dir });
    const evalSplit = stringOption(args, 'eval') ?? 'test';
    if (evalSplit !== 'test' && evalSplit !== 'validation')
      throw new StanceError(`--eval takes test or validation, got ${JSON.stringify(evalSplit)}`);
    const d = readDataset(path, dir, evalSplit);
    const judgements: RawJudgement[] = d.judgements.map((j) => ({ ...j, label: map.get(j.label) ?? j.label }));
    return {
      mode: 'dataset',
      train: mapLabels(d.train, map),
      test: mapLabels(d.test, map),
      files: d.files,
      judgements,
    };
  }
  if (dataFile !== undefined) {
    if (cv === undefined) throw new StanceError('--data F needs --cv K (k-fold cross-validation)');
    const folds = intOption(args, 'cv', 5, 2);
    const d = readItemsFile(userPath(io, dataFile), 'data', dataFile);
    return { mode: 'cv', items: mapLabels(d.items, map), folds, files: [d.file] };
  }
  if (trainFile === undefined || testFile === undefined) throw new StanceError('--train F and --test F go together');
  if (cv !== undefined) throw new StanceError('--cv works with --data F, not with --train/--test');
  const train = readItemsFile(userPath(io, trainFile), 'train', trainFile);
  const test = readItemsFile(userPath(io, testFile), 'test', testFile);
  return {
    mode: 'split',
    train: mapLabels(train.items, map),
    test: mapLabels(test.items, map),
    files: [train.file, test.file],
  };
}

/** `stance bench`: benchmark built-in and external models on a dataset, a train/test pair or k folds of one file. */
export const benchCommand: Command = {
  name: 'bench',
  summary: 'benchmark models (majority, rules, nb, logreg, hybrid, saved, external) with bootstrap CIs',
  usage:
    'stance bench (DIR | --train F --test F | --data F --cv K) [--model M]... [--map A=x,B=y] [--curve] [--json | --markdown] [--html DIR]',
  options: {
    train: { type: 'string', arg: 'FILE', help: 'training JSONL, lines {"id","text","label","doc"?}' },
    test: { type: 'string', arg: 'FILE', help: 'test JSONL, same lines' },
    data: { type: 'string', arg: 'FILE', help: 'one labelled JSONL file for --cv' },
    cv: { type: 'string', arg: 'K', help: 'k-fold cross-validation, grouped by doc, stratified by label' },
    eval: { type: 'string', arg: 'SPLIT', help: 'dataset folder: evaluate on test (default) or validation' },
    model: {
      type: 'string',
      multiple: true,
      arg: 'M',
      help: 'majority, rules, default (the shipped labeller), nb, logreg, hybrid (nb:alpha=0.1,… sets training options), MODEL.json or cmd:"PROGRAM" (repeat; default the four fast built-ins)',
    },
    map: { type: 'string', arg: 'A=x,…', help: 'rename data labels, e.g. SUBJ=opinion,OBJ=fact' },
    seed: { type: 'string', arg: 'N', help: 'seed of folds, curve subsets and bootstrap (default 1)' },
    resamples: { type: 'string', arg: 'N', help: 'bootstrap resamples (default 1000)' },
    timeout: { type: 'string', arg: 'S', help: 'seconds an external model may run (default 600)' },
    curve: { type: 'boolean', help: 'learning curve: macro-F1 against the share of training data' },
    'curve-at': { type: 'string', arg: 'P,…', help: 'curve training shares in percent (default 10,25,50,75,100)' },
    json: { type: 'boolean', help: 'one JSON document on stdout' },
    markdown: { type: 'boolean', help: 'Markdown tables on stdout' },
    html: { type: 'string', arg: 'DIR', help: 'write DIR/index.html (self-contained, SVG charts) and DIR/report.json' },
    progress: { type: 'boolean', help: 'progress bar on stderr even when it is not a terminal' },
  },
  examples: [
    'stance bench dataset/ --html report/',
    'stance bench --train train.jsonl --test test.jsonl --model nb --model logreg --model cmd:"python my_model.py"',
    'stance bench --data labelled.jsonl --cv 5 --curve --markdown',
  ],
  async run(args, io) {
    if (flag(args, 'json') && flag(args, 'markdown')) throw new StanceError('give --json or --markdown, not both');
    const map = parseLabelMap(stringOption(args, 'map'));
    const models = parseModelSpecs(stringOptions(args, 'model'));
    const seed = intOption(args, 'seed', 1);
    const resamples = intOption(args, 'resamples', 1000, 1);
    const timeoutSeconds = numberOption(args, 'timeout', 600);
    if (!(timeoutSeconds > 0)) throw new StanceError(`--timeout takes a number of seconds > 0, got ${timeoutSeconds}`);
    const curve = flag(args, 'curve') || stringOption(args, 'curve-at') !== undefined;
    const data = readData(args, io, map);
    const showProgress = io.stderr.isTTY === true || flag(args, 'progress');
    const onProgress = showProgress
      ? (done: number, total: number, step: string) => {
          const line = progressLine(done, total, step);
          io.stderr.write(io.stderr.isTTY ? `\r\u001b[2K${line}${done === total ? '\n' : ''}` : `${line}\n`);
        }
      : undefined;
    const report: BenchReport = await runBench(data, {
      models,
      seed,
      resamples,
      timeoutSeconds,
      map,
      cwd: io.cwd,
      env: io.env,
      // The commit of the stance code that computed the figures (not of wherever the data lives).
      gitCommit: gitCommit(REPO_ROOT),
      ...(curve ? { curve: curveShares(stringOption(args, 'curve-at')) } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
    const html = stringOption(args, 'html');
    if (html !== undefined) {
      const page = writeHtmlReport(userPath(io, html), report, html);
      io.stderr.write(`wrote ${resolve(page)}\n`);
    }
    if (flag(args, 'json')) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else if (flag(args, 'markdown')) io.stdout.write(renderMarkdown(report));
    else io.stdout.write(renderText(report));
    for (const m of report.models)
      if (typeof m.settings['note'] === 'string')
        io.stderr.write(`stance: warning: model ${stripControl(m.name)}: ${stripControl(m.settings['note'])}\n`);
    const failed = report.models.filter((m) => m.error !== null);
    for (const m of failed)
      io.stderr.write(`stance: model ${stripControl(m.name)} failed: ${stripControl(m.error ?? '')}\n`);
    return failed.length > 0 ? 1 : 0;
  },
};
