/** One progress line: `[#####·····] 3/12 nb (fold 2 of 5)`, `width` characters of bar. */
export function progressLine(done: number, total: number, step: string, width = 24): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'·'.repeat(width - filled)}] ${done}/${total} ${step}`;
}

/** Whether `done` of `total` is the first count past a tenth: where a log (no terminal) gets its progress line. */
export function passesTenth(done: number, total: number): boolean {
  return Math.floor((10 * done) / total) > Math.floor((10 * (done - 1)) / total);
}
