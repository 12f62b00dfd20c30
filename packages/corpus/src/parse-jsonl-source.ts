import type { StanceDocument } from '@stance/schema';
import { contentDocumentId, StanceError } from '@stance/schema';
import { metaField } from './document-file.ts';
import { normalizeDocumentText } from './normalize-document-text.ts';
import { optionalStringField, plainObject, stringField } from './plain-object.ts';
import { parseJsonl } from './read-jsonl.ts';
import { checkedId, checkNotEmpty, type SourceDocument } from './source-document.ts';
import { firstLineTitle } from './title.ts';

/**
 * Fields a document line may have. Anything else is refused rather than guessed at: a labels file such as
 * `{"text","label"}` must not turn into one document per sentence.
 */
const FIELDS = new Set(['id', 'text', 'title', 'source', 'url', 'published', 'meta']);

/** A parsed JSON value with every string in it (keys too) in Unicode NFC, as the rest of the corpus stores text. */
function nfcValues(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(nfcValues);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize('NFC'), nfcValues(v)]));
}

/**
 * A `.jsonl` file as one document per line: `{id?, text, title?, source?, url?, published?, meta?}`. `text` comes with
 * line ends normalised and the BOM dropped but not in NFC: each value is composed after its line is parsed.
 */
export function parseJsonlSource(name: string, text: string): SourceDocument[] {
  const docs = parseJsonl(text, name, (value, where): SourceDocument => {
    const object = plainObject(nfcValues(value), where, 'a document');
    for (const key of Object.keys(object))
      if (!FIELDS.has(key))
        throw new StanceError(
          `unknown field ${JSON.stringify(key)} (a line is {id?, text, title?, source?, url?, published?, meta?})`,
          {
            where,
          },
        );
    const body = normalizeDocumentText(stringField(object, 'text', where));
    checkNotEmpty(body, where);
    const id = optionalStringField(object, 'id', where);
    const title = optionalStringField(object, 'title', where);
    const document: StanceDocument = {
      id: id ? checkedId(id, where) : contentDocumentId(body),
      title: title ? normalizeDocumentText(title).trim() : firstLineTitle(body),
      text: body,
    };
    for (const field of ['source', 'url', 'published'] as const) {
      const v = optionalStringField(object, field, where);
      if (v !== undefined) document[field] = v;
    }
    const meta = metaField(object['meta'], where);
    if (meta !== undefined) document.meta = meta;
    return { document, where };
  });
  if (docs.length === 0) throw new StanceError('no documents (the file has no lines)', { where: `${name}:1` });
  return docs;
}
