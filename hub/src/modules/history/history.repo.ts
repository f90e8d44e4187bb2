/** SQL of the incident history: closed incidents searched and filtered, newest first. */
import { overSlaSql } from '../../db/sql-fragments.js';
import type { Db } from '../../db/client.js';

export interface HistoryRow {
  id: string;
  seq: string;
  queue: string;
  kind: string;
  kinds: string[];
  severity: string;
  status: string;
  title: string;
  source: 'device' | 'dc09' | 'system';
  resident_id: string | null;
  resident_name: string | null;
  community: string | null;
  institution_id: string | null;
  institution_name: string | null;
  device_id: string | null;
  created_at: Date;
  opened_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  ack_name: string | null;
  closed_at: Date;
  outcome: string | null;
  over_sla: boolean;
  signal_count: number;
  escalation_level: number;
  notes: number;
}

export interface HistoryFilter {
  tenantId: string;
  /** Institution staff: their institution's incidents only. */
  institutionId?: string;
  q?: string;
  residentId?: string;
  kind?: string;
  source?: string;
  outcome?: string;
  dispatcherId?: string;
  from?: Date;
  to?: Date;
  overSla?: boolean;
  limit: number;
  offset: number;
}

/**
 * Where an incident came from: no device → raised by the hub itself; a device with a DC-09 account
 * → an alarm panel; else a registered device (MQTT).
 */
export const SOURCE_SQL = `CASE WHEN a.source = 'phone' THEN 'phone' WHEN a.device_id IS NULL THEN 'system'
  WHEN EXISTS (SELECT 1 FROM dc09_accounts d9 WHERE d9.device_id = a.device_id) THEN 'dc09'
  ELSE 'device' END`;

export class HistoryRepo {
  constructor(private readonly db: Db) {}

  async search(f: HistoryFilter): Promise<{ rows: HistoryRow[]; total: number }> {
    const params: unknown[] = [f.tenantId];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = ['a.tenant_id = $1', 'a.closed_at IS NOT NULL'];
    if (f.institutionId) where.push(`a.institution_id = ${p(f.institutionId)}`);
    if (f.residentId) where.push(`a.resident_id = ${p(f.residentId)}`);
    if (f.kind) where.push(`${p(f.kind)} = ANY(a.kinds || a.kind)`);
    if (f.source) where.push(`(${SOURCE_SQL}) = ${p(f.source)}`);
    if (f.outcome === 'cancelled') where.push(`a.status = 'cancelled'`);
    else if (f.outcome) where.push(`a.status = 'resolved' AND a.outcome = ${p(f.outcome)}`);
    if (f.dispatcherId) where.push(`a.acknowledged_by = ${p(f.dispatcherId)}`);
    if (f.from) where.push(`a.created_at >= ${p(f.from)}`);
    if (f.to) where.push(`a.created_at < ${p(f.to)}`);
    if (f.overSla) where.push(overSlaSql('a.closed_at'));
    if (f.q) {
      const like = p(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const seq = /^#?\d{1,15}$/.test(f.q) ? ` OR a.seq = ${p(Number(f.q.replace('#', '')))}` : '';
      where.push(`(r.name ILIKE ${like} OR a.title ILIKE ${like}${seq})`);
    }
    const from = `FROM alerts a LEFT JOIN residents r ON r.id = a.resident_id WHERE ${where.join(' AND ')}`;
    const count = await this.db.$client.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params);
    const limit = p(f.limit);
    const offset = p(f.offset);
    const rows = await this.db.$client.query<HistoryRow>(
      `SELECT a.id, a.seq, a.queue, a.kind, a.kinds, a.severity, a.status, a.title, ${SOURCE_SQL} AS source,
              a.resident_id, r.name AS resident_name, r.community, a.institution_id, i.name AS institution_name,
              a.device_id, a.created_at, a.opened_at, a.acknowledged_at, a.acknowledged_by, u.name AS ack_name,
              a.closed_at, a.outcome, ${overSlaSql('a.closed_at')} AS over_sla, a.signal_count, a.escalation_level,
              (SELECT count(*)::int FROM alert_actions n WHERE n.alert_id = a.id AND n.action = 'note') AS notes
         FROM alerts a LEFT JOIN residents r ON r.id = a.resident_id
         LEFT JOIN institutions i ON i.id = a.institution_id
         LEFT JOIN users u ON u.id = a.acknowledged_by
        WHERE ${where.join(' AND ')}
        ORDER BY a.created_at DESC, a.id
        LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { rows: rows.rows, total: count.rows[0]!.n };
  }

  /** Everyone who has acknowledged an incident of the tenant (institution staff: of their institution). */
  async dispatchers(tenantId: string, institutionId?: string): Promise<{ id: string; name: string }[]> {
    const r = await this.db.$client.query<{ id: string; name: string }>(
      `SELECT u.id, u.name FROM users u
        WHERE u.tenant_id = $1 AND EXISTS (SELECT 1 FROM alerts a WHERE a.tenant_id = $1 AND a.acknowledged_by = u.id
                                             AND ($2::uuid IS NULL OR a.institution_id = $2))
        ORDER BY u.name, u.id`,
      [tenantId, institutionId ?? null],
    );
    return r.rows;
  }

  async residentExists(tenantId: string, id: string): Promise<boolean> {
    const r = await this.db.$client.query(`SELECT 1 FROM residents WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return r.rowCount === 1;
  }

  async userExists(tenantId: string, id: string): Promise<boolean> {
    const r = await this.db.$client.query(`SELECT 1 FROM users WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return r.rowCount === 1;
  }
}
