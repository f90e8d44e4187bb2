/** What every delivery channel implements, and what a failed attempt says. */
import type { Channel, ChannelStatus } from '@eldercare/shared';

/** The rendered message, as stored on the notification row. */
export interface MessagePayload {
  id: string;
  purpose: string;
  title: string;
  body: string;
  /** Where the message opens (absolute when PUBLIC_URL is set). */
  url: string;
  alertId: string | null;
  kind: string | null;
  severity: string | null;
  tag: string;
  actions?: { action: string; title: string }[];
  reply?: { url: string; method: 'POST'; answers: string[] } | null;
  /** The webhook `data.alert` summary. */
  alert?: Record<string, unknown> | null;
  timestamp: string;
}

export interface Delivery {
  id: string;
  channel: Channel;
  recipientName: string;
  address: Record<string, unknown>;
  payload: MessagePayload;
}

/** A failed attempt. `permanent`: retrying cannot help (e.g. a push subscription that is gone). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}

export interface ChannelSender {
  readonly channel: Channel;
  status(): ChannelStatus;
  send(d: Delivery): Promise<void>;
}

/** A short, log-safe description of a failed HTTP answer (no body content beyond 200 chars). */
export async function httpFailure(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  return `HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
}
