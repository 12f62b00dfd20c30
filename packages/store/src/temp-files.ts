import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { isProcessAlive } from './process-alive.ts';

/** What a temporary file or folder is for: `tmp` is being written, `old` is a folder moved aside to be replaced. */
export type TempKind = 'tmp' | 'old';

/** The parts of a temporary file's name: what it stands in for, what for, and which process on which host made it. */
export interface TempName {
  /** The name of the file or folder it will become (or was). */
  base: string;
  kind: TempKind;
  /** Six hex digits of the hash of the host name (host names may hold characters a file name should not). */
  host: string;
  pid: number;
}

/** This machine's tag in temporary names. */
const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 6);

const TEMP_NAME = /^\.(.+)\.(tmp|old)-([0-9a-f]{6})-([1-9][0-9]*)-[0-9a-f]{8}$/;

/**
 * A hidden temporary path beside `path` (same folder, so a rename into place never crosses file systems):
 * `.<name>.<kind>-<host>-<pid>-<random>`. The host and pid let a later run tell a leftover of a killed process
 * from a file a live one is still writing (removeStaleTemps).
 */
export function tempPathFor(path: string, kind: TempKind = 'tmp'): string {
  return join(dirname(path), `.${basename(path)}.${kind}-${HOST_TAG}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** The parts of a name made by tempPathFor, or undefined for any other name. */
export function parseTempName(name: string): TempName | undefined {
  const m = TEMP_NAME.exec(name);
  if (!m) return undefined;
  return { base: m[1]!, kind: m[2] as TempKind, host: m[3]!, pid: Number(m[4]) };
}

/**
 * True when `name` is a temporary file of a stance process on this host that is no longer running: a leftover of a
 * crash or `kill -9`. A pid reused by another process keeps the leftover (never a live writer's file removed); one
 * made on another host (a shared folder) is kept, as its pid can not be checked from here.
 */
export function isStaleTemp(name: string): boolean {
  const parsed = parseTempName(name);
  return parsed !== undefined && parsed.host === HOST_TAG && parsed.pid !== process.pid && !isProcessAlive(parsed.pid);
}

/**
 * Remove the stale temporary files and folders (isStaleTemp) directly in `dir`, optionally only those `only` accepts;
 * returns the names removed. A missing folder has none. Used at the start of an ingest or export, so the hidden
 * leftovers of a killed run (an export's can be hundreds of MB) do not pile up.
 */
export function removeStaleTemps(dir: string, only: (temp: TempName) => boolean = () => true): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const parsed = parseTempName(name);
    if (parsed === undefined || !only(parsed) || !isStaleTemp(name)) continue;
    try {
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Not ours to remove (permissions): leave it; it does no harm where it is.
    }
  }
  return removed;
}
