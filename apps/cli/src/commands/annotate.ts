import { existsSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import type { AnnotateSession, StartModel, VisitOrder } from '@stance/annotate';
import { labelDocument } from '@stance/classify';
import { loadCorpus, saveSegmentationCache } from '@stance/corpus';
import { isValidAnnotatorName, StanceError } from '@stance/schema';
import { openAnnotatorLog, readAllLogs } from '@stance/store';
import { stripControl } from '@stance/text';
import { assignedDocuments, suggestionModelFile } from '../annotate-inputs.ts';
import { flag, intOption, stringOption, userPath } from '../args.ts';
import type { Command, Io } from '../command.ts';
import { DEFAULT_CORPUS } from '../paths.ts';

const ORDERS: readonly VisitOrder[] = ['document', 'uncertain'];

/** Both ends must be a terminal: keys are read in raw mode and the screen is redrawn in place. */
function isInteractive(io: Io): boolean {
  return (io.stdin as { isTTY?: boolean }).isTTY === true && io.stdout.isTTY === true;
}

const NEEDS_TERMINAL = 'annotate needs a terminal (stdin and stdout must be a TTY); run it in an interactive shell';

/** `stance annotate`: the keyboard-only Ink UI over one corpus, writing this annotator's event log. */
export const annotateCommand: Command = {
  name: 'annotate',
  summary: 'label sentences fact / quote / opinion / skip in the terminal',
  usage:
    'stance annotate [--corpus DIR] [--annotator NAME] [--order document|uncertain] [--blind] [--idle SECONDS] [--retrain N] [--adjudicate [--min-annotators N]]',
  options: {
    corpus: { type: 'string', arg: 'DIR', help: 'corpus folder (default: the bundled corpus)' },
    annotator: {
      type: 'string',
      arg: 'NAME',
      help: 'your name, which names your log (default: the remembered one, else asked once)',
    },
    order: {
      type: 'string',
      arg: 'ORDER',
      help: 'document (default) or uncertain: least confident suggestions first (active learning)',
    },
    blind: { type: 'boolean', help: 'hide the suggestion until you have labelled; the log records it was hidden' },
    idle: {
      type: 'string',
      arg: 'SECONDS',
      help: 'a gap between keys longer than this pauses the clock on a sentence (default 60; 0: never)',
    },
    retrain: {
      type: 'string',
      arg: 'N',
      help: 'retrain the suggestion model on your labels in the background every N labels (default 25; 0: off)',
    },
    adjudicate: {
      type: 'boolean',
      help: 'walk the sentences where the other annotators differ; your label decides gold (adjudication: true)',
    },
    'min-annotators': {
      type: 'string',
      arg: 'N',
      help: 'with --adjudicate: also queue sentences labelled by fewer than N annotators (what export would leave out)',
    },
  },
  examples: [
    'stance annotate',
    'stance annotate --corpus my-corpus --annotator ana --order uncertain --blind',
    'stance annotate --annotator ana --idle 30 --retrain 50',
    'stance annotate --annotator lead --adjudicate',
  ],
  async run(args, io) {
    // React runs its development build unless told otherwise, at several times the cost per frame; the UI is loaded
    // here, after this is set, rather than with every other command.
    if (io.env['NODE_ENV'] === undefined) process.env['NODE_ENV'] = 'production';
    const {
      askAnnotatorName,
      createSession,
      disagreementQueue,
      indexCorpus,
      limitHeapGrowth,
      loadStartModel,
      rememberAnnotator,
      rememberedAnnotator,
      runAnnotate,
      spawnLearnWorkerEarly,
    } = await import('@stance/annotate');
    const corpusDir = userPath(io, stringOption(args, 'corpus') ?? DEFAULT_CORPUS);
    const order = (stringOption(args, 'order') ?? 'document') as VisitOrder;
    if (!ORDERS.includes(order))
      throw new StanceError(`--order takes document or uncertain, got ${JSON.stringify(order)}`);
    // A name is compared as NFC: the same name typed on two systems names the same log.
    const given = stringOption(args, 'annotator')?.normalize('NFC');
    if (given !== undefined && !isValidAnnotatorName(given))
      throw new StanceError(
        `--annotator ${JSON.stringify(given)} is not a valid name (letters of any script, digits, . _ -; no slashes or ..)`,
      );
    const idleSeconds = intOption(args, 'idle', 60, 0);
    const retrainEvery = intOption(args, 'retrain', 25, 0);
    const adjudicate = flag(args, 'adjudicate');
    if (adjudicate && (stringOption(args, 'order') !== undefined || flag(args, 'blind')))
      throw new StanceError('--adjudicate walks the disagreement queue; it takes neither --order nor --blind');
    if (!adjudicate && stringOption(args, 'min-annotators') !== undefined)
      throw new StanceError('--min-annotators goes with --adjudicate');
    const minAnnotators =
      stringOption(args, 'min-annotators') === undefined ? undefined : intOption(args, 'min-annotators', 2, 1);
    if (!existsSync(corpusDir) || !statSync(corpusDir).isDirectory())
      throw new StanceError('no such corpus folder', { where: corpusDir });
    let annotator = given ?? rememberedAnnotator(io.env);
    if (annotator === undefined) {
      if (!isInteractive(io)) throw new StanceError(NEEDS_TERMINAL);
      annotator = await askAnnotatorName(io.stdin, io.stderr);
      if (annotator === undefined) throw new StanceError('no annotator name given');
      rememberAnnotator(io.env, annotator);
    }
    // Suggestions start from the newest trained model in <corpus>/models/, else the shipped default labeller; it is
    // loaded (and a hybrid refused) before the log is opened, so a refused run leaves no files behind.
    const modelFile = adjudicate ? null : suggestionModelFile(corpusDir);
    const start: StartModel = adjudicate
      ? { kind: 'rules' }
      : modelFile
        ? { kind: 'file', file: modelFile }
        : { kind: 'default' };
    // A model file is loaded here to check it (its name is all this thread keeps: the learning worker loads the model
    // it suggests with); the default labeller is not loaded in this thread at all.
    const startModel = start.kind === 'file' ? loadStartModel(start) : undefined;
    // The learning worker holds the suggestion model; started now, it loads it on the other core while this thread
    // loads the corpus, so the first suggestion comes about with the first frame.
    // (Not for a run that is refused for want of a terminal.)
    const worker = adjudicate || !isInteractive(io) ? undefined : spawnLearnWorkerEarly(start);
    // Before the corpus is loaded: the heap is kept near the live data for the whole session.
    limitHeapGrowth();
    const corpus = loadCorpus(corpusDir);
    // The adjudicator's own log is read here too (unlocked) but left out of the queue by name.
    const logs = adjudicate
      ? readAllLogs(corpusDir, (warning) => io.stderr.write(`stance: warning: ${warning}\n`))
      : undefined;
    if (logs !== undefined) {
      // An empty queue is said plainly, before asking for a terminal or taking any lock.
      const queue = disagreementQueue(indexCorpus(corpus.documents, corpus.sentences), logs, annotator, {
        minAnnotators,
      });
      if (queue.length === 0) {
        const others = [...logs.keys()].filter((n) => n !== annotator);
        io.stderr.write(
          `stance: nothing to adjudicate: no sentence where the annotators (${others.length ? others.map(stripControl).join(', ') : 'none yet'}) differ${minAnnotators === undefined ? '' : ` or fewer than ${minAnnotators} labelled`}\n`,
        );
        return 0;
      }
    }
    const assigned = adjudicate ? null : assignedDocuments(corpusDir, annotator);
    // Checked before the log is opened: a refused run leaves no files behind.
    if (!isInteractive(io)) throw new StanceError(NEEDS_TERMINAL);
    // Opening the log takes the annotator's lock, so a second window on the same log is refused here, before any UI.
    let log: ReturnType<typeof openAnnotatorLog>;
    try {
      log = openAnnotatorLog(corpusDir, annotator);
    } catch (error) {
      void worker?.terminate();
      throw error;
    }
    let session: AnnotateSession;
    try {
      for (const warning of log.warnings) io.stderr.write(`stance: warning: ${warning}\n`);
      session = createSession({
        corpus,
        log,
        labeler: labelDocument,
        start,
        ...(startModel === undefined ? {} : { startModel }),
        order,
        blind: flag(args, 'blind'),
        idleCapMs: idleSeconds * 1000,
        assigned,
        learning: {
          every: retrainEvery,
          newestModel: () => suggestionModelFile(corpusDir),
          ...(worker === undefined ? {} : { worker }),
        },
        color: io.env['NO_COLOR'] === undefined || io.env['NO_COLOR'] === '',
        ...(logs === undefined ? {} : { adjudicate: { logs, minAnnotators } }),
      });
    } catch (error) {
      log.close();
      void worker?.terminate();
      throw error;
    }
    if (session.stale > 0)
      io.stderr.write(
        `stance: warning: ${session.stale} of your ${adjudicate ? 'decisions' : 'labels'} are for sentences whose text has changed; they count as ${adjudicate ? 'undecided' : 'unlabelled'}\n`,
      );
    const { appended, signal } = await runAnnotate(session, io);
    // Once the screen is gone, so no key waits on it: the next start reads the sentences instead of segmenting.
    saveSegmentationCache(corpus);
    try {
      const ended = signal ? ` (ended by ${signal})` : '';
      io.stderr.write(
        appended === 0
          ? `stance: no events this session${ended}\n`
          : `stance: ${appended} events saved to ${log.path}${ended}\n`,
      );
    } catch {
      // After a hang-up there is no terminal to tell; the events are on disk either way.
    }
    // As a shell reports a process a signal ended: 128 + the signal's number.
    return signal === undefined ? 0 : 128 + (constants.signals[signal] ?? 0);
  },
};
