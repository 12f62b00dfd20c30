import { spawnSync } from 'node:child_process';

/** The checked-out commit (`git rev-parse HEAD`) of the folder `cwd` is in, or "unknown" outside a git work tree. */
export function gitCommit(cwd: string): string {
  try {
    const r = spawnSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8', timeout: 5000 });
    const out = r.status === 0 ? r.stdout.trim() : '';
    return /^[0-9a-f]{40,64}$/.test(out) ? out : 'unknown';
  } catch {
    return 'unknown';
  }
}
