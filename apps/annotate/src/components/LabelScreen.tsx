/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Box, Text } from 'ink';
import type { AnnotateSession } from '../session/session.ts';
import {
  currentPosition,
  currentSentence,
  labelOf,
  location,
  neighbour,
  secondsPerSentence,
} from '../state/selectors.ts';
import type { AnnotateState } from '../state/state.ts';
import { AnnotatorViews } from './AnnotatorViews.tsx';
import { ContextLine } from './ContextLine.tsx';
import { CurrentSentence } from './CurrentSentence.tsx';
import { Header } from './Header.tsx';
import { KeyMap } from './KeyMap.tsx';
import { NoteLine } from './NoteLine.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { PromptLine } from './PromptLine.tsx';
import { SessionLine } from './SessionLine.tsx';
import { StatusLine } from './StatusLine.tsx';
import { SuggestionLine } from './SuggestionLine.tsx';

/** Props of LabelScreen. */
export interface LabelScreenProps {
  session: AnnotateSession;
  state: AnnotateState;
  columns: number;
  rows: number;
}

// Rows everything but the current sentence takes: header 2, context 2, suggestion 1, key map (or prompt) 2,
// progress 2, session 1, status 1, spacers 3, and one spare so Ink never fills the screen (which makes it clear
// and redraw every frame).
const FIXED_ROWS = 15;
const NO_NOTES: readonly string[] = [];

/** The labelling screen. Draws only the window around the current sentence: nothing here walks the corpus. */
export function LabelScreen({ session, state, columns, rows }: LabelScreenProps) {
  const sentence = currentSentence(state);
  const where = location(state);
  const adjudication = session.adjudication;
  if (!sentence || !where)
    return adjudication ? (
      <Text>
        Nothing to adjudicate: no sentence where the annotators (
        {adjudication.annotators.length ? adjudication.annotators.join(', ') : 'none yet'}) differ. Press Esc to quit.
      </Text>
    ) : (
      <Text>The corpus has no sentences. Press Esc to quit.</Text>
    );
  const label = labelOf(state, sentence.id);
  const width = columns - 1;
  if (adjudication) return <AdjudicationScreen {...{ session, state, columns, rows }} />;
  const suggestion = session.suggester.at(currentPosition(state));
  const source = session.suggester.trained ? `model ${session.suggester.model}` : 'rules (no trained model)';
  const notes = state.notes.get(sentence.id) ?? NO_NOTES;
  return (
    <Box flexDirection="column" width={columns}>
      <Header
        location={where}
        annotator={session.annotator}
        order={session.orderName}
        source={source}
        blind={session.blind}
        width={width}
      />
      <Box marginTop={1} flexDirection="column">
        <ContextLine sentence={neighbour(state, -1)} edge="(start of document)" width={width} />
        <CurrentSentence
          text={sentence.text}
          cues={session.blind && label === undefined ? [] : suggestion.cues}
          label={label}
          flagged={state.flagged.has(sentence.id)}
          width={width}
          maxLines={rows - FIXED_ROWS - (notes.length ? 1 : 0)}
        />
        <NoteLine notes={notes} width={width} />
        <ContextLine sentence={neighbour(state, 1)} edge="(end of document)" width={width} />
      </Box>
      <Box marginTop={1}>
        <SuggestionLine
          suggestion={suggestion}
          model={session.suggester.model}
          blind={session.blind && label === undefined}
          label={label}
          reveal={state.reveal}
        />
      </Box>
      <Box marginTop={1} flexDirection="column">
        <PromptOrKeys state={state} width={width} adjudicating={false} />
        <ProgressBar name="document" done={where.docDone} total={where.sentenceCount} width={width} />
        <ProgressBar name="corpus  " done={state.done} total={state.order.length} width={width} />
        <SessionLine labels={state.session.labels} secondsPerSentence={secondsPerSentence(state)} />
        <StatusLine message={state.message} />
      </Box>
    </Box>
  );
}

/**
 * The labelling screen as the adjudicator sees it: the same document context, but in place of the suggestion every
 * annotator's label and notes, and one progress bar over the disagreement queue.
 */
function AdjudicationScreen({ session, state, columns, rows }: LabelScreenProps) {
  const sentence = currentSentence(state)!;
  const where = location(state)!;
  const views = session.adjudication?.views.get(sentence.id) ?? [];
  const label = labelOf(state, sentence.id);
  const width = columns - 1;
  // The annotator list takes the suggestion's row and the document bar's; past half the room left it is cut short.
  const viewLines = Math.min(Math.max(1, views.length), Math.max(1, Math.floor((rows - FIXED_ROWS) / 2)));
  return (
    <Box flexDirection="column" width={columns}>
      <Header
        location={where}
        annotator={session.annotator}
        order={session.orderName}
        source=""
        blind={false}
        width={width}
        adjudicating={{ at: state.pos + 1, of: state.order.length, annotators: session.adjudication?.annotators ?? [] }}
      />
      <Box marginTop={1} flexDirection="column">
        <ContextLine sentence={neighbour(state, -1)} edge="(start of document)" width={width} />
        <CurrentSentence
          text={sentence.text}
          cues={[]}
          label={label}
          flagged={state.flagged.has(sentence.id)}
          width={width}
          maxLines={rows - FIXED_ROWS - viewLines + 1}
        />
        <ContextLine sentence={neighbour(state, 1)} edge="(end of document)" width={width} />
      </Box>
      <Box marginTop={1}>
        <AnnotatorViews views={views} decision={label} width={width} maxLines={viewLines} />
      </Box>
      <Box marginTop={1} flexDirection="column">
        <PromptOrKeys state={state} width={width} adjudicating />
        <ProgressBar name="decided" done={state.done} total={state.order.length} width={width} />
        <SessionLine labels={state.session.labels} secondsPerSentence={secondsPerSentence(state)} />
        <StatusLine message={state.message} />
      </Box>
    </Box>
  );
}

/** The note or jump prompt while one is open, else the key map (two lines either way). */
function PromptOrKeys({ state, width, adjudicating }: { state: AnnotateState; width: number; adjudicating: boolean }) {
  if (state.mode === 'note')
    return <PromptLine prompt="note:" input={state.input} hint="Enter saves · Esc cancels" width={width} />;
  if (state.mode === 'jump')
    return (
      <PromptLine
        prompt="go to document:"
        input={state.input}
        hint="a number, an id or part of a title · Enter goes · Esc cancels"
        width={width}
      />
    );
  return <KeyMap width={width} adjudicating={adjudicating} />;
}
