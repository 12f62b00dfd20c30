import { configs } from './card.ts';
import type { ExportSummary } from './export-dataset.ts';
import type { Feature } from './features.ts';
import { SPLITS } from './splits.ts';

/** The JSON-LD context of Croissant 1.0 (as in the spec's examples), with the responsible-AI vocabulary. */
const CONTEXT = {
  '@language': 'en',
  '@vocab': 'https://schema.org/',
  citeAs: 'cr:citeAs',
  column: 'cr:column',
  conformsTo: 'dct:conformsTo',
  cr: 'http://mlcommons.org/croissant/',
  rai: 'http://mlcommons.org/croissant/RAI/',
  data: { '@id': 'cr:data', '@type': '@json' },
  dataType: { '@id': 'cr:dataType', '@type': '@vocab' },
  dct: 'http://purl.org/dc/terms/',
  examples: { '@id': 'cr:examples', '@type': '@json' },
  extract: 'cr:extract',
  field: 'cr:field',
  fileProperty: 'cr:fileProperty',
  fileObject: 'cr:fileObject',
  fileSet: 'cr:fileSet',
  format: 'cr:format',
  includes: 'cr:includes',
  isLiveDataset: 'cr:isLiveDataset',
  jsonPath: 'cr:jsonPath',
  key: 'cr:key',
  md5: 'cr:md5',
  parentField: 'cr:parentField',
  path: 'cr:path',
  recordSet: 'cr:recordSet',
  references: 'cr:references',
  regex: 'cr:regex',
  repeated: 'cr:repeated',
  replace: 'cr:replace',
  sc: 'https://schema.org/',
  separator: 'cr:separator',
  source: 'cr:source',
  subField: 'cr:subField',
  transform: 'cr:transform',
} as const;

/** Croissant data type of a feature. */
function dataType(f: Feature): string {
  if ('class_label' in f) return 'sc:Integer';
  if ('list' in f) return 'sc:Text';
  return { string: 'sc:Text', int32: 'sc:Integer', int64: 'sc:Integer', float64: 'sc:Float', bool: 'sc:Boolean' }[
    f.dtype
  ];
}

/** A Croissant field of a record set, read from a column of the file set of its configuration. */
function field(config: string, f: Feature): Record<string, unknown> {
  const source = (column: string) => ({ fileSet: { '@id': `${config}-files` }, extract: { column } });
  const out: Record<string, unknown> = {
    '@type': 'cr:Field',
    '@id': `${config}/${f.name}`,
    name: f.name,
    description: f.description,
    dataType: dataType(f),
    source: source(f.name),
  };
  if ('list' in f) {
    out['repeated'] = true;
    delete out['dataType'];
    out['subField'] = f.list.map((s) => ({
      '@type': 'cr:Field',
      '@id': `${config}/${f.name}/${s.name}`,
      name: s.name,
      description: s.description,
      dataType: dataType(s),
      source: { ...source(f.name), transform: { jsonPath: s.name } },
    }));
  }
  return out;
}

/**
 * The dataset's Croissant 1.0 metadata (`croissant.json`): every data file with its SHA-256, one record set per
 * configuration, and the responsible-AI (RAI) fields filled from the export's figures.
 */
export function croissant(summary: ExportSummary): Record<string, unknown> {
  const digests = new Map(summary.files.map((f) => [f.path, f]));
  const cs = configs(summary);
  const files = cs.flatMap((c) =>
    SPLITS.map((s) => {
      const path = c.path(s);
      return {
        '@type': 'cr:FileObject',
        '@id': path,
        name: path,
        description: `${c.name}, ${s} split`,
        contentUrl: path,
        contentSize: `${digests.get(path)?.bytes ?? 0} B`,
        encodingFormat: 'application/jsonlines',
        sha256: digests.get(path)?.sha256 ?? '',
      };
    }),
  );
  // One file set per configuration (its three split files) is what the record sets read from.
  const fileSets = cs.map((c) => ({
    '@type': 'cr:FileSet',
    '@id': `${c.name}-files`,
    name: `${c.name}-files`,
    description: `${c.name}: ${SPLITS.map((s) => c.path(s)).join(', ')}`,
    encodingFormat: 'application/jsonlines',
    includes: c.path('train').replace('train', '*'),
  }));
  const a = summary.agreement;
  const annotatorsPerItem = summary.judgements && summary.rows ? summary.judgements / Math.max(1, summary.rows) : 0;
  const excluded = Object.entries(summary.excluded)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  return {
    '@context': CONTEXT,
    '@type': 'sc:Dataset',
    conformsTo: 'http://mlcommons.org/croissant/1.0',
    name: summary.name,
    description:
      'Sentences of opinion pieces and news commentary labelled fact, quote, opinion or skip, with raw annotator ' +
      'judgements and per-document commentary profiles.',
    license: summary.options.license,
    inLanguage: summary.options.language,
    keywords: ['stance', 'opinion mining', 'commentary', 'sentence classification'],
    version: summary.guideline === null ? '0.0.0' : `${summary.guideline}.0`,
    distribution: [...files, ...fileSets],
    recordSet: cs.map((c) => ({
      '@type': 'cr:RecordSet',
      '@id': c.name,
      name: c.name,
      field: c.features.map((f) => field(c.name, f)),
    })),
    'rai:dataCollection':
      'Opinion pieces and news commentary were ingested into a corpus, normalised (Unicode NFC, LF) and split into ' +
      'sentences with stable ids; annotators labelled sentences in a keyboard-only terminal UI, each into an ' +
      'append-only event log.',
    'rai:dataCollectionType': ['Manual Human Curation'],
    'rai:dataAnnotationProtocol':
      `Labels fact / quote / opinion / skip following the project guidelines (version ${summary.guideline ?? 'unknown'}). ` +
      `Gold policy: adjudicated > unanimous > majority with at least ${summary.options.minAnnotators} annotators` +
      (summary.options.gold === 'logs' ? '' : '; sentences no annotator labelled may take the team reference label') +
      `. Excluded: ${excluded}.`,
    'rai:dataAnnotationPlatform': 'stance annotate (terminal UI, one event log per annotator)',
    'rai:annotationsPerItem': `${annotatorsPerItem.toFixed(2)} current annotator labels per exported sentence on average`,
    'rai:annotatorDemographics': 'Not recorded. Annotators are identified by a chosen name only.',
    'rai:dataAnnotationAnalysis':
      a === null
        ? 'Fewer than two annotators: no agreement figures.'
        : `Fleiss' kappa ${a.overall.fleissKappa.estimate.toFixed(3)}, Krippendorff's alpha ` +
          `${a.overall.krippendorffAlpha.estimate.toFixed(3)} on ${a.counts.pairableUnits} sentences; intervals in README.md.` +
          (summary.untimedJudgements > 0
            ? ` ${summary.untimedJudgements} of ${summary.judgements} judgements were imported (stance import), which ` +
              'records neither who made them nor how: not evidence of agreement between independent human annotators.'
            : ''),
    'rai:dataPreprocessingProtocol':
      'Sentence segmentation by the stance segmenter; labels whose sentence text changed after labelling (stale) are ' +
      `left out (${summary.stale} here).`,
    'rai:dataBiases':
      'Few documents from a narrow range of outlets and topics; the opinion / fact boundary depends on the ' +
      'annotators and the guideline; machine suggestions shown during annotation may anchor labels.',
    'rai:dataLimitations':
      'Sentence-level labels only (a sentence can mix quote and opinion); excluded sentences are the hard cases; ' +
      'splits are grouped by document, not re-balanced by label.',
    'rai:dataUseCases':
      'Training and evaluating sentence classifiers for fact / quote / opinion and document-level commentary ' +
      'profiles; not validated for judging the truth of statements.',
    'rai:dataSocialImpact':
      'Labelling a sentence "opinion" is not a judgement of its truth; automated use on news must not be presented ' +
      'as fact-checking.',
    'rai:personalSensitiveInformation':
      'Texts may name public figures and quote them as published; annotator names and time per sentence are included.',
    'rai:dataReleaseMaintenancePlan':
      'Re-export with `stance export` after more annotation; document splits are stable across re-exports.',
  };
}
