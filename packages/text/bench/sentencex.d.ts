// sentencex (Wikimedia's Rust segmenter, Node bindings) ships no type declarations; this is the part the bench calls.
declare module 'sentencex' {
  /** The sentences of `text` in language `language` (`en`), each with the white space that follows it. */
  export function segment(language: string, text: string): string[];
}
