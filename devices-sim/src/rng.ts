/**
 * Seeded pseudo-random numbers (mulberry32). Every random choice of the simulator comes from an
 * Rng derived from `--seed`, so a run is reproducible: same seed and options, same fleet, same
 * signals, same scenario targets.
 */

/** mulberry32: a tiny, fast 32-bit PRNG with good statistical quality for simulation. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of a string (FNV-1a with a final avalanche), to turn labels into seeds. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface Rng {
  readonly seed: number;
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform float in [min, max). */
  float(min: number, max: number): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** An element chosen with the given relative weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** Normally distributed (Box–Muller). */
  normal(mean: number, sd: number): number;
  /** k distinct elements (or all, if fewer), in random order. */
  sample<T>(items: readonly T[], k: number): T[];
  /** A random hex string of the given length. */
  hex(len: number): string;
  /** An independent generator derived from this seed and a label (stable regardless of call order). */
  fork(label: string): Rng;
}

export function createRng(seed: number | string): Rng {
  const s = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
  const next = mulberry32(s);
  const rng: Rng = {
    seed: s,
    next,
    float: (min, max) => min + next() * (max - min),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty array');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      const last = items[items.length - 1];
      if (!last) throw new Error('weighted pick from an empty array');
      return last[0];
    },
    normal(mean, sd) {
      const u = 1 - next(); // (0, 1]
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    sample<T>(items: readonly T[], k: number): T[] {
      const copy = items.slice();
      const n = Math.min(k, copy.length);
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(next() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, n);
    },
    hex(len) {
      let out = '';
      while (out.length < len)
        out += Math.floor(next() * 0x100000000)
          .toString(16)
          .padStart(8, '0');
      return out.slice(0, len);
    },
    fork: (label) => createRng(hashString(`${s}:${label}`)),
  };
  return rng;
}
