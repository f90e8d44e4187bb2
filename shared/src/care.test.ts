import { describe, expect, it } from 'vitest';
import { staffingCheck, staffingFor } from './care.js';
import type { CareLevel } from './domain.js';

const n = (k: number, level: CareLevel): CareLevel[] => Array.from({ length: k }, () => level);

describe('staffing ratios', () => {
  it('requires 1 per 6 full/semi-care residents and 1 per 10 others, rounding each group up', () => {
    expect(staffingFor([]).required).toBe(0);
    expect(staffingFor(['full_care']).required).toBe(1);
    expect(staffingFor(n(6, 'semi_care')).required).toBe(1);
    expect(staffingFor([...n(4, 'full_care'), ...n(3, 'semi_care')]).required).toBe(2);
    expect(staffingFor([...n(7, 'full_care'), ...n(11, 'self_care')])).toEqual({
      byLevel: { self_care: 11, semi_care: 0, full_care: 7 },
      required: 4,
    });
  });

  it('warns when fewer are on shift than required', () => {
    expect(staffingCheck(4, 1)).toEqual({ understaffed: true, missing: 3 });
    expect(staffingCheck(4, 4)).toEqual({ understaffed: false, missing: 0 });
    expect(staffingCheck(2, 5)).toEqual({ understaffed: false, missing: 0 });
    expect(staffingCheck(0, 0)).toEqual({ understaffed: false, missing: 0 });
  });
});
