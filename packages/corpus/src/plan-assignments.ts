import { isValidAnnotatorName, StanceError, shortHash } from '@stance/schema';
import { ASSIGNMENTS_VERSION, type Assignments } from './assignments.ts';

/** A document to assign: its id and how many sentences it has (the work it takes). */
export interface AssignableDocument {
  id: string;
  sentences: number;
}

/** Options of `planAssignments`. */
export interface PlanOptions {
  /** Annotator names (letters, digits, `.`, `_`, `-`: the rule of annotator logs); order does not matter. */
  annotators: readonly string[];
  /** Share of documents every annotator labels, in [0, 1]. */
  overlap: number;
  /** Seed of the draw that picks overlap documents and breaks ties. */
  seed: number;
  /** The corpus's current assignments: kept, and only documents new since are assigned (unless `rebalance`). */
  previous?: Assignments | null;
  /** Plan every document afresh, ignoring `previous`. @default false */
  rebalance?: boolean;
}

/** A plan and how it relates to the previous one. */
export interface AssignmentPlan {
  assignments: Assignments;
  /** Documents whose assignment was kept from the previous plan. */
  kept: number;
  /** Documents assigned by this plan that the previous plan did not have (all of them without one). */
  added: string[];
  /** Documents of the previous plan that are no longer in the corpus. */
  dropped: string[];
}

/** A document's place in the seeded draw, in [0, 1): SHA-256 of `seed:id`, first 52 bits. */
function draw(id: string, seed: number): number {
  return Number.parseInt(shortHash(`${seed}:${id}`, 13), 16) / 2 ** 52;
}

/** Code-unit order. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How many documents of `total` the overlap should hold: the share rounded, at least one when the share is not 0. */
function overlapTarget(share: number, total: number): number {
  if (share <= 0 || total === 0) return 0;
  return Math.min(total, Math.max(1, Math.round(share * total)));
}

/**
 * Split documents among annotators: a seeded draw picks the overlap (documents everyone labels, `overlap` of them
 * rounded); the rest go one by one, largest first, to the annotator with the fewest sentences so far (fewest
 * documents, then name, on a tie), so the work is balanced by sentences rather than by documents. With a `previous`
 * plan every kept document stays where it was; documents no longer in the corpus are dropped; new documents fill the
 * overlap up to its share, then go to whoever has least. Deterministic: the same documents and options give the same
 * plan, whatever the order of `documents` and `annotators`.
 */
export function planAssignments(documents: readonly AssignableDocument[], options: PlanOptions): AssignmentPlan {
  const names = [...new Set(options.annotators)].sort(byCodeUnit);
  if (names.length === 0) throw new StanceError('name at least one annotator');
  if (names.length !== options.annotators.length) {
    const twice = options.annotators.find((n, i) => options.annotators.indexOf(n) !== i);
    throw new StanceError(`annotator ${JSON.stringify(twice)} is named twice`);
  }
  for (const name of names)
    if (!isValidAnnotatorName(name)) throw new StanceError(`${JSON.stringify(name)} is not a valid annotator name`);
  if (!(options.overlap >= 0 && options.overlap <= 1))
    throw new StanceError(`the overlap must be a share between 0 and 1, got ${options.overlap}`);
  if (!Number.isSafeInteger(options.seed))
    throw new StanceError(`the seed must be a whole number, got ${options.seed}`);

  const docs = new Map(documents.map((d) => [d.id, d]));
  const previous = options.rebalance === true ? null : (options.previous ?? null);
  if (previous !== null) {
    const gone = Object.keys(previous.annotators).filter((n) => !names.includes(n));
    if (gone.length)
      throw new StanceError(
        `${gone.join(', ')} ${gone.length === 1 ? 'has' : 'have'} documents in the current assignments; name them too, or re-plan every document with --rebalance`,
      );
    if (previous.seed !== options.seed)
      throw new StanceError(
        `the current assignments were drawn with seed ${previous.seed}; keep it, or re-plan every document with --rebalance`,
      );
  }

  const overlap = new Set<string>();
  const own = new Map<string, Set<string>>(names.map((n) => [n, new Set<string>()]));
  const assigned = new Set<string>();
  const dropped = new Set<string>();
  if (previous !== null) {
    for (const id of previous.overlap) {
      if (docs.has(id)) overlap.add(id);
      else dropped.add(id);
      assigned.add(id);
    }
    for (const [name, list] of Object.entries(previous.annotators)) {
      for (const id of list) {
        assigned.add(id);
        if (!docs.has(id)) dropped.add(id);
        else if (!overlap.has(id)) own.get(name)!.add(id);
      }
    }
  }
  const fresh = documents
    .filter((d) => !assigned.has(d.id))
    .map((d) => ({ ...d, draw: draw(d.id, options.seed) }))
    .sort((a, b) => a.draw - b.draw || byCodeUnit(a.id, b.id));
  const need = Math.max(0, overlapTarget(options.overlap, docs.size) - overlap.size);
  for (const d of fresh.slice(0, need)) overlap.add(d.id);

  // Longest-processing-time-first: each document to the least-loaded annotator, largest documents first.
  const load = new Map<string, number>();
  for (const [name, set] of own)
    load.set(
      name,
      [...set].reduce((n, id) => n + docs.get(id)!.sentences, 0),
    );
  const rest = fresh.slice(need).sort((a, b) => b.sentences - a.sentences || a.draw - b.draw || byCodeUnit(a.id, b.id));
  for (const d of rest) {
    let best = names[0]!;
    for (const name of names.slice(1)) {
      const l = load.get(name)!;
      const lb = load.get(best)!;
      if (l < lb || (l === lb && own.get(name)!.size < own.get(best)!.size)) best = name;
    }
    own.get(best)!.add(d.id);
    load.set(best, load.get(best)! + d.sentences);
  }

  const overlapList = [...overlap].sort(byCodeUnit);
  const annotators: Record<string, string[]> = {};
  for (const name of names) annotators[name] = [...overlapList, ...own.get(name)!].sort(byCodeUnit);
  return {
    assignments: { version: ASSIGNMENTS_VERSION, seed: options.seed, overlap: overlapList, annotators },
    kept: documents.length - fresh.length,
    added: fresh.map((d) => d.id).sort(byCodeUnit),
    dropped: [...dropped].sort(byCodeUnit),
  };
}
