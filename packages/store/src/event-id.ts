/**
 * An event id: `<annotator>-<compact ISO time>-<sequence>`, e.g. `alice-20261125T202113.123Z-000042`. The sequence
 * is the event's position in the log, so ids are unique in a log and sort by time for one annotator; no randomness.
 */
export function makeEventId(annotator: string, at: Date, sequence: number): string {
  const time = at.toISOString().replace(/[-:]/g, '');
  return `${annotator}-${time}-${String(sequence).padStart(6, '0')}`;
}
