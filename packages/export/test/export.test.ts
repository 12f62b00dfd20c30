import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS } from '@stance/schema';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  buildLabelIndex,
  corpusLogs,
  DATA_FILES,
  digestFolder,
  type ExportOptions,
  exportDataset,
  featureNames,
  JUDGEMENT_FEATURES,
  openCorpus,
  parseManifest,
  SENTENCE_FEATURES,
  SPLITS,
  sha256File,
} from '../src/index.ts';
import { fixtureCorpus, growFixture } from './helpers/fixture.ts';
import { tempDir } from './helpers/temp-corpus.ts';

/** Export `corpus` into a new folder (or `out`). */
function run(corpus: string, options: Partial<ExportOptions> = {}) {
  const out = options.out ?? join(tempDir(), 'dataset');
  const summary = exportDataset(openCorpus(corpus), buildLabelIndex(corpusLogs(corpus)), {
    resamples: 100,
    ...options,
    out,
  });
  return { out, summary };
}

function jsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Document id → split, read back from the exported `documents` configuration. */
function splitsOf(out: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of SPLITS) for (const row of jsonl(join(out, DATA_FILES.documents(s)))) m.set(String(row['doc']), s);
  return m;
}

describe('exportDataset', () => {
  const corpus = fixtureCorpus(30);

  it('gives byte-identical folders for the same corpus and options', () => {
    const a = run(corpus, { seed: 7 });
    const b = run(corpus, { seed: 7 });
    expect(digestFolder(b.out)).toEqual(digestFolder(a.out));
    expect(digestFolder(a.out).map((f) => f.path)).toMatchInlineSnapshot(`
      [
        "MANIFEST.sha256",
        "README.md",
        "croissant.json",
        "data/test.csv",
        "data/test.jsonl",
        "data/train.csv",
        "data/train.jsonl",
        "data/validation.csv",
        "data/validation.jsonl",
        "documents/test.jsonl",
        "documents/train.jsonl",
        "documents/validation.jsonl",
        "excluded.jsonl",
        "judgements/test.jsonl",
        "judgements/train.jsonl",
        "judgements/validation.jsonl",
      ]
    `);
  });

  it('keeps every existing document in its split when documents are added', () => {
    const grown = fixtureCorpus(30);
    const before = splitsOf(run(grown, { seed: 3 }).out);
    growFixture(grown, 90);
    const after = splitsOf(run(grown, { seed: 3 }).out);
    expect(after.size).toBe(90);
    for (const [doc, split] of before) expect(after.get(doc)).toBe(split);
  });

  it('puts each document in exactly one split, with sentences and judgements beside it', () => {
    const { out } = run(corpus);
    const docSplit = splitsOf(out);
    for (const s of SPLITS) {
      for (const row of jsonl(join(out, DATA_FILES.sentences(s)))) expect(docSplit.get(String(row['doc']))).toBe(s);
      for (const row of jsonl(join(out, DATA_FILES.judgements(s)))) expect(docSplit.get(String(row['doc']))).toBe(s);
    }
  });

  it('applies the gold policy: adjudicated > unanimous > majority, ties excluded and listed', () => {
    const { out, summary } = run(corpus);
    // 30 documents × 4 sentences; bob disagrees on the 4th sentence of the 15 odd documents; lead adjudicates 8.
    expect(summary.goldSources).toEqual({ adjudicated: 8, unanimous: 105, majority: 0, reference: 0 });
    expect(summary.excluded).toEqual({ 'too-few-annotators': 0, tie: 7, 'no-majority': 0, unlabelled: 0 });
    const excluded = jsonl(join(out, DATA_FILES.excluded));
    expect(excluded).toHaveLength(7);
    expect(excluded[0]).toMatchObject({ reason: 'tie', detail: 'tie between skip, opinion at 1 of 2' });
    const rows = SPLITS.flatMap((s) => jsonl(join(out, DATA_FILES.sentences(s))));
    const adjudicated = rows.filter((r) => r['adjudicated'] === true);
    expect(adjudicated).toHaveLength(8);
    for (const r of adjudicated)
      expect(r).toMatchObject({ label: 'opinion', label_id: 2, gold_source: 'adjudicated', agreement: 0.5 });
    // The adjudicator is not an annotator for agreement.
    expect(summary.agreement?.annotators).toEqual(['ann', 'bob']);
    expect(summary.adjudicators).toEqual([{ name: 'lead', decisions: 8 }]);
  });

  it('names every file in the manifest with its SHA-256', () => {
    const { out } = run(corpus);
    const manifest = parseManifest(readFileSync(join(out, DATA_FILES.manifest), 'utf8'));
    const files = digestFolder(out).filter((f) => f.path !== DATA_FILES.manifest);
    expect([...manifest.keys()]).toEqual(files.map((f) => f.path));
    for (const f of files) expect(manifest.get(f.path)).toBe(sha256File(join(out, f.path)));
  });

  it('writes a card whose YAML names every data file, with split sizes equal to the row counts', () => {
    const { out } = run(corpus);
    const card = readFileSync(join(out, 'README.md'), 'utf8');
    const m = /^---\n([\s\S]*?)\n---\n/.exec(card);
    expect(m).not.toBeNull();
    const header = parseYaml(m![1]!) as {
      configs: { config_name: string; data_files: { split: string; path: string }[] }[];
      dataset_info: {
        config_name: string;
        features: { name: string; class_label?: { names: Record<string, string> } }[];
        splits: { name: string; num_examples: number }[];
      }[];
      license: string;
      language: string[];
      task_categories: string[];
      annotations_creators: string[];
    };
    expect(header).toMatchObject({ license: 'cc-by-4.0', language: ['en'], task_categories: ['text-classification'] });
    expect(header.annotations_creators).toEqual(['expert-generated']);
    // Every .jsonl under data/, judgements/ and documents/ is named by exactly one config, and every path exists.
    const named = header.configs.flatMap((c) => c.data_files.map((f) => f.path)).sort();
    const onDisk = ['data', 'judgements', 'documents']
      .flatMap((d) => readdirSync(join(out, d)).map((f) => `${d}/${f}`))
      .filter((p) => p.endsWith('.jsonl'))
      .sort();
    expect(named).toEqual(onDisk);
    for (const c of header.configs) {
      const info = header.dataset_info.find((i) => i.config_name === c.config_name)!;
      for (const f of c.data_files) {
        const rows = jsonl(join(out, f.path));
        expect(info.splits.find((s) => s.name === f.split)?.num_examples).toBe(rows.length);
        // The features list matches the keys of every row, in order.
        for (const row of rows) expect(Object.keys(row)).toEqual(info.features.map((x) => x.name));
      }
    }
    const sentences = header.dataset_info.find((i) => i.config_name === 'sentences')!;
    expect(Object.values(sentences.features.find((f) => f.name === 'label_id')!.class_label!.names)).toEqual([
      ...LABELS,
    ]);
    expect(card).toContain("Fleiss' kappa");
    expect(card).toContain('Guideline version: 1.2');
  });

  it('writes croissant.json with file digests, one record set per configuration and RAI fields', () => {
    const { out } = run(corpus);
    const c = JSON.parse(readFileSync(join(out, 'croissant.json'), 'utf8')) as {
      conformsTo: string;
      distribution: { '@type': string; contentUrl?: string; sha256?: string }[];
      recordSet: { name: string; field: { name: string }[] }[];
      [k: string]: unknown;
    };
    expect(c.conformsTo).toBe('http://mlcommons.org/croissant/1.0');
    for (const d of c.distribution.filter((x) => x['@type'] === 'cr:FileObject')) {
      expect(d.sha256).toBe(sha256File(join(out, d.contentUrl!)));
    }
    expect(c.recordSet.map((r) => r.name)).toEqual(['sentences', 'judgements', 'documents']);
    expect(c.recordSet[0]!.field.map((f) => f.name)).toEqual(featureNames(SENTENCE_FEATURES));
    expect(c.recordSet[1]!.field.map((f) => f.name)).toEqual(featureNames(JUDGEMENT_FEATURES));
    for (const key of ['rai:dataCollection', 'rai:annotationsPerItem', 'rai:dataBiases', 'rai:dataLimitations'])
      expect(typeof c[key]).toBe('string');
  });

  it('escapes formula cells in CSV and keeps the exact text in JSONL', () => {
    const { out } = run(corpus);
    const split = SPLITS.find((s) => jsonl(join(out, DATA_FILES.sentences(s))).length > 0)!;
    const rows = jsonl(join(out, DATA_FILES.sentences(split)));
    const csv = parseCsv(readFileSync(join(out, DATA_FILES.sentencesCsv(split)), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(csv).toHaveLength(rows.length);
    expect(Object.keys(csv[0]!)).toEqual(featureNames(SENTENCE_FEATURES));
    const formula = rows.findIndex((r) => String(r['text']).startsWith('=SUM'));
    expect(formula).toBeGreaterThanOrEqual(0);
    expect(csv[formula]!['text']).toBe(`'${rows[formula]!['text']}`);
    expect(JSON.parse(csv[0]!['annotations']!)).toEqual(rows[0]!['annotations']);
  });
});

describe('exportDataset, all or nothing', () => {
  const corpus = fixtureCorpus(10);

  it('leaves nothing behind when it fails half way', () => {
    const parent = tempDir();
    const out = join(parent, 'dataset');
    expect(() => run(corpus, { out, failAfterRows: 5 })).toThrow(/failAfterRows/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('refuses an existing folder without force, and leaves it as it was', () => {
    const { out } = run(corpus);
    const before = digestFolder(out);
    expect(() => run(corpus, { out, seed: 9 })).toThrow(/already exists; pass --force/);
    expect(digestFolder(out)).toEqual(before);
  });

  it('replaces an existing folder with force, and keeps the old one when the new export fails', () => {
    const { out } = run(corpus);
    const before = digestFolder(out);
    expect(() => run(corpus, { out, seed: 9, force: true, failAfterRows: 3 })).toThrow(/failAfterRows/);
    expect(digestFolder(out)).toEqual(before);
    run(corpus, { out, seed: 9, force: true });
    expect(digestFolder(out)).not.toEqual(before);
    expect(readdirSync(join(out, '..'))).toEqual(['dataset']);
  });
});
