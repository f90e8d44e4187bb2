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
    // web-push encrypts (aes128gcm) and signs (VAPID); the request is sent here, so a push service
    // is reached the same way over https or (on a private network, in tests) plain http.
    const req = webpush.generateRequestDetails(
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
        contentEncoding: 'aes128gcm',
      },
    );
    let res: Response;
    try {
      res = await fetch(req.endpoint, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: req.body ? new Uint8Array(req.body) : null,
        signal: AbortSignal.timeout(this.o.timeoutMs),
        redirect: 'error',
      });
    } catch (err) {
      throw new DeliveryError(`push service did not answer: ${(err as Error).message}`);
    }
    await res.body?.cancel().catch(() => undefined);
    if (res.status === 404 || res.status === 410) {
      await this.o.onGone(a.subscriptionId);
      throw new DeliveryError(`push subscription gone (HTTP ${res.status})`, true);
    }
    if (!res.ok) throw new DeliveryError(`push service answered HTTP ${res.status}`);
  }
}
