/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { Label } from '@stance/schema';
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { PaneLine } from '../model/document-pane.ts';
import { useColor } from './color.ts';
import { LABEL_COLOR, LABEL_LETTER } from './label-colors.ts';

/** What the gutter shows for one sentence of the document. */
export interface SentenceMarks {
  /** Your label (the adjudicator's decision when adjudicating). */
  label: Label | undefined;
  flagged: boolean;
  /** When adjudicating: each annotator's label, in the order of the header's list (null: none). */
  others?: readonly (Label | null)[];
}

/** Props of DocumentPane. */
export interface DocumentPaneProps {
  lines: readonly PaneLine[];
  /** Marks of a sentence by its place in the document. */
  marks: (sentence: number) => SentenceMarks;
  /** Columns of the gutter (gutterColumns). */
  gutter: number;
  /** When adjudicating: how many annotators' letters the gutter holds. */
  others: number;
}

/**
 * The document around the current sentence, one row per PaneLine. The gutter of each sentence's first row shows `▶`
 * on the current sentence, the label given (`f` `q` `o` `s`, `·` for none), `!` when flagged, and when adjudicating
 * the annotators' labels; the current sentence is bold with its cue spans underlined, the others dimmed.
 */
export function DocumentPane({ lines, marks, gutter, others }: DocumentPaneProps) {
  return (
    <Box flexDirection="column">
      {rowKeys(lines).map((key, row) => {
        const line = lines[row]!;
        return (
          <PaneRow
            key={key}
            line={line}
            marks={line.kind === 'sentence' && line.first ? marks(line.sentence) : null}
            gutter={gutter}
            others={others}
          />
        );
      })}
    </Box>
  );
}

/**
 * A key per row that follows its text: a sentence's k-th row, the gap before a sentence, an edge. A key moves the pane
 * by whole sentences, so with these keys (not the row's place) React keeps each row that is still on screen and redraws
 * only the rows whose text or marks changed (PaneRow is memoised).
 */
function rowKeys(lines: readonly PaneLine[]): string[] {
  const keys: string[] = [];
  let sentence = -1;
  let k = 0;
  for (const line of lines) {
    if (line.kind === 'sentence') {
      k = line.sentence === sentence ? k + 1 : 0;
      sentence = line.sentence;
      keys.push(`s${line.sentence}.${k}`);
    } else if (line.kind === 'gap') keys.push(`g${sentence}`);
    else keys.push(line.kind === 'edge' ? `e${line.text}` : line.kind);
  }
  return keys;
}

/** Props of one row of the pane: its line, and the marks of its sentence when it is the sentence's first row. */
interface PaneRowProps {
  line: PaneLine;
  marks: SentenceMarks | null;
  gutter: number;
  others: number;
}

/** One row of the pane, drawn again only when its line, its marks or the gutter changed. */
const PaneRow = memo(function PaneRow({ line, marks, gutter, others }: PaneRowProps) {
  const color = useColor();
  if (line.kind === 'gap') return <Text> </Text>;
  if (line.kind === 'edge' || line.kind === 'more')
    return (
      <Text dimColor wrap="truncate-end">
        {' '.repeat(gutter)}
        {line.text}
      </Text>
    );
  if (line.kind === 'note')
    return (
      <Text {...color('yellow')} wrap="truncate-end">
        {' '.repeat(gutter)}note: {line.text}
      </Text>
    );
  return (
    <Text wrap="truncate-end">
      {marks !== null ? <Gutter marks={marks} current={line.current} others={others} /> : ' '.repeat(gutter)}
      {line.current ? (
        <Text bold>
          {line.runs.map((run, i) =>
            run.cue ? (
              <Text key={i} underline {...color(LABEL_COLOR[run.cue.label])}>
                {run.text}
              </Text>
            ) : (
              run.text
            ),
          )}
        </Text>
      ) : (
        <Text dimColor>{line.runs.map((run) => run.text).join('')}</Text>
      )}
    </Text>
  );
}, samePaneRow);

/** Whether two rows draw the same: compared by what they show, since the pane's lines are made afresh each frame. */
function samePaneRow(a: PaneRowProps, b: PaneRowProps): boolean {
  return a.gutter === b.gutter && a.others === b.others && sameLine(a.line, b.line) && sameMarks(a.marks, b.marks);
}

function sameLine(a: PaneLine, b: PaneLine): boolean {
  if (a === b) return true;
  if (a.kind === 'gap' || b.kind === 'gap') return a.kind === b.kind;
  if (a.kind !== 'sentence' || b.kind !== 'sentence')
    return a.kind !== 'sentence' && b.kind !== 'sentence' && a.kind === b.kind && a.text === b.text;
  if (a.sentence !== b.sentence || a.first !== b.first || a.current !== b.current) return false;
  if (a.runs.length !== b.runs.length) return false;
  for (let i = 0; i < a.runs.length; i++) {
    const x = a.runs[i]!;
    const y = b.runs[i]!;
    if (x.text !== y.text || x.cue?.label !== y.cue?.label || (x.cue === null) !== (y.cue === null)) return false;
  }
  return true;
}

function sameMarks(a: SentenceMarks | null, b: SentenceMarks | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.label !== b.label || a.flagged !== b.flagged) return false;
  const x = a.others ?? [];
  const y = b.others ?? [];
  return x.length === y.length && x.every((l, i) => l === y[i]);
}

function Gutter({ marks, current, others }: { marks: SentenceMarks; current: boolean; others: number }) {
  const color = useColor();
  const label = marks.label;
  return (
    <Text>
      <Text bold {...color(label ? LABEL_COLOR[label] : 'green')}>
        {current ? '▶' : ' '}
      </Text>
      <Text bold={current} {...color(label ? LABEL_COLOR[label] : 'gray')}>
        {label ? LABEL_LETTER[label] : '·'}
      </Text>
      <Text {...color('red')}>{marks.flagged ? '!' : ' '}</Text>{' '}
      {others > 0 ? (
        <Text>
          {Array.from({ length: others }, (_, k) => {
            const l = marks.others?.[k] ?? null;
            return (
              <Text key={k} {...color(l ? LABEL_COLOR[l] : 'gray')}>
                {l ? LABEL_LETTER[l] : '·'}
              </Text>
            );
          })}{' '}
        </Text>
      ) : null}
    </Text>
  );
}
