/** SQL of shift handovers: the shift's incidents, the incidents open now, and the handover records. */
import type { HandoverIncident } from '@eldercare/shared';
import type { Db } from '../../db/client.js';
import { overSlaSql } from '../../db/sql-fragments.js';

export interface HandoverRow {
  id: string;
  from_user_id: string;
  from_name: string;
  to_user_id: string | null;
  to_name: string | null;
  created_at: Date;
  note: string;
  open_incidents: HandoverIncident[];
  summary: unknown;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  ack_name: string | null;
  acknowledge_note: string;
}

export interface IncidentRow {
  id: string;
  seq: string;
  queue: string;
  kind: string;
  severity: string;
  status: string;
  title: string;
  resident_name: string | null;
  created_at: Date;
  closed_at: Date | null;
  ack_name: string | null;
  outcome: string | null;
  escalation_level: number;
  over_sla: boolean;
}

const INCIDENT_COLUMNS = (now: string) => `a.id, a.seq, a.queue, a.kind, a.severity, a.status, a.title,
  r.name AS resident_name, a.created_at, a.closed_at, u.name AS ack_name, a.outcome, a.escalation_level,
  ${overSlaSql(now)} AS over_sla`;
const INCIDENT_FROM = `FROM alerts a LEFT JOIN residents r ON r.id = a.resident_id LEFT JOIN users u ON u.id = a.acknowledged_by`;

const SELECT_HANDOVER = `SELECT h.id, h.from_user_id, f.name AS from_name, h.to_user_id, t.name AS to_name, h.created_at,
       h.note, h.open_incidents, h.summary, h.acknowledged_at, h.acknowledged_by, k.name AS ack_name, h.acknowledge_note
  FROM shift_handovers h JOIN users f ON f.id = h.from_user_id
  LEFT JOIN users t ON t.id = h.to_user_id LEFT JOIN users k ON k.id = h.acknowledged_by`;

export class HandoverRepo {
  constructor(private readonly db: Db) {}

  /** Incidents not closed now (both queues), oldest first. */
  async openIncidents(tenantId: string, now: Date): Promise<IncidentRow[]> {
    const r = await this.db.$client.query<IncidentRow>(
      `SELECT ${INCIDENT_COLUMNS('$2::timestamptz')} ${INCIDENT_FROM}
        WHERE a.tenant_id = $1 AND a.closed_at IS NULL AND a.status <> 'pending' ORDER BY a.created_at, a.id`,
      [tenantId, now],
    );
    return r.rows;
  }

  /** Incidents raised, or closed, in [from, to). */
  async shiftIncidents(tenantId: string, from: Date, to: Date): Promise<IncidentRow[]> {
    const r = await this.db.$client.query<IncidentRow>(
      `SELECT ${INCIDENT_COLUMNS('$3::timestamptz')} ${INCIDENT_FROM}
        WHERE a.tenant_id = $1 AND ((a.created_at >= $2 AND a.created_at < $3) OR (a.closed_at >= $2 AND a.closed_at < $3))
        ORDER BY a.created_at, a.id`,
      [tenantId, from, to],
    );
    return r.rows;
  }

  async latest(tenantId: string): Promise<HandoverRow | null> {
    const r = await this.db.$client.query<HandoverRow>(
      `${SELECT_HANDOVER} WHERE h.tenant_id = $1 ORDER BY h.created_at DESC, h.id DESC LIMIT 1`,
      [tenantId],
    );
    return r.rows[0] ?? null;
  }

  async latestAcknowledged(tenantId: string): Promise<HandoverRow | null> {
    const r = await this.db.$client.query<HandoverRow>(
      `${SELECT_HANDOVER} WHERE h.tenant_id = $1 AND h.acknowledged_at IS NOT NULL
        ORDER BY h.acknowledged_at DESC, h.id DESC LIMIT 1`,
      [tenantId],
    );
    return r.rows[0] ?? null;
  }

  async get(tenantId: string, id: string): Promise<HandoverRow | null> {
    const r = await this.db.$client.query<HandoverRow>(`${SELECT_HANDOVER} WHERE h.tenant_id = $1 AND h.id = $2`, [
      tenantId,
      id,
    ]);
    return r.rows[0] ?? null;
  }

  async list(tenantId: string, limit: number, offset: number): Promise<{ rows: HandoverRow[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.db.$client.query<HandoverRow>(
        `${SELECT_HANDOVER} WHERE h.tenant_id = $1 ORDER BY h.created_at DESC, h.id DESC LIMIT $2 OFFSET $3`,
        [tenantId, limit, offset],
      ),
      this.db.$client.query<{ n: number }>(`SELECT count(*)::int AS n FROM shift_handovers WHERE tenant_id = $1`, [
        tenantId,
      ]),
    ]);
    return { rows: rows.rows, total: count.rows[0]!.n };
  }

  async insert(h: {
    tenantId: string;
    fromUserId: string;
    toUserId: string | null;
    at: Date;
    note: string;
    openIncidents: HandoverIncident[];
    summary: unknown;
  }): Promise<string> {
    const r = await this.db.$client.query<{ id: string }>(
      `INSERT INTO shift_handovers (tenant_id, from_user_id, to_user_id, created_at, note, open_incidents, summary)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [h.tenantId, h.fromUserId, h.toUserId, h.at, h.note, JSON.stringify(h.openIncidents), JSON.stringify(h.summary)],
    );
    return r.rows[0]!.id;
  }

  /** Acknowledges it unless someone already has: false when it was acknowledged before. */
  async acknowledge(tenantId: string, id: string, userId: string, at: Date, note: string): Promise<boolean> {
    const r = await this.db.$client.query(
      `UPDATE shift_handovers SET acknowledged_at = $4, acknowledged_by = $3, acknowledge_note = $5
        WHERE tenant_id = $1 AND id = $2 AND acknowledged_at IS NULL`,
      [tenantId, id, userId, at, note],
    );
    return r.rowCount === 1;
  }

  async userRole(tenantId: string, userId: string): Promise<string | null> {
    const r = await this.db.$client.query<{ role: string }>(`SELECT role FROM users WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      userId,
    ]);
    return r.rows[0]?.role ?? null;
  }
}
