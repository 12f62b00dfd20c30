import type { Sentence, StanceDocument } from '@stance/schema';
import { sentenceIds } from '@stance/schema';

/** Build documents and their sentences from plain text lists (one string per sentence). */
export function buildCorpus(docs: { id: string; title: string; sentences: string[] }[]): {
  documents: StanceDocument[];
  sentences: Sentence[];
} {
  const documents: StanceDocument[] = [];
  const sentences: Sentence[] = [];
  for (const doc of docs) {
    const text = doc.sentences.join(' ');
    documents.push({ id: doc.id, title: doc.title, text });
    const ids = sentenceIds(doc.id, doc.sentences);
    let start = 0;
    doc.sentences.forEach((s, index) => {
      sentences.push({ id: ids[index]!, docId: doc.id, index, start, end: start + s.length, text: s });
      start += s.length + 1;
    });
  }
  return { documents, sentences };
}

/** Three small documents: 3 + 2 + 4 sentences. */
export function smallCorpus() {
  return buildCorpus([
    {
      id: 'council',
      title: 'The council vote',
      sentences: [
        'The council voted 7-2 on Tuesday to close the depot.',
        '“We had no choice,” the mayor said.',
        'This was a shameful decision.',
      ],
    },
    {
      id: 'rates',
      title: 'Rates and you',
      sentences: ['Inflation fell to 2.1% in March.', 'The bank should cut rates now.'],
    },
    {
      id: 'trains',
      title: 'Late trains',
      sentences: [
        'Trains were late on 40 days last year.',
        'Critics argue the timetable is unrealistic.',
        'Surely nobody believes this can go on?',
        'Read more.',
      ],
    },
  ]);
}
