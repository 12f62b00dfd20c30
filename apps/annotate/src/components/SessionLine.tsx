/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from 'ink';

/** Props of SessionLine. */
export interface SessionLineProps {
  labels: number;
  /** Seconds per labelled sentence; undefined before the first label. */
  secondsPerSentence: number | undefined;
}

/** Labels given in this session and the pace. */
export function SessionLine({ labels, secondsPerSentence }: SessionLineProps) {
  const pace = secondsPerSentence === undefined ? '– s/sentence' : `${secondsPerSentence.toFixed(1)} s/sentence`;
  return (
    <Text>
      this session: <Text bold>{labels}</Text> {labels === 1 ? 'label' : 'labels'} · {pace}
    </Text>
  );
}
