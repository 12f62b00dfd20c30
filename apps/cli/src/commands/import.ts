import { loadCorpus, readJsonl } from '@stance/corpus';
import { parseLabelMap } from '@stance/evaluate';
import type { Label } from '@stance/schema';
import { isLabel, isValidAnnotatorName, StanceError, textHash } from '@stance/schema';
import { foldLabels, type NewEvent, openAnnotatorLog } from '@stance/store';
import { stringOption, userPath } from '../args.ts';
import type { Command } from '../command.ts';
import { DEFAULT_CORPUS } from '../paths.ts';
import { plural } from '../plural.ts';
import { terminalSafe } from '../terminal-safe.ts';

interface ImportedLabel {
  sentence: string;
  label: Label;
  note: string | undefined;
  where: string;
}

/** `stance import`: bring labels made elsewhere (another tool, an offline pass) into an annotator's event log. */
export const importCommand: Command = {
  name: 'import',
  summary: "add labels from a JSONL file to an annotator's log",
  usage: 'stance import FILE.jsonl --annotator NAME [--corpus DIR] [--map FROM=LABEL,...]',
  options: {
    annotator: { type: 'string', arg: 'NAME', help: 'whose log the labels go into (required)' },
    corpus: { type: 'string', arg: 'DIR', help: 'corpus folder (default: the bundled corpus/)' },
    map: { type: 'string', arg: 'PAIRS', help: 'rename labels, e.g. SUBJ=opinion,OBJ=fact' },
  },
  examples: ['stance import doccano-export.jsonl --annotator ana --map POS=opinion,NEU=fact'],
  async run(args, io) {
    const file = args.positionals[0];
    if (file === undefined) throw new StanceError(`name a JSONL file (usage: ${this.usage})`);
    const annotator = stringOption(args, 'annotator');
    if (annotator === undefined) throw new StanceError('--annotator NAME is required');
    if (!isValidAnnotatorName(annotator))
      throw new StanceError(
        `invalid annotator name ${JSON.stringify(annotator)} (letters of any script, digits, . _ - only)`,
      );
    const corpusDir = userPath(io, stringOption(args, 'corpus') ?? DEFAULT_CORPUS);
    const map = parseLabelMap(stringOption(args, 'map'));
    for (const [from, to] of map)
      if (!isLabel(to)) throw new StanceError(`--map: ${from}=${to} names no label (fact|quote|opinion|skip)`);
    const corpus = loadCorpus(corpusDir);

    // Everything is checked before the first event is written, so a bad file adds nothing to the log.
    const seen = new Set<string>();
    const rows = readJsonl<ImportedLabel>(
      userPath(io, file),
      (value, where) => {
        const row = value as Record<string, unknown>;
        const sentence = row['sentence'] ?? row['id'];
        if (typeof sentence !== 'string') throw new StanceError('needs "id" (a sentence id)', { where });
        const raw = row['label'];
        const label = typeof raw === 'string' ? (map.get(raw) ?? raw) : raw;
        if (!isLabel(label)) throw new StanceError(`unknown label ${JSON.stringify(raw)} (use --map)`, { where });
        if (!corpus.sentence(sentence))
          throw new StanceError(`unknown sentence id ${JSON.stringify(sentence)} in ${corpusDir}`, { where });
        if (seen.has(sentence)) throw new StanceError(`sentence ${sentence} appears twice`, { where });
        seen.add(sentence);
        const note = typeof row['note'] === 'string' && row['note'].trim() ? row['note'].trim() : undefined;
        return { sentence, label, note, where };
      },
      file,
    );

    const log = openAnnotatorLog(corpusDir, annotator);
    let added = 0;
    let unchanged = 0;
    try {
      for (const w of log.warnings) io.stderr.write(`stance: warning: ${terminalSafe(w)}\n`);
      const current = foldLabels(log.events);
      const guideline = corpus.guideline?.version ?? 'none';
      const events: NewEvent[] = [];
      for (const row of rows) {
        const sentence = corpus.sentence(row.sentence)!;
        const hash = textHash(sentence.text);
        const existing = current.get(row.sentence);
        if (existing && existing.label === row.label && existing.textHash === hash) {
          unchanged++;
          continue;
        }
        const base = {
          sentence: row.sentence,
          textHash: hash,
          ms: 0,
          guideline,
          suggestion: null,
          origin: 'import' as const,
        };
        events.push({ ...base, type: 'label', label: row.label });
        if (row.note) events.push({ ...base, type: 'note', note: row.note });
        added++;
      }
      // All or nothing: a disk that fills half way leaves the log as it was (and the error says nothing was saved).
      log.appendAll(events);
    } finally {
      log.close();
    }
    io.stdout.write(`${annotator}: ${plural(added, 'label')} imported, ${unchanged} unchanged (${log.path})\n`);
    return 0;
  },
};
