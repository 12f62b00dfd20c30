import type { Readable, Writable } from 'node:stream';

/** Where a command reads and writes; tests pass real streams, main passes the process's. */
export interface Io {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean };
  /** The user's working directory, against which relative paths are resolved. */
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** One option of a command, as node:util parseArgs takes it, plus help text. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  help: string;
  /** Placeholder shown in help, e.g. `DIR`. */
  arg?: string;
}

/** Parsed command line: option values and positional arguments. */
export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** A `stance` subcommand. `run` returns the exit code; user errors are thrown as StanceError. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /** Example invocations shown in help. */
  examples?: string[];
  run(args: ParsedArgs, io: Io): Promise<number>;
}
