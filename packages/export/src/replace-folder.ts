import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StanceError } from '@stance/schema';

/**
 * Build a folder at `target` all or nothing: `build` fills a hidden temporary folder beside the target (same file
 * system, so the rename is atomic) which is renamed into place only when `build` returns; any error removes it and
 * leaves `target` as it was. An existing target is refused unless `force`; then the old folder is moved aside, the
 * new one renamed in, and the old one removed (put back if the second rename fails). Linux has no rename that swaps
 * two folders through Node, so between the two renames (microseconds) the target does not exist.
 */
export function buildFolderAtomically<T>(target: string, force: boolean, build: (temp: string) => T): T {
  const exists = existsSync(target);
  if (exists && !force) {
    throw new StanceError('already exists; pass --force to replace it', { where: target });
  }
  if (exists && !statSync(target).isDirectory()) {
    throw new StanceError('exists and is not a folder; refusing to replace it', { where: target });
  }
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = join(parent, `.${basename(target)}.tmp-${tag}`);
  mkdirSync(temp);
  let result: T;
  try {
    result = build(temp);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  if (!exists) {
    renameSync(temp, target);
    return result;
  }
  const old = join(parent, `.${basename(target)}.old-${tag}`);
  renameSync(target, old);
  try {
    renameSync(temp, target);
  } catch (error) {
    renameSync(old, target);
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
  return result;
}
