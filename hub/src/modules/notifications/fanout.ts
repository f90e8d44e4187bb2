/**
 * The fan-out: turns outbox events into one message per recipient and channel — supervisors,
 * family, the responder asked, district webhooks — after each person's preferences (purposes,
 * kinds, severity, quiet hours; a critical alarm is never filtered or held). One transaction per
 * batch; each message's idempotency key (incident, recipient, purpose, channel) is unique, so a
 * repeated fan-out (a crash, another hub) creates nothing twice.
 */
import {
  SEVERITY_ORDER,
  type Channel,
  type NotificationPreferences,
  type Purpose,
  type Role,
  type Severity,
  rolesWith,
} from '@eldercare/shared';
import { ROLE_DEFAULTS, decide } from './preferences.js';
import { render, type Language } from './messages.js';
import { signReplyToken } from './reply-token.js';
import type { MessagePayload } from './channels/channel.js';
import type { NotificationsRepo, NotifyTx } from './notifications.repo.js';
import type { AlertFacts, EventRow, NewNotification, UserTarget } from './notifications.rows.js';

export interface FanoutDeps {
  repo: NotificationsRepo;
  available(channel: Channel): boolean;
  timeZone(tenantId: string): string;
  language(tenantId: string): Language;
  publicUrl: string;
  linkSecret: Buffer;
  replyTtlMs: number;
  maxAttempts: number;
}

const SUPERVISORS: Role[] = rolesWith('alerts.escalations');

function effectivePrefs(u: UserTarget): NotificationPreferences {
  const role = (ROLE_DEFAULTS[u.role as Role] ?? ROLE_DEFAULTS.dispatcher) as Omit<
    NotificationPreferences,
    'email' | 'phone'
  >;
  return { ...role, email: '', phone: '', ...(u.role_prefs ?? {}), ...(u.prefs ?? {}) } as NotificationPreferences;
}

export class Fanout {
  constructor(private readonly d: FanoutDeps) {}

  /** Expands up to `limit` events; returns the ids of the messages created. */
  async run(now: Date, limit = 50): Promise<string[]> {
    return this.d.repo.tx(async (c) => {
      const events = await this.d.repo.takeEvents(c, limit);
      const created: string[] = [];
      for (const e of events) created.push(...(await this.d.repo.insertNotifications(c, await this.expand(c, e, now))));
      await this.d.repo.markExpanded(
        c,
        events.map((e) => e.id),
        now,
      );
      return created;
    });
  }

  private url(path: string): string {
    return `${this.d.publicUrl.replace(/\/$/, '')}${path}`;
  }

  private async expand(c: NotifyTx, e: EventRow, now: Date): Promise<NewNotification[]> {
    const purpose = e.purpose as Purpose;
    const alert = e.alert_id ? await this.d.repo.alertFacts(c, e.alert_id) : undefined;
    if (e.alert_id && !alert) return [];
    const tz = this.d.timeZone(e.tenant_id);
    const lang = this.d.language(e.tenant_id);
    const out: NewNotification[] = [];
    const base = (
      a: AlertFacts | undefined,
      extra: { note?: string; responderName?: string | null; keySafe?: boolean },
    ) => {
      const waiting = a ? Math.round((e.created_at.getTime() - (a.opened_at ?? a.created_at).getTime()) / 1000) : null;
      return render(
        {
          purpose,
          kind: a?.kind ?? 'test',
          title: a?.title ?? '',
          severity: a?.severity ?? 'low',
          elderName: a?.resident_name ?? null,
          address: a
            ? [a.address, a.place?.institutionName, a.place?.roomName, a.place?.bedLabel].filter(Boolean).join(' ')
            : '',
          keySafe: extra.keySafe && a ? a.key_safe : '',
          note: extra.note ?? '',
          outcome: (e.data.outcome as string | undefined) ?? a?.outcome ?? null,
          responderName: extra.responderName ?? a?.responder?.name ?? null,
          waitingSeconds: waiting,
          openCount: null,
        },
        lang,
      );
    };
    const payloadOf = (
      id: string,
      text: { title: string; body: string },
      url: string,
      reply: MessagePayload['reply'] = null,
    ): MessagePayload => ({
      id,
      purpose,
      title: text.title,
      body: text.body,
      url,
      alertId: alert?.id ?? null,
      kind: alert?.kind ?? null,
      severity: alert?.severity ?? null,
      tag: alert ? `alert:${alert.id}:${purpose}` : `event:${e.id}`,
      ...(reply
        ? {
            actions: [
              { action: 'accept', title: lang === 'zh' ? '接受' : 'Accept' },
              { action: 'decline', title: lang === 'zh' ? '拒绝' : 'Decline' },
            ],
          }
        : {}),
      reply,
      alert: alert
        ? {
            id: alert.id,
            kind: alert.kind,
            severity: alert.severity,
            status: alert.status,
            title: alert.title,
            residentName: alert.resident_name,
            openedAt: (alert.opened_at ?? alert.created_at).toISOString(),
          }
        : null,
      timestamp: e.created_at.toISOString(),
    });
    const subject = alert ? alert.id : `event:${e.id}`;
    const severity = (alert?.severity ?? null) as Severity | null;
    const critical = severity === 'critical';
    const row = (p: {
      channel: Channel;
      recipientKey: string;
      userId: string | null;
      name: string;
      address: Record<string, unknown>;
      payload: MessagePayload;
      notBefore: Date | null;
      offerId?: string | null;
      keySuffix?: string;
    }): NewNotification => ({
      tenantId: e.tenant_id,
      alertId: alert?.id ?? null,
      eventId: e.id,
      offerId: p.offerId ?? null,
      purpose,
      channel: p.channel,
      recipientKey: p.recipientKey,
      recipientUserId: p.userId,
      recipientName: p.name,
      address: p.address,
      payload: p.payload as unknown as Record<string, unknown>,
      idempotencyKey: [subject, p.recipientKey, purpose, p.channel, p.keySuffix ?? ''].join('|'),
      critical,
      maxAttempts: this.d.maxAttempts,
      createdAt: e.created_at,
      notBefore: p.notBefore,
    });

    /** A user, by the channels they chose (unavailable channels skipped). */
    const toUser = async (
      u: UserTarget,
      text: { title: string; body: string },
      url: string,
      extra: { reply?: MessagePayload['reply']; offerId?: string; recipientKey?: string; onlyChannel?: Channel } = {},
    ) => {
      const prefs = effectivePrefs(u);
      const decision = decide(prefs, { purpose, kind: alert?.kind ?? null, severity, at: e.created_at, timeZone: tz });
      if (!decision.send) return;
      const channels = (extra.onlyChannel ? [extra.onlyChannel] : prefs.channels).filter((ch) => this.d.available(ch));
      const key = extra.recipientKey ?? `user:${u.id}`;
      for (const ch of channels) {
        if (ch === 'web_push') {
          for (const s of await this.d.repo.activeSubscriptions(c, [u.id])) {
            out.push(
              row({
                channel: ch,
                recipientKey: key,
                userId: u.id,
                name: u.name,
                address: { subscriptionId: s.id, endpoint: s.endpoint, p256dh: s.p256dh, auth: s.auth },
                payload: payloadOf(`${key}:${ch}`, text, url, extra.reply),
                notBefore: decision.notBefore,
                offerId: extra.offerId,
                keySuffix: s.id,
              }),
            );
          }
        } else if (ch === 'email' ? prefs.email : prefs.phone) {
          out.push(
            row({
              channel: ch,
              recipientKey: key,
              userId: u.id,
              name: u.name,
              address: ch === 'email' ? { email: prefs.email } : { phone: prefs.phone },
              payload: payloadOf(`${key}:${ch}`, text, url, extra.reply),
              notBefore: decision.notBefore,
              offerId: extra.offerId,
            }),
          );
        }
      }
    };
    const toWebhooks = async (
      text: { title: string; body: string },
      url: string,
      reply: MessagePayload['reply'] = null,
      offerId?: string,
    ) => {
      for (const w of await this.d.repo.webhooksFor(c, e.tenant_id, purpose)) {
        if (!critical && alert) {
          if (w.kinds.length && !w.kinds.includes(alert.kind)) continue;
          if (SEVERITY_ORDER[alert.severity as Severity] < SEVERITY_ORDER[w.min_severity as Severity]) continue;
        }
        const channel: Channel = w.format === 'standard' ? 'webhook' : w.format;
        out.push(
          row({
            channel,
            recipientKey: `webhook:${w.id}${offerId ? `:${offerId}` : ''}`,
            userId: null,
            name: w.name,
            address: { webhookId: w.id, url: w.url, format: w.format, secret: w.secret },
            payload: payloadOf(`webhook:${w.id}`, text, url, reply),
            notBefore: null,
            offerId,
          }),
        );
      }
    };
    const alertUrl = alert ? this.url(`/dispatch?alert=${alert.id}`) : this.url('/');

    switch (purpose) {
      case 'alarm_unacknowledged':
      case 'watchdog': {
        const text = base(alert, {});
        for (const u of await this.d.repo.users(c, e.tenant_id, { roles: SUPERVISORS }))
          await toUser(u, text, alertUrl);
        await toWebhooks(text, alertUrl);
        break;
      }
      case 'family_raised':
      case 'family_on_scene':
      case 'family_closed': {
        if (!alert?.resident_id) break;
        const text = base(alert, {});
        const url = this.url('/family');
        for (const u of await this.d.repo.users(c, e.tenant_id, { familyOf: alert.resident_id }))
          await toUser(u, text, url);
        await toWebhooks(text, alertUrl);
        break;
      }
      case 'device_health': {
        const text = base(alert, {});
        const users = [
          ...(await this.d.repo.users(c, e.tenant_id, {})),
          ...(alert?.resident_id ? await this.d.repo.users(c, e.tenant_id, { familyOf: alert.resident_id }) : []),
        ];
        for (const u of users) await toUser(u, text, u.role === 'family' ? this.url('/family') : alertUrl);
        await toWebhooks(text, alertUrl);
        break;
      }
      case 'dispatch': {
        const offer = await this.d.repo.offer(c, String(e.data.offerId));
        if (!offer || !alert) break;
        const token = signReplyToken(this.d.linkSecret, offer.id, e.created_at.getTime() + this.d.replyTtlMs);
        const url = this.url(`/respond#t=${token}`);
        const reply = {
          url: this.url(`/api/respond/${token}`),
          method: 'POST' as const,
          answers: ['accept', 'decline'],
        };
        const text = base(alert, { note: offer.dispatcher_note, keySafe: true });
        const recipientKey = `offer:${offer.id}`;
        if (offer.user_id) {
          const [u] = await this.d.repo.users(c, e.tenant_id, { ids: [offer.user_id] });
          if (u) await toUser(u, text, url, { reply, offerId: offer.id, recipientKey });
        } else {
          // Someone without an account: by SMS to their phone (and voice, when available), email if given.
          const r = offer.responder;
          for (const ch of ['sms', 'voice'] as const)
            if (r.phone && this.d.available(ch))
              out.push(
                row({
                  channel: ch,
                  recipientKey,
                  userId: null,
                  name: r.name,
                  address: { phone: r.phone },
                  payload: payloadOf(`${recipientKey}:${ch}`, text, url, reply),
                  notBefore: null,
                  offerId: offer.id,
                }),
              );
          if (r.email && this.d.available('email'))
            out.push(
              row({
                channel: 'email',
                recipientKey,
                userId: null,
                name: r.name,
                address: { email: r.email },
                payload: payloadOf(`${recipientKey}:email`, text, url, reply),
                notBefore: null,
                offerId: offer.id,
              }),
            );
        }
        await toWebhooks(text, url, reply, offer.id);
        break;
      }
      case 'test': {
        const [u] = await this.d.repo.users(c, e.tenant_id, { ids: [String(e.data.userId)] });
        if (u)
          await toUser(
            u,
            render(
              {
                purpose,
                kind: 'test',
                title: '',
                severity: 'low',
                elderName: null,
                address: '',
                keySafe: '',
                note: '',
                outcome: null,
                responderName: null,
                waitingSeconds: null,
                openCount: null,
              },
              lang,
            ),
            this.url('/'),
            { onlyChannel: e.data.channel as Channel },
          );
        break;
      }
      case 'device_command':
        // Device commands go over MQTT from the alerts service, not through the fan-out.
        break;
    }
    void now;
    return out;
  }
}
