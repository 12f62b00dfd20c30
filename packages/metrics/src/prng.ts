/**
 * A seeded 32-bit PRNG (mulberry32, Tommy Ettinger's public-domain generator). Written by hand because it is ten
 * lines, has no dependency, and gives the same stream on every platform and Node version, which the bootstrap's
 * "same seed, same figures" promise needs; Math.random cannot be seeded.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded generator of integers in `[0, n)`. */
export function seededIndex(seed: number): (n: number) => number {
  const next = mulberry32(seed);
  return (n) => Math.floor(next() * n);
}
