/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { Label } from '@stance/schema';
import { Box, Text } from 'ink';
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
      {lines.map((line, row) => (
        <PaneRow key={row} line={line} marks={marks} gutter={gutter} others={others} />
      ))}
    </Box>
  );
}

/** One row of the pane. */
function PaneRow({ line, marks, gutter, others }: { line: PaneLine } & Omit<DocumentPaneProps, 'lines'>) {
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
      {line.first ? <Gutter marks={marks(line.sentence)} current={line.current} others={others} /> : ' '.repeat(gutter)}
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
