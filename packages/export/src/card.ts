import type { Interval } from '@stance/metrics';
import { LABELS } from '@stance/schema';
import { stringify } from 'yaml';
import type { ExportSummary } from './export-dataset.ts';
import { DOCUMENT_FEATURES, type Feature, hubFeatures, JUDGEMENT_FEATURES, SENTENCE_FEATURES } from './features.ts';
import { DATA_FILES } from './layout.ts';
import { SPLITS } from './splits.ts';

/** The dataset's configurations: name, features, the file of each split, and rows per split. */
export function configs(summary: ExportSummary) {
  const documents = (s: (typeof SPLITS)[number]) => summary.splits[s].documents;
  return [
    {
      name: 'sentences',
      features: SENTENCE_FEATURES,
      path: DATA_FILES.sentences,
      rows: (s: (typeof SPLITS)[number]) => summary.splits[s].sentences,
    },
    {
      name: 'judgements',
      features: JUDGEMENT_FEATURES,
      path: DATA_FILES.judgements,
      rows: (s: (typeof SPLITS)[number]) => summary.splits[s].judgements,
    },
    { name: 'documents', features: DOCUMENT_FEATURES, path: DATA_FILES.documents, rows: documents },
  ] as const satisfies readonly {
    name: string;
    features: readonly Feature[];
    path: (s: (typeof SPLITS)[number]) => string;
    rows: (s: (typeof SPLITS)[number]) => number;
  }[];
}

/** The Hub's size bucket for a row count. */
function sizeCategory(n: number): string {
  if (n < 1_000) return 'n<1K';
  if (n < 10_000) return '1K<n<10K';
  if (n < 100_000) return '10K<n<100K';
  if (n < 1_000_000) return '100K<n<1M';
  return '1M<n<10M';
}

/** The YAML header the Hub reads: metadata, configurations with their data files, features and split sizes. */
export function cardHeader(summary: ExportSummary): Record<string, unknown> {
  const bytesOf = new Map(summary.files.map((f) => [f.path, f.bytes]));
  const cs = configs(summary);
  return {
    pretty_name: summary.name,
    language: [summary.options.language],
    license: summary.options.license,
    annotations_creators: ['expert-generated'],
    language_creators: ['found'],
    multilinguality: ['monolingual'],
    size_categories: [sizeCategory(summary.rows)],
    source_datasets: ['original'],
    task_categories: ['text-classification'],
    task_ids: ['multi-class-classification'],
    tags: ['stance', 'opinion-mining', 'commentary', 'fact-checking'],
    configs: cs.map((c) => ({
      config_name: c.name,
      ...(c.name === 'sentences' ? { default: true } : {}),
      data_files: SPLITS.map((s) => ({ split: s, path: c.path(s) })),
    })),
    dataset_info: cs.map((c) => {
      const sizes = SPLITS.map((s) => bytesOf.get(c.path(s)) ?? 0);
      return {
        config_name: c.name,
        features: hubFeatures(c.features),
        splits: SPLITS.map((s, i) => ({ name: s, num_bytes: sizes[i]!, num_examples: c.rows(s) })),
        download_size: sizes.reduce((a, b) => a + b, 0),
        dataset_size: sizes.reduce((a, b) => a + b, 0),
      };
    }),
  };
}

/** A figure with three decimals, or n/a when undefined. */
function fixed(x: number | null | undefined, digits = 3): string {
  return x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(digits);
}

/** `0.712 [0.650, 0.770]`. */
export function formatInterval(i: Interval): string {
  return Number.isFinite(i.estimate) ? `${fixed(i.estimate)} [${fixed(i.low)}, ${fixed(i.high)}]` : 'n/a';
}

/** A percentage with one decimal. */
function pct(part: number, whole: number): string {
  return whole ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a';
}

/** Markdown table. */
function table(head: string[], rows: (string | number)[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** Field descriptions of one configuration as a Markdown list. */
function fieldList(features: readonly Feature[]): string {
  return features
    .map((f) => {
      const type = 'dtype' in f ? f.dtype : 'class_label' in f ? `class_label (${LABELS.join(', ')})` : 'list';
      const sub = 'list' in f ? ` — items: ${f.list.map((x) => `\`${x.name}\``).join(', ')}` : '';
      return `- \`${f.name}\` (${type}): ${f.description}${sub}`;
    })
    .join('\n');
}

/**
 * The dataset card (`README.md`): the YAML header the Hub reads, then summary, structure, splits, how it was
 * annotated (guideline version, annotators, agreement with intervals, adjudications, time per sentence), gold
 * policy and exclusions, limitations and licence. Built only from `summary`, so it is as deterministic as the data.
 */
export function datasetCard(summary: ExportSummary): string {
  const o = summary.options;
  const header = stringify(cardHeader(summary), { lineWidth: 0 });
  const splitRows = SPLITS.map((s) => {
    const x = summary.splits[s];
    return [s, x.documents, x.sentences, ...LABELS.map((l) => `${x.labels[l]} (${pct(x.labels[l], x.sentences)})`)];
  });
  const totals = LABELS.map((l) => SPLITS.reduce((n, s) => n + summary.splits[s].labels[l], 0));
  splitRows.push(['**all**', summary.documents, summary.rows, ...totals.map((t) => `${t} (${pct(t, summary.rows)})`)]);
  const a = summary.agreement;
  const agreementText =
    a === null
      ? 'Agreement is not reported: fewer than two annotators labelled the exported sentences.'
      : [
          `Measured on ${a.counts.pairableUnits} sentences labelled by at least two annotators` +
            (summary.agreementSample.units < summary.agreementSample.of
              ? ` (a seeded sample of ${summary.agreementSample.documents} documents: ${summary.agreementSample.units} of ${summary.agreementSample.of} labelled sentences)`
              : '') +
            `, ${a.counts.documents} documents; ${Math.round(a.bootstrap.level * 100)}% intervals from ${a.bootstrap.resamples} bootstrap resamples of documents (seed ${a.bootstrap.seed}).`,
          '',
          table(
            ['measure', 'value [95% CI]'],
            [
              ['observed agreement', formatInterval(a.overall.observed)],
              ["Fleiss' kappa", formatInterval(a.overall.fleissKappa)],
              ["Krippendorff's alpha (nominal)", formatInterval(a.overall.krippendorffAlpha)],
              ...a.pairs.map((p) => [`Cohen's kappa ${p.a} / ${p.b} (${p.items} sentences)`, formatInterval(p.kappa)]),
              ...a.perLabel.map((l) => [
                `${l.label}: Fleiss' kappa / specific agreement`,
                `${formatInterval(l.fleissKappa)} / ${formatInterval(l.specificAgreement)}`,
              ]),
            ],
          ),
        ].join('\n');
  // Imported labels carry no trace of who made them or how (a person, a model, a copy of another log); the bundled
  // sample's logs were team passes that agreed at kappa 0.994, which read as human agreement until this said so.
  const importedCaveat =
    a !== null && summary.untimedJudgements > 0
      ? `\n\n${summary.untimedJudgements} of ${summary.judgements} judgements were brought in with \`stance import\`, ` +
        'which does not record who made them or how. Until that is known, read these figures as agreement between ' +
        'the logs, not as agreement between independent human annotators.'
      : '';
  const ex = summary.excluded;
  const excludedTotal = Object.values(ex).reduce((x, y) => x + y, 0);
  const body = [
    `# ${summary.name}`,
    '',
    '## Dataset summary',
    '',
    `Sentences of opinion pieces and news commentary, each labelled **fact**, **quote**, **opinion** or **skip** ` +
      `(fragments and boilerplate), for stance analysis of commentary. ${summary.rows} labelled sentences from ` +
      `${summary.documents} documents (${summary.sentences} sentences in all), exported by \`stance export\`.`,
    '',
    '## Dataset structure',
    '',
    'Three configurations, each split into train / validation / test **by document** (no document is in two splits):',
    '',
    `- \`sentences\` (default): one row per sentence with a gold label. Files \`data/{split}.jsonl\`; the same rows as ` +
      '`data/{split}.csv` for spreadsheets (lists as JSON text; cells starting with `=`, `+`, `-`, `@`, tab or CR are ' +
      "prefixed with `'` against formula injection, so use the JSONL files for exact text).",
    '- `judgements`: one row per current label of each annotator (role `annotator`) and each adjudication decision ' +
      '(role `adjudicator`): the raw labels, for agreement studies and human baselines. Files `judgements/{split}.jsonl`.',
    '- `documents`: one row per document with its commentary profile from gold: counts of each label and the shares ' +
      'of fact, quote and opinion among the three. Files `documents/{split}.jsonl`.',
    '',
    '```python',
    'from datasets import load_dataset',
    `ds = load_dataset("path/to/${summary.name}")                 # sentences`,
    `raw = load_dataset("path/to/${summary.name}", "judgements")`,
    '```',
    '',
    '### Fields of `sentences`',
    '',
    fieldList(SENTENCE_FEATURES),
    '',
    '### Fields of `judgements`',
    '',
    fieldList(JUDGEMENT_FEATURES),
    '',
    '### Fields of `documents`',
    '',
    fieldList(DOCUMENT_FEATURES),
    '',
    '### Splits',
    '',
    `Each document's split comes from a seeded hash of its id (SHA-256 of \`seed:docId\` as a number in [0, 1), cut at ` +
      `${o.split.map((r) => r.toFixed(2)).join(' / ')}; seed ${o.seed}): adding documents never moves an existing one. ` +
      'Splits are not re-balanced by label (that would move documents), so label shares per split vary by chance; ' +
      'they are:',
    '',
    table(['split', 'documents', 'sentences', ...LABELS], splitRows),
    '',
    '## Annotation',
    '',
    `Guideline version: ${summary.guideline ?? 'unknown (no GUIDELINES.md)'}. Annotators labelled sentences in the ` +
      '`stance annotate` terminal UI, or labelled elsewhere and brought their labels in with `stance import`; one ' +
      'append-only event log each; the current label of each annotator is the last one not undone. A label counts only ' +
      'while the sentence text is unchanged (its text hash matches).' +
      (summary.untimedJudgements
        ? ` ${summary.untimedJudgements} of ${summary.judgements} judgements were imported and carry no timing (\`ms\` is null); ` +
          'times below are over timed judgements only.'
        : ''),
    '',
    table(
      ['annotator', 'current labels', 'imported (untimed)', 'mean seconds per sentence'],
      summary.annotators.map((x) => [
        x.name,
        x.labels,
        x.untimed,
        x.meanSeconds === null ? 'n/a' : fixed(x.meanSeconds, 1),
      ]),
    ),
    '',
    `Mean time per sentence over timed judgements: ${summary.secondsPerSentence === null ? 'n/a (none timed)' : `${fixed(summary.secondsPerSentence, 1)} s`}. ` +
      `Adjudication: ${summary.adjudicators.length ? summary.adjudicators.map((x) => `${x.name} decided ${x.decisions} sentences`).join(', ') : 'none'}; ` +
      `${summary.adjudicatedRows} exported labels are adjudicated.`,
    '',
    '### Agreement',
    '',
    agreementText + importedCaveat,
    '',
    '### Gold labels',
    '',
    `Gold policy (gold source \`${o.gold}\`, at least ${o.minAnnotators} annotators): an adjudicated label wins; ` +
      'otherwise a unanimous label, else a strict majority, among sentences with enough annotators' +
      (o.gold === 'logs'
        ? '.'
        : o.gold === 'reference'
          ? '; here only the team reference labels (`corpus/gold.jsonl`, source `reference`) are used.'
          : '; a sentence no annotator labelled takes the team reference label from `corpus/gold.jsonl` (source ' +
            '`reference`: a label by the team that wrote the sample, not an annotation of this project).'),
    '',
    table(
      ['gold source', 'sentences'],
      Object.entries(summary.goldSources).map(([k, v]) => [k, v]),
    ),
    '',
    `Excluded from the data (${excludedTotal} sentences, each listed in \`excluded.jsonl\` with its reason):`,
    '',
    table(
      ['reason', 'sentences'],
      Object.entries(ex).map(([k, v]) => [k, v]),
    ),
    '',
    `Labels not counted: ${summary.stale} stale (the sentence text changed after labelling), ${summary.orphaned} on ` +
      'sentences no longer in the corpus.',
    '',
    '## Limitations',
    '',
    '- The label set is coarse: a sentence can hold a quote and an opinion at once; annotators pick the dominant one.',
    '- Documents are few and from a narrow range of outlets and topics; figures per split have wide intervals.',
    '- Machine suggestions, when shown, may anchor annotators (`suggestion_shown` says when they were visible).',
    '- Splits are grouped by document but not stratified by label; check the split table before comparing models.',
    '- Excluded sentences (ties, too few annotators) are the hard cases; a model tested only on gold sees none of them.',
    '',
    '## Licence',
    '',
    `Released under \`${o.license}\`. The licence of the quoted source texts rests with their publishers; check it ` +
      'before redistribution.',
    '',
    '## Files',
    '',
    '`MANIFEST.sha256` lists the SHA-256 of every other file (`sha256sum -c MANIFEST.sha256`); `croissant.json` ' +
      'describes the dataset in Croissant 1.0 with its responsible-AI fields.',
    '',
  ].join('\n');
  return `---\n${header}---\n\n${body}`;
}
