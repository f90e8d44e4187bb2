import { describe, expect, it } from 'vitest';
import { ClockSkewMonitor } from './clock-skew.js';

const T = Date.UTC(2030, 0, 1, 8, 0, 0);
const LIMIT = 5 * 60_000;

describe('device clock check', () => {
  it('finds a clock running 2 hours fast at its first message', () => {
    const m = new ClockSkewMonitor();
    expect(m.observe('d1', T + 2 * 3600_000, T, LIMIT)).toEqual({ skewMs: 2 * 3600_000 });
  });

  it('finds a clock at zero (1970) at its first message', () => {
    expect(new ClockSkewMonitor().observe('d1', 0, T, LIMIT)).toEqual({ skewMs: -T });
  });

  it('finds a slow clock only when it stays behind for a minute (not a burst of messages held while offline)', () => {
    const m = new ClockSkewMonitor({ confirmMs: 60_000 });
    // A device back online sends what it held for an hour, then live messages: not a wrong clock.
    for (let i = 0; i < 20; i++) expect(m.observe('held', T - 3600_000 + i * 60_000, T + i * 100, LIMIT)).toBeNull();
    expect(m.observe('held', T + 2_500, T + 3_000, LIMIT)).toBeNull();
    expect(m.observe('held', T + 70_000 - 2 * 3600_000, T + 70_000, LIMIT)).toBeNull(); // suspicion starts again
    // A clock 2 hours slow: every message behind, for more than a minute.
    expect(m.observe('slow', T - 2 * 3600_000, T, LIMIT)).toBeNull();
    expect(m.observe('slow', T + 30_000 - 2 * 3600_000, T + 30_000, LIMIT)).toBeNull();
    expect(m.observe('slow', T + 61_000 - 2 * 3600_000, T + 61_000, LIMIT)).toEqual({ skewMs: -2 * 3600_000 });
  });

  it('accepts a clock within the limit either way', () => {
    const m = new ClockSkewMonitor();
    expect(m.observe('d1', T + LIMIT, T, LIMIT)).toBeNull();
    expect(m.observe('d1', T - LIMIT, T + 3600_000 - LIMIT * 0, LIMIT)).toBeNull();
  });

  it('reports a device once, not with every message', () => {
    const m = new ClockSkewMonitor({ quietMs: 3600_000 });
    expect(m.observe('d1', T + 3600_000, T, LIMIT)).not.toBeNull();
    expect(m.observe('d1', T + 3601_000, T + 1000, LIMIT)).toBeNull();
    expect(m.observe('d1', T + 2 * 3600_000 + 1000, T + 3600_000 + 1000, LIMIT)).not.toBeNull();
  });
});
