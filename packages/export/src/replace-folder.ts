import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileError, fileErrorReason, StanceError } from '@stance/schema';
import { isStaleTemp, parseTempName, removeStaleTemps, tempPathFor } from '@stance/store';
import { type ReplaceContext, replaceProblem } from './replace-guard.ts';

/** Options of buildFolderAtomically. */
export interface BuildFolderOptions extends ReplaceContext {
  /** Replace an existing target (only an empty folder or a previous export; see replaceProblem). */
  force: boolean;
  /** Told about each leftover of a killed run that was removed or put back. */
  onLeftover?: (message: string) => void;
}

/**
 * Tidy `parent` after a run that was killed (`kill -9`, a power cut) while it built a folder there: its hidden
 * temporary folder (hundreds of MB for a large export) is removed, and a previous export it had moved aside but not yet
 * replaced is put back where it was. Only names made by tempPathFor whose process is gone are touched.
 */
export function recoverLeftovers(parent: string, onLeftover?: (message: string) => void): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return; // no parent folder yet: nothing left behind
  }
  for (const name of names) {
    const parsed = parseTempName(name);
    if (parsed?.kind !== 'old' || !isStaleTemp(name)) continue;
    const target = join(parent, parsed.base);
    if (existsSync(target)) continue;
    renameSync(join(parent, name), target);
    onLeftover?.(`${target}: put back the previous export that an interrupted run had moved aside`);
  }
  for (const name of removeStaleTemps(parent)) {
    onLeftover?.(`${join(parent, name)}: removed what an interrupted run left behind`);
  }
}

/** A file where the folder to hold `--out` should be: name it (mkdir -p would only say EEXIST about the target). */
function refuseFileInTheWay(parent: string): void {
  for (let up = parent; ; up = dirname(up)) {
    const stat = statSync(up, { throwIfNoEntry: false });
    if (stat !== undefined) {
      if (!stat.isDirectory()) throw new StanceError('not a folder', { where: up });
      return;
    }
    if (dirname(up) === up) return;
  }
}

/**
 * Build a folder at `target` all or nothing: `build` fills a hidden temporary folder beside the target (same file
 * system, so the rename is atomic) which is renamed into place only when `build` returns; any error removes it and
 * leaves `target` as it was. An existing target is refused unless `force`, and even then unless it is an empty folder
 * or a previous export (replaceProblem: never the corpus, the current or home folder, a git work tree…); then the old
 * folder is moved aside, the new one renamed in, and the old one removed (put back if the second rename fails).
 * Linux has no rename that swaps two folders through Node, so between the two renames (microseconds) the target does
 * not exist; a crash there leaves the old one aside, and the next run puts it back (recoverLeftovers).
 */
export function buildFolderAtomically<T>(target: string, options: BuildFolderOptions, build: (temp: string) => T): T {
  const parent = dirname(target);
  recoverLeftovers(parent, options.onLeftover);
  const exists = existsSync(target);
  if (exists) {
    const problem = replaceProblem(target, options);
    if (problem !== undefined) throw new StanceError(`refusing to replace this folder: ${problem}`, { where: target });
    if (!options.force) throw new StanceError('already exists; pass --force to replace it', { where: target });
  }
  const temp = tempPathFor(target);
  refuseFileInTheWay(parent);
  try {
    mkdirSync(parent, { recursive: true });
    mkdirSync(temp);
  } catch (error) {
    throw fileError(error, target);
  }
  let result: T;
  try {
    result = build(temp);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    // A file-system error inside the temporary folder (a full disk) names the folder the user asked for.
    throw fileErrorReason(error) === undefined ? error : fileError(error, target);
  }
  if (!exists) {
    renameSync(temp, target);
    return result;
  }
  const old = tempPathFor(target, 'old');
  renameSync(target, old);
  try {
    renameSync(temp, target);
  } catch (error) {
    renameSync(old, target);
    rmSync(temp, { recursive: true, force: true });
    throw fileError(error, target);
  }
  rmSync(old, { recursive: true, force: true });
  return result;
}
