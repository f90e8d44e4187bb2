/**
 * SQL of the rules about devices and sensors: the alarm a cancel withdraws, device-health items
 * (offline, missed self-test, storm), silent devices, and residents watched for inactivity.
 */
import type pg from 'pg';
import type { Db } from '../../db/client.js';
import { SELECT, type AlertRow, type AlertsRepo } from './alerts.repo.js';

export class DeviceHealthRepo {
  private readonly pool: pg.Pool;
  constructor(
    db: Db,
    private readonly alerts: AlertsRepo,
  ) {
    this.pool = db.$client;
  }

  /**
   * The active alert of a device that a `cancel` withdraws: a specific event's, or the latest one
   * with a signal of this device not newer than `signalNotAfter`.
   */
  async findCancellable(
    tenantId: string,
    deviceId: string,
    eventId: string | undefined,
    signalNotAfter?: Date,
  ): Promise<AlertRow | undefined> {
    const r = await this.pool.query<AlertRow>(
      `${SELECT} WHERE a.tenant_id = $1 AND a.closed_at IS NULL AND a.queue = 'emergency'
         AND EXISTS (SELECT 1 FROM alert_signals s WHERE s.alert_id = a.id AND s.device_id = $2 AND ($3::text IS NULL OR s.event_id = $3)
                       AND ($4::timestamptz IS NULL OR s.ts <= $4))
       ORDER BY a.created_at DESC LIMIT 1`,
      [tenantId, deviceId, eventId ?? null, signalNotAfter ?? null],
    );
    return r.rows[0];
  }

  /** Devices with an active device-offline alert. */
  async activeOfflineDevices(): Promise<string[]> {
    const r = await this.pool.query<{ device_id: string }>(
      `SELECT device_id FROM alerts WHERE closed_at IS NULL AND kind = 'device_offline' AND device_id IS NOT NULL`,
    );
    return r.rows.map((x) => x.device_id);
  }

  /** The active device-health alert of a device, if it is of this kind. */
  async activeDeviceHealthAlert(tenantId: string, deviceId: string, kind: string): Promise<AlertRow | undefined> {
    const r = await this.pool.query<AlertRow>(
      `${SELECT} WHERE a.tenant_id = $1 AND a.subject_key = $2 AND a.queue = 'device_health' AND a.closed_at IS NULL
         AND a.kind = $3`,
      [tenantId, `device:${deviceId}`, kind],
    );
    return r.rows[0];
  }

  /**
   * Self-testing devices registered before `since` with no `test` event since then and no open
   * device-health alert: they missed their periodic test.
   */
  async devicesMissingTest(since: Date, types: readonly string[]) {
    const r = await this.pool.query<{
      id: string;
      tenant_id: string;
      resident_id: string | null;
      institution_id: string | null;
    }>(
      `SELECT d.id, d.tenant_id, d.resident_id, d.institution_id FROM devices d
        WHERE d.type = ANY($2::text[]) AND d.created_at < $1
          AND NOT EXISTS (SELECT 1 FROM device_events e WHERE e.device_id = d.id AND e.type = 'test' AND e.ts >= $1)
          AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.subject_key = 'device:' || d.id AND a.queue = 'device_health'
                            AND a.closed_at IS NULL)
        LIMIT 5000`,
      [since, types],
    );
    return r.rows;
  }

  async setFlagged(id: string, at: Date): Promise<AlertRow | undefined> {
    await this.pool.query(
      `UPDATE alerts SET flagged = true, seq = nextval('alert_seq'), updated_at = $2 WHERE id = $1 AND NOT flagged`,
      [id, at],
    );
    return this.alerts.get(id);
  }

  /**
   * Residents at home watched for inactivity (living alone or empty-nest, with activity sensors):
   * their last activity received since `since` (by the hub's clock), and which of their activity
   * sensors are watching — online and reporting, since when — so that inactivity is judged only
   * from sensors that can see it. `unwatchedAlert`: an open "not monitored" item of theirs.
   * Their inactivity quiet period: `inactivity_active` while an incident holding an inactivity
   * signal is active; `inactivity_closed_at`, the latest such incident closed after `quietSince`,
   * and `moved_since_close`, whether activity was seen after it.
   */
  async inactivityCandidates(
    since: Date,
    activityTypes: readonly string[],
    sensorTypes: readonly string[],
    quietSince: Date,
  ) {
    const r = await this.pool.query<{
      id: string;
      tenant_id: string;
      institution_id: string | null;
      last: Date | null;
      sensors: string[];
      watching: string[];
      watching_since: Date | null;
      newest_sensor_at: Date;
      unwatched_alert: string | null;
      inactivity_active: boolean | null;
      inactivity_closed_at: Date | null;
      moved_since_close: boolean | null;
    }>(
      `SELECT r.id, r.tenant_id, r.institution_id, q.inactivity_active, q.inactivity_closed_at,
              (SELECT EXISTS (SELECT 1 FROM device_events e
                WHERE e.resident_id = r.id AND e.type = ANY($2::text[]) AND e.received_at > q.inactivity_closed_at
                  AND e.ts >= q.inactivity_closed_at - interval '30 days')) AS moved_since_close,
              (SELECT max(e.received_at) FROM device_events e
                WHERE e.resident_id = r.id AND e.type = ANY($2::text[]) AND e.received_at >= $1
                  AND e.ts >= $1::timestamptz - interval '30 days') AS last,
              s.sensors, s.watching, s.watching_since, s.newest_sensor_at,
              (SELECT a.id FROM alerts a WHERE a.tenant_id = r.tenant_id AND a.subject_key = 'resident:' || r.id
                  AND a.queue = 'device_health' AND a.kind = 'not_monitored' AND a.closed_at IS NULL) AS unwatched_alert
         FROM residents r
         CROSS JOIN LATERAL (
           SELECT array_agg(d.id ORDER BY d.id) AS sensors,
                  COALESCE(array_agg(d.id ORDER BY d.id) FILTER (WHERE d.online AND d.reporting_since IS NOT NULL), '{}') AS watching,
                  min(d.reporting_since) FILTER (WHERE d.online AND d.reporting_since IS NOT NULL) AS watching_since,
                  max(d.created_at) AS newest_sensor_at
             FROM devices d WHERE d.resident_id = r.id AND d.type = ANY($3::text[])) s
         LEFT JOIN LATERAL (
           SELECT bool_or(a.closed_at IS NULL) AS inactivity_active, max(a.closed_at) AS inactivity_closed_at
             FROM alerts a
            WHERE a.tenant_id = r.tenant_id AND a.resident_id = r.id AND a.queue = 'emergency'
              AND 'inactivity' = ANY(a.kinds) AND (a.closed_at IS NULL OR a.closed_at > $4)) q ON true
        WHERE r.institution_id IS NULL AND r.risk_categories && ARRAY['living_alone','empty_nest']::text[]
          AND s.sensors IS NOT NULL`,
      [since, activityTypes, sensorTypes, quietSince],
    );
    return r.rows;
  }

  async closeNotMonitored(alertId: string, at: Date): Promise<AlertRow | null> {
    return this.alerts.transition(
      alertId,
      (await this.alerts.get(alertId))?.tenant_id ?? '',
      ['open', 'acknowledged', 'contact_made', 'no_contact', 'dispatched', 'accepted', 'on_scene'],
      { status: 'resolved', closedAt: at, dueAt: null, outcome: 'no_action_needed' },
      { actorId: null, action: 'monitored_again', note: '', data: {}, at },
    );
  }

  /** Devices that were online but have sent nothing since `before`: they are marked offline. */
  async markSilentDevicesOffline(before: Date) {
    const r = await this.pool.query<{
      id: string;
      tenant_id: string;
      resident_id: string | null;
      institution_id: string | null;
      room_id: string | null;
      type: string;
    }>(
      `UPDATE devices SET online = false, reporting_since = NULL WHERE online AND last_seen < $1
        RETURNING id, tenant_id, resident_id, institution_id, room_id, type`,
      [before],
    );
    return r.rows;
  }
}
