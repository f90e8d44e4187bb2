/** SMS and voice through the configured provider; without one the channel is unavailable. */
import type { ChannelStatus } from '@eldercare/shared';
import type { TextProvider } from '../providers/provider.js';
import { ProviderError } from '../providers/provider.js';
import { DeliveryError, type ChannelSender, type Delivery } from './channel.js';

export class TextChannel implements ChannelSender {
  constructor(
    readonly channel: 'sms' | 'voice',
    private readonly provider: TextProvider | null,
    private readonly missing: string,
  ) {}

  status(): ChannelStatus {
    return this.provider
      ? { channel: this.channel, available: true, provider: this.provider.name, reason: null }
      : { channel: this.channel, available: false, provider: null, reason: this.missing };
  }

  async send(d: Delivery): Promise<void> {
    if (!this.provider) throw new DeliveryError(this.missing, true);
    const to = String(d.address.phone ?? '');
    if (!to) throw new DeliveryError('no phone number', true);
    const p = d.payload;
    try {
      await this.provider.send({ to, params: { elder: p.title.slice(0, 35), what: p.body.slice(0, 35), link: p.url } });
    } catch (err) {
      if (err instanceof ProviderError) throw new DeliveryError(err.message, err.permanent);
      throw new DeliveryError((err as Error).message);
    }
  }
}
