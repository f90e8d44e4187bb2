/** All SQL of notifications: preferences, subscriptions, webhooks, offers, the fan-out and the delivery queue. */
import type pg from 'pg';
import { withTransaction, type Db } from '../../db/client.js';

export interface NotificationRow {
  id: string;
  tenant_id: string;
  alert_id: string | null;
  event_id: number | null;
  offer_id: string | null;
  purpose: string;
  channel: string;
  recipient_key: string;
  recipient_user_id: string | null;
  recipient_name: string;
  address: Record<string, unknown>;
  payload: Record<string, unknown>;
  idempotency_key: string;
  critical: boolean;
  status: string;
  attempts: number;
  max_attempts: number;
  next_attempt_at: Date;
  not_before: Date | null;
  error: string | null;
  created_at: Date;
  sent_at: Date | null;
  failed_at: Date | null;
  reply: { answer: 'accept' | 'decline'; at: string; via: string } | null;
}

export interface NewNotification {
  tenantId: string;
  alertId: string | null;
  eventId: number | null;
  offerId: string | null;
  purpose: string;
  channel: string;
  recipientKey: string;
  recipientUserId: string | null;
  recipientName: string;
  address: Record<string, unknown>;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  critical: boolean;
  maxAttempts: number;
  createdAt: Date;
  notBefore: Date | null;
}

export interface EventRow {
  id: number;
  tenant_id: string;
  alert_id: string | null;
  purpose: string;
  data: Record<string, unknown>;
  created_at: Date;
}

export interface AlertFacts {
  id: string;
  tenant_id: string;
  kind: string;
  title: string;
  severity: string;
  status: string;
  queue: string;
  resident_id: string | null;
  resident_name: string | null;
  address: string;
  key_safe: string;
  phone: string;
  lat: number | null;
  lon: number | null;
  place: { institutionName?: string; roomName?: string | null; bedLabel?: string | null } | null;
  opened_at: Date | null;
  created_at: Date;
  outcome: string | null;
  responder: { name?: string } | null;
}

export interface UserTarget {
  id: string;
  name: string;
  role: string;
  resident_id: string | null;
  prefs: Record<string, unknown> | null;
  role_prefs: Record<string, unknown> | null;
}

export interface OfferRow {
  id: string;
  tenant_id: string;
  alert_id: string;
  position: number;
  responder: { kind: string; name: string; phone?: string; userId?: string; email?: string };
  user_id: string | null;
  ask_all: boolean;
  status: string;
  step: string | null;
  dispatcher_note: string;
  asked_at: Date;
  answered_at: Date | null;
}

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

  // ---- delivery ----
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

  async markSubscriptionGone(id: string, at: Date): Promise<void> {
    await this.pool.query(`UPDATE push_subscriptions SET gone_at = $2 WHERE id = $1`, [id, at]);
  }

  // ---- settings ----
  async prefsOf(userId: string) {
    const r = await this.pool.query<{ prefs: Record<string, unknown> }>(
      `SELECT prefs FROM notification_preferences WHERE user_id = $1`,
      [userId],
    );
    return r.rows[0]?.prefs ?? null;
  }
  async savePrefs(userId: string, tenantId: string, prefs: unknown, at: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO notification_preferences (user_id, tenant_id, prefs, updated_at) VALUES ($1,$2,$3,$4)
       ON CONFLICT (user_id) DO UPDATE SET prefs = EXCLUDED.prefs, updated_at = EXCLUDED.updated_at`,
      [userId, tenantId, JSON.stringify(prefs), at],
    );
  }
  async deletePrefs(userId: string): Promise<void> {
    await this.pool.query(`DELETE FROM notification_preferences WHERE user_id = $1`, [userId]);
  }
  async roleDefaults(tenantId: string) {
    const r = await this.pool.query<{ role: string; prefs: Record<string, unknown> }>(
      `SELECT role, prefs FROM notification_role_defaults WHERE tenant_id = $1`,
      [tenantId],
    );
    return r.rows;
  }
  async saveRoleDefaults(tenantId: string, role: string, prefs: unknown, at: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO notification_role_defaults (tenant_id, role, prefs, updated_at) VALUES ($1,$2,$3,$4)
       ON CONFLICT (tenant_id, role) DO UPDATE SET prefs = EXCLUDED.prefs, updated_at = EXCLUDED.updated_at`,
      [tenantId, role, JSON.stringify(prefs), at],
    );
  }
  async subscriptions(userId: string) {
    const r = await this.pool.query<{
      id: string;
      endpoint: string;
      label: string;
      created_at: Date;
      gone_at: Date | null;
    }>(
      `SELECT id, endpoint, label, created_at, gone_at FROM push_subscriptions WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
    return r.rows;
  }
  async upsertSubscription(p: {
    tenantId: string;
    userId: string;
    endpoint: string;
    p256dh: string;
    auth: string;
    label: string;
    at: Date;
  }) {
    const r = await this.pool.query<{
      id: string;
      endpoint: string;
      label: string;
      created_at: Date;
      gone_at: Date | null;
    }>(
      `INSERT INTO push_subscriptions (tenant_id, user_id, endpoint, p256dh, auth, label, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (endpoint) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, user_id = EXCLUDED.user_id, p256dh = EXCLUDED.p256dh,
              auth = EXCLUDED.auth, label = EXCLUDED.label, gone_at = NULL
       RETURNING id, endpoint, label, created_at, gone_at`,
      [p.tenantId, p.userId, p.endpoint, p.p256dh, p.auth, p.label, p.at],
    );
    return r.rows[0]!;
  }
  async deleteSubscription(userId: string, id: string): Promise<boolean> {
    const r = await this.pool.query(`DELETE FROM push_subscriptions WHERE id = $1 AND user_id = $2`, [id, userId]);
    return !!r.rowCount;
  }
  async webhooks(tenantId: string) {
    const r = await this.pool.query<WebhookRow>(
      `SELECT * FROM notification_webhooks WHERE tenant_id = $1 ORDER BY created_at`,
      [tenantId],
    );
    return r.rows;
  }
  async insertWebhook(tenantId: string, w: Omit<WebhookRow, 'id' | 'tenant_id' | 'created_at'>, at: Date) {
    const r = await this.pool.query<WebhookRow>(
      `INSERT INTO notification_webhooks (tenant_id, name, format, url, secret, purposes, kinds, min_severity, enabled, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING *`,
      [tenantId, w.name, w.format, w.url, w.secret, w.purposes, w.kinds, w.min_severity, w.enabled, at],
    );
    return r.rows[0]!;
  }
  async updateWebhook(tenantId: string, id: string, set: Partial<WebhookRow>) {
    const cols = Object.keys(set).filter((k) => set[k as keyof WebhookRow] !== undefined);
    if (!cols.length) {
      const r = await this.pool.query<WebhookRow>(
        `SELECT * FROM notification_webhooks WHERE id = $1 AND tenant_id = $2`,
        [id, tenantId],
      );
      return r.rows[0];
    }
    const r = await this.pool.query<WebhookRow>(
      `UPDATE notification_webhooks SET ${cols.map((k, i) => `${k} = $${i + 3}`).join(', ')} WHERE id = $1 AND tenant_id = $2 RETURNING *`,
      [id, tenantId, ...cols.map((k) => set[k as keyof WebhookRow])],
    );
    return r.rows[0];
  }
  async deleteWebhook(tenantId: string, id: string): Promise<boolean> {
    const r = await this.pool.query(`DELETE FROM notification_webhooks WHERE id = $1 AND tenant_id = $2`, [
      id,
      tenantId,
    ]);
    return !!r.rowCount;
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

export interface WebhookRow {
  id: string;
  tenant_id: string;
  name: string;
  format: 'standard' | 'dingtalk' | 'wecom';
  url: string;
  secret: string | null;
  purposes: string[];
  kinds: string[];
  min_severity: string;
  enabled: boolean;
  created_at: Date;
}
