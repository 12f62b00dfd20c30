/** Text with byte order marks dropped and CRLF and lone CR turned into LF, but not yet Unicode-normalised. */
export function normalizeLineEnds(text: string): string {
  // All leading BOMs, not just one, so normalising twice changes nothing.
  return text.replace(/^\ufeff+/, '').replace(/\r\n?/g, '\n');
}

/** Document text as the corpus stores it: byte order marks dropped, CRLF and lone CR turned into LF, Unicode NFC. */
export function normalizeDocumentText(text: string): string {
  return normalizeLineEnds(text).normalize('NFC');
}
