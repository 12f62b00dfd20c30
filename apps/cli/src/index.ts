export { runCli } from './cli.ts';
export type { Command, Io, OptionSpec, ParsedArgs } from './command.ts';
