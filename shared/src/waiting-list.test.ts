import { describe, expect, it } from 'vitest';
import { compareWaiting, priorityGroupOf, type WaitingEntry } from './waiting-list.js';

const e = (name: string, x: Partial<WaitingEntry>): WaitingEntry & { name: string } => ({
  name,
  economicStatus: [],
  grade: null,
  appliedOn: '2025-01-01',
  createdAt: '2025-01-01T00:00:00.000Z',
  ...x,
});

describe('the waiting-list order', () => {
  it('特困 first, then 低保, then everyone else', () => {
    expect(priorityGroupOf(['subsistence', 'extreme_poverty'])).toBe('extreme_poverty');
    expect(priorityGroupOf(['low_income', 'subsistence'])).toBe('subsistence');
    expect(priorityGroupOf(['low_income', 'entitled_group'])).toBe('general');
  });

  it('sorts by group, then the more severe grade (not assessed last), then the earlier application, then registration', () => {
    const list = [
      e('general-intact', { grade: 'intact', appliedOn: '2024-01-01' }),
      e('general-unassessed', { appliedOn: '2023-01-01' }),
      e('general-complete-late', { grade: 'complete', appliedOn: '2025-03-01' }),
      e('general-complete-early', { grade: 'complete', appliedOn: '2025-02-01' }),
      e('general-complete-early-2nd', {
        grade: 'complete',
        appliedOn: '2025-02-01',
        createdAt: '2025-02-02T00:00:00.000Z',
      }),
      e('dibao-mild', { economicStatus: ['subsistence'], grade: 'mild' }),
      e('tekun-unassessed', { economicStatus: ['extreme_poverty'], appliedOn: '2025-06-01' }),
      e('dibao-severe', { economicStatus: ['subsistence'], grade: 'severe', appliedOn: '2025-05-01' }),
    ];
    expect([...list].sort(compareWaiting).map((x) => x.name)).toEqual([
      'tekun-unassessed',
      'dibao-severe',
      'dibao-mild',
      'general-complete-early',
      'general-complete-early-2nd',
      'general-complete-late',
      'general-intact',
      'general-unassessed',
    ]);
  });
});
