/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Box, Text } from 'ink';
import type { ScreenPlan } from '../model/plan-screen.ts';
import type { Suggested } from '../model/suggester.ts';
import type { AnnotateSession } from '../session/session.ts';
import { currentPosition, currentSentence, labelOf, location, secondsPerSentence } from '../state/selectors.ts';
import type { AnnotateState } from '../state/state.ts';
import { AnnotatorViews } from './AnnotatorViews.tsx';
import type { SentenceMarks } from './DocumentPane.tsx';
import { DocumentPane } from './DocumentPane.tsx';
import { Header } from './Header.tsx';
import { KeyMap } from './KeyMap.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { PromptLine } from './PromptLine.tsx';
import { SessionLine } from './SessionLine.tsx';
import { StatusLine } from './StatusLine.tsx';
import { SuggestionLine } from './SuggestionLine.tsx';
import { WhyLine } from './WhyLine.tsx';

/** Props of LabelScreen. */
export interface LabelScreenProps {
  session: AnnotateSession;
  state: AnnotateState;
  /** What planScreen made of the state at this size. */
  plan: ScreenPlan | null;
  /** The suggestion for the current sentence (null when adjudicating or the corpus is empty). */
  suggestion: Suggested | null;
  columns: number;
  /** Clock now (ms), for how long ago the model changed. */
  now: number;
}

/**
 * The labelling screen: the header, the document around the current sentence, the suggestion and why, the keys,
 * progress and the session. Draws only the current document's window: nothing here walks the corpus.
 */
export function LabelScreen({ session, state, plan, suggestion, columns, now }: LabelScreenProps) {
  const sentence = currentSentence(state);
  const where = location(state);
  const adjudication = session.adjudication;
  if (!sentence || !where || !plan)
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
  const { layout } = plan;
  const documentView = state.view === 'document';
  const list = state.index.byDoc[state.index.docOf[currentPosition(state)]!]!;
  const marks = (k: number): SentenceMarks => {
    const id = state.index.sentences[list[k]!]!.id;
    const others = adjudication?.labels.get(id);
    return { label: labelOf(state, id), flagged: state.flagged.has(id), ...(others ? { others } : {}) };
  };
  const gap = layout.spacers && !documentView ? 1 : 0;
  const blindNow = session.blind && label === undefined;
  const learning = state.learning;
  return (
    <Box flexDirection="column" width={columns}>
      <Header
        location={where}
        about={{
          annotator: session.annotator,
          order: session.orderName,
          assigned: session.assigned !== null,
          blind: session.blind,
          learning,
          now,
        }}
        width={width}
        adjudicating={
          adjudication ? { at: state.pos + 1, of: state.order.length, annotators: adjudication.annotators } : undefined
        }
      />
      <Box marginTop={gap} flexDirection="column">
        <DocumentPane lines={plan.pane.lines} marks={marks} gutter={plan.gutter} others={plan.others} />
      </Box>
      <Box marginTop={gap} flexDirection="column">
        {adjudication ? (
          <AnnotatorViews
            views={adjudication.views.get(sentence.id) ?? []}
            decision={label}
            width={width}
            maxLines={plan.viewLines}
          />
        ) : suggestion ? (
          <>
            <SuggestionLine suggestion={suggestion} blind={blindNow} label={label} reveal={state.reveal} />
            {layout.why && !documentView ? (
              <WhyLine
                text={sentence.text}
                cues={suggestion.cues}
                hidden={blindNow}
                trained={suggestion.model !== 'rules'}
                width={width}
              />
            ) : null}
          </>
        ) : null}
      </Box>
      <Box marginTop={gap} flexDirection="column">
        <PromptOrKeys
          state={state}
          width={width}
          adjudicating={adjudication !== null}
          blind={session.blind}
          rows={documentView ? 1 : layout.keys}
        />
        {documentView ? null : (
          <>
            {layout.documentBar ? (
              <ProgressBar name="document" done={where.docDone} total={where.sentenceCount} width={width} />
            ) : null}
            {layout.assignedBar && session.assigned ? (
              <ProgressBar name="assigned" done={state.assignedDone} total={session.assigned.sentences} width={width} />
            ) : null}
            <ProgressBar
              name={adjudication ? 'decided' : 'corpus  '}
              done={state.done}
              total={state.order.length}
              width={width}
            />
            <SessionLine
              labels={state.session.labels}
              relabels={state.session.relabels}
              secondsPerSentence={secondsPerSentence(state)}
              pausedAfter={state.clock.paused ? Math.round(session.idleCapMs / 1000) : null}
            />
          </>
        )}
        <StatusLine message={state.message ?? learning.note} />
      </Box>
    </Box>
  );
}

/** The note, jump or search prompt while one is open, else the key map. */
function PromptOrKeys({
  state,
  width,
  adjudicating,
  blind,
  rows,
}: {
  state: AnnotateState;
  width: number;
  adjudicating: boolean;
  blind: boolean;
  rows: 1 | 2;
}) {
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
  if (state.mode === 'search')
    return (
      <PromptLine
        prompt="search:"
        input={state.input}
        hint={`words in a sentence · Enter finds the next${state.search ? ` (empty: “${state.search}” again)` : ''} · Esc cancels`}
        width={width}
      />
    );
  return (
    <KeyMap
      width={width}
      adjudicating={adjudicating}
      blind={blind}
      rows={rows}
      documentView={state.view === 'document'}
    />
  );
}
