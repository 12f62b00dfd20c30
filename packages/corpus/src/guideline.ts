import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { StanceError } from '@stance/schema';
import { GUIDELINES_FILE } from './corpus-files.ts';
import { readTextFile } from './read-text-file.ts';

/** The annotation guidelines: the `Version: X.Y` line's value and the whole text. */
export interface Guideline {
  version: string;
  text: string;
}

/** Read the corpus's `GUIDELINES.md` if there is one (null if not); its `Version:` line is required then. */
export function readGuideline(dir: string): Guideline | null {
  const path = join(dir, GUIDELINES_FILE);
  if (!existsSync(path)) return null;
  const text = readTextFile(path);
  const version = /^Version:[ \t]*(\S+)[ \t]*$/m.exec(text)?.[1];
  if (version === undefined) throw new StanceError('no "Version: X.Y" line in the guidelines', { where: path });
  return { version, text };
}
