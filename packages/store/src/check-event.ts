import type { AnnotationEvent } from '@stance/schema';
import { EVENT_TYPES, EVENT_VERSION, isLabel } from '@stance/schema';

const TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);

/**
 * Why `value` is not a valid annotation event, or undefined when it is. A light shape check: it runs on every line
 * of a log of a million events, so it looks at each field once and builds no objects.
 */
export function eventProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const e = value as Record<string, unknown>;
  if (e['v'] !== EVENT_VERSION) return `unsupported version v=${JSON.stringify(e['v'])} (expected ${EVENT_VERSION})`;
  if (typeof e['id'] !== 'string' || e['id'] === '') return 'missing id';
  const type = e['type'];
  if (typeof type !== 'string' || !TYPES.has(type)) return `unknown type ${JSON.stringify(type)}`;
  if (typeof e['sentence'] !== 'string') return 'missing sentence';
  if (typeof e['textHash'] !== 'string') return 'missing textHash';
  if (typeof e['annotator'] !== 'string') return 'missing annotator';
  if (typeof e['at'] !== 'string') return 'missing at';
  const ms = e['ms'];
  // Infinity would be written as null by JSON.stringify and the line would no longer read back.
  if (typeof ms !== 'number' || !(ms >= 0) || ms === Number.POSITIVE_INFINITY) return 'ms must be a finite number ≥ 0';
  if (typeof e['guideline'] !== 'string') return 'missing guideline';
  if (type === 'label' && !isLabel(e['label'])) return `label event with invalid label ${JSON.stringify(e['label'])}`;
  if (type === 'retract' && (typeof e['target'] !== 'string' || e['target'] === '')) return 'retract without target';
  if (type === 'note' && typeof e['note'] !== 'string') return 'note event without note text';
  const s = e['suggestion'];
  if (s !== undefined && s !== null) {
    if (typeof s !== 'object') return 'suggestion is neither an object nor null';
    const sug = s as Record<string, unknown>;
    if (!isLabel(sug['label']) || typeof sug['model'] !== 'string' || typeof sug['shown'] !== 'boolean') {
      return 'suggestion needs label, model and shown';
    }
  }
  return undefined;
}

/** True when `value` has the shape of an AnnotationEvent. */
export function isAnnotationEvent(value: unknown): value is AnnotationEvent {
  return eventProblem(value) === undefined;
}
