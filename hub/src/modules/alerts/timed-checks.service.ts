/**
 * The alerts' timed checks, each run by the scheduler: cancel windows that ended, responders who did
 * not answer, escalations (every second; exactly one hub fires each), devices gone silent, missed
 * self-tests, and elders at home with no activity (or nobody able to watch them).
 */
import { localHour, type Alert } from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import { ACTIVITY_EVENTS, ACTIVITY_SENSORS, SELF_TESTING_DEVICES, inHours, type AlertRules } from './alert-rules.js';
import { escalationReason } from './alerts.repo.js';
import type { AlertTimersRepo } from './alert-timers.repo.js';
import type { DeviceHealthRepo } from './device-health.repo.js';
import type { AlertRaiser } from './alert-raiser.js';
import type { AlertEngine } from './alert-engine.service.js';
import type { AlertsGateway } from './alerts.gateway.js';

export class TimedChecks {
  constructor(
    private readonly d: {
      timers: AlertTimersRepo;
      health: DeviceHealthRepo;
      raiser: AlertRaiser;
      engine: Pick<AlertEngine, 'noteOffline' | 'setOffline'>;
      gateway: Pick<AlertsGateway, 'escalated'>;
      clock: Clock;
      log: Logger;
    },
  ) {}

  private now(): Date {
    return new Date(this.d.clock.now());
  }

  /** Refreshes which devices have an open device-offline alert (raised by any hub). */
  async refreshOfflineDevices(): Promise<void> {
    this.d.engine.setOffline(await this.d.health.activeOfflineDevices());
  }

  /** Timed steps: ends cancel windows and escalates overdue alerts. Exactly one hub fires each. */
  async tick(tenantRules: AlertRules): Promise<Alert[]> {
    const now = this.now();
    const opened = await this.d.timers.openDuePending(now, tenantRules.ackEscalationMs);
    const nextResponder = await this.d.timers.advanceResponderLadders(now, tenantRules.responderTimeoutMs);
    const escalated = await this.d.timers.escalateDue(now, {
      reminder: tenantRules.escalationReminderMs,
      unresolved: tenantRules.resolveEscalationMs,
      deviceHealth: tenantRules.deviceHealthEscalationMs,
      maxLevel: tenantRules.maxEscalationLevel,
    });
    const out = [...opened, ...nextResponder].map((r) => this.d.raiser.publish(r));
    for (const r of escalated) {
      // The escalation itself goes to the supervisors' screens and the metrics; the log stays quiet
      // (first escalation at info, every reminder at debug).
      this.d.log[r.escalation_level === 1 ? 'info' : 'debug'](
        { alertId: r.id, level: r.escalation_level, status: r.status },
        'alert escalated',
      );
      const alert = this.d.raiser.publish(r);
      this.d.gateway.escalated(
        {
          alertId: alert.id,
          level: alert.escalationLevel,
          to: alert.escalationLevel === 1 ? 'supervisors' : 'reminder',
          reason: escalationReason(r),
          at: now.toISOString(),
          alert,
        },
        r.tenant_id,
      );
      out.push(alert);
    }
    return out;
  }

  /** Devices silent past the offline threshold (missed heartbeats) become device-health alerts. */
  async checkSilentDevices(rules: AlertRules): Promise<number> {
    const silent = await this.d.health.markSilentDevicesOffline(new Date(this.d.clock.now() - rules.offlineAfterMs));
    for (const d of silent) {
      this.d.engine.noteOffline(d.id);
      await this.d.raiser.raise(
        {
          id: d.id,
          tenantId: d.tenant_id,
          residentId: d.resident_id,
          institutionId: d.institution_id,
          roomId: d.room_id,
        },
        { kind: 'device_offline', severity: 'medium', queue: 'device_health' },
        { ts: this.now(), eventId: null, type: 'missed_heartbeat', detail: {} },
      );
    }
    return silent.length;
  }

  /** Alarm devices that have not sent their periodic self-test become device-health alerts. */
  async checkPeriodicTests(rules: AlertRules): Promise<number> {
    const missing = await this.d.health.devicesMissingTest(
      new Date(this.d.clock.now() - rules.periodicTestMs),
      SELF_TESTING_DEVICES,
    );
    for (const d of missing) {
      await this.d.raiser.raise(
        { id: d.id, tenantId: d.tenant_id, residentId: d.resident_id, institutionId: d.institution_id },
        { kind: 'missed_test', severity: 'low', queue: 'device_health' },
        { ts: this.now(), eventId: null, type: 'missed_test', detail: { days: rules.periodicTestMs / 86400_000 } },
      );
    }
    return missing.length;
  }

  /**
   * "Found days later": no activity for the window, in waking hours, for elders at home living alone
   * or empty-nest — judged only from activity sensors that are online and reporting, and only once
   * they have reported for a whole window. An elder whose activity sensors are all offline or never
   * connected is "not monitored": a device-health item naming the elder, closed by itself when a
   * sensor reports again (never a silent gap, never a false inactivity alarm).
   */
  async checkInactivity(rules: AlertRules, tenantTz: (tenantId: string) => string): Promise<number> {
    const now = this.d.clock.now();
    const since = new Date(now - rules.inactivityMs);
    const candidates = await this.d.health.inactivityCandidates(
      since,
      ACTIVITY_EVENTS,
      ACTIVITY_SENSORS,
      new Date(now - rules.inactivityQuietMs),
    );
    let raised = 0;
    for (const r of candidates) {
      const subject = { tenantId: r.tenant_id, residentId: r.id, institutionId: r.institution_id };
      if (!r.watching.length) {
        // A sensor just registered gets the offline threshold to connect before anyone is told.
        if (r.unwatched_alert || now - r.newest_sensor_at.getTime() < rules.offlineAfterMs) continue;
        await this.d.raiser.raise(
          { id: r.sensors[0]!, ...subject },
          { kind: 'not_monitored', severity: 'medium', queue: 'device_health' },
          { ts: new Date(now), eventId: null, type: 'not_monitored', detail: { sensors: r.sensors } },
          { subjectKey: `resident:${r.id}` },
        );
        continue;
      }
      if (r.unwatched_alert) {
        const row = await this.d.health.closeNotMonitored(r.unwatched_alert, new Date(now));
        if (row) this.d.raiser.publish(row);
      }
      if (r.last || !r.watching_since || r.watching_since > since) continue;
      if (!inHours(localHour(now, tenantTz(r.tenant_id)), rules.wakingHours)) continue;
      // Quiet period: her inactivity incident is still being handled, or it was closed (she was
      // reached) and she has not moved since, within `inactivityQuietMs` of its closing.
      if (r.inactivity_active) continue;
      if (r.inactivity_closed_at && !r.moved_since_close) continue;
      await this.d.raiser.raise(
        { id: r.watching[0]!, ...subject },
        { kind: 'inactivity', severity: 'high', queue: 'emergency' },
        {
          ts: new Date(now),
          eventId: null,
          type: 'inactivity',
          detail: { windowHours: rules.inactivityMs / 3600_000, sensors: r.watching },
        },
      );
      raised++;
    }
    return raised;
  }
}
