import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnnotationEvent, Label, Sentence, StanceDocument } from '@stance/schema';
import { EVENT_VERSION, sentenceIds, textHash } from '@stance/schema';

// Sentence shapes that exercise every cue family of the rules a little: numbers, dates, quotes, hedges, verdicts.
const TEMPLATES = [
  (n: number) => `The council approved ${n} new homes on Tuesday, according to the minutes.`,
  (n: number) => `“We will not back down,” said the union's leader in meeting ${n}.`,
  (n: number) => `This is perhaps the worst decision the board has made in ${n} years.`,
  (n: number) => `Critics argue that plan ${n} should be scrapped before it is too late.`,
  (n: number) => `Inflation fell to ${(n % 90) / 10}% in March, the statistics office said.`,
  (n: number) => `Surely nobody believes scheme ${n} will pay for itself?`,
  (n: number) => `We must act now, or the bill for item ${n} will only grow.`,
  (n: number) => `Read more on page ${n}.`,
];

/** A generated corpus: `sentences` sentences in documents of `perDoc`. */
export function generateCorpus(
  sentences: number,
  perDoc = 100,
): { documents: StanceDocument[]; sentences: Sentence[] } {
  const documents: StanceDocument[] = [];
  const out: Sentence[] = [];
  for (let d = 0; d * perDoc < sentences; d++) {
    const id = `gen${String(d).padStart(5, '0')}`;
    const texts: string[] = [];
    for (let k = 0; k < perDoc && d * perDoc + k < sentences; k++)
      texts.push(TEMPLATES[(d + k) % TEMPLATES.length]!(d * perDoc + k));
    const ids = sentenceIds(id, texts);
    let start = 0;
    texts.forEach((text, index) => {
      out.push({ id: ids[index]!, docId: id, index, start, end: start + text.length, text });
      start += text.length + 1;
    });
    documents.push({ id, title: `Generated piece ${d + 1}`, text: texts.join(' ') });
  }
  return { documents, sentences: out };
}

/**
 * The label the bench's log gives a generated sentence, by its template: quotes, verdicts and hedged claims, page
 * furniture, the rest facts (so a model retrained on the log has four labels to learn, as with a real one).
 */
export function benchLabel(text: string): Label {
  if (text.startsWith('“')) return 'quote';
  if (/perhaps|Surely|should|must/.test(text)) return 'opinion';
  if (text.startsWith('Read more')) return 'skip';
  return 'fact';
}

/** Write a log for `annotator` labelling the first `count` sentences, as the store would have written it. */
export function writeLog(dir: string, annotator: string, sentences: readonly Sentence[], count: number): void {
  mkdirSync(join(dir, 'annotations'), { recursive: true });
  const lines: string[] = [];
  const at = new Date('2026-01-01T00:00:00Z').toISOString();
  for (let i = 0; i < count && i < sentences.length; i++) {
    const s = sentences[i]!;
    const event: AnnotationEvent = {
      v: EVENT_VERSION,
      id: `${annotator}-${i + 1}`,
      type: 'label',
      sentence: s.id,
      textHash: textHash(s.text),
      annotator,
      at,
      ms: 2000,
      guideline: '1.0',
      label: benchLabel(s.text),
      suggestion: { label: 'fact', model: 'rules', shown: true, confidence: 0.8 },
    };
    lines.push(JSON.stringify(event));
  }
  writeFileSync(join(dir, 'annotations', `${annotator}.jsonl`), lines.length ? `${lines.join('\n')}\n` : '');
}
