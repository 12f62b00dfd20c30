import type { Token } from '@stance/schema';

/** Placeholder word tokenizer. */
export function tokenize(text: string): Token[] {
  return [...text.matchAll(/\p{L}[\p{L}\p{N}'’-]*|\p{N}+(?:[.,]\p{N}+)*/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }));
}
