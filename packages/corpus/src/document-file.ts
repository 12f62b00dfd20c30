import type { DocumentMeta, StanceDocument } from '@stance/schema';
import { isValidDocumentId, StanceError } from '@stance/schema';
import { optionalStringField, plainObject, stringField } from './plain-object.ts';

const OPTIONAL_FIELDS = ['source', 'url', 'published'] as const;
const KNOWN_FIELDS = new Set(['id', 'title', 'text', ...OPTIONAL_FIELDS, 'meta']);

/** Metadata with its keys sorted, so the stored JSON does not depend on column or field order. */
function sortedMeta(meta: DocumentMeta): DocumentMeta {
  return Object.fromEntries(
    Object.keys(meta)
      .sort()
      .map((key) => [key, meta[key] as string]),
  );
}

/** A document with its keys in the stored order and absent optional fields left out. */
export function canonicalDocument(doc: StanceDocument): StanceDocument {
  const out: StanceDocument = { id: doc.id, title: doc.title, text: doc.text };
  for (const key of OPTIONAL_FIELDS) if (doc[key] !== undefined) out[key] = doc[key];
  if (doc.meta !== undefined && Object.keys(doc.meta).length > 0) out.meta = sortedMeta(doc.meta);
  return out;
}

/** The bytes of `documents/<id>.json`: pretty JSON, stable key order, trailing newline (one-line git diffs). */
export function serializeDocument(doc: StanceDocument): string {
  return `${JSON.stringify(canonicalDocument(doc), null, 2)}\n`;
}

/** The `meta` object of a stored or imported document: string values only. */
export function metaField(value: unknown, where: string): DocumentMeta | undefined {
  if (value === undefined || value === null) return undefined;
  const object = plainObject(value, where, '"meta"');
  for (const [key, item] of Object.entries(object))
    if (typeof item !== 'string') throw new StanceError(`meta "${key}" must be a string`, { where });
  return object as DocumentMeta;
}

/** 1-based line of character offset `at` in `text`. */
function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Parse and check the text of a stored document file; `expectedId` is its file name without `.json`. */
export function parseDocumentFile(text: string, name: string, expectedId: string): StanceDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? `${name}:${lineAt(text, Number(at[1]))}` : name;
    throw new StanceError(`malformed document file (${message.split('\n')[0]})`, { where });
  }
  const object = plainObject(value, name, 'a document');
  for (const key of Object.keys(object))
    if (!KNOWN_FIELDS.has(key)) throw new StanceError(`unknown field "${key}" in a document file`, { where: name });
  const id = stringField(object, 'id', name);
  if (id !== expectedId || !isValidDocumentId(id))
    throw new StanceError(`document id ${JSON.stringify(id)} does not match its file name`, { where: name });
  const doc: StanceDocument = {
    id,
    title: stringField(object, 'title', name),
    text: stringField(object, 'text', name),
  };
  for (const key of OPTIONAL_FIELDS) {
    const v = optionalStringField(object, key, name);
    if (v !== undefined) doc[key] = v;
  }
  const meta = metaField(object['meta'], name);
  if (meta !== undefined) doc.meta = meta;
  return doc;
}
