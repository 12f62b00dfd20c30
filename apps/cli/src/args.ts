import { resolve } from 'node:path';
import { StanceError } from '@stance/schema';
import type { Io, ParsedArgs } from './command.ts';

/** A string option's value, or undefined. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  if (Array.isArray(value)) return value.length ? String(value[value.length - 1]) : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** Every value given for a repeatable string option. */
export function stringOptions(args: ParsedArgs, name: string): string[] {
  const value = args.values[name];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? [value] : [];
}

/** A boolean flag. */
export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** A whole-number option with a default; anything else is a usage error. */
export function intOption(args: ParsedArgs, name: string, fallback: number, min = Number.MIN_SAFE_INTEGER): number {
  const raw = stringOption(args, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new StanceError(`--${name} takes a whole number ≥ ${min}, got ${JSON.stringify(raw)}`);
  return value;
}

/** A number option with a default. */
export function numberOption(args: ParsedArgs, name: string, fallback: number): number {
  const raw = stringOption(args, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new StanceError(`--${name} takes a number, got ${JSON.stringify(raw)}`);
  return value;
}

/** A path the user typed, resolved against their working directory. */
export function userPath(io: Io, path: string): string {
  return resolve(io.cwd, path);
}
