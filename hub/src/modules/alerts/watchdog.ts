/**
 * "Nobody is watching": raises its own alarm to supervisors when no dispatcher is connected while
 * emergencies are active, or when critical alerts sit unacknowledged past twice the threshold.
 */
import type { Alert, WatchdogNotice } from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import type { AlertsGateway } from './alerts.gateway.js';
import type { AlertViews } from './alert-views.service.js';
import type { AlertsRepo } from './alerts.repo.js';

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

/**
 * The watchdog check (every 15 s): for each district, tells its screens what is wrong (logged when
 * it starts or changes, not on every check) and, with nobody on dispatch, the supervisors off-screen.
 */
export class Watchdog {
  private readonly logged = new Map<string, string>();

  constructor(
    private readonly d: {
      views: Pick<AlertViews, 'activeAlerts'>;
      repo: Pick<AlertsRepo, 'notify'>;
      gateway: Pick<AlertsGateway, 'connectedDispatchers' | 'watchdog'>;
      tenantIds(): string[];
      ackEscalationMs(tenantId: string): number;
      clock: Clock;
      log: Logger;
    },
  ) {}

  async check(): Promise<void> {
    for (const tenantId of this.d.tenantIds()) {
      const dispatchers = await this.d.gateway.connectedDispatchers(tenantId);
      if (dispatchers === null) return; // the live channel is not up yet
      const notices = watchdogNotices({
        dispatchers,
        active: await this.d.views.activeAlerts(tenantId, 1000),
        now: this.d.clock.now(),
        ackEscalationMs: this.d.ackEscalationMs(tenantId),
      });
      for (const n of notices) {
        const key = `${tenantId}:${n.kind}`;
        const ids = n.alertIds.join(',');
        if (this.logged.get(key) !== ids)
          this.d.log.warn({ kind: n.kind, alerts: n.alertIds.length }, 'watchdog alarm');
        this.logged.set(key, ids);
        this.d.gateway.watchdog(tenantId, n);
        // Nobody connected to dispatch: the supervisors are told off-screen, once per incident (the
        // messages' idempotency keys make the repeats of this check create nothing new).
        if (n.kind === 'no_dispatcher') {
          const at = new Date(this.d.clock.now());
          await this.d.repo.notify(
            n.alertIds.map((alertId) => ({ tenantId, alertId, purpose: 'watchdog' as const, at })),
          );
        }
      }
    }
  }
}
