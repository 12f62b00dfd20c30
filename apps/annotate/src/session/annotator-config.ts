import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { isValidAnnotatorName } from '@stance/schema';

/** Where the remembered annotator name lives: `$XDG_CONFIG_HOME/stance/annotator`, else `~/.config/stance/annotator`. */
export function annotatorConfigPath(env: NodeJS.ProcessEnv): string {
  const base = env['XDG_CONFIG_HOME'] || join(env['HOME'] || homedir(), '.config');
  return join(base, 'stance', 'annotator');
}

/** The remembered annotator name, if one is stored and valid. */
export function rememberedAnnotator(env: NodeJS.ProcessEnv): string | undefined {
  try {
    const name = readFileSync(annotatorConfigPath(env), 'utf8').trim();
    return isValidAnnotatorName(name) ? name : undefined;
  } catch {
    return undefined;
  }
}

/** Remember an annotator name for next time (atomic write: temp file, then rename). */
export function rememberAnnotator(env: NodeJS.ProcessEnv, name: string): void {
  const path = annotatorConfigPath(env);
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${name}\n`);
  renameSync(temp, path);
}
