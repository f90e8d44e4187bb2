/** SQL of what dispatch reads: the queues, replay after a reconnect, an incident's signals, actions and context. */
import type pg from 'pg';
import type { Db } from '../../db/client.js';
import { QUEUE_ORDER, SELECT, type AlertRow } from './alerts.repo.js';

export class AlertViewsRepo {
  private readonly pool: pg.Pool;
  constructor(db: Db) {
    this.pool = db.$client;
  }

  async listActive(
    tenantId: string,
    f: { institutionId?: string; queue?: string; residentId?: string; limit: number },
  ): Promise<AlertRow[]> {
    const r = await this.pool.query<AlertRow>(
      `${SELECT} WHERE a.tenant_id = $1 AND a.closed_at IS NULL
         AND ($2::uuid IS NULL OR a.institution_id = $2) AND ($3::text IS NULL OR a.queue = $3) AND ($4::uuid IS NULL OR a.resident_id = $4)
       ORDER BY ${QUEUE_ORDER} LIMIT $5`,
      [tenantId, f.institutionId ?? null, f.queue ?? null, f.residentId ?? null, f.limit],
    );
    return r.rows;
  }

  async listClosed(
    tenantId: string,
    f: { institutionId?: string; queue?: string; residentId?: string; limit: number },
  ): Promise<AlertRow[]> {
    const r = await this.pool.query<AlertRow>(
      `${SELECT} WHERE a.tenant_id = $1 AND a.closed_at IS NOT NULL
         AND ($2::uuid IS NULL OR a.institution_id = $2) AND ($3::text IS NULL OR a.queue = $3) AND ($4::uuid IS NULL OR a.resident_id = $4)
       ORDER BY a.closed_at DESC LIMIT $5`,
      [tenantId, f.institutionId ?? null, f.queue ?? null, f.residentId ?? null, f.limit],
    );
    return r.rows;
  }

  /** Alerts changed after `since` (for reconnect replay), oldest change first. */
  async changedSince(tenantId: string, since: number, institutionId?: string): Promise<AlertRow[]> {
    const r = await this.pool.query<AlertRow>(
      `${SELECT} WHERE a.tenant_id = $1 AND a.seq > $2 AND ($3::uuid IS NULL OR a.institution_id = $3) ORDER BY a.seq LIMIT 5000`,
      [tenantId, since, institutionId ?? null],
    );
    return r.rows;
  }

  async currentSeq(): Promise<number> {
    const r = await this.pool.query<{ s: number }>(`SELECT COALESCE(MAX(seq), 0)::bigint AS s FROM alerts`);
    return Number(r.rows[0]!.s);
  }

  async signals(alertId: string) {
    const r = await this.pool.query(
      `SELECT id, ts, received_at, device_id, event_id, type, detail FROM alert_signals WHERE alert_id = $1
        ORDER BY COALESCE(received_at, ts), id`,
      [alertId],
    );
    return r.rows as {
      id: number;
      ts: Date;
      received_at: Date | null;
      device_id: string | null;
      event_id: string | null;
      type: string;
      detail: Record<string, unknown>;
    }[];
  }

  async actions(alertId: string) {
    const r = await this.pool.query(
      `SELECT x.id, x.at, x.actor_id, u.name AS actor_name, x.action, x.note, x.data
         FROM alert_actions x LEFT JOIN users u ON u.id = x.actor_id WHERE x.alert_id = $1 ORDER BY x.id`,
      [alertId],
    );
    return r.rows as {
      id: number;
      at: Date;
      actor_id: string | null;
      actor_name: string | null;
      action: string;
      note: string;
      data: Record<string, unknown>;
    }[];
  }

  /** Care staff on shift now at an institution. */
  async staffOnShift(institutionId: string): Promise<{ id: string; name: string }[]> {
    const r = await this.pool.query<{ id: string; name: string }>(
      `SELECT u.id, u.name FROM staff_shifts sh JOIN users u ON u.id = sh.user_id
        WHERE sh.institution_id = $1 AND sh.ended_at IS NULL ORDER BY u.name`,
      [institutionId],
    );
    return r.rows;
  }

  /** The open "not monitored" item of a resident, closed when their sensors watch again. */
  /** A resident of the tenant, for a phone-in incident (null: none of this tenant's). */
  async residentOf(tenantId: string, id: string): Promise<{ id: string; institution_id: string | null } | null> {
    const r = await this.pool.query<{ id: string; institution_id: string | null }>(
      `SELECT id, institution_id FROM residents WHERE id = $1 AND tenant_id = $2`,
      [id, tenantId],
    );
    return r.rows[0] ?? null;
  }

  /** The elder's home, for the incident panel. */
  async residentHome(residentId: string) {
    const r = await this.pool.query<{
      address: string;
      community: string;
      lat: number | null;
      lon: number | null;
      institution_id: string | null;
    }>(`SELECT address, community, lat, lon, institution_id FROM residents WHERE id = $1`, [residentId]);
    return r.rows[0] ?? null;
  }

  /** A device as it is now and its last status reports (newest first). */
  async deviceInfo(deviceId: string, historyLimit: number) {
    const d = await this.pool.query<{
      id: string;
      type: string;
      label: string;
      online: boolean;
      battery: number | null;
      signal: number | null;
      last_seen: Date | null;
    }>(`SELECT id, type, label, online, battery, signal, last_seen FROM devices WHERE id = $1`, [deviceId]);
    if (!d.rows[0]) return null;
    const h = await this.pool.query<{ ts: Date; online: boolean; battery: number | null; signal: number | null }>(
      `SELECT ts, online, battery, signal FROM device_status WHERE device_id = $1 ORDER BY ts DESC LIMIT $2`,
      [deviceId, historyLimit],
    );
    return { ...d.rows[0], history: h.rows };
  }
}
