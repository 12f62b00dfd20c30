/** One progress line: `[#####·····] 3/12 nb (fold 2 of 5)`, `width` characters of bar. */
export function progressLine(done: number, total: number, step: string, width = 24): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'·'.repeat(width - filled)}] ${done}/${total} ${step}`;
}
