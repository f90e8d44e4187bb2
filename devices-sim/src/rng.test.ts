import { describe, expect, it } from 'vitest';
import { createRng, hashString, mulberry32 } from './rng.js';

describe('rng', () => {
  it('is reproducible from the seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 100 }, () => a.next());
    const ys = Array.from({ length: 100 }, () => b.next());
    expect(xs).toEqual(ys);
    expect(createRng(43).next()).not.toBe(xs[0]);
    expect(createRng('abc').next()).toBe(createRng('abc').next());
  });

  it('matches the reference mulberry32 sequence', () => {
    const r = mulberry32(1);
    // Reference values of mulberry32 seeded with 1.
    expect(r()).toBeCloseTo(0.6270739405881613, 12);
    expect(r()).toBeCloseTo(0.002735721180215478, 12);
  });

  it('stays in range and is roughly uniform', () => {
    const r = createRng(7);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      buckets[Math.floor(x * 10)]++;
    }
    for (const b of buckets) expect(b).toBeGreaterThan(1800);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 5);
      expect([3, 4, 5]).toContain(n);
    }
  });

  it('normal() has the right mean and spread', () => {
    const r = createRng(9);
    const xs = Array.from({ length: 20_000 }, () => r.normal(70, 5));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(70, 0);
    expect(sd).toBeGreaterThan(4.7);
    expect(sd).toBeLessThan(5.3);
  });

  it('forks are independent of call order', () => {
    const a = createRng(5);
    a.next();
    a.next();
    const b = createRng(5);
    expect(a.fork('x').next()).toBe(b.fork('x').next());
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });

  it('sample() gives distinct elements', () => {
    const r = createRng(3);
    const s = r.sample([1, 2, 3, 4, 5, 6, 7, 8], 5);
    expect(new Set(s).size).toBe(5);
    expect(r.sample([1, 2], 5)).toHaveLength(2);
    expect(hashString('a')).not.toBe(hashString('b'));
  });
});
