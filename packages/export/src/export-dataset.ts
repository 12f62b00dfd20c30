import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AgreementReport, Judgement } from '@stance/metrics';
import { agreementReport } from '@stance/metrics';
import type { Label } from '@stance/schema';
import { LABELS, StanceError } from '@stance/schema';
import { datasetCard } from './card.ts';
import type { CorpusSource } from './corpus-source.ts';
import { croissant } from './croissant.ts';
import { csvLines } from './csv.ts';
import { featureNames, SENTENCE_FEATURES } from './features.ts';
import { FileSink } from './file-sink.ts';
import type { LabelIndex } from './label-index.ts';
import { DATA_FILES } from './layout.ts';
import { digestFolder, type FileDigest, manifestText } from './manifest.ts';
import { buildFolderAtomically } from './replace-folder.ts';
import type { ExportExclusionReason, ExportGoldSource, GoldMode } from './resolve-gold.ts';
import { documentRow, emptyCounts, judgementRow, type LabelCounts, round6, sentenceRow } from './rows.ts';
import { sentenceGold } from './sentence-gold.ts';
import { DEFAULT_SEED, DEFAULT_SPLIT, documentDraw, SPLITS, type Split, type SplitRatios, splitOf } from './splits.ts';

/** Options of `exportDataset`; all but `out` have defaults. The same corpus and options give the same bytes. */
export interface ExportOptions {
  /** The dataset folder to create. */
  out: string;
  /** Seed of the document split and the agreement bootstrap (default DEFAULT_SEED, 6). */
  seed?: number;
  /** Shares of documents for train / validation / test (default 0.8 / 0.1 / 0.1). */
  split?: SplitRatios;
  /** Fewest annotators for a unanimous or majority gold label (default 2). */
  minAnnotators?: number;
  /** Gold sources (default `both`: the logs' gold policy, and the reference where no one labelled). */
  gold?: GoldMode;
  /** Replace an existing `out` (atomically); default false: an existing folder is refused. */
  force?: boolean;
  /** Dataset name in the card (default: the folder name of `out`). */
  name?: string;
  /** Licence id for the card (default `cc-by-4.0`). */
  license?: string;
  /** Language code (default `en`). */
  language?: string;
  /** Bootstrap resamples for the agreement intervals (default 1000). */
  resamples?: number;
  /** Most labelled sentences agreement is computed on; above it, a seeded sample of documents (default 100,000). */
  agreementMaxUnits?: number;
  /** Called after each document with (documents done, documents in all). */
  onProgress?: (done: number, total: number) => void;
  /** Testing aid: throw after this many sentence rows, to prove a failed export leaves nothing behind. */
  failAfterRows?: number;
}

/** Counts of one split. */
export interface SplitSummary {
  documents: number;
  sentences: number;
  judgements: number;
  labels: LabelCounts;
}

/** What an export wrote and found: the figures its card reports. */
export interface ExportSummary {
  name: string;
  guideline: string | null;
  options: {
    seed: number;
    split: SplitRatios;
    minAnnotators: number;
    gold: GoldMode;
    license: string;
    language: string;
  };
  documents: number;
  sentences: number;
  rows: number;
  splits: Record<Split, SplitSummary>;
  goldSources: Record<ExportGoldSource, number>;
  excluded: Record<ExportExclusionReason, number>;
  /** Labels left out because their text hash no longer matches the sentence (the text changed since). */
  stale: number;
  /** Labels of sentence ids no longer in the corpus. */
  orphaned: number;
  annotators: { name: string; labels: number; meanSeconds: number | null; untimed: number }[];
  adjudicators: { name: string; decisions: number }[];
  judgements: number;
  adjudicatedRows: number;
  /** Mean seconds an annotator spent per labelled sentence, over all current judgements. */
  secondsPerSentence: number | null;
  /** Judgements without timing: labels brought in by `stance import`. */
  untimedJudgements: number;
  agreement: AgreementReport | null;
  /** Labelled sentences agreement was computed on, and of how many (a seeded document sample above the cap). */
  agreementSample: { units: number; of: number; documents: number };
  /** Every file of the dataset except the manifest. */
  files: FileDigest[];
}

const CSV_BATCH = 2000;

/** A sink per split for each file kind. */
type Sinks = Record<Split, FileSink>;

function openSinks(dir: string, path: (split: Split) => string): Sinks {
  return Object.fromEntries(SPLITS.map((s) => [s, new FileSink(join(dir, path(s)))])) as Sinks;
}

/**
 * Export the corpus as a dataset folder (Hugging Face layout): sentences with gold labels in train / validation /
 * test (JSONL and CSV), every current judgement, each document's commentary profile, the dataset card, croissant.json
 * and a SHA-256 manifest. Streams: documents are read one at a time and rows written as they are made. The folder
 * appears all at once or not at all (see buildFolderAtomically).
 */
export function exportDataset(source: CorpusSource, index: LabelIndex, options: ExportOptions): ExportSummary {
  const seed = options.seed ?? DEFAULT_SEED;
  const ratios = options.split ?? DEFAULT_SPLIT;
  const minAnnotators = options.minAnnotators ?? 2;
  const mode = options.gold ?? 'both';
  const resamples = options.resamples ?? 1000;
  const maxUnits = options.agreementMaxUnits ?? 100_000;
  const name = options.name ?? basename(options.out);
  if (!Number.isInteger(seed)) throw new StanceError(`seed must be a whole number, got ${seed}`);
  if (!Number.isInteger(minAnnotators) || minAnnotators < 1)
    throw new StanceError(`min-annotators must be a whole number ≥ 1, got ${minAnnotators}`);

  return buildFolderAtomically(options.out, options.force === true, (dir) => {
    for (const sub of ['data', 'judgements', 'documents']) mkdirSync(join(dir, sub));
    // Row builders (rows.ts) create keys in feature order, so JSON.stringify writes them in that order; a test checks.
    const sentenceNames = featureNames(SENTENCE_FEATURES);
    const sinks = {
      sentences: openSinks(dir, DATA_FILES.sentences),
      csv: openSinks(dir, DATA_FILES.sentencesCsv),
      judgements: openSinks(dir, DATA_FILES.judgements),
      documents: openSinks(dir, DATA_FILES.documents),
      excluded: new FileSink(join(dir, DATA_FILES.excluded)),
    };
    const all = [
      ...Object.values(sinks.sentences),
      ...Object.values(sinks.csv),
      ...Object.values(sinks.judgements),
      ...Object.values(sinks.documents),
      sinks.excluded,
    ];
    // csv-stringify has a fixed cost per call; rows go to it in batches.
    const csvBatch = Object.fromEntries(SPLITS.map((s) => [s, [] as Record<string, unknown>[]])) as Record<
      Split,
      Record<string, unknown>[]
    >;
    const flushCsv = (split: Split) => {
      if (csvBatch[split].length) sinks.csv[split].write(csvLines(sentenceNames, csvBatch[split], false));
      csvBatch[split] = [];
    };
    try {
      for (const s of SPLITS) sinks.csv[s].write(csvLines(sentenceNames, [], true));
      const splits = Object.fromEntries(
        SPLITS.map((s) => [s, { documents: 0, sentences: 0, judgements: 0, labels: emptyCounts() }]),
      ) as Record<Split, SplitSummary>;
      const goldSources: Record<ExportGoldSource, number> = { adjudicated: 0, unanimous: 0, majority: 0, reference: 0 };
      const excluded: Record<ExportExclusionReason, number> = {
        'too-few-annotators': 0,
        tie: 0,
        'no-majority': 0,
        unlabelled: 0,
      };
      const perAnnotator = new Map<string, { labels: number; timed: number; ms: number }>();
      const perAdjudicator = new Map<string, number>();
      const agreementJudgements: Judgement[] = [];
      const fraction = index.size <= maxUnits ? 1 : maxUnits / index.size;
      const agreementDocs = new Set<string>();
      let agreementUnits = 0;
      let stale = 0;
      let sentencesTotal = 0;
      let rows = 0;
      let judgementsTotal = 0;
      let adjudicatedRows = 0;
      let msTotal = 0;
      let timedTotal = 0;
      const total = source.documentIds.length;

      source.documentIds.forEach((docId, d) => {
        const { doc, sentences } = source.document(docId);
        const split = splitOf(docId, seed, ratios);
        const inAgreement = fraction === 1 || documentDraw(docId, seed + 1) < fraction;
        const counts = emptyCounts();
        let docExcluded = 0;
        splits[split].documents++;
        for (const sentence of sentences) {
          sentencesTotal++;
          const gold = sentenceGold(sentence, index, source.reference, mode, minAnnotators);
          const { judgements, adjudications, decision } = gold;
          stale += gold.stale;
          const goldLabel: Label | null = 'label' in decision ? decision.label : null;
          for (const j of judgements) {
            const a = perAnnotator.get(j.annotator) ?? { labels: 0, timed: 0, ms: 0 };
            a.labels++;
            if (j.ms !== null) {
              a.timed++;
              a.ms += j.ms;
              msTotal += j.ms;
              timedTotal++;
            }
            perAnnotator.set(j.annotator, a);
            judgementsTotal++;
            splits[split].judgements++;
            sinks.judgements[split].line(JSON.stringify(judgementRow(sentence, j, 'annotator', goldLabel)));
            if (inAgreement)
              agreementJudgements.push({ unit: sentence.id, doc: docId, annotator: j.annotator, label: j.label });
          }
          for (const a of adjudications) {
            perAdjudicator.set(a.annotator, (perAdjudicator.get(a.annotator) ?? 0) + 1);
            splits[split].judgements++;
            sinks.judgements[split].line(JSON.stringify(judgementRow(sentence, a, 'adjudicator', goldLabel)));
          }
          if (inAgreement && judgements.length) {
            agreementUnits++;
            agreementDocs.add(docId);
          }
          if (!('label' in decision)) {
            excluded[decision.excluded]++;
            docExcluded++;
            sinks.excluded.line(
              JSON.stringify({ id: sentence.id, doc: docId, reason: decision.excluded, detail: decision.detail }),
            );
            continue;
          }
          const row = sentenceRow(sentence, decision, judgements, decision.source === 'adjudicated');
          if (options.failAfterRows !== undefined && rows >= options.failAfterRows) {
            throw new StanceError(`export stopped after ${rows} rows (failAfterRows)`, { where: options.out });
          }
          rows++;
          goldSources[decision.source]++;
          if (row.adjudicated) adjudicatedRows++;
          counts[decision.label]++;
          splits[split].sentences++;
          splits[split].labels[decision.label]++;
          sinks.sentences[split].line(JSON.stringify(row));
          csvBatch[split].push(row as unknown as Record<string, unknown>);
          if (csvBatch[split].length >= CSV_BATCH) flushCsv(split);
        }
        sinks.documents[split].line(JSON.stringify(documentRow(doc, sentences.length, counts, docExcluded)));
        options.onProgress?.(d + 1, total);
      });
      for (const s of SPLITS) flushCsv(s);
      for (const sink of all) sink.close();

      const orphaned = index.unseenLabels();
      const agreement =
        new Set(agreementJudgements.map((j) => j.annotator)).size >= 2
          ? agreementReport(agreementJudgements, { labels: LABELS, seed, resamples })
          : null;
      const annotators = [...perAnnotator.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([n, a]) => ({
          name: n,
          labels: a.labels,
          meanSeconds: a.timed ? round6(a.ms / a.timed / 1000) : null,
          untimed: a.labels - a.timed,
        }));
      const summary: ExportSummary = {
        name,
        guideline: source.guideline?.version ?? null,
        options: {
          seed,
          split: ratios,
          minAnnotators,
          gold: mode,
          license: options.license ?? 'cc-by-4.0',
          language: options.language ?? 'en',
        },
        documents: total,
        sentences: sentencesTotal,
        rows,
        splits,
        goldSources,
        excluded,
        stale,
        orphaned,
        annotators,
        adjudicators: [...perAdjudicator.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([n, decisions]) => ({ name: n, decisions })),
        judgements: judgementsTotal,
        adjudicatedRows,
        secondsPerSentence: timedTotal ? round6(msTotal / timedTotal / 1000) : null,
        untimedJudgements: judgementsTotal - timedTotal,
        agreement,
        agreementSample: { units: agreementUnits, of: index.size, documents: agreementDocs.size },
        files: [],
      };
      // croissant.json names the data files with their digests; the card and manifest come after it.
      summary.files = digestFolder(dir);
      writeFileSync(join(dir, DATA_FILES.croissant), `${JSON.stringify(croissant(summary), null, 2)}\n`, {
        flag: 'wx',
      });
      writeFileSync(join(dir, DATA_FILES.card), datasetCard(summary), { flag: 'wx' });
      // Only the two new files need hashing; the data files were hashed above.
      const late = digestFolder(dir, new Set(summary.files.map((f) => f.path)));
      summary.files = [...summary.files, ...late].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      writeFileSync(join(dir, DATA_FILES.manifest), manifestText(summary.files), { flag: 'wx' });
      return summary;
    } catch (error) {
      for (const sink of all) {
        try {
          sink.abandon();
        } catch {}
      }
      throw error;
    }
  });
}
