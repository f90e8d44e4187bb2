import { describe, expect, it } from 'vitest';
import { lastDays } from '@eldercare/shared';

describe('lastDays', () => {
  it('ends with today in the time zone, not in UTC', () => {
    // 2025-11-22 17:30 UTC is already 2025-11-23 01:30 in Shanghai.
    const now = Date.parse('2025-11-22T17:30:00Z');
    expect(lastDays(3, 'Asia/Shanghai', now)).toEqual(['2025-11-21', '2025-11-22', '2025-11-23']);
    expect(lastDays(1, 'UTC', now)).toEqual(['2025-11-22']);
  });

  it('counts calendar days across month ends and daylight-saving changes', () => {
    const days = lastDays(30, 'Europe/Berlin', Date.parse('2025-11-05T12:00:00Z'));
    expect(days).toHaveLength(30);
    expect(days[0]).toBe('2025-10-07');
    expect(days.at(-1)).toBe('2025-11-05');
    expect(new Set(days).size).toBe(30);
  });
});
