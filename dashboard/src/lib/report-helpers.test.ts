import { describe, expect, it } from 'vitest';
import { previousMonth } from '@eldercare/shared';
import { formatDateTimeSec } from './format';
import {
  EMPTY_HISTORY_FILTERS,
  formatDuration,
  historyFiltersFrom,
  historyQuery,
  meetsTarget,
  percent,
  periodsOf,
  slaSeries,
  stageDurations,
} from './report-helpers';

describe('history and SLA helpers', () => {
  it('shows times with seconds in the district time zone', () => {
    expect(formatDateTimeSec('2026-11-04T05:03:01Z', 'zh-CN')).toBe('2026-11-04 13:03:01');
    expect(formatDateTimeSec(null, 'en')).toBe('');
  });

  it('writes durations for people in both languages', () => {
    expect(formatDuration(14, 'en')).toBe('14 s');
    expect(formatDuration(185, 'en')).toBe('3 min 05 s');
    expect(formatDuration(185, 'zh-CN')).toBe('3分05秒');
    expect(formatDuration(7440, 'en')).toBe('2 h 04 min');
    expect(formatDuration(null, 'en')).toBe('—');
  });

  it('gives each stage reached with its duration since the previous one', () => {
    const s = stageDurations({
      createdAt: '2026-11-04T05:00:00Z',
      openedAt: '2026-11-04T05:00:30Z',
      acknowledgedAt: '2026-11-04T05:00:44Z',
      contactAt: null,
      dispatchedAt: '2026-11-04T05:02:44Z',
      acceptedAt: null,
      onSceneAt: null,
      closedAt: '2026-11-04T05:30:00Z',
    });
    expect(s.map((x) => [x.stage, x.seconds])).toEqual([
      ['opened', 30],
      ['acknowledged', 14],
      ['dispatched', 120],
      ['closed', 1636],
    ]);
  });

  it('keeps only the filters set, and reads them back from the address', () => {
    const f = { ...EMPTY_HISTORY_FILTERS, q: ' 张三 ', kind: 'fall', overSla: true };
    expect(historyQuery(f, { limit: 25, offset: 50 })).toEqual({
      q: '张三',
      kind: 'fall',
      overSla: 'true',
      limit: 25,
      offset: 50,
    });
    expect(historyFiltersFrom(new URLSearchParams('kind=fall&overSla=true&bogus=1'))).toEqual({
      ...EMPTY_HISTORY_FILTERS,
      kind: 'fall',
      overSla: true,
    });
  });

  it('judges shares against targets', () => {
    expect(percent(0.975)).toBe('97.5%');
    expect(percent(null)).toBe('—');
    expect(meetsTarget(0.975, 0.975)).toBe(true);
    expect(meetsTarget(0.974, 0.975)).toBe(false);
    expect(meetsTarget(null, 0.99)).toBeNull();
    expect(previousMonth('2026-01')).toBe('2025-12');
  });

  it('lists every day, week or month of a report, quiet ones included', () => {
    const span = { from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z', timezone: 'Asia/Shanghai' };
    const days = periodsOf({ ...span, period: 'day' });
    expect(days).toHaveLength(30);
    expect([days[0], days.at(-1)]).toEqual(['2026-11-01', '2026-11-30']);
    expect(periodsOf({ ...span, period: 'week' })).toEqual([
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ]);
    expect(periodsOf({ ...span, period: 'month' })).toEqual(['2026-11']);
  });

  it('draws shares in percent per period with the target lines', () => {
    const s = slaSeries({
      from: '2026-11-01T16:00:00.000Z',
      to: '2026-11-15T16:00:00.000Z',
      timezone: 'Asia/Shanghai',
      period: 'week',
      targets: { within60: 0.975, within180: 0.99 },
      byPeriod: [
        { period: '2026-11-02', total: 4, within60: 2, within180: 3, medianAckSeconds: 40 },
        { period: '2026-11-09', total: 0, within60: 0, within180: 0, medianAckSeconds: null },
      ],
    });
    expect(s.labels).toEqual(['2026-11-02', '2026-11-09']);
    expect(s.data[1]).toEqual([50, null]);
    expect(s.data[2]).toEqual([75, null]);
    expect(s.data[3]).toEqual([97.5, 97.5]);
    expect(
      slaSeries({
        ...s,
        from: '2026-11-01T16:00:00.000Z',
        to: '2026-11-29T16:00:00.000Z',
        timezone: 'Asia/Shanghai',
        period: 'week',
        targets: { within60: 0.9, within180: 0.9 },
        byPeriod: [],
      }).labels,
    ).toHaveLength(4);
  });
});
