/**
 * "Nobody is watching": raises its own alarm to supervisors when no dispatcher is connected while
 * emergencies are active, or when critical alerts sit unacknowledged past twice the threshold.
 */
import type { Alert, WatchdogNotice } from '@eldercare/shared';

export function watchdogNotices(s: {
  dispatchers: number;
  active: Alert[];
  now: number;
  ackEscalationMs: number;
}): WatchdogNotice[] {
  const at = new Date(s.now).toISOString();
  const out: WatchdogNotice[] = [];
  const emergencies = s.active.filter((a) => a.queue === 'emergency' && a.status !== 'pending');
  if (s.dispatchers === 0 && emergencies.length) {
    out.push({
      kind: 'no_dispatcher',
      message: 'No dispatcher is connected while emergencies are open',
      at,
      alertIds: emergencies.map((a) => a.id),
    });
  }
  const stale = emergencies.filter(
    (a) =>
      a.severity === 'critical' &&
      a.status === 'open' &&
      s.now - Date.parse(a.openedAt ?? a.createdAt) > 2 * s.ackEscalationMs,
  );
  if (stale.length) {
    out.push({
      kind: 'unacknowledged_critical',
      message: `${stale.length} critical alert(s) unacknowledged`,
      at,
      alertIds: stale.map((a) => a.id),
    });
  }
  return out;
}
