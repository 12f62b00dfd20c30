import { isValidDocumentId, StanceError } from '@stance/schema';
import { plainObject, stringField } from './plain-object.ts';

/** A sentence of an earlier version of a changed document, kept so labels on its id are never silently orphaned. */
export interface RetiredSentence {
  id: string;
  docId: string;
  text: string;
  textHash: string;
}

/** Check one line of `retired.jsonl`. */
export function validateRetired(value: unknown, where: string): RetiredSentence {
  const object = plainObject(value, where, 'a retired sentence');
  const retired: RetiredSentence = {
    id: stringField(object, 'id', where),
    docId: stringField(object, 'docId', where),
    text: stringField(object, 'text', where),
    textHash: stringField(object, 'textHash', where),
  };
  if (!isValidDocumentId(retired.docId) || !retired.id.startsWith(`${retired.docId}:`))
    throw new StanceError(`retired sentence id ${JSON.stringify(retired.id)} does not belong to its docId`, { where });
  return retired;
}

/** One line of `retired.jsonl`, keys in a fixed order. */
export function serializeRetired(retired: RetiredSentence): string {
  return JSON.stringify({ id: retired.id, docId: retired.docId, text: retired.text, textHash: retired.textHash });
}
