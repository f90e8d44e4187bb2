import { describe, expect, it } from 'vitest';
import { alarmPlan } from './simulation.js';

describe('demo simulation alarm plan', () => {
  it('plans about one alarm per interval, in a mix, the same for the same seed', () => {
    const plan = alarmPlan(6 * 3600_000, 8 * 60_000, 7);
    expect(plan.length).toBeGreaterThan(30);
    expect(plan.length).toBeLessThan(70);
    const gaps = plan.slice(1).map((s, i) => s.atMs - plan[i]!.atMs);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(0.6 * 8 * 60_000 - 1);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(1.4 * 8 * 60_000 + 1);
    expect(new Set(plan.map((s) => s.name))).toEqual(new Set(['sos', 'fall', 'lowbattery', 'wander']));
    expect(plan.some((s) => s.options['cancel'])).toBe(true);
    expect(alarmPlan(6 * 3600_000, 8 * 60_000, 7)).toEqual(plan);
  });

  it('plans nothing for a run shorter than the first alarm', () => {
    expect(alarmPlan(1000, 60_000, 1)).toEqual([]);
  });
});
