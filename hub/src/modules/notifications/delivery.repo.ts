/**
 * SQL of the delivery queue: claiming due messages under a lease, settling each attempt, releasing
 * what a dead run of this hub held, and the messages' history (board, retries, offer replies).
 */
import type { Db } from '../../db/client.js';
import type { NotificationRow } from './notifications.rows.js';

export class DeliveryRepo {
  private readonly pool: Db['$client'];
  constructor(db: Db) {
    this.pool = db.$client;
  }

  /** Claims due messages for this hub: exactly one hub gets each (SKIP LOCKED), held for `leaseMs`. */
  async claimDue(now: Date, hubId: string, leaseMs: number, limit: number): Promise<NotificationRow[]> {
    const r = await this.pool.query<NotificationRow>(
      `UPDATE notifications n SET status = 'sending', attempts = n.attempts + 1, claimed_by = $2,
              lease_until = $1::timestamptz + ($3 || ' milliseconds')::interval
        WHERE n.id IN (SELECT id FROM notifications
                        WHERE (status IN ('pending','held','failed') AND next_attempt_at <= $1)
                           OR (status = 'sending' AND lease_until < $1)
                        ORDER BY critical DESC, next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED)
        RETURNING n.*`,
      [now, hubId, String(leaseMs), limit],
    );
    return r.rows;
  }

  /**
   * A hub starting under its id releases what its previous run held when it died (SIGKILL, power
   * loss): those attempts ended unknown, so they fall due again at once instead of after the lease.
   * A receiver may then see a message a second time with the same `webhook-id`/message id (the
   * previous run may have sent it just before dying); it deduplicates on that id.
   */
  async releaseOrphans(hubId: string, now: Date): Promise<number> {
    const r = await this.pool.query(
      `UPDATE notifications SET status = 'failed', lease_until = NULL, next_attempt_at = $2,
              error = COALESCE(error, 'the hub stopped during the attempt')
        WHERE claimed_by = $1 AND status = 'sending'`,
      [hubId, now],
    );
    return r.rowCount ?? 0;
  }

  /** Records the outcome of an attempt this hub holds (nothing if its lease was taken over). */
  async settle(
    id: string,
    hubId: string,
    s: { status: 'sent' | 'failed' | 'dead'; at: Date; error: string | null; nextAttemptAt?: Date },
  ): Promise<NotificationRow | undefined> {
    const r = await this.pool.query<NotificationRow>(
      `UPDATE notifications SET status = $3, error = $4, lease_until = NULL,
              sent_at = CASE WHEN $3 = 'sent' THEN $5::timestamptz ELSE sent_at END,
              failed_at = CASE WHEN $3 <> 'sent' THEN $5::timestamptz ELSE failed_at END,
              next_attempt_at = COALESCE($6::timestamptz, next_attempt_at)
        WHERE id = $1 AND claimed_by = $2 AND status = 'sending' RETURNING *`,
      [id, hubId, s.status, s.error, s.at, s.nextAttemptAt ?? null],
    );
    return r.rows[0];
  }

  async requeue(id: string, tenantId: string, now: Date): Promise<NotificationRow | undefined> {
    const r = await this.pool.query<NotificationRow>(
      `UPDATE notifications SET status = 'pending', next_attempt_at = $3, attempts = 0
        WHERE id = $1 AND tenant_id = $2 AND status IN ('dead','failed') RETURNING *`,
      [id, tenantId, now],
    );
    return r.rows[0];
  }

  async ofAlert(alertId: string): Promise<NotificationRow[]> {
    const r = await this.pool.query<NotificationRow>(
      `SELECT * FROM notifications WHERE alert_id = $1 ORDER BY created_at, id`,
      [alertId],
    );
    return r.rows;
  }

  async get(id: string): Promise<NotificationRow | undefined> {
    const r = await this.pool.query<NotificationRow>(`SELECT * FROM notifications WHERE id = $1`, [id]);
    return r.rows[0];
  }

  /** The reply to an offer, on the messages that asked for it. */
  async recordReply(offerId: string, reply: { answer: string; at: string; via: string }): Promise<NotificationRow[]> {
    const r = await this.pool.query<NotificationRow>(
      `UPDATE notifications SET reply = $2 WHERE offer_id = $1 RETURNING *`,
      [offerId, JSON.stringify(reply)],
    );
    return r.rows;
  }
}
