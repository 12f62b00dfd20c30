import type { Command } from '../command.ts';
import { agreeCommand } from './agree.ts';
import { analyzeCommand } from './analyze.ts';
import { annotateCommand } from './annotate.ts';
import { assignCommand } from './assign.ts';
import { benchCommand } from './bench.ts';
import { classifyCommand } from './classify.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { ingestCommand } from './ingest.ts';
import { segmentCommand } from './segment.ts';
import { sentencesCommand } from './sentences.ts';
import { trainCommand } from './train.ts';

/** Every `stance` subcommand, in the order help lists them. */
export const COMMANDS: readonly Command[] = [
  segmentCommand,
  ingestCommand,
  sentencesCommand,
  analyzeCommand,
  classifyCommand,
  trainCommand,
  importCommand,
  assignCommand,
  annotateCommand,
  agreeCommand,
  exportCommand,
  benchCommand,
];
