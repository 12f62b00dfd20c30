// `pnpm stance` and `pnpm start`: the built CLI, rebuilt first when a source is newer than dist/, run in one process
// from the folder the user typed in (pnpm runs scripts from the repository root and records that folder in INIT_CWD).
import { buildCli, isStale } from './build.mjs';

if (isStale()) await buildCli();
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
delete process.env.INIT_CWD;
await import('./bin/stance.js');
