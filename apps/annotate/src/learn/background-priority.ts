import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The nice value the learning worker runs at: the lowest priority, so the UI thread always gets a core first. */
export const BACKGROUND_NICE = 19;

/**
 * Lower the calling thread's scheduling priority, on Linux only, and say whether it did. On two cores the worker's
 * ranking and retraining compete with the UI thread and the terminal for CPU, and a keystroke's frame waited for a
 * core (p99 key→frame 24–27 ms with `--order uncertain` against 10–11 ms in document order, though the UI thread's
 * own CPU per key stayed under 12 ms). Linux keeps a nice value per thread: `setpriority` given a thread id changes
 * that thread alone, and `/proc/thread-self` names the calling thread's id. Elsewhere, or when refused, nothing
 * changes: a slower frame, never a failure.
 */
export function lowerThreadPriority(nice = BACKGROUND_NICE): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0 || tid === process.pid) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
