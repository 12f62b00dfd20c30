import { readFileSync } from 'node:fs';

/**
 * True when a process with this pid runs on this machine: the liveness check of lock owners and of temporary files'
 * writers. Signal 0 checks without sending anything (EPERM: it runs as another user, so it is alive). A zombie (Linux
 * state Z/X: exited, not yet reaped, as a `kill -9`'d process whose parent died too can stay in a container where PID
 * 1 does not reap) is dead, though signal 0 still succeeds on it.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return true; // no /proc (macOS), or it exited just now: trust signal 0
  }
  // The command name (field 2) is in parentheses and may hold spaces; the state follows the last ')'.
  const state = stat.charAt(stat.lastIndexOf(')') + 2);
  return state !== 'Z' && state !== 'X';
}
