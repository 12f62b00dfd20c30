// Preloaded (`node --import`) into a command the speed bench runs: at exit, writes the process's peak resident memory
// and CPU time to the file named by STANCE_BENCH_USAGE, so the bench measures the real command, in its own process.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.STANCE_BENCH_USAGE;
  if (!file) return;
  const u = process.resourceUsage();
  writeFileSync(
    file,
    JSON.stringify({ maxRssBytes: u.maxRSS * 1024, cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6 }),
  );
});
