import { stripControl } from '@stance/text';

const KEYS = [
  'Keys',
  '  f or 1   fact        a checkable statement of what is or was',
  '  q or 2   quote       someone else’s words, reported',
  '  o or 3   opinion     the writer’s judgement, prediction or advice',
  '  s or 4   skip        fragments, headings, boilerplate',
  '  Enter    accept the suggestion (not with --blind)',
  '  u or ⌫   undo the last label (again and again, also after a restart)',
  '           a new label moves on; relabelling a labelled sentence stays on it',
  '  ← → ↑ ↓  j k         move; PgUp/PgDn jump ten',
  '  ] or Tab next unlabelled sentence     [ or Shift-Tab  previous unlabelled',
  '  } {      next / previous flagged      ) (  next / previous with a note',
  '  /        search the text (accents and case do not matter); / Enter again finds the next',
  '  Space    scroll a sentence longer than the screen',
  '  v        the whole document / back to the sentence in its context',
  '  n        write a note on this sentence      !  flag / unflag it',
  '  g        go to a document (number, id or part of the title)',
  '  ?        this help; ↑/↓ scroll, Esc or ? closes       Esc  quit',
  '  Ctrl-Z   suspend to the shell; fg comes back to the same place',
  '',
  'Each label is on disk (appended and synced) before the next sentence shows.',
  'The gutter left of each sentence: ▶ the current one, its label (f q o s, · none), ! flagged.',
  'The clock stops after a while without a key (--idle): time on a sentence counts work, not breaks.',
  '',
];

const ADJUDICATE_KEYS = [
  'Keys (adjudicating: your label is the gold decision for the sentence)',
  '  f or 1   fact        q or 2   quote',
  '  o or 3   opinion     s or 4   skip',
  '           each annotator’s label and notes are listed under the sentence',
  '  u or ⌫   undo the last decision (again and again, also after a restart)',
  '  ← → ↑ ↓  j k         move through the disagreements; PgUp/PgDn jump ten',
  '  ] [      next / previous undecided      } {  flagged      ) (  with a note',
  '  /        search the text       v  the whole document       Space  scroll a long sentence',
  '           the gutter shows your decision, then each annotator’s label (in the header’s order)',
  '  n        write a note on this sentence      !  flag / unflag it',
  '  g        go to a document (number, id or part of the title)',
  '  ?        this help; ↑/↓ scroll, Esc or ? closes       Esc  quit',
  '  Ctrl-Z   suspend to the shell; fg comes back to the same place',
  '',
  'Each decision is on disk (appended and synced, marked adjudication: true) before the next sentence shows;',
  '`stance export` takes it as the gold label.',
  '',
];

/**
 * The help screen's lines: the keys (those of adjudication when `adjudicating`), then the corpus guidelines wrapped
 * to `width`.
 */
export function helpLines(
  guideline: { version: string; text: string } | null,
  width: number,
  adjudicating = false,
): string[] {
  const lines = [...(adjudicating ? ADJUDICATE_KEYS : KEYS)];
  if (!guideline) {
    lines.push('No GUIDELINES.md in this corpus.');
    return lines;
  }
  lines.push(`Guidelines (version ${guideline.version})`, '');
  for (const line of stripControl(guideline.text).split('\n')) lines.push(...wrapLine(line, Math.max(20, width)));
  return lines;
}

/** Word-wrap one line to `width` characters, breaking words longer than a line. */
export function wrapLine(line: string, width: number): string[] {
  const clean = line.replace(/\t/g, '  ').trimEnd();
  if (clean.length <= width) return [clean];
  const indent = /^\s*(?:[-*]\s+|\d+\.\s+)?/.exec(clean)?.[0].length ?? 0;
  const pad = indent < width / 2 ? ' '.repeat(indent) : '';
  const out: string[] = [];
  let current = '';
  for (const word of clean.split(/(?<=\s)/)) {
    if ((current + word).trimEnd().length <= width) {
      current += word;
      continue;
    }
    if (current.trim() !== '') out.push(current.trimEnd());
    let rest = (out.length ? pad : '') + word;
    while (rest.length > width) {
      out.push(rest.slice(0, width));
      rest = pad + rest.slice(width);
    }
    current = rest;
  }
  if (current.trim() !== '') out.push(current.trimEnd());
  return out;
}
