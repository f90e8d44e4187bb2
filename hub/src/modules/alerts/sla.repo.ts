/** SQL of the SLA report: the emergencies that reached dispatch in a period, and the reasons recorded for exceptions. */
import type { Db } from '../../db/client.js';

export interface SlaRow {
  id: string;
  queue?: string;
  seq: string;
  kind: string;
  status: string;
  created_at: Date;
  opened_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  ack_name: string | null;
  closed_at: Date | null;
  resident_id: string | null;
  resident_name: string | null;
  community: string | null;
}

export interface SlaReasonRow {
  alert_id: string;
  note: string;
  at: Date;
  actor_name: string | null;
}

export class SlaRepo {
  constructor(private readonly db: Db) {}

  /**
   * Emergency alerts that reached dispatch (opened) in [from, to), except those the elder cancelled
   * before anyone acknowledged, and phone-in incidents (a call taken is answered by the one who
   * records it: it never waits in the queue).
   */
  async rows(tenantId: string, from: Date, to: Date): Promise<SlaRow[]> {
    const r = await this.db.$client.query<SlaRow>(
      `SELECT a.id, a.seq, a.kind, a.status, a.created_at, a.opened_at, a.acknowledged_at, a.acknowledged_by,
              u.name AS ack_name, a.closed_at, a.resident_id, r.name AS resident_name, r.community
         FROM alerts a LEFT JOIN users u ON u.id = a.acknowledged_by LEFT JOIN residents r ON r.id = a.resident_id
        WHERE a.tenant_id = $1 AND a.queue = 'emergency' AND a.opened_at IS NOT NULL
          AND a.opened_at >= $2 AND a.opened_at < $3
          AND NOT (a.status = 'cancelled' AND a.acknowledged_at IS NULL) AND a.source <> 'phone'
        ORDER BY a.opened_at, a.id`,
      [tenantId, from, to],
    );
    return r.rows;
  }

  /** The latest reason recorded for each of these incidents (audit action `sla_reason`). */
  async reasons(alertIds: string[]): Promise<SlaReasonRow[]> {
    if (!alertIds.length) return [];
    const r = await this.db.$client.query<SlaReasonRow>(
      `SELECT DISTINCT ON (x.alert_id) x.alert_id, x.note, x.at, u.name AS actor_name
         FROM alert_actions x LEFT JOIN users u ON u.id = x.actor_id
        WHERE x.alert_id = ANY($1::uuid[]) AND x.action = 'sla_reason'
        ORDER BY x.alert_id, x.id DESC`,
      [alertIds],
    );
    return r.rows;
  }

  /** One emergency of the tenant as the SLA sees it (null: none such). */
  async one(tenantId: string, alertId: string): Promise<SlaRow | null> {
    const r = await this.db.$client.query<SlaRow>(
      `SELECT a.id, a.queue, a.seq, a.kind, a.status, a.created_at, a.opened_at, a.acknowledged_at, a.acknowledged_by,
              NULL AS ack_name, a.closed_at, a.resident_id, NULL AS resident_name, NULL AS community
         FROM alerts a WHERE a.tenant_id = $1 AND a.id = $2`,
      [tenantId, alertId],
    );
    return r.rows[0] ?? null;
  }

  /** Records why an incident was acknowledged late: appended to its audit trail (append-only). */
  async addReason(alertId: string, actorId: string, reason: string, at: Date): Promise<void> {
    await this.db.$client.query(
      `INSERT INTO alert_actions (alert_id, at, actor_id, action, note, data) VALUES ($1, $2, $3, 'sla_reason', $4, '{}')`,
      [alertId, at, actorId, reason],
    );
  }
}
