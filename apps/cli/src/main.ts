import { runCli } from './cli.ts';

// pnpm runs scripts from the package root; INIT_CWD is where the user typed the command, so paths resolve from there.
const cwd = process.env['INIT_CWD'] ?? process.cwd();

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
