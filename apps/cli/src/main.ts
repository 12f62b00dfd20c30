import { runCli } from './cli.ts';

// Paths resolve from the working directory: `pnpm stance` (apps/cli/run-from-repo.mjs) first changes to the folder
// the user typed in. INIT_CWD is not read here: an installed stance run inside some project's npm script would take
// that project's folder for the user's.
const cwd = process.cwd();

// A closed pipe (`stance segment big.txt | head`) is a normal end, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd,
  env: process.env,
});
process.exitCode = code;
