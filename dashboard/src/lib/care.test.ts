import type { Alert, BoardResident } from '@eldercare/shared';
import { describe, expect, it } from 'vitest';
import {
  deviceHealth,
  formatVital,
  incidentSeries,
  newestFirst,
  secondsToAck,
  shortDay,
  tileFor,
  understaffed,
  myShift,
} from './care';
import { alertFixture } from './alert-fixture';

const RES = '00000000-0000-4000-8000-000000000001';

function resident(over: Partial<BoardResident> = {}): BoardResident {
  return {
    id: RES,
    name: '张三',
    careLevel: 'full_care',
    riskCategories: [],
    presence: 'in_bed',
    presenceAt: '2025-11-23T02:00:00.000Z',
    vitals: { heartRate: null, spo2: null, systolic: null, temperature: null },
    devices: [{ id: 'bed-1', type: 'bed_sensor', online: true, battery: 80, lastSeen: null }],
    alert: null,
    ...over,
  };
}

const liveAlert = (over: Partial<Alert> = {}): Alert =>
  alertFixture({ id: '00000000-0000-4000-8000-0000000000aa', seq: 1, residentId: RES, ...over });

const offlineLive = { synced: false, alerts: [] };

describe('tileFor', () => {
  it('shows a free bed as free', () => {
    expect(tileFor(null, offlineLive).state).toBe('free');
  });

  it('shows presence when nothing is wrong', () => {
    expect(tileFor(resident(), offlineLive)).toMatchObject({ state: 'in_bed', alarm: null, offline: 0 });
    expect(tileFor(resident({ presence: 'out_of_bed' }), offlineLive).state).toBe('out_of_bed');
    expect(tileFor(resident({ presence: 'unknown' }), offlineLive).state).toBe('unknown');
  });

  it('puts an offline device above presence and an alarm above both', () => {
    const devices = [{ id: 'w', type: 'smartwatch' as const, online: false, battery: 5, lastSeen: null }];
    expect(tileFor(resident({ devices }), offlineLive)).toMatchObject({ state: 'offline', offline: 1, lowBattery: 1 });
    const alert = {
      id: 'a',
      queue: 'emergency' as const,
      kind: 'fall' as const,
      status: 'open' as const,
      severity: 'critical' as const,
    };
    expect(tileFor(resident({ devices, alert }), offlineLive)).toMatchObject({
      state: 'alarm',
      alarm: { kind: 'fall' },
    });
  });

  it('does not call a device-health alert an alarm', () => {
    const alert = {
      id: 'a',
      queue: 'device_health' as const,
      kind: 'low_battery' as const,
      status: 'open' as const,
      severity: 'low' as const,
    };
    expect(tileFor(resident({ alert }), offlineLive).state).toBe('in_bed');
  });

  it('follows the live queue once it is synced: new alarms at once, closed ones gone at once', () => {
    const stale = {
      id: 'a',
      queue: 'emergency' as const,
      kind: 'sos' as const,
      status: 'open' as const,
      severity: 'critical' as const,
    };
    expect(tileFor(resident({ alert: stale }), { synced: true, alerts: [] }).state).toBe('in_bed');
    const t = tileFor(resident(), { synced: true, alerts: [liveAlert({ kind: 'fall', status: 'acknowledged' })] });
    expect(t).toMatchObject({ state: 'alarm', alarm: { kind: 'fall', status: 'acknowledged' } });
    const other = liveAlert({ residentId: '00000000-0000-4000-8000-000000000002' });
    expect(tileFor(resident(), { synced: true, alerts: [other] }).state).toBe('in_bed');
  });
});

describe('formatVital and understaffed', () => {
  it('formats vitals with units', () => {
    expect(formatVital('heartRate', { value: 71.6 })).toBe('72 bpm');
    expect(formatVital('temperature', { value: 36.84 })).toBe('36.8 °C');
    expect(formatVital('spo2', null)).toBeNull();
  });
  it('warns only below the required number', () => {
    expect(understaffed({ required: 3, onShift: 2 })).toBe(true);
    expect(understaffed({ required: 3, onShift: 3 })).toBe(false);
    expect(understaffed({ required: 0, onShift: 0 })).toBe(false);
    expect(myShift([{ userId: 'a' }, { userId: 'b' }], 'b')).toEqual({ userId: 'b' });
    expect(myShift([{ userId: 'a' }], 'c')).toBeNull();
  });
});

describe('incident history', () => {
  it('measures seconds to acknowledge from when the alert opened', () => {
    expect(secondsToAck(liveAlert({ acknowledgedAt: '2025-11-23T02:00:42.400Z' }))).toBe(42);
    const fall = liveAlert({
      createdAt: '2025-11-23T02:00:00.000Z',
      openedAt: '2025-11-23T02:00:30.000Z',
      acknowledgedAt: '2025-11-23T02:01:00.000Z',
    });
    expect(secondsToAck(fall)).toBe(30);
    expect(secondsToAck(liveAlert({ openedAt: null, acknowledgedAt: '2025-11-23T02:00:05.000Z' }))).toBe(5);
    expect(secondsToAck(liveAlert())).toBeNull();
  });
  it('lists the newest first', () => {
    const a = liveAlert({ id: 'a', createdAt: '2025-11-20T00:00:00.000Z' });
    const b = liveAlert({ id: 'b', createdAt: '2025-11-22T00:00:00.000Z' });
    expect(newestFirst([a, b]).map((x) => x.id)).toEqual(['b', 'a']);
  });
  it('counts device health', () => {
    expect(
      deviceHealth([
        { online: true, battery: 90 },
        { online: false, battery: 15 },
        { online: true, battery: null },
      ]),
    ).toEqual({ total: 3, online: 2, offline: 1, lowBattery: 1 });
  });
});

describe('incidentSeries', () => {
  it('builds uPlot series oldest first, whatever order the rows come in', () => {
    const { days, data } = incidentSeries([
      { day: '2025-11-23', total: 4, critical: 1, deviceHealth: 2 },
      { day: '2025-11-21', total: 0, critical: 0, deviceHealth: 0 },
      { day: '2025-11-22', total: 2, critical: 2, deviceHealth: 0 },
    ]);
    expect(days).toEqual(['2025-11-21', '2025-11-22', '2025-11-23']);
    expect(data).toEqual([
      [0, 1, 2],
      [0, 2, 4],
      [0, 2, 1],
      [0, 0, 2],
    ]);
  });
  it('sums duplicate days and handles no data', () => {
    const { data } = incidentSeries([
      { day: '2025-11-23', total: 1, critical: 1, deviceHealth: 0 },
      { day: '2025-11-23', total: 2, critical: 0, deviceHealth: 1 },
    ]);
    expect(data).toEqual([[0], [3], [1], [1]]);
    expect(incidentSeries([]).data).toEqual([[], [], [], []]);
  });
  it('shortens day labels', () => {
    expect(shortDay('2025-11-23')).toBe('11-23');
  });
});
