// Child process for the full-disk tests: opens a log, appends `count` label events (one `append` each, or one
// `appendAll`), and prints one JSON line: how many appends returned, and the error that stopped it (if any).
import { openAnnotatorLog } from '../../src/index.ts';
import { labelEvent } from './events.ts';

const [corpusDir, annotator, mode, count] = process.argv.slice(2);
if (corpusDir === undefined || annotator === undefined || (mode !== 'each' && mode !== 'all'))
  throw new Error('usage: append-batch.ts CORPUS ANNOTATOR each|all COUNT');
const log = openAnnotatorLog(corpusDir, annotator);
const events = Array.from({ length: Number(count) }, (_, i) => labelEvent(`doc:${i}`, i % 2 ? 'fact' : 'opinion'));
let returned = 0;
let error: string | null = null;
try {
  if (mode === 'all') returned = log.appendAll(events).length;
  else
    for (const e of events) {
      log.append(e);
      returned++;
    }
} catch (caught) {
  const e = caught as { where?: string; message: string };
  error = e.where === undefined ? e.message : `${e.where}: ${e.message}`;
}
log.close();
process.stdout.write(`${JSON.stringify({ returned, error })}\n`);
