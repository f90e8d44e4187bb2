import { describe, expect, it } from 'vitest';
import { batteryLevel, formatDateTime, optionalNumber, parseList, relativeTime } from './format';

describe('formatDateTime', () => {
  it("shows times in the district's time zone, not UTC", () => {
    // 16:30 UTC is 00:30 the next day in Shanghai.
    expect(formatDateTime('2025-11-22T16:30:00Z', 'zh-CN')).toBe('2025-11-23 00:30');
    expect(formatDateTime('2025-11-22T16:30:00Z', 'en')).toBe('2025-11-23 00:30');
  });

  it('accepts another time zone', () => {
    expect(formatDateTime('2025-11-22T16:30:00Z', 'en', 'UTC')).toBe('2025-11-22 16:30');
  });

  it('is empty for missing or invalid input', () => {
    expect(formatDateTime(null, 'en')).toBe('');
    expect(formatDateTime('not a date', 'en')).toBe('');
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2025-11-23T12:00:00Z');
  it('chooses the unit by age', () => {
    expect(relativeTime('2025-11-23T11:59:30Z', now)?.key).toBe('time.justNow');
    expect(relativeTime('2025-11-23T11:45:00Z', now)).toEqual({ key: 'time.minutesAgo', params: { n: 15 } });
    expect(relativeTime('2025-11-23T09:00:00Z', now)).toEqual({ key: 'time.hoursAgo', params: { n: 3 } });
    expect(relativeTime('2025-11-20T12:00:00Z', now)).toEqual({ key: 'time.daysAgo', params: { n: 3 } });
  });

  it('treats a time slightly in the future as just now', () => {
    expect(relativeTime('2025-11-23T12:00:05Z', now)?.key).toBe('time.justNow');
  });

  it('is null for an invalid time', () => {
    expect(relativeTime('garbage', now)).toBeNull();
  });
});

describe('batteryLevel', () => {
  it('flags low and critical battery', () => {
    expect(batteryLevel(80)).toBe('ok');
    expect(batteryLevel(20)).toBe('warning');
    expect(batteryLevel(10)).toBe('critical');
    expect(batteryLevel(0)).toBe('critical');
    expect(batteryLevel(null)).toBe('unknown');
  });
});

describe('parseList', () => {
  it('splits on ASCII and Chinese separators, trims and de-duplicates', () => {
    expect(parseList(' 1, 2，3、3 ,, ')).toEqual(['1', '2', '3']);
    expect(parseList('')).toEqual([]);
  });
});

describe('optionalNumber', () => {
  it('turns empty input into undefined and numbers into numbers', () => {
    expect(optionalNumber('')).toBeUndefined();
    expect(optionalNumber('abc')).toBeUndefined();
    expect(optionalNumber('37.5')).toBe(37.5);
    expect(optionalNumber(0)).toBe(0);
  });
});
