/**
 * The delivery worker: fans out new outbox events, claims due messages (exactly one hub gets each,
 * with a lease), sends them by their channel, and records the outcome — sent; failed, retried with
 * exponential back-off; or dead after N tries, surfaced to the dispatch board. Every change goes to
 * the dispatch screens; /metrics counts sent, failed, retried and dead per channel and the latency.
 */
import Bottleneck from 'bottleneck';
import type { Channel, NotificationInfo } from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import { DeliveryError, type ChannelSender, type MessagePayload } from './channels/channel.js';
import type { Fanout } from './fanout.js';
import type { DeliveryRepo } from './delivery.repo.js';
import type { NotificationRow } from './notifications.rows.js';
import { deadMessage, type Language } from './messages.js';

export interface WorkerMetrics {
  sent(channel: string, latencySeconds: number): void;
  failed(channel: string): void;
  retried(channel: string): void;
  dead(channel: string): void;
}

export function toInfo(r: NotificationRow): NotificationInfo {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: r.id,
    alertId: r.alert_id,
    purpose: r.purpose as NotificationInfo['purpose'],
    channel: r.channel as Channel,
    recipientName: r.recipient_name,
    recipientUserId: r.recipient_user_id,
    status: r.status as NotificationInfo['status'],
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    error: r.error,
    createdAt: r.created_at.toISOString(),
    notBefore: iso(r.not_before),
    sentAt: iso(r.sent_at),
    failedAt: iso(r.failed_at),
    reply: r.reply,
  };
}

export class DeliveryWorker {
  private readonly limiters = new Map<string, Bottleneck>();
  /** The round in progress (close() waits for it before the hub ends the database pools). */
  private round: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private inFlight = new Set<Promise<void>>();

  constructor(
    private readonly d: {
      delivery: DeliveryRepo;
      fanout: Fanout;
      channels: Map<Channel, ChannelSender>;
      clock: Clock;
      log: Logger;
      hubId: string;
      pollMs: number;
      leaseMs: number;
      retryBaseMs: number;
      retryMaxMs: number;
      metrics: WorkerMetrics;
      language(tenantId: string): Language;
      /** A message changed (to the dispatch screens of its tenant). */
      changed(tenantId: string, n: NotificationInfo): void;
      /** A message gave up. */
      dead(tenantId: string, n: NotificationInfo, message: string): void;
    },
  ) {}

  start(): void {
    // Nothing of this hub's id can be in flight before its first round: what is, its previous run held.
    const orphans = this.d.delivery
      .releaseOrphans(this.d.hubId, new Date(this.d.clock.now()))
      .then((n) => {
        if (n) this.d.log.info({ released: n }, 'notifications held by the previous run released');
      })
      .catch((err: Error) =>
        this.d.log.error({ err: err.message }, 'releasing notifications of the previous run failed'),
      );
    const loop = () => {
      this.timer = setTimeout(() => {
        void orphans
          .then(() => this.tick())
          .finally(() => {
            if (this.timer) loop();
          });
      }, this.d.pollMs);
      this.timer.unref();
    };
    loop();
  }

  /** Runs one round now (also called by tests). */
  async tick(): Promise<void> {
    if (this.round) return;
    this.round = this.runRound().finally(() => {
      this.round = null;
    });
    await this.round;
  }

  private async runRound(): Promise<void> {
    try {
      const now = new Date(this.d.clock.now());
      await this.d.fanout.run(now);
      const rows = await this.d.delivery.claimDue(now, this.d.hubId, this.d.leaseMs, 50);
      for (const r of rows) {
        this.d.changed(r.tenant_id, toInfo(r));
        const p = this.deliver(r).finally(() => this.inFlight.delete(p));
        this.inFlight.add(p);
      }
    } catch (err) {
      this.d.log.error({ err: (err as Error).message }, 'notification round failed');
    }
  }

  /** Per channel: at most 10 requests at once. */
  private limiter(channel: string): Bottleneck {
    let l = this.limiters.get(channel);
    if (!l) {
      l = new Bottleneck({ maxConcurrent: 10 });
      this.limiters.set(channel, l);
    }
    return l;
  }

  private backoff(attempts: number): number {
    return Math.min(this.d.retryMaxMs, this.d.retryBaseMs * 2 ** Math.max(0, attempts - 1));
  }

  private async deliver(r: NotificationRow): Promise<void> {
    const channel = this.d.channels.get(r.channel as Channel);
    let error: DeliveryError | null = null;
    try {
      if (!channel) throw new DeliveryError(`channel ${r.channel} is not available`, true);
      const payload = { ...(r.payload as unknown as MessagePayload), id: r.id };
      await this.limiter(r.channel).schedule(() =>
        channel.send({
          id: r.id,
          channel: r.channel as Channel,
          recipientName: r.recipient_name,
          address: r.address,
          payload,
        }),
      );
    } catch (err) {
      error = err instanceof DeliveryError ? err : new DeliveryError((err as Error).message);
    }
    const now = new Date(this.d.clock.now());
    try {
      if (!error) {
        const done = await this.d.delivery.settle(r.id, this.d.hubId, { status: 'sent', at: now, error: null });
        this.d.metrics.sent(r.channel, Math.max(0, (now.getTime() - r.created_at.getTime()) / 1000));
        if (done) this.d.changed(done.tenant_id, toInfo(done));
        return;
      }
      this.d.metrics.failed(r.channel);
      const giveUp = error.permanent || r.attempts >= r.max_attempts;
      const message = error.message.slice(0, 500);
      // No personal data in logs: the message id, channel and error only.
      this.d.log.warn(
        { id: r.id, channel: r.channel, attempts: r.attempts, err: message, giveUp },
        'notification not delivered',
      );
      if (giveUp) {
        const done = await this.d.delivery.settle(r.id, this.d.hubId, { status: 'dead', at: now, error: message });
        this.d.metrics.dead(r.channel);
        if (done) {
          const info = toInfo(done);
          this.d.changed(done.tenant_id, info);
          this.d.dead(
            done.tenant_id,
            info,
            deadMessage(r.channel, r.recipient_name, message, this.d.language(r.tenant_id)),
          );
        }
        return;
      }
      this.d.metrics.retried(r.channel);
      const done = await this.d.delivery.settle(r.id, this.d.hubId, {
        status: 'failed',
        at: now,
        error: message,
        nextAttemptAt: new Date(now.getTime() + this.backoff(r.attempts)),
      });
      if (done) this.d.changed(done.tenant_id, toInfo(done));
    } catch (err) {
      // The row keeps its lease: after it expires, the message is claimed again.
      this.d.log.error({ id: r.id, err: (err as Error).message }, 'recording a delivery failed');
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.round;
    await Promise.allSettled([...this.inFlight]);
    await Promise.all([...this.limiters.values()].map((l) => l.disconnect()));
  }
}
