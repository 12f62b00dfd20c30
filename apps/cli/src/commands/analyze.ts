import type { ModelPrediction } from '@stance/classify';
import { commentaryProfile, endsInQuote, predictTexts, rulesModel } from '@stance/classify';
import { checkNotEmpty } from '@stance/corpus';
import type { Cue, Label } from '@stance/schema';
import { isLabel, STANCE_LABELS } from '@stance/schema';
import { blockQuoted, segment, stripControl } from '@stance/text';
import { flag, stringOption } from '../args.ts';
import { loadModelOption, MODEL_HELP, roundScores } from '../classify-model.ts';
import type { Command } from '../command.ts';
import { readTextInput } from '../read-input.ts';
import type { Style } from '../style.ts';
import { styleFor } from '../style.ts';
import { writeChunk } from '../write-chunk.ts';

/** Sentences labelled (and written) at a time. */
const BATCH = 1000;

/** One line of sentence text for the terminal: control characters stripped, line breaks folded. */
function oneLine(text: string): string {
  return stripControl(text).replace(/\s*\n\s*/g, ' ');
}

/** Sentence text with cue spans underlined (colour on) — cues may overlap, so the outermost first one wins. */
function highlight(text: string, cues: readonly Cue[], style: Style): string {
  if (!style.enabled) return oneLine(text);
  let out = '';
  let at = 0;
  for (const c of [...cues].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (c.start < at) continue;
    out += oneLine(text.slice(at, c.start)) + style.paint(oneLine(text.slice(c.start, c.end)), '4');
    at = c.end;
  }
  return out + oneLine(text.slice(at));
}

/** Label text, coloured when it is one of the four labels. */
function paintLabel(style: Style, label: string, width: number): string {
  const padded = label.padEnd(width);
  return isLabel(label) ? style.label(label as Label, padded) : padded;
}

/** `stance analyze`: segment and label one document, show cues, then its commentary profile. */
export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'label each sentence of a document fact / quote / opinion, with cues and a commentary profile',
  usage: 'stance analyze FILE|- [--model default|rules|MODEL.json] [--jsonl]',
  options: {
    model: { type: 'string', arg: 'M', help: MODEL_HELP },
    jsonl: { type: 'boolean', help: 'one JSON object per sentence, then {"profile": …}' },
  },
  examples: ['stance analyze corpus/sources/piece.md', 'stance analyze - --jsonl < op-ed.txt'],
  async run(args, io) {
    const model = loadModelOption(io, stringOption(args, 'model'));
    const { text, offset, name } = await readTextInput(io, args.positionals[0]);
    // As ingest: an empty file is most often the wrong file, and a profile of nothing would hide that.
    checkNotEmpty(text, `${name}:1`);
    const sentences = segment(text);
    const jsonl = flag(args, 'jsonl');
    const style = styleFor(io.stdout, io.env);
    const width = Math.max(7, ...model.labels.map((l) => l.length));
    const numberWidth = String(sentences.length).length;
    const labels: string[] = [];
    // The sentences go through the model a batch at a time and each batch's lines are written before the next is
    // labelled, so memory stays flat on a large input (50 MB of text once took 3.4 GB and could not be written as one
    // string). A quotation open at the end of a batch carries into the next, as it would in one call.
    let open = false;
    // Sentences of a `>` paragraph (a Markdown block quotation), or of the paragraph after a lead-in such as `From the
    // AP comes this story:` (and that lead-in), are read as inside a quotation.
    const blocks = blockQuoted(text, sentences);
    for (let from = 0; from < sentences.length; from += BATCH) {
      const batch = sentences.slice(from, from + BATCH);
      const texts = batch.map((s) => s.text);
      const context = { startsInQuote: open, blockQuoted: blocks.slice(from, from + BATCH) };
      const predictions: ModelPrediction[] = await predictTexts(model, texts, context);
      // Trained models report no cues of their own; the rules' cues still explain what the sentence contains.
      const cuesOf = (model === rulesModel ? predictions : rulesModel.predict(texts, context)).map((p) => p.cues ?? []);
      open = endsInQuote(texts, open, context.blockQuoted);
      let out = '';
      batch.forEach((s, i) => {
        const p = predictions[i]!;
        labels.push(p.label);
        if (jsonl) {
          const cues = cuesOf[i]!.map((c) => ({
            kind: c.kind,
            label: c.label,
            weight: Math.round(c.weight * 1000) / 1000,
            start: offset + s.start + c.start,
            end: offset + s.start + c.end,
            text: s.text.slice(c.start, c.end),
          }));
          out += `${JSON.stringify({
            start: offset + s.start,
            end: offset + s.end,
            text: s.text,
            label: p.label,
            confidence: Math.round(p.confidence * 1e4) / 1e4,
            scores: roundScores(p.scores),
            cues,
          })}\n`;
          return;
        }
        const n = String(from + i + 1).padStart(numberWidth);
        out += `${style.dim(n)} ${paintLabel(style, p.label, width)} ${p.confidence.toFixed(2)}  ${highlight(s.text, cuesOf[i]!, style)}\n`;
        const cues = cuesOf[i]!.map((c) => `${c.kind} “${oneLine(s.text.slice(c.start, c.end))}”`);
        if (cues.length) out += `${style.dim(`${' '.repeat(n.length + width + 8)}cues: ${cues.join(', ')}`)}\n`;
      });
      await writeChunk(io, out);
    }
    const profile = commentaryProfile(labels);
    if (jsonl) await writeChunk(io, `${JSON.stringify({ profile: { model: model.name, ...profile } })}\n`);
    else {
      const parts = STANCE_LABELS.map(
        (l) => `${style.label(l)} ${profile.counts[l]} (${(profile.shares[l] * 100).toFixed(1)}%)`,
      );
      await writeChunk(
        io,
        `\n${style.bold('profile')}: ${profile.sentences} sentences; ${parts.join(', ')}; skip ${profile.skipped}\n`,
      );
    }
    return 0;
  },
};
