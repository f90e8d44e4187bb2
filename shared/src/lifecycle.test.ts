import { describe, expect, it } from 'vitest';
import { ALERT_STATUSES, type AlertStatus } from './alerts.js';
import {
  ACTIVE_AFTER_ACK,
  LIFECYCLE_ACTIONS,
  SYSTEM_LIFECYCLE,
  allowedActions,
  fromStatuses,
  mayActOn,
  needsHolder,
  nextStatus,
} from './lifecycle.js';

describe('alert lifecycle', () => {
  it('walks the happy path from claim to resolved', () => {
    let s: AlertStatus = 'open';
    for (const a of ['claim', 'contact_made', 'dispatch', 'accepted', 'on_scene', 'resolve'] as const) {
      const next = nextStatus(s, a, 'dispatcher');
      expect(next, `${a} from ${s}`).not.toBeNull();
      s = next!;
    }
    expect(s).toBe('resolved');
  });

  it('counts as worked the statuses from the claim until it is closed', () => {
    expect(ACTIVE_AFTER_ACK.join(' ')).toBe('acknowledged contact_made no_contact dispatched accepted on_scene');
  });

  it('takes each step only from the statuses before it', () => {
    expect(fromStatuses('contact_made')).toEqual(['acknowledged', 'no_contact']);
    expect(fromStatuses('no_contact')).toEqual(['acknowledged']);
    expect(fromStatuses('dispatch')).toEqual(['acknowledged', 'contact_made', 'no_contact', 'dispatched', 'accepted']);
    expect(fromStatuses('accepted')).toEqual(['dispatched']);
    expect(fromStatuses('on_scene', 'dispatcher')).toEqual(['dispatched', 'accepted']);
    expect(fromStatuses('resolve')).toEqual(ACTIVE_AFTER_ACK);
    expect(fromStatuses('cancel')).toEqual(['pending', 'open', ...ACTIVE_AFTER_ACK]);
    expect(nextStatus('open', 'resolve')).toBeNull();
    expect(nextStatus('resolved', 'cancel')).toBeNull();
    expect(nextStatus('acknowledged', 'claim')).toBeNull();
  });

  it('lets care-home staff go on scene from any claimed step, without a dispatch', () => {
    expect(nextStatus('acknowledged', 'on_scene', 'institution_staff')).toBe('on_scene');
    expect(nextStatus('acknowledged', 'on_scene', 'dispatcher')).toBeNull();
    expect(nextStatus('on_scene', 'on_scene', 'institution_staff')).toBeNull();
  });

  it('closes nothing that is closed, on any action', () => {
    for (const a of LIFECYCLE_ACTIONS)
      for (const s of ['resolved', 'cancelled'] as const) expect(nextStatus(s, a, 'institution_staff')).toBeNull();
  });

  it('offers the steps a role may take now', () => {
    expect(allowedActions('open', 'dispatcher')).toEqual(['claim', 'cancel']);
    expect(allowedActions('acknowledged', 'dispatcher')).toEqual([
      'contact_made',
      'no_contact',
      'dispatch',
      'resolve',
      'cancel',
    ]);
    expect(allowedActions('acknowledged', 'institution_staff')).toContain('on_scene');
    expect(allowedActions('open', 'coordinator')).toEqual([]);
    expect(allowedActions('open', 'family')).toEqual([]);
  });

  it('keeps a claimed alert to whoever claimed it, or a supervisor', () => {
    expect(allowedActions('acknowledged', 'dispatcher', false)).toEqual([]);
    expect(allowedActions('open', 'dispatcher', false)).toEqual(['claim', 'cancel']);
    expect(needsHolder('cancel', 'open')).toBe(false);
    expect(needsHolder('cancel', 'dispatched')).toBe(true);
    expect(mayActOn({ acknowledgedBy: 'a' }, { id: 'a', role: 'dispatcher' })).toBe(true);
    expect(mayActOn({ acknowledgedBy: 'a' }, { id: 'b', role: 'dispatcher' })).toBe(false);
    expect(mayActOn({ acknowledgedBy: 'a' }, { id: 'b', role: 'supervisor' })).toBe(true);
  });

  it("knows the hub's own transitions", () => {
    expect(SYSTEM_LIFECYCLE.elder_cancel.from).toEqual(['pending', 'open']);
    expect(SYSTEM_LIFECYCLE.device_cleared.from).toEqual(['open', ...ACTIVE_AFTER_ACK]);
    for (const t of Object.values(SYSTEM_LIFECYCLE)) for (const s of t.from) expect(ALERT_STATUSES).toContain(s);
  });
});
