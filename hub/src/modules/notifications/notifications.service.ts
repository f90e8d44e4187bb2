/** Notifications: channels, personal preferences and role defaults, push subscriptions, webhooks, the incident's messages. */
import { randomBytes } from 'node:crypto';
import {
  ROLES,
  type Channel,
  type ChannelsResponse,
  type FamilyStatus,
  type MyNotificationSettings,
  type NotificationInfo,
  type NotificationPreferences,
  type NotificationPreferencesPatch,
  type PersonalChannel,
  type PushSubscriptionBody,
  type PushSubscriptionInfo,
  type ResponderCandidate,
  type Role,
  type RoleDefaults,
  type User,
  type Webhook,
  type WebhookBody,
} from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import type { ChannelSender } from './channels/channel.js';
import { insertEvents } from './outbox.repo.js';
import { ROLE_DEFAULTS } from './preferences.js';
import type { NotificationsRepo } from './notifications.repo.js';
import type { DeliveryRepo } from './delivery.repo.js';
import type { SettingsRepo } from './settings.repo.js';
import type { WebhookRow } from './notifications.rows.js';
import { toInfo } from './worker.js';

export class NotificationsService {
  constructor(
    private readonly d: {
      repo: Pick<NotificationsRepo, 'tx' | 'responderCandidates' | 'familyState'>;
      settings: SettingsRepo;
      delivery: Pick<DeliveryRepo, 'ofAlert' | 'get' | 'requeue'>;
      clock: Clock;
      channels: Map<Channel, ChannelSender>;
      allChannels: Channel[];
      vapidPublicKey: string;
      /** May this user see this alert (throws not found otherwise)? */
      assertAlertVisible(user: User, alertId: string): Promise<void>;
      changed(tenantId: string, n: NotificationInfo): void;
    },
  ) {}

  private now(): Date {
    return new Date(this.d.clock.now());
  }

  async channels(): Promise<ChannelsResponse> {
    return {
      channels: this.d.allChannels.map(
        (ch) =>
          this.d.channels.get(ch)?.status() ?? {
            channel: ch,
            available: false,
            provider: null,
            reason: 'not configured',
          },
      ),
      vapidPublicKey: this.d.vapidPublicKey,
    };
  }

  private async roleDefaultsOf(tenantId: string, role: Role) {
    const saved = (await this.d.settings.roleDefaults(tenantId)).find((r) => r.role === role);
    return { ...ROLE_DEFAULTS[role], ...((saved?.prefs as object) ?? {}) } as RoleDefaults['preferences'];
  }

  async myPreferences(u: User): Promise<MyNotificationSettings> {
    const own = (await this.d.settings.prefsOf(u.id)) as NotificationPreferences | null;
    const defaults = await this.roleDefaultsOf(u.tenantId, u.role);
    return {
      preferences: { ...defaults, email: '', phone: '', ...(own ?? {}) } as NotificationPreferences,
      usingRoleDefaults: !own,
      role: u.role,
    };
  }

  async patchMyPreferences(u: User, p: NotificationPreferencesPatch): Promise<MyNotificationSettings> {
    const current = (await this.myPreferences(u)).preferences;
    const next = { ...current, ...Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) };
    await this.d.settings.savePrefs(u.id, u.tenantId, next, this.now());
    return this.myPreferences(u);
  }

  async resetMyPreferences(u: User): Promise<MyNotificationSettings> {
    await this.d.settings.deletePrefs(u.id);
    return this.myPreferences(u);
  }

  async sendTest(u: User, channel: PersonalChannel): Promise<{ id: string }> {
    if (!this.d.channels.get(channel)?.status().available) throw conflict(`${channel} is not available on this hub`);
    const at = this.now();
    const id = await this.d.repo.tx(async (c) => {
      await insertEvents(c, [
        { tenantId: u.tenantId, alertId: null, purpose: 'test', data: { userId: u.id, channel }, at },
      ]);
      const r = await c.query<{ id: number }>(`SELECT currval('notification_events_id_seq') AS id`);
      return r.rows[0]!.id;
    });
    return { id: String(id) };
  }

  async roleDefaults(u: User): Promise<RoleDefaults[]> {
    return Promise.all(ROLES.map(async (role) => ({ role, preferences: await this.roleDefaultsOf(u.tenantId, role) })));
  }

  async setRoleDefaults(u: User, role: Role, p: RoleDefaults['preferences']): Promise<RoleDefaults> {
    await this.d.settings.saveRoleDefaults(u.tenantId, role, p, this.now());
    return { role, preferences: await this.roleDefaultsOf(u.tenantId, role) };
  }

  private sub(r: {
    id: string;
    endpoint: string;
    label: string;
    created_at: Date;
    gone_at: Date | null;
  }): PushSubscriptionInfo {
    return {
      id: r.id,
      endpoint: r.endpoint,
      label: r.label,
      createdAt: r.created_at.toISOString(),
      goneAt: r.gone_at?.toISOString() ?? null,
    };
  }

  async listPushSubscriptions(u: User): Promise<PushSubscriptionInfo[]> {
    return (await this.d.settings.subscriptions(u.id)).map((r) => this.sub(r));
  }

  async addPushSubscription(u: User, b: PushSubscriptionBody): Promise<PushSubscriptionInfo> {
    if (!/^https?:$/.test(new URL(b.endpoint).protocol)) throw badRequest('endpoint must be an http(s) URL');
    return this.sub(
      await this.d.settings.upsertSubscription({
        tenantId: u.tenantId,
        userId: u.id,
        endpoint: b.endpoint,
        p256dh: b.keys.p256dh,
        auth: b.keys.auth,
        label: b.label ?? '',
        at: this.now(),
      }),
    );
  }

  async removePushSubscription(u: User, id: string): Promise<void> {
    if (!(await this.d.settings.deleteSubscription(u.id, id))) throw notFound('push subscription');
  }

  private hook(r: WebhookRow, showSecret = false): Webhook {
    return {
      id: r.id,
      name: r.name,
      format: r.format,
      url: r.url,
      secret: showSecret ? r.secret : null,
      hasSecret: !!r.secret,
      purposes: r.purposes as Webhook['purposes'],
      kinds: r.kinds as Webhook['kinds'],
      minSeverity: r.min_severity as Webhook['minSeverity'],
      enabled: r.enabled,
      createdAt: r.created_at.toISOString(),
    };
  }

  async listWebhooks(u: User): Promise<Webhook[]> {
    return (await this.d.settings.webhooks(u.tenantId)).map((r) => this.hook(r));
  }

  async addWebhook(u: User, b: WebhookBody): Promise<Webhook> {
    let secret = b.secret ?? null;
    if (b.format === 'standard') {
      secret ??= `whsec_${randomBytes(24).toString('base64')}`;
      if (!/^whsec_[A-Za-z0-9+/=]{16,}$/.test(secret)) throw badRequest('secret: whsec_ followed by base64');
    }
    const r = await this.d.settings.insertWebhook(
      u.tenantId,
      {
        name: b.name,
        format: b.format,
        url: b.url,
        secret,
        purposes: b.purposes,
        kinds: b.kinds ?? [],
        minSeverity: b.minSeverity ?? 'low',
        enabled: b.enabled ?? true,
      },
      this.now(),
    );
    return this.hook(r, true);
  }

  async patchWebhook(u: User, id: string, b: Partial<WebhookBody>): Promise<Webhook> {
    const r = await this.d.settings.updateWebhook(u.tenantId, id, {
      name: b.name,
      url: b.url,
      secret: b.secret,
      purposes: b.purposes,
      kinds: b.kinds,
      minSeverity: b.minSeverity,
      enabled: b.enabled,
    });
    if (!r) throw notFound('webhook');
    return this.hook(r);
  }

  async removeWebhook(u: User, id: string): Promise<void> {
    if (!(await this.d.settings.deleteWebhook(u.tenantId, id))) throw notFound('webhook');
  }

  /**
   * Who the dispatcher can send to this incident, ready to dispatch: the elder's contacts in call
   * order (by phone), then accounts (told in the app): family, the institution's staff, volunteers.
   */
  async responderCandidates(u: User, alertId: string): Promise<ResponderCandidate[]> {
    await this.d.assertAlertVisible(u, alertId);
    const { contacts, users } = await this.d.repo.responderCandidates(alertId);
    const kindOf = { family: 'family', staff: 'institution_staff', volunteer: 'neighbour_volunteer' } as const;
    return [
      ...contacts.map((c) => ({
        responder: { kind: 'family' as const, name: c.name, phone: c.phone },
        source: 'contact' as const,
        detail: c.relation,
        hasAccount: false,
      })),
      ...users.map((x) => ({
        responder: { kind: kindOf[x.source], name: x.name, phone: '', userId: x.id },
        source: x.source,
        detail: x.role,
        hasAccount: true,
      })),
    ];
  }

  async ofAlert(u: User, alertId: string): Promise<NotificationInfo[]> {
    await this.d.assertAlertVisible(u, alertId);
    return (await this.d.delivery.ofAlert(alertId)).map(toInfo);
  }

  async retry(u: User, id: string): Promise<NotificationInfo> {
    const n = await this.d.delivery.get(id);
    if (!n || n.tenant_id !== u.tenantId) throw notFound('notification');
    if (n.alert_id) await this.d.assertAlertVisible(u, n.alert_id);
    const r = await this.d.delivery.requeue(id, u.tenantId, this.now());
    if (!r) throw conflict(`a ${n.status} message cannot be retried`);
    const info = toInfo(r);
    this.d.changed(r.tenant_id, info);
    return info;
  }

  async familyStatus(u: User, residentId?: string): Promise<FamilyStatus> {
    const id = u.role === 'family' ? u.residentId : residentId;
    if (u.role === 'family' && residentId && residentId !== u.residentId) throw forbidden();
    if (!id) throw notFound('resident');
    const s = await this.d.repo.familyState(id);
    if (!s.resident || s.resident.tenant_id !== u.tenantId) throw notFound('resident');
    const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
    const o = s.open as Record<string, unknown> | undefined;
    const cl = s.closed as Record<string, unknown> | undefined;
    return {
      resident: { id: s.resident.id, name: s.resident.name },
      incident: o
        ? {
            id: o.id as string,
            kind: o.kind as never,
            title: o.title as string,
            status: o.status as never,
            openedAt: iso(o.opened_at as Date | null),
            acknowledgedAt: iso(o.acknowledged_at as Date | null),
            dispatchedAt: iso(o.dispatched_at as Date | null),
            acceptedAt: iso(o.accepted_at as Date | null),
            onSceneAt: iso(o.on_scene_at as Date | null),
            responderName: ((o.responder as { name?: string } | null)?.name as string | undefined) ?? null,
          }
        : null,
      lastClosed: cl
        ? {
            id: cl.id as string,
            kind: cl.kind as never,
            closedAt: iso(cl.closed_at as Date)!,
            outcome: (cl.outcome as string | null) ?? null,
          }
        : null,
      devices: s.devices.map((d: Record<string, unknown>) => ({
        id: d.id as string,
        type: d.type as string,
        online: !!d.online,
        battery: (d.battery as number | null) ?? null,
        lastSeen: iso(d.last_seen as Date | null),
      })),
      lastActivityAt: iso(s.lastActivity),
    };
  }
}
