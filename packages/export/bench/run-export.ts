// Child process of export.bench.ts: runs one exporter on one corpus and prints {ms, maxRssMb, rows} as JSON, so
// each run's peak memory is its own (process.resourceUsage().maxRSS covers the whole process life).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '@stance/corpus';
import { goldLabels, type Judgement } from '@stance/metrics';
import { textHash } from '@stance/schema';
import { foldLabels, readAllLogs } from '@stance/store';
import { buildLabelIndex, corpusLogs, exportDataset, openCorpus } from '../src/index.ts';
import { progress } from './progress.ts';

const [mode, corpus, out] = process.argv.slice(2) as [string, string, string];
const started = performance.now();
let rows = 0;

if (mode === 'stream') {
  const summary = exportDataset(openCorpus(corpus), buildLabelIndex(corpusLogs(corpus)), {
    out,
    resamples: 200,
    onProgress: progress('export (streaming)'),
  });
  rows = summary.rows;
} else {
  // The naive peer: everything in memory (loadCorpus, readAllLogs, all rows), one JSON.stringify, one write.
  const c = loadCorpus(corpus);
  const logs = readAllLogs(corpus);
  const judgements: Judgement[] = [];
  const adjudications: { unit: string; label: string }[] = [];
  const byUnit = new Map<string, { annotator: string; label: string; ms: number }[]>();
  for (const [annotator, events] of logs) {
    for (const l of foldLabels(events).values()) {
      const s = c.sentence(l.sentence);
      if (s === undefined || textHash(s.text) !== l.textHash) continue;
      if (l.event.adjudication) adjudications.push({ unit: s.id, label: l.label });
      else {
        judgements.push({ unit: s.id, doc: s.docId, annotator, label: l.label });
        const list = byUnit.get(s.id) ?? [];
        list.push({ annotator, label: l.label, ms: l.event.ms });
        byUnit.set(s.id, list);
      }
    }
  }
  const { gold } = goldLabels(judgements, adjudications, { minAnnotators: 2 });
  const all = c.sentences.flatMap((s) => {
    const g = gold.get(s.id);
    return g === undefined ? [] : [{ ...s, label: g.label, source: g.source, annotations: byUnit.get(s.id) ?? [] }];
  });
  mkdirSync(out);
  writeFileSync(join(out, 'all.json'), JSON.stringify(all));
  rows = all.length;
}
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, rows })}\n`);
