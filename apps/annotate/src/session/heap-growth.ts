import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what its last full collection left live, in percent. V8 sizes that from how
 * fast collecting is against how fast the program allocates, up to 4x on a machine with memory to spare; with the
 * UI drawing a frame per key, it let the heap reach 2.5x the live data (the 100,000-sentence bench: 75 MB live in
 * a 208 MB heap, 323 MB resident at the peak). At 30% the peak was 239 MB, with key latency unchanged within the
 * noise of a loaded machine; 15% saved 9 MB more but doubled the slowest keys (more full collections).
 */
export const HEAP_GROWING_PERCENT = 30;

/**
 * Keep the process's heap near its live data (`--heap-growing-percent`, see HEAP_GROWING_PERCENT) for a session that
 * runs for hours holding a whole corpus. Set at run time because the flag is read at each full collection; Node
 * takes no V8 heap-growth flag in NODE_OPTIONS. Applies to the learning worker as well.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
