/**
 * SQL of the live room/bed board. Every query is bounded by one institution; the latest readings
 * come from one index probe per resident and metric (a LATERAL … ORDER BY ts DESC LIMIT 1 on
 * readings_resident_ts_idx), never from scanning the day's readings.
 */
import type pg from 'pg';
import type { Db } from '../../db/client.js';

export interface BoardResidentRow {
  id: string;
  name: string;
  bed_id: string | null;
  care_level: string;
  risk_categories: string[];
}
export interface LatestReadingRow {
  resident_id: string;
  metric: string;
  value: number;
  ts: Date;
}
export interface BoardDeviceRow {
  id: string;
  resident_id: string;
  type: string;
  online: boolean;
  battery: number | null;
  last_seen: Date | null;
}
export interface BoardAlertRow {
  id: string;
  resident_id: string;
  queue: string;
  kind: string;
  status: string;
  severity: string;
}

export class BoardRepo {
  private readonly pool: pg.Pool;
  constructor(db: Db) {
    this.pool = db.$client;
  }

  /** Residents of the institution (those without a bed count for staffing but have no tile). */
  async residents(tenantId: string, institutionId: string): Promise<BoardResidentRow[]> {
    const r = await this.pool.query<BoardResidentRow>(
      `SELECT id, name, bed_id, care_level, risk_categories FROM residents
        WHERE tenant_id = $1 AND institution_id = $2`,
      [tenantId, institutionId],
    );
    return r.rows;
  }

  /**
   * The latest reading since `since` of each metric for each bed resident of the institution;
   * `inBed` only counts when it comes from one of the resident's bed sensors.
   */
  async latestReadings(
    tenantId: string,
    institutionId: string,
    metrics: readonly string[],
    since: Date,
  ): Promise<LatestReadingRow[]> {
    const r = await this.pool.query<LatestReadingRow>(
      `SELECT res.id AS resident_id, m.metric, x.value, x.ts
         FROM residents res
        CROSS JOIN unnest($3::text[]) AS m(metric)
        CROSS JOIN LATERAL (
              SELECT rd.value, rd.ts FROM readings rd
               WHERE rd.resident_id = res.id AND rd.metric = m.metric AND rd.ts >= $4
                 AND (m.metric <> 'inBed' OR rd.device_id IN (
                       SELECT d.id FROM devices d WHERE d.resident_id = res.id AND d.type = 'bed_sensor'))
               ORDER BY rd.ts DESC LIMIT 1) x
        WHERE res.tenant_id = $1 AND res.institution_id = $2 AND res.bed_id IS NOT NULL`,
      [tenantId, institutionId, metrics, since],
    );
    return r.rows.map((row) => ({ ...row, value: Number(row.value) }));
  }

  /** Devices worn by or assigned to the institution's bed residents. */
  async devices(tenantId: string, institutionId: string): Promise<BoardDeviceRow[]> {
    const r = await this.pool.query<BoardDeviceRow>(
      `SELECT d.id, d.resident_id, d.type, d.online, d.battery, d.last_seen
         FROM devices d JOIN residents res ON res.id = d.resident_id
        WHERE res.tenant_id = $1 AND res.institution_id = $2 AND res.bed_id IS NOT NULL
        ORDER BY d.id`,
      [tenantId, institutionId],
    );
    return r.rows;
  }

  /** The most urgent active alert of each bed resident: emergencies first, then priority, then the oldest. */
  async activeAlerts(tenantId: string, institutionId: string): Promise<BoardAlertRow[]> {
    const r = await this.pool.query<BoardAlertRow>(
      `SELECT DISTINCT ON (a.resident_id) a.id, a.resident_id, a.queue, a.kind, a.status, a.severity
         FROM alerts a JOIN residents res ON res.id = a.resident_id
        WHERE a.tenant_id = $1 AND a.closed_at IS NULL AND res.institution_id = $2
        ORDER BY a.resident_id, (a.queue = 'emergency') DESC, a.priority DESC, a.created_at`,
      [tenantId, institutionId],
    );
    return r.rows;
  }

  /** Users with the institution_staff role registered for the institution. */
  async staffCount(tenantId: string, institutionId: string): Promise<number> {
    const r = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM users WHERE tenant_id = $1 AND institution_id = $2 AND role = 'institution_staff'`,
      [tenantId, institutionId],
    );
    return Number(r.rows[0]?.n ?? 0);
  }
}
