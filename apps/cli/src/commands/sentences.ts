import { loadCorpus, readAssignments } from '@stance/corpus';
import { buildLabelIndex, corpusLogs } from '@stance/export';
import { StanceError, textHash } from '@stance/schema';
import { stripControl } from '@stance/text';
import { checkAnnotatorName } from '../annotator-name.ts';
import { flag, stringOption, stringOptions, userPath } from '../args.ts';
import type { Command } from '../command.ts';
import { DEFAULT_CORPUS } from '../paths.ts';

/** `stance sentences`: the corpus's sentences with their ids, to label elsewhere and bring back with `stance import`. */
export const sentencesCommand: Command = {
  name: 'sentences',
  summary: 'list a corpus’s sentences with their ids (for `stance import`), optionally only unlabelled ones',
  usage: 'stance sentences [--corpus DIR] [--doc ID]... [--assigned NAME] [--unlabelled [--annotator NAME]] [--jsonl]',
  options: {
    corpus: { type: 'string', arg: 'DIR', help: 'corpus folder (default: the bundled corpus/)' },
    doc: { type: 'string', multiple: true, arg: 'ID', help: 'only this document (repeat for more)' },
    assigned: { type: 'string', arg: 'NAME', help: 'only the documents assignments.json gives NAME' },
    unlabelled: {
      type: 'boolean',
      help: 'only sentences without a current label (by anyone, or by --annotator); labels for an older text do not count',
    },
    annotator: { type: 'string', arg: 'NAME', help: 'with --unlabelled: whose labels count' },
    jsonl: { type: 'boolean', help: 'one {"id","docId","index","text"} object a line (exact text)' },
  },
  examples: [
    'stance sentences --corpus my-corpus --doc economy-rent-cap-op-ed',
    'stance sentences --corpus my-corpus --assigned ana --unlabelled --annotator ana --jsonl > todo.jsonl',
  ],
  async run(args, io) {
    const corpusDir = userPath(io, stringOption(args, 'corpus') ?? DEFAULT_CORPUS);
    const corpus = loadCorpus(corpusDir);
    const docs = stringOptions(args, 'doc');
    for (const id of docs)
      if (!corpus.documents.some((d) => d.id === id))
        throw new StanceError(`no document ${JSON.stringify(id)} in the corpus`, { where: corpusDir });
    let wanted: Set<string> | null = docs.length ? new Set(docs) : null;
    const assigned = stringOption(args, 'assigned');
    if (assigned !== undefined) {
      checkAnnotatorName(assigned, '--assigned');
      const assignments = readAssignments(corpusDir);
      if (assignments === null)
        throw new StanceError('--assigned needs assignments.json; make one with `stance assign`', {
          where: corpusDir,
        });
      const list = assignments.annotators[assigned];
      if (list === undefined)
        throw new StanceError(`${assigned} has no documents in assignments.json`, { where: corpusDir });
      wanted = new Set(list.filter((id) => wanted === null || wanted.has(id)));
    }
    const annotator = stringOption(args, 'annotator');
    if (annotator !== undefined) {
      checkAnnotatorName(annotator, '--annotator');
      if (!flag(args, 'unlabelled')) throw new StanceError('--annotator goes with --unlabelled');
    }
    let labelled: ((id: string, text: string) => boolean) | null = null;
    if (flag(args, 'unlabelled')) {
      const logs = corpusLogs(corpusDir);
      const index = buildLabelIndex(
        annotator === undefined ? logs : new Map([...logs].filter(([name]) => name === annotator)),
      );
      for (const w of index.warnings) io.stderr.write(`stance: warning: ${w}\n`);
      labelled = (id, text) => {
        const hash = textHash(text);
        const { judgements } = index.labelsOf(id);
        return judgements.some((j) => j.textHash === hash);
      };
    }
    const jsonl = flag(args, 'jsonl');
    const out: string[] = [];
    for (const s of corpus.sentences) {
      if (wanted !== null && !wanted.has(s.docId)) continue;
      if (labelled?.(s.id, s.text)) continue;
      // JSON escapes control characters; the plain form (id, tab, text) folds white space runs, tabs and line breaks
      // included, so a sentence is one line, and strips what a terminal would obey.
      out.push(
        jsonl
          ? JSON.stringify({ id: s.id, docId: s.docId, index: s.index, text: s.text })
          : `${s.id}\t${stripControl(s.text).replace(/\s+/g, ' ')}`,
      );
      if (out.length >= 5000) {
        io.stdout.write(`${out.join('\n')}\n`);
        out.length = 0;
      }
    }
    if (out.length) io.stdout.write(`${out.join('\n')}\n`);
    return 0;
  },
};
