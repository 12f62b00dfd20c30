import type { Sentence, StanceDocument } from '@stance/schema';
import { sentenceIds } from '@stance/schema';
import { segment } from '@stance/text';

/** The sentences of a stored document: segmented, each with its stable id; pure, so the same text gives the same ids. */
export function documentSentences(doc: StanceDocument): Sentence[] {
  const spans = segment(doc.text);
  const ids = sentenceIds(
    doc.id,
    spans.map((s) => s.text),
  );
  return spans.map((s, index) => ({
    id: ids[index] as string,
    docId: doc.id,
    index,
    start: s.start,
    end: s.end,
    text: s.text,
  }));
}
