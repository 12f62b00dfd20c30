import type { AnnotationEvent, Label } from '@stance/schema';
import { LABELS } from '@stance/schema';
import { foldLabelEvents, foldLogFile, type LabelEvent, listAnnotatorLogs } from '@stance/store';
import { IdTable } from './id-table.ts';

// Stored in the ms column for imported labels: they were not timed, and a 0 would drag every mean down.
const UNTIMED = 0xffffffff;

/** One annotator's (or adjudicator's) current label for a sentence, as the fold of their log leaves it. */
export interface LabelEntry {
  annotator: string;
  label: Label;
  textHash: string;
  /** Time spent on the sentence, in milliseconds (rounded). */
  /** Time on the sentence; null for labels brought in by `stance import`, which have no timing. */
  ms: number | null;
  /** When the label was given (ISO time from the event). */
  at: string;
  suggestion: { label: Label; model: string; shown: boolean; confidence: number | null } | null;
}

/** Current labels of one sentence: annotators' judgements and adjudicators' decisions, each sorted by name. */
export interface SentenceLabels {
  judgements: LabelEntry[];
  adjudications: LabelEntry[];
}

/** Every annotator log of a corpus, folded and packed: look up a sentence's current labels by its id. */
export interface LabelIndex {
  /** Names with at least one current (non-adjudication) label, sorted. */
  annotators: string[];
  /** Names with at least one current adjudication, sorted. */
  adjudicators: string[];
  /** Sentences that have any current label. */
  size: number;
  labelsOf(sentenceId: string): SentenceLabels;
  /** Labels (judgements and adjudications) of sentences never asked for by `labelsOf`: after a pass over the
   * corpus, the labels whose sentence id no longer exists. */
  unseenLabels(): number;
  /** Lines skipped while reading, `file:line: why`. */
  warnings: string[];
}

const NO_LABEL = -1;
const HEX16 = /^[0-9a-f]{16}$/;

// Two million events as objects (readAllLogs) do not fit a 500 MB budget (the naive peer of bench:export peaks at
// 2.9 GB); one column of typed arrays per annotator costs ~30 bytes a sentence.
/** Packed current labels of one annotator in one role (annotating or adjudicating), indexed by sentence slot. */
class Column {
  label = new Int8Array(0);
  ms = new Uint32Array(0);
  hashHi = new Uint32Array(0);
  hashLo = new Uint32Array(0);
  at = new Float64Array(0);
  sugLabel = new Int8Array(0);
  sugModel = new Uint16Array(0);
  sugShown = new Uint8Array(0);
  sugConf = new Float32Array(0);
  /** Text hashes and times that do not pack (not 16 hex digits, not a parseable date), by slot. */
  oddHash = new Map<number, string>();
  atText = new Map<number, string>();
  count = 0;

  grow(capacity: number): void {
    if (capacity <= this.label.length) return;
    const grown = <T extends Int8Array | Uint8Array | Uint16Array | Uint32Array | Float32Array | Float64Array>(
      a: T,
      fill?: number,
    ): T => {
      const b = new (a.constructor as new (n: number) => T)(capacity);
      b.set(a);
      if (fill !== undefined) b.fill(fill, a.length);
      return b;
    };
    this.label = grown(this.label, NO_LABEL);
    this.ms = grown(this.ms);
    this.hashHi = grown(this.hashHi);
    this.hashLo = grown(this.hashLo);
    this.at = grown(this.at);
    this.sugLabel = grown(this.sugLabel, NO_LABEL);
    this.sugModel = grown(this.sugModel);
    this.sugShown = grown(this.sugShown);
    this.sugConf = grown(this.sugConf);
  }
}

/** A string table for model names, so each suggestion stores a small number. */
class Interned {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
}

/** Builds a LabelIndex from events, one log at a time. */
class IndexBuilder {
  readonly slots = new IdTable();
  readonly columns = new Map<string, Column>();
  /** Adjudications are few (one sentence in tens): a Map per adjudicator, not a full column. */
  readonly adjudications = new Map<string, Map<number, LabelEntry>>();
  readonly models = new Interned();
  capacity = 0;

  slotOf(sentence: string): number {
    const slot = this.slots.add(sentence);
    if (slot >= this.capacity) {
      this.capacity = Math.max(1024, Math.ceil(this.capacity * 1.5));
      for (const c of this.columns.values()) c.grow(this.capacity);
    }
    return slot;
  }

  column(annotator: string): Column {
    let c = this.columns.get(annotator);
    if (c === undefined) {
      c = new Column();
      c.grow(this.capacity);
      this.columns.set(annotator, c);
    }
    return c;
  }

  /** Record a label event (later events for the same sentence and role replace earlier ones). */
  put(annotator: string, event: LabelEvent): void {
    const slot = this.slotOf(event.sentence);
    if (event.adjudication === true) {
      let m = this.adjudications.get(annotator);
      if (m === undefined) {
        m = new Map();
        this.adjudications.set(annotator, m);
      }
      const s = event.suggestion;
      m.set(slot, {
        annotator,
        label: event.label,
        textHash: event.textHash,
        ms: event.origin === 'import' ? null : Math.min(UNTIMED - 1, Math.round(event.ms)),
        at: event.at,
        suggestion:
          s === undefined || s === null
            ? null
            : { label: s.label, model: s.model, shown: s.shown, confidence: s.confidence ?? null },
      });
      return;
    }
    const c = this.column(annotator);
    if (c.label[slot] === NO_LABEL) c.count++;
    c.label[slot] = LABELS.indexOf(event.label);
    c.ms[slot] = event.origin === 'import' ? UNTIMED : Math.min(UNTIMED - 1, Math.round(event.ms));
    if (HEX16.test(event.textHash)) {
      c.hashHi[slot] = Number.parseInt(event.textHash.slice(0, 8), 16);
      c.hashLo[slot] = Number.parseInt(event.textHash.slice(8), 16);
      c.oddHash.delete(slot);
    } else c.oddHash.set(slot, event.textHash);
    const at = Date.parse(event.at);
    c.at[slot] = at;
    if (Number.isNaN(at) || new Date(at).toISOString() !== event.at) c.atText.set(slot, event.at);
    else c.atText.delete(slot);
    const s = event.suggestion;
    if (s === undefined || s === null) c.sugLabel[slot] = NO_LABEL;
    else {
      c.sugLabel[slot] = LABELS.indexOf(s.label);
      c.sugModel[slot] = this.models.id(s.model);
      c.sugShown[slot] = s.shown ? 1 : 0;
      c.sugConf[slot] = typeof s.confidence === 'number' ? s.confidence : Number.NaN;
    }
  }

  /** The current label in slot `slot` of a column, unpacked. */
  entry(annotator: string, c: Column, slot: number): LabelEntry | undefined {
    const label = c.label[slot]!;
    if (label === NO_LABEL) return undefined;
    const hash =
      c.oddHash.get(slot) ??
      c.hashHi[slot]!.toString(16).padStart(8, '0') + c.hashLo[slot]!.toString(16).padStart(8, '0');
    const sug = c.sugLabel[slot]!;
    const conf = c.sugConf[slot]!;
    return {
      annotator,
      label: LABELS[label]!,
      textHash: hash,
      ms: c.ms[slot] === UNTIMED ? null : c.ms[slot]!,
      at: c.atText.get(slot) ?? new Date(c.at[slot]!).toISOString(),
      suggestion:
        sug === NO_LABEL
          ? null
          : {
              label: LABELS[sug]!,
              model: this.models.values[c.sugModel[slot]!]!,
              shown: c.sugShown[slot] === 1,
              confidence: Number.isNaN(conf) ? null : Math.round(conf * 1e6) / 1e6,
            },
    };
  }

  build(warnings: string[]): LabelIndex {
    const sorted = (names: Iterable<string>) => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const annotators = sorted([...this.columns.entries()].filter(([, c]) => c.count > 0).map(([n]) => n));
    const adjudicators = sorted([...this.adjudications.entries()].filter(([, m]) => m.size > 0).map(([n]) => n));
    const seen = new Uint8Array(this.slots.size);
    const judgementsAt = (slot: number) => {
      const out: LabelEntry[] = [];
      for (const name of annotators) {
        const e = this.entry(name, this.columns.get(name)!, slot);
        if (e !== undefined) out.push(e);
      }
      return out;
    };
    const adjudicationsAt = (slot: number) => {
      const out: LabelEntry[] = [];
      for (const name of adjudicators) {
        const e = this.adjudications.get(name)!.get(slot);
        if (e !== undefined) out.push(e);
      }
      return out;
    };
    return {
      annotators,
      adjudicators,
      size: this.slots.size,
      warnings,
      unseenLabels: () => {
        let n = 0;
        for (let slot = 0; slot < this.slots.size; slot++) {
          if (seen[slot] === 1) continue;
          for (const c of this.columns.values()) if (c.label[slot] !== NO_LABEL) n++;
          for (const m of this.adjudications.values()) if (m.has(slot)) n++;
        }
        return n;
      },
      labelsOf: (sentenceId) => {
        const slot = this.slots.get(sentenceId);
        if (slot === -1) return { judgements: [], adjudications: [] };
        seen[slot] = 1;
        return { judgements: judgementsAt(slot), adjudications: adjudicationsAt(slot) };
      },
    };
  }
}

/** A log as events in file order (for tests and small corpora), or a file path read line by line. */
export type LogInput = readonly AnnotationEvent[] | { path: string };

/**
 * Fold annotator logs into a LabelIndex: for each annotator and sentence the current label by the rule of
 * @stance/store (`foldLabelEvents`, and `foldLogFile` for a file, which reads it twice rather than holding its
 * events), kept apart for events marked `adjudication: true`. Lines of a file that are not valid events of its
 * annotator are skipped and reported in `warnings`.
 */
export function buildLabelIndex(logs: ReadonlyMap<string, LogInput>): LabelIndex {
  const builder = new IndexBuilder();
  const warnings: string[] = [];
  for (const [annotator, log] of [...logs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const put = (event: LabelEvent) => builder.put(annotator, event);
    // A loop, not push(...): a damaged log may have more bad lines than a call takes arguments.
    if ('path' in log) for (const warning of foldLogFile(log.path, annotator, put)) warnings.push(warning);
    else foldLabelEvents(log, put);
  }
  return builder.build(warnings);
}

/**
 * The annotator logs of a corpus folder (`annotations/<name>.jsonl`), by annotator name, for `buildLabelIndex`. A log
 * whose file name is not an annotator name is not read, and `onWarning` says so (listAnnotatorLogs of @stance/store).
 */
export function corpusLogs(corpusDir: string, onWarning?: (warning: string) => void): Map<string, LogInput> {
  return new Map(listAnnotatorLogs(corpusDir, onWarning).map(({ annotator, path }) => [annotator, { path }]));
}
