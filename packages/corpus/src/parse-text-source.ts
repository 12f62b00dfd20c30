import { basename, extname } from 'node:path';
import { contentDocumentId } from '@stance/schema';
import { fileNameSlug } from './slug.ts';
import { checkNotEmpty, type SourceDocument } from './source-document.ts';
import { firstLineTitle, markdownTitle } from './title.ts';

/**
 * One `.txt` or `.md` file as one document. Its id is the file name's slug, so editing the article keeps the id and
 * counts as a change; the title is the first heading (Markdown) or the first line.
 */
export function parseTextSource(name: string, text: string): SourceDocument[] {
  checkNotEmpty(text, `${name}:1`);
  const ext = extname(name).toLowerCase();
  const id = fileNameSlug(basename(name, extname(name))) || contentDocumentId(text);
  const title = ext === '.md' ? markdownTitle(text) : firstLineTitle(text);
  return [{ document: { id, title, text }, where: name }];
}
