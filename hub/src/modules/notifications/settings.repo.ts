/** SQL of notification settings: personal and role preferences, push subscriptions, district webhooks. */
import type { z } from 'zod';
import type { webhookPatchSchema } from '@eldercare/shared';
import type { Db } from '../../db/client.js';
import { col, setClause } from '../../db/set-clause.js';
import type { WebhookRow } from './notifications.rows.js';

/** A new webhook, as the service settled it (secret generated, defaults applied). */
export interface WebhookInsert {
  name: string;
  format: WebhookRow['format'];
  url: string;
  secret: string | null;
  purposes: string[];
  kinds: string[];
  minSeverity: string;
  enabled: boolean;
}
/** The fields a PATCH was sent (undefined: keep what is stored); the repository maps them to columns. */
export type WebhookPatch = z.output<typeof webhookPatchSchema>;

export class SettingsRepo {
  private readonly pool: Db['$client'];
  constructor(db: Db) {
    this.pool = db.$client;
  }

  async markSubscriptionGone(id: string, at: Date): Promise<void> {
    await this.pool.query(`UPDATE push_subscriptions SET gone_at = $2 WHERE id = $1`, [id, at]);
  }
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
  async insertWebhook(tenantId: string, w: WebhookInsert, at: Date) {
    const r = await this.pool.query<WebhookRow>(
      `INSERT INTO notification_webhooks (tenant_id, name, format, url, secret, purposes, kinds, min_severity, enabled, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING *`,
      [tenantId, w.name, w.format, w.url, w.secret, w.purposes, w.kinds, w.minSeverity, w.enabled, at],
    );
    return r.rows[0]!;
  }
  /** Changes only the fields given (a PATCH keeps what it was not sent); the webhook as it now is. */
  async updateWebhook(tenantId: string, id: string, p: WebhookPatch) {
    const set = setClause(
      {
        name: col(p.name),
        url: col(p.url),
        secret: col(p.secret),
        purposes: col(p.purposes),
        kinds: col(p.kinds),
        min_severity: col(p.minSeverity),
        enabled: col(p.enabled),
      },
      3,
    );
    if (!set.sql) {
      const r = await this.pool.query<WebhookRow>(
        `SELECT * FROM notification_webhooks WHERE id = $1 AND tenant_id = $2`,
        [id, tenantId],
      );
      return r.rows[0];
    }
    const r = await this.pool.query<WebhookRow>(
      `UPDATE notification_webhooks SET ${set.sql} WHERE id = $1 AND tenant_id = $2 RETURNING *`,
      [id, tenantId, ...set.values],
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
}
