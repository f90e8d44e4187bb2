/** Email through SMTP (nodemailer), when SMTP_URL is configured. */
import nodemailer, { type Transporter } from 'nodemailer';
import type { ChannelStatus } from '@eldercare/shared';
import { DeliveryError, type ChannelSender, type Delivery } from './channel.js';

export class EmailChannel implements ChannelSender {
  readonly channel = 'email' as const;
  private readonly transport: Transporter | null;

  constructor(private readonly o: { smtpUrl?: string; from: string; timeoutMs: number }) {
    this.transport = o.smtpUrl
      ? nodemailer.createTransport({
          url: o.smtpUrl,
          connectionTimeout: o.timeoutMs,
          greetingTimeout: o.timeoutMs,
          socketTimeout: o.timeoutMs,
        } as Parameters<typeof nodemailer.createTransport>[0])
      : null;
  }

  status(): ChannelStatus {
    return this.transport
      ? { channel: this.channel, available: true, provider: 'smtp', reason: null }
      : { channel: this.channel, available: false, provider: null, reason: 'SMTP_URL is not configured' };
  }

  async send(d: Delivery): Promise<void> {
    if (!this.transport) throw new DeliveryError('email is not configured', true);
    const to = String(d.address.email ?? '');
    if (!to) throw new DeliveryError('no email address', true);
    try {
      await this.transport.sendMail({
        from: this.o.from,
        to,
        subject: d.payload.title,
        text: `${d.payload.body}\n\n${d.payload.url}`,
        headers: { 'X-Eldercare-Notification': d.id },
        messageId: `<${d.id}@eldercare-hub>`,
      });
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      throw new DeliveryError(
        `SMTP ${code ?? ''} ${(err as Error).message}`.trim(),
        !!code && code >= 500 && code < 600,
      );
    }
  }

  close(): void {
    this.transport?.close();
  }
}
