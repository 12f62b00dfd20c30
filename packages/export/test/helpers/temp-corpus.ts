import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentSentences } from '@stance/corpus';
import type { AnnotationEvent, Label, Sentence } from '@stance/schema';
import { textHash } from '@stance/schema';
import { afterAll } from 'vitest';

const made: string[] = [];

// Each test file that uses these helpers removes its temporary folders when it is done.
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file. */
export function tempDir(prefix = 'stance-export-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Sentences of a document as the corpus will segment it. */
export function sentencesOf(id: string, text: string): Sentence[] {
  return documentSentences({ id, title: id, text });
}

/** Write a stored document file, as `stance ingest` would. */
export function writeDocument(corpus: string, id: string, text: string, title = `Title of ${id}`): void {
  mkdirSync(join(corpus, 'documents'), { recursive: true });
  writeFileSync(join(corpus, 'documents', `${id}.json`), `${JSON.stringify({ id, title, text }, null, 2)}\n`);
}

/** A corpus folder with guidelines and the given documents (id → text). */
export function makeCorpus(docs: Record<string, string>, version = '1.2'): string {
  const dir = tempDir('stance-export-corpus-');
  writeFileSync(join(dir, 'GUIDELINES.md'), `# Guidelines\n\nVersion: ${version}\n\nLabel each sentence.\n`);
  for (const [id, text] of Object.entries(docs)) writeDocument(dir, id, text);
  return dir;
}

let counter = 0;

/** A label event for `sentence` (its current text hash unless `text` says otherwise). */
export function label(
  annotator: string,
  sentence: Sentence,
  value: Label,
  extra: Partial<AnnotationEvent> = {},
): AnnotationEvent {
  counter++;
  return {
    v: 1,
    id: `${annotator}-${counter}`,
    type: 'label',
    sentence: sentence.id,
    textHash: textHash(sentence.text),
    annotator,
    at: new Date(Date.UTC(2026, 10, 25, 10, 0, counter)).toISOString(),
    ms: 1000 + counter,
    guideline: '1.2',
    label: value,
    suggestion: { label: 'fact', model: 'cues-v1', shown: true, confidence: 0.75 },
    ...extra,
  };
}

/** Write (replace) an annotator's log. */
export function writeLog(corpus: string, annotator: string, events: readonly AnnotationEvent[]): void {
  mkdirSync(join(corpus, 'annotations'), { recursive: true });
  writeFileSync(
    join(corpus, 'annotations', `${annotator}.jsonl`),
    events.map((e) => `${JSON.stringify(e)}\n`).join(''),
  );
}

/** Write the team's reference labels (`gold.jsonl`). */
export function writeReference(corpus: string, labels: { sentence: Sentence; label: Label }[]): void {
  writeFileSync(
    join(corpus, 'gold.jsonl'),
    labels
      .map(({ sentence, label }) =>
        JSON.stringify({ sentence: sentence.id, textHash: textHash(sentence.text), label, text: sentence.text }),
      )
      .map((l) => `${l}\n`)
      .join(''),
  );
}
