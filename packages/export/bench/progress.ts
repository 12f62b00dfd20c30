/** A progress bar on stderr, redrawn in place at most once per percent (the bench asks for one even when piped). */
export function progress(label: string): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    const pct = total ? Math.floor((100 * done) / total) : 100;
    if (pct === last) return;
    last = pct;
    const full = Math.round((30 * pct) / 100);
    process.stderr.write(
      `\r${label.padEnd(24)} [${'#'.repeat(full)}${'.'.repeat(30 - full)}] ${String(pct).padStart(3)}%`,
    );
    if (done >= total) process.stderr.write('\n');
  };
}
