import type { Io } from './command.ts';

/**
 * Write a chunk of output, waiting for the stream to drain when its buffer is full, so a command that writes as it
 * computes keeps its memory flat however much it writes (and however slowly the reader reads).
 */
export async function writeChunk(io: Io, chunk: string): Promise<void> {
  if (!io.stdout.write(chunk)) await new Promise<void>((resolve) => io.stdout.once('drain', () => resolve()));
}
