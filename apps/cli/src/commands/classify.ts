import { predictTexts } from '@stance/classify';
import { StanceError } from '@stance/schema';
import { stringOption } from '../args.ts';
import { loadModelOption, MODEL_HELP, roundScores } from '../classify-model.ts';
import type { Command } from '../command.ts';
import { writeChunk } from '../write-chunk.ts';

/** Parse one protocol line into its id and text, or throw naming `<stdin>:LINE`. */
function parseRequest(line: string, lineNo: number): { id: string | number; text: string } {
  const where = `<stdin>:${lineNo}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new StanceError('not a JSON line; expected {"id","text"}', { where });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new StanceError('expected a JSON object {"id","text"}', { where });
  const { id, text } = value as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number') throw new StanceError('missing "id" (string)', { where });
  if (typeof text !== 'string') throw new StanceError('missing "text" (string)', { where });
  return { id, text };
}

/** `stance classify`: the classify protocol, stdin to stdout, one line in, one line out. */
export const classifyCommand: Command = {
  name: 'classify',
  summary: 'label {"id","text"} JSONL lines from stdin (one sentence each) as {"id","label","scores"}',
  usage: 'stance classify [--model default|rules|MODEL.json] < in.jsonl > out.jsonl',
  options: { model: { type: 'string', arg: 'M', help: MODEL_HELP } },
  examples: [
    `echo '{"id":"1","text":"I think this is a terrible idea."}' | stance classify`,
    'stance classify --model model.json < sentences.jsonl > labels.jsonl',
  ],
  async run(args, io) {
    const model = loadModelOption(io, stringOption(args, 'model'));
    let lineNo = 0;
    let out = '';
    const answer = async (raw: string) => {
      lineNo++;
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.trim() === '') return;
      const request = parseRequest(line, lineNo);
      // Only a model with a sentence encoder needs the asynchronous path; the rules stay a plain call per line.
      const [p] =
        model.encoder === undefined
          ? model.predict([request.text], { independent: true })
          : await predictTexts(model, [request.text], { independent: true });
      out += `${JSON.stringify({ id: request.id, label: p!.label, scores: roundScores(p!.scores) })}\n`;
      if (out.length > 65536) {
        await writeChunk(io, out);
        out = '';
      }
    };
    // Chunks are split into lines by hand, at the byte level: readline's async iterator cost more per line than the
    // rules themselves, and decoding each line on its own (fatal: non-UTF-8 bytes are refused, not turned into U+FFFD)
    // names the right line. Memory stays constant: one chunk and one partial line at a time.
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const decodeLine = (bytes: Uint8Array) => {
      try {
        return decoder.decode(bytes);
      } catch {
        throw new StanceError('not UTF-8 text', { where: `<stdin>:${lineNo + 1}` });
      }
    };
    try {
      let rest: Buffer = Buffer.alloc(0);
      for await (const chunk of io.stdin) {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
        const data = rest.length ? Buffer.concat([rest, bytes]) : bytes;
        let from = 0;
        for (let nl = data.indexOf(10); nl >= 0; nl = data.indexOf(10, from)) {
          await answer(decodeLine(data.subarray(from, nl)));
          from = nl + 1;
        }
        rest = Buffer.from(data.subarray(from));
        // The answers to a chunk's lines go out before the next chunk is awaited: a program that writes a line and
        // waits for its answer (the protocol used as a coprocess) would otherwise wait for 64 KB or the end of input.
        if (out) {
          await writeChunk(io, out);
          out = '';
        }
      }
      if (rest.length) await answer(decodeLine(rest));
    } catch (error) {
      // Lines before the bad one were answered; hand them over before stopping.
      if (out) await writeChunk(io, out);
      throw error;
    }
    if (out) await writeChunk(io, out);
    return 0;
  },
};
