// Child process for the crash test: appends label events to one annotator's log as fast as it can and prints each id
// only after `append` returned (written and fsync'd), as the UI shows the next sentence only then.
import { openAnnotatorLog } from '../../src/index.ts';
import { labelEvent } from './events.ts';

const [corpusDir, annotator] = process.argv.slice(2);
if (corpusDir === undefined || annotator === undefined) throw new Error('usage: append-loop.ts CORPUS ANNOTATOR');
const log = openAnnotatorLog(corpusDir, annotator);
for (const warning of log.warnings) process.stderr.write(`${warning}\n`);
for (let i = 0; ; i++) {
  const event = log.append(labelEvent(`doc:${i}`, i % 2 === 0 ? 'opinion' : 'fact'));
  process.stdout.write(`${event.id}\n`);
}
