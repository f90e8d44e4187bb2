/** SQL of the incidents-per-day report: alerts counted by the calendar day they were raised, in the tenant's time zone. */
import type { Db } from '../../db/client.js';

export interface IncidentDayRow {
  day: string;
  total: number;
  critical: number;
  device_health: number;
}

export class IncidentsRepo {
  constructor(private readonly db: Db) {}

  /** Counts for the local days `fromDay` … `toDay` (inclusive, YYYY-MM-DD in `timeZone`); days without alerts are absent. */
  async perDay(tenantId: string, fromDay: string, toDay: string, timeZone: string): Promise<IncidentDayRow[]> {
    const r = await this.db.$client.query<IncidentDayRow>(
      `SELECT to_char(created_at AT TIME ZONE $4, 'YYYY-MM-DD') AS day,
              count(*)::int AS total,
              count(*) FILTER (WHERE queue = 'emergency' AND severity = 'critical')::int AS critical,
              count(*) FILTER (WHERE queue = 'device_health')::int AS device_health
         FROM alerts
        WHERE tenant_id = $1
          AND created_at >= ($2::date)::timestamp AT TIME ZONE $4
          AND created_at < ($3::date + 1)::timestamp AT TIME ZONE $4
        GROUP BY 1 ORDER BY 1`,
      [tenantId, fromDay, toDay, timeZone],
    );
    return r.rows;
  }

  /** Closed incidents in [from, to) counted by outcome and source. */
  async outcomes(tenantId: string, from: Date, to: Date) {
    const r = await this.db.$client.query<{ outcome: string | null; source: string; n: number }>(
      `SELECT outcome, source, count(*)::int AS n FROM alerts
        WHERE tenant_id = $1 AND closed_at >= $2 AND closed_at < $3 GROUP BY 1, 2`,
      [tenantId, from, to],
    );
    return r.rows;
  }
}
