/**
 * District webhooks: the generic signed format (Standard Webhooks: webhook-id, webhook-timestamp,
 * webhook-signature, HMAC-SHA256 by the `standardwebhooks` package), and the DingTalk and WeCom
 * group robots (markdown messages; DingTalk's optional signature; 20 messages a minute per robot,
 * queued by `bottleneck`, never dropped).
 */
import { createHmac } from 'node:crypto';
import Bottleneck from 'bottleneck';
import { Webhook } from 'standardwebhooks';
import type { Channel, ChannelStatus } from '@eldercare/shared';
import { DeliveryError, httpFailure, type ChannelSender, type Delivery } from './channel.js';

export interface WebhookAddress {
  webhookId: string;
  url: string;
  format: 'standard' | 'dingtalk' | 'wecom';
  secret: string | null;
}

/** DingTalk robot signature: base64(HMAC-SHA256(secret, "<ms>\n<secret>")), URL-encoded. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  const sign = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
  return encodeURIComponent(sign);
}

/** The JSON body of a generic webhook message (see docs/notifications.md). */
export function standardBody(d: Delivery): string {
  return JSON.stringify({
    type: d.payload.purpose,
    id: d.id,
    timestamp: d.payload.timestamp,
    data: {
      alert: d.payload.alert ?? null,
      title: d.payload.title,
      text: d.payload.body,
      url: d.payload.url,
      reply: d.payload.reply ?? null,
    },
  });
}

function markdown(d: Delivery): string {
  const link = d.payload.url ? `\n\n[${d.payload.url}](${d.payload.url})` : '';
  return `### ${d.payload.title}\n\n${d.payload.body}${link}`;
}

export class WebhookChannel implements ChannelSender {
  /** One queue per robot URL: at most `perMinute` messages a minute each. */
  private readonly robots: Bottleneck.Group;

  constructor(
    readonly channel: Extract<Channel, 'webhook' | 'dingtalk' | 'wecom'>,
    private readonly o: { timeoutMs: number; now(): number; robotPerMinute: number },
  ) {
    this.robots = new Bottleneck.Group({
      maxConcurrent: 1,
      reservoir: o.robotPerMinute,
      reservoirRefreshAmount: o.robotPerMinute,
      reservoirRefreshInterval: 60_000,
    });
  }

  status(): ChannelStatus {
    return { channel: this.channel, available: true, provider: null, reason: null };
  }

  private async post(url: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
    try {
      return await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        signal: AbortSignal.timeout(this.o.timeoutMs),
        redirect: 'error',
      });
    } catch (err) {
      throw new DeliveryError(`no answer: ${(err as Error).message}`);
    }
  }

  async send(d: Delivery): Promise<void> {
    const a = d.address as unknown as WebhookAddress;
    if (a.format === 'standard') {
      const body = standardBody(d);
      const headers: Record<string, string> = {};
      if (a.secret) {
        const ts = new Date(this.o.now());
        const signature = new Webhook(a.secret).sign(d.id, ts, body);
        Object.assign(headers, {
          'webhook-id': d.id,
          'webhook-timestamp': String(Math.floor(ts.getTime() / 1000)),
          'webhook-signature': signature,
        });
      }
      const res = await this.post(a.url, body, headers);
      if (!res.ok) throw new DeliveryError(await httpFailure(res));
      await res.body?.cancel().catch(() => undefined);
      return;
    }
    // Group robots: queued per robot to its documented rate limit.
    await this.robots.key(a.url).schedule(async () => {
      let url = a.url;
      let body: string;
      if (a.format === 'dingtalk') {
        if (a.secret) {
          const ts = this.o.now();
          url += `${url.includes('?') ? '&' : '?'}timestamp=${ts}&sign=${dingtalkSign(a.secret, ts)}`;
        }
        body = JSON.stringify({ msgtype: 'markdown', markdown: { title: d.payload.title, text: markdown(d) } });
      } else {
        body = JSON.stringify({ msgtype: 'markdown', markdown: { content: markdown(d) } });
      }
      const res = await this.post(url, body);
      if (!res.ok) throw new DeliveryError(await httpFailure(res));
      const answer = (await res.json().catch(() => null)) as { errcode?: number; errmsg?: string } | null;
      // Both robots answer HTTP 200 and say in errcode whether they took the message.
      if (!answer || answer.errcode !== 0)
        throw new DeliveryError(
          `robot refused: ${answer ? `${answer.errcode} ${answer.errmsg ?? ''}` : 'no JSON answer'}`,
        );
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.robots.limiters().map((l) => l.limiter.disconnect()));
  }
}
