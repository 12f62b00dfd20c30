import { extname } from 'node:path';
import { StanceError } from '@stance/schema';
import { normalizeDocumentText, normalizeLineEnds } from './normalize-document-text.ts';
import { parseCsvSource } from './parse-csv-source.ts';
import { parseJsonlSource } from './parse-jsonl-source.ts';
import { parseTextSource } from './parse-text-source.ts';
import type { ParseOptions, SourceDocument } from './source-document.ts';

/** File extensions `stance ingest` takes, lower case with the dot. */
export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.csv', '.jsonl'] as const;

/** True when the file name has an extension ingest takes. */
export function isSupportedSource(name: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

/**
 * The documents in one input file's text, chosen by the extension of `name` (`.txt`, `.md`, `.csv`, `.jsonl`).
 * Pure: the text is normalised (BOM, CRLF, NFC) first (a `.jsonl` file's values after parsing); every error is a
 * StanceError at `name:line`.
 */
export function parseSource(name: string, text: string, options: ParseOptions = {}): SourceDocument[] {
  const ext = extname(name).toLowerCase();
  const normal = normalizeDocumentText(text);
  switch (ext) {
    case '.txt':
    case '.md':
      return parseTextSource(name, normal);
    case '.csv':
      return parseCsvSource(name, normal, options);
    case '.jsonl':
      // NFC after parsing, value by value: composed over the JSON text, an escape followed by a combining mark
      // (`\n` + U+0301 → `\ń`) stopped being one, and a valid file was refused.
      return parseJsonlSource(name, normalizeLineEnds(text));
    default:
      throw new StanceError(
        `unsupported file type ${JSON.stringify(ext || '(none)')} (expected ${SUPPORTED_EXTENSIONS.join(', ')})`,
        { where: name },
      );
  }
}
