import type { Readable, Writable } from 'node:stream';
import { isValidAnnotatorName } from '@stance/schema';

/** Read one line from `input` in the terminal's own line mode (it echoes and edits); undefined at end of input. */
function readLine(input: Readable): Promise<string | undefined> {
  return new Promise((resolve) => {
    let buffer = '';
    const finish = (line: string | undefined) => {
      input.off('data', onData);
      input.off('end', onEnd);
      input.pause();
      resolve(line);
    };
    const onData = (chunk: Buffer | string) => {
      buffer += String(chunk);
      const newline = buffer.indexOf('\n');
      if (newline >= 0) finish(buffer.slice(0, newline).replace(/\r$/, ''));
    };
    const onEnd = () => finish(undefined);
    input.on('data', onData);
    input.on('end', onEnd);
    input.resume();
  });
}

/**
 * Ask for an annotator name on the terminal until a valid one is typed (letters of any script, digits, `.`, `_`,
 * `-`); the answer is taken in NFC (isValidAnnotatorName).
 * Resolves undefined when input ends (Ctrl-D) without one. Written by hand rather than with node:readline, whose
 * interface leaves stdin in a state where Ink, started right after, gets no keys and exits at once.
 */
export async function askAnnotatorName(input: Readable, output: Writable): Promise<string | undefined> {
  for (;;) {
    output.write('Your annotator name (letters of any script, digits, . _ -): ');
    const line = await readLine(input);
    if (line === undefined) return undefined;
    const answer = line.trim().normalize('NFC');
    if (isValidAnnotatorName(answer)) return answer;
    output.write(`  ${JSON.stringify(answer)} will not do as a name (it names your log file); try again.\n`);
  }
}
