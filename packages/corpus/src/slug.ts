/**
 * A document id from a file name: ASCII letters (accents dropped), digits, `.`, `_`, `-`, lower case, at most 64
 * characters; empty when nothing usable is left. Hand-written because it must match `isValidDocumentId` exactly.
 */
export function fileNameSlug(fileName: string): string {
  return fileName
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+/, '')
    .slice(0, 64)
    .replace(/[-.]+$/, '');
}
