/** Entries of the top layer that fold into a new base: the top layer is copied per change, the base once per this many. */
const LAYER = 64;

/** A removed key in the top layer (its base entry, if any, no longer counts). */
const GONE: unique symbol = Symbol('gone');

/**
 * An immutable map whose `set` and `delete` return a new map sharing almost all of the old one: a base `Map` that is
 * never changed again, plus a small top layer of recent changes, folded into a new base once it holds LAYER entries.
 * The reducer's plain immutable update copied a whole `Map` per label, so a label cost O(labels this session) in time
 * and garbage (and the garbage, GC pauses) however long the session; this costs O(LAYER) plus O(size / LAYER)
 * amortised. Reads and iteration order are a `Map`'s: first insertion order, a deleted and re-added key at the end.
 * Written by hand: an immutable-collections library (Immutable.js and the like) would bring its own API to every
 * reader of the state for two maps.
 */
export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  /** An empty map. */
  static empty<K, V>(): LayeredMap<K, V> {
    return new LayeredMap<K, V>(new Map(), new Map(), 0);
  }

  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly top: ReadonlyMap<K, V | typeof GONE>,
    readonly size: number,
  ) {}

  get(key: K): V | undefined {
    const t = this.top.get(key);
    if (t === GONE) return undefined;
    return t !== undefined || this.top.has(key) ? (t as V) : this.base.get(key);
  }

  has(key: K): boolean {
    const t = this.top.get(key);
    if (t === GONE) return false;
    return this.top.has(key) || this.base.has(key);
  }

  /** A map with `key` set to `value`; this one is unchanged. */
  set(key: K, value: V): LayeredMap<K, V> {
    const grows = !this.has(key);
    // Re-adding a key removed from the base: a Map puts it last, which the layers cannot show, so fold first.
    if (this.top.get(key) === GONE && this.base.has(key)) return this.folded().set(key, value);
    const top = new Map(this.top);
    top.set(key, value);
    return new LayeredMap(this.base, top, this.size + (grows ? 1 : 0)).foldedWhenFull();
  }

  /** A map without `key`; this one is unchanged (and returned as is when it has no such key). */
  delete(key: K): LayeredMap<K, V> {
    if (!this.has(key)) return this;
    const top = new Map(this.top);
    if (this.base.has(key)) top.set(key, GONE);
    else top.delete(key);
    return new LayeredMap(this.base, top, this.size - 1).foldedWhenFull();
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.base) {
      const t = this.top.get(key);
      if (t === GONE) continue;
      yield [key, t !== undefined || this.top.has(key) ? (t as V) : value];
    }
    for (const [key, value] of this.top) if (value !== GONE && !this.base.has(key)) yield [key, value];
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  private foldedWhenFull(): LayeredMap<K, V> {
    return this.top.size >= LAYER ? this.folded() : this;
  }

  /** The same entries with an empty top layer. */
  private folded(): LayeredMap<K, V> {
    return new LayeredMap(new Map(this.entries()), new Map(), this.size);
  }
}
