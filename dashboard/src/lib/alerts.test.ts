import type { Device } from '@eldercare/shared';
import { describe, expect, it } from 'vitest';
import {
  AlertIndex,
  bedState,
  compareAlerts,
  formatElapsed,
  kindsLabel,
  mayAct,
  midnightIn,
  needsAttention,
  ringTone,
  roomAlarms,
  staffing,
  stepAllowed,
  suggestedStep,
  timerLevel,
} from './alerts';
import { alertFixture } from './alert-fixture';

const alert = alertFixture;

describe('AlertIndex', () => {
  it('keeps the copy with the highest seq', () => {
    const idx = new AlertIndex();
    const a = alert({ seq: 5 });
    expect(idx.merge(a)).toBe(true);
    expect(idx.merge({ ...a, seq: 4, status: 'acknowledged' })).toBe(false);
    expect(idx.active.get(a.id)?.status).toBe('open');
    expect(idx.merge({ ...a, seq: 7, status: 'acknowledged' })).toBe(true);
    expect(idx.active.get(a.id)?.status).toBe('acknowledged');
    expect(idx.seq).toBe(7);
  });

  it('drops closed alerts and never brings them back with an older copy', () => {
    const idx = new AlertIndex();
    const a = alert({ seq: 10 });
    idx.merge(a);
    idx.merge({ ...a, seq: 12, status: 'resolved' });
    expect(idx.active.has(a.id)).toBe(false);
    idx.merge({ ...a, seq: 11, status: 'on_scene' });
    expect(idx.active.has(a.id)).toBe(false);
  });

  it('replaces the active set on a full snapshot and merges a partial one', () => {
    const idx = new AlertIndex();
    const stale = alert();
    idx.merge(stale);
    const fresh = alert({ seq: 50 });
    idx.snapshot({ alerts: [fresh], seq: 60, full: true });
    expect([...idx.active.keys()]).toEqual([fresh.id]);
    expect(idx.seq).toBe(60);
    const later = alert({ seq: 61 });
    idx.snapshot({ alerts: [later, { ...fresh, seq: 62, status: 'cancelled' }], seq: 62, full: false });
    expect([...idx.active.keys()]).toEqual([later.id]);
    expect(idx.seq).toBe(62);
  });

  it('sorts as the hub does: a new sos above escalated high alerts of any priority, then the oldest', () => {
    const idx = new AlertIndex();
    const escalatedHigh = alert({
      kind: 'inactivity',
      severity: 'high',
      priority: 233,
      escalationLevel: 4,
      openedAt: '2025-11-23T01:00:00.000Z',
    });
    const newer = alert({ openedAt: '2025-11-23T02:05:00.000Z' });
    const older = alert({ openedAt: null, createdAt: '2025-11-23T02:01:00.000Z' });
    const escalatedSos = alert({ escalationLevel: 1, openedAt: '2025-11-23T02:10:00.000Z' });
    for (const a of [escalatedHigh, newer, older, escalatedSos]) idx.merge(a);
    expect(idx.sorted().map((a) => a.id)).toEqual([escalatedSos.id, older.id, newer.id, escalatedHigh.id]);
    expect(compareAlerts(older, newer)).toBeLessThan(0);
  });
});

describe('attention and labels', () => {
  it('calls for attention for a new unclaimed critical alarm, or one just made critical', () => {
    const sos = alert();
    expect(needsAttention(undefined, sos)).toBe(true);
    expect(needsAttention(sos, { ...sos, seq: sos.seq + 1 })).toBe(false);
    const high = alert({ kind: 'missed_meal', severity: 'high' });
    expect(needsAttention(undefined, high)).toBe(false);
    expect(needsAttention(high, { ...high, severity: 'critical', kind: 'sos' })).toBe(true);
    expect(needsAttention(undefined, alert({ status: 'acknowledged' }))).toBe(false);
  });

  it('names every kind an incident holds, the most severe first', () => {
    const tr = (k: string) => k.replace('alertKind.', '');
    expect(kindsLabel(alert({ kind: 'sos', kinds: ['missed_meal', 'sos'] }), tr)).toBe('sos + missed_meal');
    expect(kindsLabel(alert({ kind: 'sos', kinds: ['sos'] }), tr)).toBe('sos');
  });

  it('rings sharply for a waiting critical alarm, calmly for a waiting high one, unless the tenant turned that off', () => {
    const base = { waiting: [], heldBecameCritical: false, ringHigh: true };
    const sos = alert();
    const vitals = alert({ kind: 'vitals', severity: 'high' });
    expect(ringTone({ ...base, alerts: [sos, vitals] })).toBe('critical');
    expect(ringTone({ ...base, alerts: [vitals] })).toBe('high');
    expect(ringTone({ ...base, alerts: [vitals], ringHigh: false })).toBeNull();
    expect(ringTone({ ...base, alerts: [{ ...vitals, status: 'acknowledged' }] })).toBeNull();
    expect(ringTone({ ...base, alerts: [alert({ queue: 'device_health', severity: 'high' })] })).toBeNull();
    expect(ringTone({ ...base, alerts: [], waiting: [{ severity: 'critical' }] })).toBe('critical');
    // A signal made an incident the user holds critical: it rings although it is claimed.
    expect(ringTone({ ...base, alerts: [{ ...sos, status: 'acknowledged' }], heldBecameCritical: true })).toBe(
      'critical',
    );
  });

  it('finds the alarms of a room device for the bed board', () => {
    const place = {
      institutionId: 'i',
      institutionName: 'Home',
      institutionPhone: '',
      floor: 1,
      roomId: 'room-1',
      roomName: '101',
      bedLabel: null,
      residents: [],
      staffOnShift: [],
    };
    const cord = alert({ place });
    const resident = alert({ place, residentId: '00000000-0000-4000-8000-000000000999' });
    expect(roomAlarms('room-1', [cord, resident]).map((a) => a.id)).toEqual([cord.id]);
    expect(roomAlarms('room-2', [cord])).toEqual([]);
  });
});

describe('timers', () => {
  it('turns amber at 60 s and red at 180 s', () => {
    expect(timerLevel(59)).toBe('ok');
    expect(timerLevel(60)).toBe('warning');
    expect(timerLevel(179.9)).toBe('warning');
    expect(timerLevel(180)).toBe('critical');
  });
  it('formats elapsed time', () => {
    expect(formatElapsed(5)).toBe('0:05');
    expect(formatElapsed(75)).toBe('1:15');
    expect(formatElapsed(3725)).toBe('1:02:05');
  });
});

describe('lifecycle', () => {
  it('allows the steps the hub allows', () => {
    expect(stepAllowed('contact_made', 'acknowledged')).toBe(true);
    expect(stepAllowed('contact_made', 'open')).toBe(false);
    expect(stepAllowed('on_scene', 'dispatched')).toBe(true);
    expect(stepAllowed('accepted', 'contact_made')).toBe(false);
    expect(stepAllowed('resolve', 'on_scene')).toBe(true);
    expect(stepAllowed('resolve', 'open')).toBe(false);
    expect(suggestedStep('contact_made')).toBe('dispatch');
    expect(suggestedStep('on_scene')).toBe('resolve');
  });
  it('lets the claimer or a supervisor act', () => {
    const a = { acknowledgedBy: 'u1' };
    expect(mayAct(a, { id: 'u1', role: 'dispatcher' })).toBe(true);
    expect(mayAct(a, { id: 'u2', role: 'dispatcher' })).toBe(false);
    expect(mayAct(a, { id: 'u2', role: 'supervisor' })).toBe(true);
  });
});

describe('institution board', () => {
  const dev = (residentId: string, online: boolean) => ({ residentId, online }) as Device;
  it('shows alarm before offline before ok', () => {
    const a = alert({ residentId: 'r1' });
    expect(bedState('r1', [a], [dev('r1', false)])).toBe('alarm');
    expect(bedState('r1', [alert({ residentId: 'r1', queue: 'device_health' })], [dev('r1', false)])).toBe('offline');
    expect(bedState('r2', [a], [dev('r2', true)])).toBe('ok');
  });
  it('requires 1 staff per 6 full/semi-care and 1 per 10 self-care residents', () => {
    expect(staffing([]).required).toBe(0);
    expect(staffing(['full_care', 'semi_care', 'self_care']).required).toBe(2);
    const s = staffing([...Array(7).fill('full_care'), ...Array(10).fill('self_care')]);
    expect(s.byLevel).toEqual({ full_care: 7, semi_care: 0, self_care: 10 });
    expect(s.required).toBe(3);
  });
});

describe('midnightIn', () => {
  it('is local midnight in the district time zone', () => {
    // 2025-11-23 01:30 in Shanghai is 2025-11-22 17:30 UTC.
    expect(midnightIn('Asia/Shanghai', Date.parse('2025-11-22T17:30:00Z'))).toBe('2025-11-22T16:00:00.000Z');
    expect(midnightIn('UTC', Date.parse('2025-11-22T17:30:00Z'))).toBe('2025-11-22T00:00:00.000Z');
  });
});
