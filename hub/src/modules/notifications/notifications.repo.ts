/** SQL of the fan-out: notification events, who and what a message is about (alerts, users, offers, their channels), and what an elder's family sees. */
import type pg from 'pg';
import { withTransaction, type Db } from '../../db/client.js';
import type { AlertFacts, EventRow, NewNotification, OfferRow, UserTarget } from './notifications.rows.js';

type Q = Pick<pg.PoolClient, 'query'>;
/** The connection of a transaction (`tx`), for services that run several calls in one. */
export type NotifyTx = pg.PoolClient;

export class NotificationsRepo {
  readonly pool: pg.Pool;
  constructor(db: Db) {
    this.pool = db.$client;
  }

  tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return withTransaction(this.pool, fn);
  }

  // ---- fan-out ----
  async takeEvents(c: Q, limit: number): Promise<EventRow[]> {
    const r = await c.query<EventRow>(
      `SELECT id, tenant_id, alert_id, purpose, data, created_at FROM notification_events
        WHERE expanded_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return r.rows;
  }

  async markExpanded(c: Q, ids: number[], at: Date): Promise<void> {
    if (ids.length)
      await c.query(`UPDATE notification_events SET expanded_at = $2 WHERE id = ANY($1::bigint[])`, [ids, at]);
  }

  /** Inserts messages; one that exists already (same idempotency key) is left as it is. */
  async insertNotifications(c: Q, rows: NewNotification[]): Promise<string[]> {
    const ids: string[] = [];
    for (const n of rows) {
      const r = await c.query<{ id: string }>(
        `INSERT INTO notifications (tenant_id, alert_id, event_id, offer_id, purpose, channel, recipient_key, recipient_user_id,
                                    recipient_name, address, payload, idempotency_key, critical, max_attempts, status,
                                    next_attempt_at, not_before, created_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [
          n.tenantId,
          n.alertId,
          n.eventId,
          n.offerId,
          n.purpose,
          n.channel,
          n.recipientKey,
          n.recipientUserId,
          n.recipientName,
          JSON.stringify(n.address),
          JSON.stringify(n.payload),
          n.idempotencyKey,
          n.critical,
          n.maxAttempts,
          n.notBefore ? 'held' : 'pending',
          n.notBefore ?? n.createdAt,
          n.notBefore,
          n.createdAt,
        ],
      );
      if (r.rows[0]) ids.push(r.rows[0].id);
    }
    return ids;
  }

  async alertFacts(c: Q, alertId: string): Promise<AlertFacts | undefined> {
    const r = await c.query<AlertFacts>(
      `SELECT a.id, a.tenant_id, a.kind, a.title, a.severity, a.status, a.queue, a.resident_id, r.name AS resident_name,
              COALESCE(r.address, '') AS address, COALESCE(r.key_safe, '') AS key_safe, COALESCE(r.phone, '') AS phone,
              COALESCE(a.lat, r.lat) AS lat, COALESCE(a.lon, r.lon) AS lon, a.place, a.opened_at, a.created_at, a.outcome,
              a.responder
         FROM alerts a LEFT JOIN residents r ON r.id = a.resident_id WHERE a.id = $1`,
      [alertId],
    );
    return r.rows[0];
  }

  /**
   * Who could be sent to an alert: the elder's contacts (call order), family accounts, the
   * district's volunteers, and the staff of the institution the alarm came from. Disabled accounts
   * never. Volunteers and staff by name, at most 50 each.
   */
  async responderCandidates(alertId: string): Promise<{
    contacts: { name: string; relation: string; phone: string }[];
    users: { id: string; name: string; role: string; email: string; source: 'family' | 'volunteer' | 'staff' }[];
  }> {
    const a = await this.pool.query<{
      contacts: unknown;
      tenant_id: string;
      resident_id: string | null;
      institution_id: string | null;
    }>(
      `SELECT COALESCE(r.contacts, '[]'::jsonb) AS contacts, a.tenant_id, a.resident_id,
              COALESCE(a.institution_id, r.institution_id) AS institution_id
         FROM alerts a LEFT JOIN residents r ON r.id = a.resident_id WHERE a.id = $1`,
      [alertId],
    );
    const row = a.rows[0];
    if (!row) return { contacts: [], users: [] };
    const u = await this.pool.query<{
      id: string;
      name: string;
      role: string;
      email: string;
      source: 'family' | 'volunteer' | 'staff';
    }>(
      `(SELECT id, name, role, email, 'family' AS source FROM users
         WHERE tenant_id = $1 AND disabled_at IS NULL AND role = 'family' AND resident_id = $2::uuid ORDER BY name)
       UNION ALL
       (SELECT id, name, role, email, 'staff' FROM users
         WHERE tenant_id = $1 AND disabled_at IS NULL AND role = 'institution_staff' AND institution_id = $3::uuid
         ORDER BY name LIMIT 50)
       UNION ALL
       (SELECT id, name, role, email, 'volunteer' FROM users
         WHERE tenant_id = $1 AND disabled_at IS NULL AND role = 'volunteer' ORDER BY name LIMIT 50)`,
      [row.tenant_id, row.resident_id, row.institution_id],
    );
    const contacts = Array.isArray(row.contacts)
      ? (row.contacts as { name?: unknown; relation?: unknown; phone?: unknown }[])
          .filter((c) => typeof c?.name === 'string' && typeof c?.phone === 'string')
          .map((c) => ({ name: String(c.name), relation: String(c.relation ?? ''), phone: String(c.phone) }))
      : [];
    return { contacts, users: u.rows };
  }

  /** Users of a tenant (with their own preferences and their role's defaults), optionally of some roles or one elder's family. */
  async users(
    c: Q,
    tenantId: string,
    f: { roles?: string[]; familyOf?: string | null; ids?: string[] },
  ): Promise<UserTarget[]> {
    const r = await c.query<UserTarget>(
      `SELECT u.id, u.name, u.role, u.resident_id, p.prefs, d.prefs AS role_prefs
         FROM users u
         LEFT JOIN notification_preferences p ON p.user_id = u.id
         LEFT JOIN notification_role_defaults d ON d.tenant_id = u.tenant_id AND d.role = u.role
        WHERE u.tenant_id = $1
          AND ($2::text[] IS NULL OR u.role = ANY($2::text[]))
          AND ($3::uuid IS NULL OR (u.role = 'family' AND u.resident_id = $3::uuid))
          AND ($4::uuid[] IS NULL OR u.id = ANY($4::uuid[]))
          AND (u.role <> 'family' OR $3::uuid IS NOT NULL OR $4::uuid[] IS NOT NULL)`,
      [tenantId, f.roles ?? null, f.familyOf ?? null, f.ids ?? null],
    );
    return r.rows;
  }

  async activeSubscriptions(c: Q, userIds: string[]) {
    if (!userIds.length) return [];
    const r = await c.query<{ id: string; user_id: string; endpoint: string; p256dh: string; auth: string }>(
      `SELECT id, user_id, endpoint, p256dh, auth FROM push_subscriptions WHERE user_id = ANY($1::uuid[]) AND gone_at IS NULL`,
      [userIds],
    );
    return r.rows;
  }

  async webhooksFor(c: Q, tenantId: string, purpose: string) {
    const r = await c.query<{
      id: string;
      name: string;
      format: 'standard' | 'dingtalk' | 'wecom';
      url: string;
      secret: string | null;
      kinds: string[];
      min_severity: string;
    }>(
      `SELECT id, name, format, url, secret, kinds, min_severity FROM notification_webhooks
        WHERE tenant_id = $1 AND enabled AND $2 = ANY(purposes)`,
      [tenantId, purpose],
    );
    return r.rows;
  }

  async offer(c: Q, id: string): Promise<OfferRow | undefined> {
    const r = await c.query<OfferRow>(`SELECT * FROM responder_offers WHERE id = $1`, [id]);
    return r.rows[0];
  }

  async offersOfUser(userId: string): Promise<OfferRow[]> {
    const r = await this.pool.query<OfferRow>(
      `(SELECT * FROM responder_offers WHERE user_id = $1 AND status IN ('asked','accepted') ORDER BY asked_at DESC LIMIT 50)
       UNION ALL
       (SELECT * FROM responder_offers WHERE user_id = $1 AND status NOT IN ('asked','accepted') ORDER BY asked_at DESC LIMIT 20)`,
      [userId],
    );
    return r.rows;
  }

  async familyState(residentId: string) {
    const res = await this.pool.query<{ id: string; name: string; tenant_id: string }>(
      `SELECT id, name, tenant_id FROM residents WHERE id = $1`,
      [residentId],
    );
    const open = await this.pool.query(
      `SELECT id, kind, title, status, opened_at, acknowledged_at, dispatched_at, accepted_at, on_scene_at, responder
         FROM alerts WHERE resident_id = $1 AND queue = 'emergency' AND closed_at IS NULL AND status <> 'pending'
        ORDER BY created_at DESC LIMIT 1`,
      [residentId],
    );
    const closed = await this.pool.query(
      `SELECT id, kind, closed_at, outcome FROM alerts WHERE resident_id = $1 AND queue = 'emergency' AND closed_at IS NOT NULL
        ORDER BY closed_at DESC LIMIT 1`,
      [residentId],
    );
    const devices = await this.pool.query(
      `SELECT d.id, d.type, d.online, d.last_seen, d.battery
         FROM devices d WHERE d.resident_id = $1 ORDER BY d.id`,
      [residentId],
    );
    const last = await this.pool.query<{ at: Date | null }>(
      `SELECT max(received_at) AS at FROM device_events WHERE resident_id = $1`,
      [residentId],
    );
    return {
      resident: res.rows[0],
      open: open.rows[0],
      closed: closed.rows[0],
      devices: devices.rows,
      lastActivity: last.rows[0]?.at ?? null,
    };
  }
}
