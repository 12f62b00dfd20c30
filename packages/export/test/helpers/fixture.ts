import type { AnnotationEvent, Label } from '@stance/schema';
import { label, makeCorpus, sentencesOf, writeDocument, writeLog } from './temp-corpus.ts';

const LABEL_CYCLE: Label[] = ['fact', 'quote', 'opinion', 'skip'];

/** Text of the n-th generated document: four sentences, one of each kind, one starting with a formula character. */
export function docText(n: number): string {
  return `The council met on day ${n}. "We will act," the mayor said on day ${n}. This plan for day ${n} is a mistake. =SUM(${n}) is what the sheet said.`;
}

/** Labels of annotators ann and bob (and a decision by adjudicator lead) for documents `from` to `to` - 1. */
export function eventsFor(from: number, to: number): Record<string, AnnotationEvent[]> {
  const logs: Record<string, AnnotationEvent[]> = { ann: [], bob: [], lead: [] };
  for (let d = from; d < to; d++) {
    const ss = sentencesOf(`doc-${String(d).padStart(3, '0')}`, docText(d));
    ss.forEach((s, i) => {
      logs['ann']!.push(label('ann', s, LABEL_CYCLE[i % 4]!));
      // bob disagrees on the last sentence of odd documents: a tie, unless lead adjudicates.
      logs['bob']!.push(label('bob', s, i === 3 && d % 2 === 1 ? 'opinion' : LABEL_CYCLE[i % 4]!));
    });
    if (d % 4 === 1) logs['lead']!.push(label('lead', ss[3]!, 'opinion', { adjudication: true }));
  }
  return logs;
}

/** A corpus of `n` generated documents with logs of two annotators and an adjudicator. */
export function fixtureCorpus(n: number): string {
  const docs: Record<string, string> = {};
  for (let d = 0; d < n; d++) docs[`doc-${String(d).padStart(3, '0')}`] = docText(d);
  const dir = makeCorpus(docs);
  for (const [name, events] of Object.entries(eventsFor(0, n))) writeLog(dir, name, events);
  return dir;
}

/** Add documents `from`..`to` - 1 with their labels to a fixture corpus (logs are rewritten with all events). */
export function growFixture(dir: string, to: number): void {
  for (let d = 0; d < to; d++) writeDocument(dir, `doc-${String(d).padStart(3, '0')}`, docText(d));
  for (const [name, events] of Object.entries(eventsFor(0, to))) writeLog(dir, name, events);
}
