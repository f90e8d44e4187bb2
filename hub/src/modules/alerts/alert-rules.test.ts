import { describe, expect, it } from 'vitest';
import { localHour } from '@eldercare/shared';
import {
  DEFAULT_RULES,
  VitalsMonitor,
  cancelWindowEnd,
  cancelWindowTiming,
  classifyEvent,
  inHours,
  mergeRules,
  priorityOf,
} from './alert-rules.js';

const rules = DEFAULT_RULES;

describe('alert rules', () => {
  it('treats sos, smoke and gas as critical at once and gives a fall a cancel window', () => {
    const ctx = { risks: [], hour: 12, rules };
    expect(classifyEvent('sos', ctx)).toMatchObject({ kind: 'sos', severity: 'critical', queue: 'emergency' });
    expect(classifyEvent('sos', ctx)?.pendingMs).toBeUndefined();
    expect(classifyEvent('smoke', ctx)?.severity).toBe('critical');
    expect(classifyEvent('gas', ctx)?.severity).toBe('critical');
    expect(classifyEvent('fall', ctx)).toMatchObject({ kind: 'fall', pendingMs: 30_000 });
  });

  it('alerts on bed exit and door opening at night only for residents with dementia', () => {
    expect(classifyEvent('bed_exit', { risks: ['dementia'], hour: 2, rules })?.kind).toBe('night_bed_exit');
    expect(classifyEvent('door_open', { risks: ['dementia'], hour: 23, rules })?.kind).toBe('night_door_open');
    expect(classifyEvent('bed_exit', { risks: ['dementia'], hour: 14, rules })).toBeNull();
    expect(classifyEvent('bed_exit', { risks: ['living_alone'], hour: 2, rules })).toBeNull();
    expect(classifyEvent('motion', { risks: [], hour: 2, rules })).toBeNull();
  });

  it('puts low battery in the device-health queue, not the emergency queue', () => {
    expect(classifyEvent('low_battery', { risks: [], hour: 12, rules })?.queue).toBe('device_health');
  });

  it('raises priority by risk category, never above critical for a low event', () => {
    const base = priorityOf('critical', []);
    expect(priorityOf('critical', ['living_alone', 'age_80_plus'])).toBeGreaterThan(base);
    expect(priorityOf('low', ['living_alone', 'dementia', 'age_80_plus', 'severely_disabled'])).toBeLessThan(
      priorityOf('critical', []),
    );
  });

  it('knows local hours in the district time zone, across midnight', () => {
    const t = Date.UTC(2026, 0, 1, 15, 30); // 23:30 in Shanghai
    expect(localHour(t, 'Asia/Shanghai')).toBe(23);
    expect(localHour(t, 'UTC')).toBe(15);
    expect(inHours(23, { start: 22, end: 6 })).toBe(true);
    expect(inHours(5, { start: 22, end: 6 })).toBe(true);
    expect(inHours(12, { start: 22, end: 6 })).toBe(false);
  });

  it('lets a tenant override single rules and keeps the other defaults', () => {
    const r = mergeRules({ cancelWindowMs: 10_000, vitals: { heartRateHigh: 120 } });
    expect(r.cancelWindowMs).toBe(10_000);
    expect(r.vitals.heartRateHigh).toBe(120);
    expect(r.vitals.spo2Low).toBe(90);
    expect(r.ackEscalationMs).toBe(60_000);
  });
});

describe('vitals monitor', () => {
  const t = rules.vitals;
  it('raises only after a value stays out of range for the sustain time', () => {
    const m = new VitalsMonitor();
    expect(m.observe('r1', 'heartRate', 150, 0, t, 60_000)).toBeNull();
    expect(m.observe('r1', 'heartRate', 152, 30_000, t, 60_000)).toBeNull();
    expect(m.observe('r1', 'heartRate', 155, 60_000, t, 60_000)).toEqual({ raise: 'heartRate 155 > 130' });
    // Stays raised: no second alert while still high.
    expect(m.observe('r1', 'heartRate', 160, 90_000, t, 60_000)).toBeNull();
  });

  it('does not flap on a single noisy value', () => {
    const m = new VitalsMonitor();
    expect(m.observe('r1', 'spo2', 85, 0, t, 60_000)).toBeNull();
    expect(m.observe('r1', 'spo2', 96, 10_000, t, 60_000)).toBeNull();
    expect(m.observe('r1', 'spo2', 85, 70_000, t, 60_000)).toBeNull();
  });

  it('re-arms only when the value is back inside the range by the hysteresis margin', () => {
    const m = new VitalsMonitor();
    m.observe('r1', 'heartRate', 35, 0, t, 0);
    expect(m.observe('r1', 'heartRate', 35, 1, t, 0)).toBeNull();
    // 42 is inside the range but within the margin (40 + 5): still the same episode.
    m.observe('r1', 'heartRate', 42, 2, t, 0);
    expect(m.observe('r1', 'heartRate', 35, 3, t, 0)).toBeNull();
    // Well inside: a new drop is a new alert.
    m.observe('r1', 'heartRate', 60, 4, t, 0);
    expect(m.observe('r1', 'heartRate', 35, 5, t, 0)).toEqual({ raise: 'heartRate 35 < 40' });
  });

  it('ignores readings that are not vitals', () => {
    expect(new VitalsMonitor().observe('r1', 'steps', 99999, 0, t, 0)).toBeNull();
  });
});

describe('fall cancel window', () => {
  const T = Date.UTC(2030, 0, 1, 8, 0, 0);
  const W = 30_000;
  const timing = (eventTs: number, receivedAt: number, now: number, cancelFollows = false) =>
    cancelWindowTiming({ eventTs, receivedAt, now, windowMs: W, cancelFollows });

  it('runs from the device timestamp, never later than the window after receipt', () => {
    expect(cancelWindowEnd(T, T, W)).toBe(T + W);
    expect(cancelWindowEnd(T - 2_000, T, W)).toBe(T + W - 2_000); // delivery took 2 s
    expect(cancelWindowEnd(T + 600_000, T, W)).toBe(T + W); // device clock 10 min ahead
  });

  it('a live fall waits for its window', () => {
    expect(timing(T, T, T)).toEqual({ pendingUntil: T + W });
    expect(timing(T + 3_600_000, T, T)).toEqual({ pendingUntil: T + W });
  });

  it('a fall whose window is already over (replayed after an outage, or sent late) opens at once, as of the window end', () => {
    expect(timing(T, T, T + 5 * 60_000)).toEqual({ openedAt: T + W });
    // A device clock 10 min behind: over at once, opened as of the hub's receipt (never backdated).
    expect(timing(T - 10 * 60_000, T, T)).toEqual({ openedAt: T });
    // Device clock zero: the same.
    expect(timing(0, T, T)).toEqual({ openedAt: T });
    // Spooled 20 s into its window and replayed 5 s later: the 5 s left still count.
    expect(timing(T, T + 20_000, T + 25_000)).toEqual({ pendingUntil: T + W });
    // A device clock ahead: bounded by receipt, so over at replay too.
    expect(timing(T + 3_600_000, T, T + 60_000)).toEqual({ openedAt: T + W });
  });

  it('stays pending when a cancel follows it in the replayed spool, so the cancel withdraws it first', () => {
    expect(timing(T, T, T + 5 * 60_000, true)).toEqual({ pendingUntil: T + 5 * 60_000 + W });
    expect(timing(T, T, T, true)).toEqual({ pendingUntil: T + W });
  });
});
