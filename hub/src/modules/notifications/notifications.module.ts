/**
 * Notifications (docs/notifications.md): the outbox fan-out and delivery worker over every channel
 * (web push, webhooks, e-mail, SMS, voice), the dispatch board's view of them, and responders'
 * answers to dispatch offers. Changes go to the dispatch screens.
 */
import { CHANNELS, type Channel, type NotificationInfo } from '@eldercare/shared';
import type { HubContext } from '../module.js';
import type { TenantSettings } from '../tenants/tenant-settings.js';
import type { AlertsModule } from '../alerts/alerts.module.js';
import { rooms } from '../../realtime/socket.js';
import { NotificationsService } from './notifications.service.js';
import { NotificationsRepo } from './notifications.repo.js';
import { DeliveryRepo } from './delivery.repo.js';
import { SettingsRepo } from './settings.repo.js';
import { Fanout } from './fanout.js';
import { DeliveryWorker } from './worker.js';
import { loadNotifyKeys } from './keys.js';
import { WebPushChannel } from './channels/web-push.js';
import { WebhookChannel } from './channels/webhooks.js';
import { EmailChannel } from './channels/email.js';
import { TextChannel } from './channels/text.js';
import { smsProvider, voiceProvider } from './providers/index.js';
import type { ChannelSender } from './channels/channel.js';
import { RespondersService } from './responders.service.js';
import { notificationsRoutes, respondRoutes } from './notifications.routes.js';

/** The outbox, written by the alerts module in its incidents' transactions. */
export { outbox } from './outbox.repo.js';

export async function createNotificationsModule(
  ctx: HubContext,
  d: { tenants: TenantSettings; alerts: Pick<AlertsModule, 'views' | 'answers'> },
) {
  const { config, clock, metrics } = ctx;
  const keys = await loadNotifyKeys(config.dataDir, {
    vapidPublicKey: config.VAPID_PUBLIC_KEY,
    vapidPrivateKey: config.VAPID_PRIVATE_KEY,
    linkSecret: config.NOTIFY_LINK_SECRET,
  });
  const repo = new NotificationsRepo(ctx.database.db);
  const delivery = new DeliveryRepo(ctx.database.db);
  const settings = new SettingsRepo(ctx.database.db);
  const providerOpts = { timeoutMs: config.NOTIFY_HTTP_TIMEOUT_MS, now: () => clock.now() };
  const webhookOpts = { ...providerOpts, robotPerMinute: config.NOTIFY_ROBOT_PER_MINUTE };
  const email = new EmailChannel({
    smtpUrl: config.SMTP_URL,
    from: config.SMTP_FROM,
    timeoutMs: config.NOTIFY_HTTP_TIMEOUT_MS,
  });
  const webhookChannels = (['webhook', 'dingtalk', 'wecom'] as const).map((ch) => new WebhookChannel(ch, webhookOpts));
  const senders: ChannelSender[] = [
    new WebPushChannel({
      vapid: keys.vapid,
      subject: config.VAPID_SUBJECT,
      timeoutMs: config.NOTIFY_HTTP_TIMEOUT_MS,
      onGone: (id) => settings.markSubscriptionGone(id, new Date(clock.now())),
    }),
    ...webhookChannels,
    email,
    new TextChannel('sms', smsProvider(config.providerEnv, providerOpts), 'no SMS provider configured (SMS_PROVIDER)'),
    new TextChannel(
      'voice',
      voiceProvider(config.providerEnv, providerOpts),
      'no voice provider configured (VOICE_PROVIDER)',
    ),
  ];
  const channels = new Map<Channel, ChannelSender>(senders.map((c) => [c.channel, c]));
  const changed = (tenantId: string, n: NotificationInfo) =>
    ctx.sockets.io?.to(rooms.dispatch(tenantId)).emit('notification:update', n);
  const worker = new DeliveryWorker({
    delivery,
    fanout: new Fanout({
      repo,
      available: (ch: Channel) => !!channels.get(ch)?.status().available,
      timeZone: d.tenants.timeZone,
      language: d.tenants.language,
      publicUrl: config.PUBLIC_URL,
      linkSecret: keys.linkSecret,
      replyTtlMs: config.NOTIFY_REPLY_TTL_HOURS * 3600_000,
      maxAttempts: config.NOTIFY_MAX_ATTEMPTS,
    }),
    channels,
    clock,
    log: ctx.log.child({ mod: 'notify' }),
    hubId: config.HUB_ID,
    pollMs: config.NOTIFY_POLL_MS,
    leaseMs: Math.max(60_000, config.NOTIFY_HTTP_TIMEOUT_MS * 3),
    retryBaseMs: config.NOTIFY_RETRY_BASE_MS,
    retryMaxMs: config.NOTIFY_RETRY_MAX_MS,
    metrics: {
      sent: (ch, s) => {
        metrics.notifySent.inc({ channel: ch });
        metrics.notifyLatency.observe({ channel: ch }, s);
      },
      failed: (ch) => metrics.notifyFailed.inc({ channel: ch }),
      retried: (ch) => metrics.notifyRetried.inc({ channel: ch }),
      dead: (ch) => metrics.notifyDead.inc({ channel: ch }),
    },
    language: d.tenants.language,
    changed,
    dead: (tenantId, n, message) =>
      ctx.sockets.io?.to(rooms.dispatch(tenantId)).emit('notification:dead', { notification: n, message }),
  });
  ctx.closing.push(async () => {
    await worker.close();
    email.close();
    await Promise.all(webhookChannels.map((w) => w.close()));
  });
  const service = new NotificationsService({
    repo,
    settings,
    delivery,
    clock,
    channels,
    allChannels: [...CHANNELS],
    vapidPublicKey: keys.vapid.publicKey,
    assertAlertVisible: async (user, alertId) => void (await d.alerts.views.get(user, alertId)),
    changed,
  });
  const responders = new RespondersService({
    repo,
    delivery,
    alerts: d.alerts.answers,
    clock,
    linkSecret: keys.linkSecret,
    changed,
  });
  return {
    service,
    publicRoutes: [respondRoutes(responders)],
    routes: [notificationsRoutes(service, responders)],
    /** Fans out and delivers due notifications now (normally every NOTIFY_POLL_MS). */
    deliver: () => worker.tick(),
    /** The worker polls on its own timer (NOTIFY_POLL_MS), started with the hub. */
    start: () => worker.start(),
  };
}
