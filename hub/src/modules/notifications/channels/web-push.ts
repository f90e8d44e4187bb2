/** Web Push (VAPID, aes128gcm) to the subscriptions people stored from the installed dashboard. */
import webpush from 'web-push';
import type { ChannelStatus } from '@eldercare/shared';
import { DeliveryError, type ChannelSender, type Delivery } from './channel.js';

export class WebPushChannel implements ChannelSender {
  readonly channel = 'web_push' as const;
  constructor(
    private readonly o: {
      vapid: { publicKey: string; privateKey: string };
      subject: string;
      timeoutMs: number;
      /** The push service said the subscription no longer exists (404/410). */
      onGone(subscriptionId: string): Promise<void>;
    },
  ) {}

  status(): ChannelStatus {
    return { channel: this.channel, available: true, provider: 'vapid', reason: null };
  }

  async send(d: Delivery): Promise<void> {
    const a = d.address as { subscriptionId: string; endpoint: string; p256dh: string; auth: string };
    const critical = d.payload.severity === 'critical' || d.payload.purpose === 'dispatch';
    try {
      await webpush.sendNotification(
        { endpoint: a.endpoint, keys: { p256dh: a.p256dh, auth: a.auth } },
        JSON.stringify(d.payload),
        {
          vapidDetails: {
            subject: this.o.subject,
            publicKey: this.o.vapid.publicKey,
            privateKey: this.o.vapid.privateKey,
          },
          TTL: critical ? 3600 : 24 * 3600,
          urgency: critical ? 'high' : 'normal',
          // A redelivery of the same message replaces the undelivered one at the push service.
          topic: d.id.replaceAll('-', '').slice(0, 32),
          timeout: this.o.timeoutMs,
          contentEncoding: 'aes128gcm',
        },
      );
    } catch (err) {
      const status = (err as { statusCode?: number }).statusCode;
      if (status === 404 || status === 410) {
        await this.o.onGone(a.subscriptionId);
        throw new DeliveryError(`push subscription gone (HTTP ${status})`, true);
      }
      throw new DeliveryError(status ? `push service answered HTTP ${status}` : (err as Error).message);
    }
  }
}
