import type { Command } from '../command.ts';
import { segmentCommand } from './segment.ts';

/** Every `stance` subcommand, in the order help lists them. */
export const COMMANDS: readonly Command[] = [segmentCommand];
