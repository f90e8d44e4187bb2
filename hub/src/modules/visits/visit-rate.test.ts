import { describe, expect, it } from 'vitest';
import { DEFAULT_VISIT_SETTINGS } from '@eldercare/shared';
import { daysOverdue, dueAt, intervalDays, ratePct, tierOf, visitRates } from './visit-rate.js';

describe('visit tiers', () => {
  it('puts living alone and 80+, dementia, severe disability and lost only child in the high tier', () => {
    expect(tierOf(['living_alone'], 82)).toBe('high');
    expect(tierOf(['living_alone', 'age_80_plus'], 79)).toBe('high');
    expect(tierOf(['living_alone'], 75)).toBe('key');
    expect(tierOf(['dementia'], 70)).toBe('high');
    expect(tierOf(['severely_disabled'], 66)).toBe('high');
    expect(tierOf(['lost_only_child'], 66)).toBe('high');
    expect(tierOf(['empty_nest'], 70)).toBe('key');
    expect(tierOf([], 90)).toBe('other');
  });

  it('a capability grade raises the tier: severe or complete disability high, mild or moderate key', () => {
    expect(tierOf([], 70, 'complete')).toBe('high');
    expect(tierOf([], 70, 'severe')).toBe('high');
    expect(tierOf([], 70, 'moderate')).toBe('key');
    expect(tierOf([], 70, 'mild')).toBe('key');
    expect(tierOf([], 70, 'intact')).toBe('other');
    expect(tierOf(['dementia'], 70, 'intact')).toBe('high');
  });

  it('visits weekly, monthly or quarterly unless the plan overrides it', () => {
    expect(intervalDays('high', DEFAULT_VISIT_SETTINGS, null)).toBe(7);
    expect(intervalDays('key', DEFAULT_VISIT_SETTINGS, null)).toBe(30);
    expect(intervalDays('other', DEFAULT_VISIT_SETTINGS, null)).toBe(90);
    expect(intervalDays('other', DEFAULT_VISIT_SETTINGS, 14)).toBe(14);
  });

  it('is due an interval after the last contact, or after registration', () => {
    const reg = new Date('2026-01-01T00:00:00Z');
    expect(dueAt(null, reg, 7).toISOString()).toBe('2026-01-08T00:00:00.000Z');
    expect(dueAt(new Date('2026-02-01T00:00:00Z'), reg, 30).toISOString()).toBe('2026-03-03T00:00:00.000Z');
    expect(daysOverdue(new Date('2026-01-08T00:00:00Z'), new Date('2026-01-08T00:00:00Z'))).toBe(0);
    expect(daysOverdue(new Date('2026-01-08T00:00:00Z'), new Date('2026-01-09T01:00:00Z'))).toBe(2);
  });
});

describe('monthly visit rate', () => {
  it('counts key elders per community against each target', () => {
    const r = visitRates(
      [
        { community: '东', tier: 'high', visitedThisMonth: true },
        { community: '东', tier: 'key', visitedThisMonth: true },
        { community: '东', tier: 'other', visitedThisMonth: false },
        { community: '西', tier: 'key', visitedThisMonth: true },
        { community: '西', tier: 'key', visitedThisMonth: false },
        { community: '南', tier: 'other', visitedThisMonth: false },
      ],
      { ...DEFAULT_VISIT_SETTINGS, communityTargets: { 东: 100 } },
    );
    expect(r.district).toMatchObject({ keyElders: 4, visited: 3, ratePct: 75, targetPct: 90, meetsTarget: false });
    expect(r.communities).toEqual([
      { community: '东', keyElders: 2, visited: 2, ratePct: 100, targetPct: 100, meetsTarget: true },
      { community: '西', keyElders: 2, visited: 1, ratePct: 50, targetPct: 90, meetsTarget: false },
    ]);
  });

  it('rounds to one decimal and has no rate without key elders', () => {
    expect(ratePct(1, 3)).toBe(33.3);
    expect(ratePct(0, 0)).toBeNull();
    expect(visitRates([], DEFAULT_VISIT_SETTINGS).district.meetsTarget).toBe(true);
  });
});
