import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { documentSentences } from '@stance/corpus';
import type { AnnotationEvent, Label } from '@stance/schema';
import { LABELS, textHash } from '@stance/schema';
import { progress } from './progress.ts';

const SENTENCES_PER_DOC = 20;
const TEMPLATES = [
  (d: number, i: number) => `The council approved budget line ${i} of plan ${d} on Monday.`,
  (d: number, i: number) => `"We will fund item ${i} of plan ${d}," the mayor said.`,
  (d: number, i: number) => `This is plainly the worst idea in plan ${d}, point ${i}.`,
  (d: number, i: number) => `Read more about plan ${d} on page ${i}.`,
];

/** A small deterministic PRNG (mulberry32), so the generated corpus is the same every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Buffered appends to a log file. */
class Appender {
  private fd: number;
  private parts: string[] = [];
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  add(event: AnnotationEvent): void {
    this.parts.push(`${JSON.stringify(event)}\n`);
    if (this.parts.length >= 5000) this.flush();
  }
  flush(): void {
    if (this.parts.length) writeSync(this.fd, this.parts.join(''));
    this.parts = [];
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/**
 * Write a corpus of about `sentences` sentences (20 per document) with the logs of two annotators who label every
 * sentence (agreeing ~85% of the time) and an adjudicator who decides 1 in 50 sentences.
 */
export function generateCorpus(
  dir: string,
  sentences: number,
): { documents: number; sentences: number; events: number } {
  mkdirSync(join(dir, 'documents'), { recursive: true });
  mkdirSync(join(dir, 'annotations'), { recursive: true });
  writeFileSync(join(dir, 'GUIDELINES.md'), '# Guidelines\n\nVersion: 1.0\n');
  const logs = {
    ann: new Appender(join(dir, 'annotations', 'ann.jsonl')),
    bob: new Appender(join(dir, 'annotations', 'bob.jsonl')),
    lead: new Appender(join(dir, 'annotations', 'lead.jsonl')),
  };
  const random = rng(1);
  const documents = Math.ceil(sentences / SENTENCES_PER_DOC);
  const bar = progress(`generate ${sentences}`);
  let made = 0;
  let events = 0;
  let t = Date.UTC(2026, 0, 1);
  for (let d = 0; d < documents; d++) {
    const id = `doc-${String(d).padStart(7, '0')}`;
    const kinds: number[] = [];
    const parts: string[] = [];
    for (let i = 0; i < SENTENCES_PER_DOC; i++) {
      const k = Math.floor(random() * 4);
      kinds.push(k);
      parts.push(TEMPLATES[k]!(d, i));
    }
    const doc = { id, title: `Plan ${d}`, text: parts.join(' ') };
    writeFileSync(join(dir, 'documents', `${id}.json`), `${JSON.stringify(doc, null, 2)}\n`);
    const ss = documentSentences(doc);
    for (const s of ss) {
      const truth = LABELS[kinds[s.index % kinds.length]!]!;
      for (const name of ['ann', 'bob'] as const) {
        const label: Label = random() < 0.92 ? truth : LABELS[Math.floor(random() * 4)]!;
        t += 1000;
        logs[name].add({
          v: 1,
          id: `${name}-${events}`,
          type: 'label',
          sentence: s.id,
          textHash: textHash(s.text),
          annotator: name,
          at: new Date(t).toISOString(),
          ms: 1500 + Math.floor(random() * 6000),
          guideline: '1.0',
          label,
          suggestion: { label: truth, model: 'rules-v1', shown: random() < 0.5, confidence: 0.5 },
        });
        events++;
      }
      if (random() < 0.02) {
        logs.lead.add({
          v: 1,
          id: `lead-${events}`,
          type: 'label',
          sentence: s.id,
          textHash: textHash(s.text),
          annotator: 'lead',
          at: new Date(t).toISOString(),
          ms: 3000,
          guideline: '1.0',
          label: truth,
          adjudication: true,
        });
        events++;
      }
    }
    made += ss.length;
    bar(d + 1, documents);
  }
  for (const log of Object.values(logs)) log.close();
  return { documents, sentences: made, events };
}
