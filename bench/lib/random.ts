/**
 * Seeded randomness for the generator: a small, fast PRNG (sfc32), a stateless integer hash for values that
 * must be recomputable from an index alone (ids, dataset sizes), and a truncated power-law (Zipf-like) sampler.
 */

/** 32-bit integer hash (lowbias32 by Chris Wellons): the same inputs give the same output on every run. */
export function hash32(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const v of values) {
    h ^= v >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x21f0aaad);
    h ^= h >>> 15;
    h = Math.imul(h, 0x735a2d97);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/** A seeded pseudo-random source with the helpers the generator needs. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One element by weight; `weights` and `items` have the same length. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
}

/**
 * sfc32 seeded from one integer: fast, 128-bit state, good enough statistics for synthetic data.
 *
 * @example
 * const rng = createRandom(42);
 * rng.int(10); // same value on every run for seed 42
 */
export function createRandom(seed: number): Random {
  let a = hash32(seed, 1);
  let b = hash32(seed, 2);
  let c = hash32(seed, 3);
  let d = hash32(seed, 4);
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    weighted: <T>(items: readonly T[], weights: readonly number[]): T => {
      let total = 0;
      for (const w of weights) total += w;
      let x = next() * total;
      for (let i = 0; i < items.length; i++) {
        x -= weights[i] ?? 0;
        if (x < 0) return items[i] as T;
      }
      return items[items.length - 1] as T;
    },
  };
}

/**
 * A rank in [0, n) drawn from a truncated continuous power law with density ∝ (x + 1)^-s (s ≠ 1): rank 0 is
 * the most likely, and the tail thins as a power of the rank. O(1), so n may grow between calls.
 */
export function powerLawRank(u: number, n: number, s: number): number {
  if (n <= 1) return 0;
  const e = 1 - s;
  const top = (n + 1) ** e;
  const x = (1 + u * (top - 1)) ** (1 / e) - 1;
  const rank = Math.floor(x);
  return rank < 0 ? 0 : rank >= n ? n - 1 : rank;
}
