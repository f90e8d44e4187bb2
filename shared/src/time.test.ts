import { describe, expect, it } from 'vitest';
import {
  addDays,
  endOfLocalDay,
  isoWeekday,
  lastDayOfMonth,
  lastDays,
  localDate,
  localDateTime,
  localHour,
  localMinutes,
  localMonth,
  mondayOf,
  monthBounds,
  monthsEnding,
  nextMonth,
  previousMonth,
  startOfLocalDay,
  wallClock,
  zonedInstant,
  zoneOffsetMs,
} from './time.js';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const at = (iso: string) => Date.parse(iso);

describe('the local day in Asia/Shanghai (UTC+8, no daylight saving)', () => {
  it('is already tomorrow from 16:00 UTC, while UTC still says today', () => {
    expect(localDate(at('2025-03-09T15:59:59Z'), SH)).toBe('2025-03-09');
    expect(localDate(at('2025-03-09T16:00:00Z'), SH)).toBe('2025-03-10');
    expect(localDate(at('2025-03-09T16:00:00Z'), 'UTC')).toBe('2025-03-09');
    expect(localDate(new Date('2025-03-09T16:00:00Z'), SH)).toBe('2025-03-10');
  });

  it('starts at 16:00 UTC of the day before, and ends where the next one starts', () => {
    expect(startOfLocalDay('2025-03-10', SH).toISOString()).toBe('2025-03-09T16:00:00.000Z');
    expect(endOfLocalDay('2025-03-10', SH).toISOString()).toBe('2025-03-10T16:00:00.000Z');
    expect(startOfLocalDay('2025-03-10', 'UTC').toISOString()).toBe('2025-03-10T00:00:00.000Z');
  });

  it('reads the wall clock with a 24-hour clock: midnight is 00, never 24', () => {
    expect(localDateTime(at('2025-03-09T16:00:00Z'), SH)).toBe('2025-03-10 00:00');
    expect(localDateTime(at('2025-03-09T16:05:09Z'), SH, { seconds: true })).toBe('2025-03-10 00:05:09');
    expect(localHour(at('2025-03-09T16:00:00Z'), SH)).toBe(0);
    expect(localHour(at('2025-03-09T15:30:00Z'), SH)).toBe(23);
    expect(localMinutes(at('2025-03-09T15:30:00Z'), SH)).toBe(23 * 60 + 30);
    expect(wallClock(at('2025-12-31T16:00:01Z'), SH)).toEqual({
      year: 2026,
      month: 1,
      day: 1,
      hour: 0,
      minute: 0,
      second: 1,
    });
    expect(zoneOffsetMs(at('2025-07-01T00:00:00Z'), SH)).toBe(8 * 3600_000);
  });

  it('turns the month and the year at local midnight', () => {
    expect(localMonth(at('2025-01-31T15:59:59Z'), SH)).toBe('2025-01');
    expect(localMonth(at('2025-01-31T16:00:00Z'), SH)).toBe('2025-02');
    expect(localDate(at('2025-12-31T16:00:00Z'), SH)).toBe('2026-01-01');
    expect(monthBounds('2025-02', SH)).toEqual({
      start: new Date('2025-01-31T16:00:00Z'),
      end: new Date('2025-02-28T16:00:00Z'),
    });
    expect(monthBounds('2025-12', SH).end.toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('maps a district wall time to its instant', () => {
    expect(zonedInstant('2025-03-10', '09:30', SH).toISOString()).toBe('2025-03-10T01:30:00.000Z');
    expect(zonedInstant('2025-03-10', '02:00', SH).toISOString()).toBe('2025-03-09T18:00:00.000Z');
  });
});

describe('a zone with daylight saving (America/New_York)', () => {
  it('has 23-hour and 25-hour days, each starting at local midnight', () => {
    // 2025-03-09: clocks go 02:00 → 03:00; 2025-11-02: 02:00 → 01:00.
    expect(startOfLocalDay('2025-03-09', NY).toISOString()).toBe('2025-03-09T05:00:00.000Z');
    expect(endOfLocalDay('2025-03-09', NY).toISOString()).toBe('2025-03-10T04:00:00.000Z');
    expect(startOfLocalDay('2025-11-02', NY).toISOString()).toBe('2025-11-02T04:00:00.000Z');
    expect(endOfLocalDay('2025-11-02', NY).toISOString()).toBe('2025-11-03T05:00:00.000Z');
  });

  it('reads the offset in force at the instant', () => {
    expect(zoneOffsetMs(at('2025-01-15T12:00:00Z'), NY)).toBe(-5 * 3600_000);
    expect(zoneOffsetMs(at('2025-07-15T12:00:00Z'), NY)).toBe(-4 * 3600_000);
    expect(zonedInstant('2025-03-09', '09:30', NY).toISOString()).toBe('2025-03-09T13:30:00.000Z');
    expect(localDateTime(at('2025-03-09T06:59:00Z'), NY)).toBe('2025-03-09 01:59');
    expect(localDateTime(at('2025-03-09T07:00:00Z'), NY)).toBe('2025-03-09 03:00');
  });

  it('counts back calendar days without skipping or repeating one across the change', () => {
    expect(lastDays(3, NY, at('2025-03-10T12:00:00Z'))).toEqual(['2025-03-08', '2025-03-09', '2025-03-10']);
    expect(lastDays(3, NY, at('2025-11-03T12:00:00Z'))).toEqual(['2025-11-01', '2025-11-02', '2025-11-03']);
  });
});

describe('calendar arithmetic on days and months', () => {
  it('adds days across month and year ends and leap days', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('keys a week by its Monday', () => {
    expect(isoWeekday('2025-03-09')).toBe(7);
    expect(isoWeekday('2025-03-10')).toBe(1);
    expect(mondayOf('2025-03-09')).toBe('2025-03-03');
    expect(mondayOf('2025-03-10')).toBe('2025-03-10');
    expect(mondayOf('2025-01-01')).toBe('2024-12-30');
  });

  it('steps months and finds their last day', () => {
    expect(nextMonth('2025-12')).toBe('2026-01');
    expect(nextMonth('2025-09')).toBe('2025-10');
    expect(previousMonth('2025-01')).toBe('2024-12');
    expect(previousMonth('2025-10')).toBe('2025-09');
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2025-02')).toBe('2025-02-28');
    expect(lastDayOfMonth('2025-12')).toBe('2025-12-31');
    expect(monthsEnding('2025-02', 3)).toEqual(['2024-12', '2025-01', '2025-02']);
  });

  it('gives today as the last of the last days, in the zone', () => {
    expect(lastDays(2, SH, at('2025-03-09T16:00:00Z'))).toEqual(['2025-03-09', '2025-03-10']);
    expect(lastDays(2, 'UTC', at('2025-03-09T16:00:00Z'))).toEqual(['2025-03-08', '2025-03-09']);
  });
});
