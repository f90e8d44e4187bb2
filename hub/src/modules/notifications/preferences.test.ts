/**
 * Who gets what: a message is sent, held until quiet hours end, or not sent, by the person's
 * choices; quiet hours are read on the district's clock (Asia/Shanghai here, across midnight), and a
 * critical alarm or a dispatch is never filtered or held.
 */
import type { AlertKind } from '@eldercare/shared';
import { describe, expect, it } from 'vitest';
import { decide, quietUntil, ROLE_DEFAULTS } from './preferences.js';

const TZ = 'Asia/Shanghai';
const night = { start: '22:00', end: '07:00' };
/** A UTC instant from a Shanghai wall-clock time (UTC+8). */
const sh = (local: string) => new Date(`${local}+08:00`);
const prefs = {
  ...ROLE_DEFAULTS.supervisor,
  quietHours: night,
  minSeverity: 'medium' as const,
  kinds: ['fall' as AlertKind],
};

describe('quiet hours', () => {
  it('hold a message sent at 23:30 in Shanghai until 07:00 there, though it is 15:30 in UTC', () => {
    expect(quietUntil(night, sh('2026-03-02T23:30:00'), TZ)).toEqual(sh('2026-03-03T07:00:00'));
    expect(quietUntil(night, sh('2026-03-03T06:59:00'), TZ)).toEqual(sh('2026-03-03T07:00:00'));
  });

  it('end at their end minute and do not hold during the day', () => {
    expect(quietUntil(night, sh('2026-03-03T07:00:00'), TZ)).toBeNull();
    expect(quietUntil(night, sh('2026-03-02T21:59:00'), TZ)).toBeNull();
    expect(quietUntil(night, sh('2026-03-02T22:00:00'), TZ)).toEqual(sh('2026-03-03T07:00:00'));
    expect(quietUntil({ start: '12:00', end: '14:00' }, sh('2026-03-02T13:15:30'), TZ)).toEqual(
      sh('2026-03-02T14:00:00'),
    );
    expect(quietUntil({ start: '08:00', end: '08:00' }, sh('2026-03-02T08:00:00'), TZ)).toBeNull();
    expect(quietUntil(null, sh('2026-03-02T23:00:00'), TZ)).toBeNull();
  });
});

describe('the decision for one message', () => {
  const at = sh('2026-03-02T23:30:00');
  const m = { purpose: 'alarm_unacknowledged' as const, kind: 'fall', severity: 'high' as const, at, timeZone: TZ };

  it('holds a chosen message in quiet hours and sends it at once outside them', () => {
    expect(decide(prefs, m)).toEqual({ send: true, notBefore: sh('2026-03-03T07:00:00') });
    expect(decide(prefs, { ...m, at: sh('2026-03-02T12:00:00') })).toEqual({ send: true, notBefore: null });
  });

  it('does not send what the person did not choose: purpose, kind or severity', () => {
    expect(decide(prefs, { ...m, purpose: 'device_health' })).toEqual({ send: false, why: 'purpose not chosen' });
    expect(decide(prefs, { ...m, kind: 'smoke' })).toEqual({ send: false, why: 'kind not chosen' });
    expect(decide(prefs, { ...m, severity: 'low' })).toEqual({ send: false, why: 'below chosen severity' });
  });

  it('never filters or holds a critical alarm, and never holds a dispatch addressed to the person', () => {
    expect(decide(prefs, { ...m, kind: 'smoke', severity: 'critical' })).toEqual({ send: true, notBefore: null });
    expect(decide({ ...prefs, purposes: [] }, { ...m, purpose: 'dispatch', severity: 'low' })).toEqual({
      send: true,
      notBefore: null,
    });
    expect(decide({ ...prefs, purposes: [] }, { ...m, severity: 'critical' })).toEqual({
      send: false,
      why: 'purpose not chosen',
    });
  });

  it('gives each role its defaults: families hear of their elder, dispatchers of nothing by choice', () => {
    const raised = { ...m, purpose: 'family_raised' as const, at: sh('2026-03-02T12:00:00') };
    expect(decide(ROLE_DEFAULTS.family, raised)).toEqual({ send: true, notBefore: null });
    expect(decide(ROLE_DEFAULTS.dispatcher, raised).send).toBe(false);
    expect(decide(ROLE_DEFAULTS.coordinator, { ...m, purpose: 'device_health', severity: 'low' })).toEqual({
      send: false,
      why: 'below chosen severity',
    });
  });
});
