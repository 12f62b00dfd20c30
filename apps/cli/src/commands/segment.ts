import { segment, stripControl } from '@stance/text';
import { flag } from '../args.ts';
import type { Command } from '../command.ts';
import { readTextInput } from '../read-input.ts';

/** `stance segment`: one sentence per line, or JSONL with offsets. */
export const segmentCommand: Command = {
  name: 'segment',
  summary: 'split text into sentences with offsets',
  usage: 'stance segment [FILE|-] [--jsonl]',
  options: { jsonl: { type: 'boolean', help: 'one {"start","end","text"} object per line' } },
  examples: [
    'stance segment corpus/sources/culture-film-festival-column.md',
    'echo "Mr. Smith left. He was late." | stance segment --jsonl',
  ],
  async run(args, io) {
    const { text, offset } = await readTextInput(io, args.positionals[0]);
    const jsonl = flag(args, 'jsonl');
    const lines: string[] = [];
    for (const s of segment(text)) {
      lines.push(
        jsonl
          ? JSON.stringify({ start: offset + s.start, end: offset + s.end, text: s.text })
          : stripControl(s.text).replace(/\s*\n\s*/g, ' '),
      );
    }
    if (lines.length) io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
