import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentSentences } from '@stance/corpus';
import type { AnnotationEvent, Label, Sentence, StanceDocument } from '@stance/schema';
import { textHash } from '@stance/schema';

/** Documents of a team corpus: `d<i>` has `sizes[i]` sentences (the first a title, the rest short claims). */
export function teamDocuments(sizes: readonly number[]): StanceDocument[] {
  return sizes.map((n, i) => {
    const lines = Array.from({ length: n - 1 }, (_, k) => `Claim ${k + 1} of piece ${i} is here.`);
    return { id: `d${String(i).padStart(2, '0')}`, title: `Piece ${i}`, text: [`# Piece ${i}`, ...lines].join('\n\n') };
  });
}

/** Write stored documents into `corpus/documents/`, as `stance ingest` would. */
export function writeDocuments(corpus: string, docs: readonly StanceDocument[]): void {
  mkdirSync(join(corpus, 'documents'), { recursive: true });
  for (const doc of docs) writeFileSync(join(corpus, 'documents', `${doc.id}.json`), JSON.stringify(doc));
}

let n = 0;

/** A label event as the annotation UI writes it (timed, with a suggestion shown). */
export function labelEvent(
  annotator: string,
  s: Sentence,
  label: Label,
  extra: Partial<AnnotationEvent> = {},
): AnnotationEvent {
  n++;
  return {
    v: 1,
    id: `${annotator}-${n}`,
    type: 'label',
    sentence: s.id,
    textHash: textHash(s.text),
    annotator,
    at: new Date(Date.UTC(2026, 10, 25, 10, 0, 0, n)).toISOString(),
    ms: 1800,
    guideline: '1.0',
    label,
    suggestion: { label: 'fact', model: 'rules', shown: true },
    ...extra,
  };
}

/** Write (replace) annotators' logs in `corpus/annotations/`. */
export function writeLogs(corpus: string, logs: Record<string, AnnotationEvent[]>): void {
  mkdirSync(join(corpus, 'annotations'), { recursive: true });
  for (const [name, events] of Object.entries(logs))
    writeFileSync(join(corpus, 'annotations', `${name}.jsonl`), events.map((e) => `${JSON.stringify(e)}\n`).join(''));
}

/** The sentences of a document as the corpus segments it. */
export function sentencesOf(doc: StanceDocument): Sentence[] {
  return documentSentences(doc);
}
