import type { Cue } from '@stance/schema';
import { oneLine } from './fit-text.ts';

/**
 * The evidence behind a suggestion in words: each kind of cue with the words it found and the label it points to,
 * e.g. `reported-speech “said” → quote, number “7” “2” → fact` (strongest kind first; the same words once). Shown
 * beside the coloured underlines, which say nothing without colour or to a screen reader.
 */
export function whyText(text: string, cues: readonly Cue[]): string {
  const groups = new Map<string, { kind: string; label: string; weight: number; words: string[] }>();
  for (const cue of [...cues].sort((a, b) => a.start - b.start)) {
    const key = `${cue.kind}|${cue.label}`;
    const group = groups.get(key) ?? { kind: cue.kind, label: cue.label, weight: 0, words: [] };
    const words = `“${oneLine(text.slice(cue.start, cue.end), 30)}”`;
    if (!group.words.includes(words)) group.words.push(words);
    group.weight = Math.max(group.weight, cue.weight);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => b.weight - a.weight)
    .map((g) => `${g.kind} ${g.words.join(' ')} → ${g.label}`)
    .join(', ');
}
