import { parseArgs } from 'node:util';
import { fileError, fileErrorReason, isStanceError, StanceError } from '@stance/schema';
import packageJson from '../package.json' with { type: 'json' };
import type { Command, Io } from './command.ts';
import { terminalSafe } from './terminal-safe.ts';

/** Help text for one command. */
export function commandHelp(command: Command): string {
  const lines = [`usage: ${command.usage}`, '', command.summary, ''];
  const entries = Object.entries(command.options);
  if (entries.length) {
    lines.push('options:');
    for (const [name, spec] of entries) {
      const left = `  ${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.arg ? ` ${spec.arg}` : ''}`;
      lines.push(`${left.padEnd(30)} ${spec.help}`);
    }
    lines.push('');
  }
  if (command.examples?.length) lines.push('examples:', ...command.examples.map((e) => `  ${e}`), '');
  return lines.join('\n');
}

/** Help text for the whole command, listing `commands`. */
export function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: stance <command> [options]',
    '',
    'Corpus tooling for fact / quote / opinion labelling of commentary.',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `stance <command> --help` for a command’s options. Exit codes: 0 ok, 1 a check failed, 2 bad usage or input.',
    '`stance --version` prints the version.',
    '',
  ].join('\n');
}

/** Run `stance` with `argv` (without node and script); returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  const rest = argv.filter((a) => a !== '--debug');
  const [name, ...tail] = rest;
  try {
    if (name === '--version' || name === '-V') {
      io.stdout.write(`${packageJson.version}\n`);
      return 0;
    }
    // Loaded here, not at the top: `--version` answers without reading any command's code or package.
    const { COMMANDS } = await import('./commands/index.ts');
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout.write(mainHelp(COMMANDS));
      return name === undefined ? 2 : 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new StanceError(`unknown command ${JSON.stringify(name)}; run \`stance --help\``);
    if (tail.includes('--help') || tail.includes('-h')) {
      io.stdout.write(commandHelp(command));
      return 0;
    }
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args: [...tail],
        options: Object.fromEntries(
          Object.entries(command.options).map(([k, s]) => [
            k,
            { type: s.type, ...(s.short ? { short: s.short } : {}), ...(s.multiple ? { multiple: true } : {}) },
          ]),
        ),
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      throw new StanceError(`${(error as Error).message.split('\n')[0]} (usage: ${command.usage})`);
    }
    return await command.run({ values: parsed.values, positionals: parsed.positionals }, io);
  } catch (caught) {
    // A file-system error that escaped with its path (EACCES on open, ENOSPC on mkdir…) is the user's to fix, not a
    // bug: it gets the same one line as any other bad input.
    const error = !isStanceError(caught) && fileErrorReason(caught) !== undefined ? fileError(caught) : caught;
    if (isStanceError(error)) {
      io.stderr.write(`stance: ${terminalSafe(error.toLine())}\n`);
      if (debug && error.cause) io.stderr.write(`${String((error.cause as Error).stack ?? error.cause)}\n`);
      return error.exitCode;
    }
    const err = error as Error;
    io.stderr.write(
      debug
        ? `${err.stack ?? String(err)}\n`
        : `stance: internal error: ${terminalSafe(err.message ?? String(err))} (rerun with --debug for details)\n`,
    );
    return 2;
  }
}
