import { StanceError } from '@stance/schema';
import { readTextFile } from './read-text-file.ts';

/**
 * Check one parsed JSONL value and return it typed; throw a StanceError (with `where`) when it does not fit.
 * `where` is `file:line`, ready to pass on.
 */
export type JsonlValidator<T> = (value: unknown, where: string) => T;

/** Parse JSONL text: one JSON value a line, blank lines ignored; errors name `name:line`. */
export function parseJsonl<T>(text: string, name: string, validate: JsonlValidator<T>): T[] {
  const out: T[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const where = `${name}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new StanceError(`not a JSON line (${(error as Error).message.split('\n')[0]})`, { where });
    }
    out.push(validate(value, where));
  }
  return out;
}

/** Read a JSONL file (UTF-8), validating each line; a missing file is an error (check existence first if optional). */
export function readJsonl<T>(path: string, validate: JsonlValidator<T>, name: string = path): T[] {
  return parseJsonl(readTextFile(path, name), name, validate);
}
