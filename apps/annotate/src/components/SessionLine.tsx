/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from 'ink';
import { memo } from 'react';

/** Props of SessionLine. */
export interface SessionLineProps {
  /** Sentences labelled this session that had no label (net of undos). */
  labels: number;
  /** Labels this session that changed an earlier label. */
  relabels: number;
  /** Seconds of active time per labelled sentence; undefined before the first label. */
  secondsPerSentence: number | undefined;
  /** No key for longer than the idle cap: the clock is paused (the seconds it shows). */
  pausedAfter: number | null;
}

/** Labels given in this session, relabels, the pace, and whether the clock is paused. */
export const SessionLine = memo(function SessionLine({
  labels,
  relabels,
  secondsPerSentence,
  pausedAfter,
}: SessionLineProps) {
  const pace = secondsPerSentence === undefined ? '– s/sentence' : `${secondsPerSentence.toFixed(1)} s/sentence`;
  return (
    <Text wrap="truncate-end">
      this session: <Text bold>{labels}</Text> {labels === 1 ? 'label' : 'labels'} · {pace}
      {relabels > 0 ? ` · ${relabels} ${relabels === 1 ? 'relabel' : 'relabels'}` : ''}
      {pausedAfter !== null ? <Text dimColor>{` · clock paused (no key for ${pausedAfter} s)`}</Text> : ''}
    </Text>
  );
});
