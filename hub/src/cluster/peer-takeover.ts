/**
 * Keeps every alarm flowing when one of several hubs dies. Hubs sharing a broker split the device
 * load with an MQTT 5 shared subscription, but a broker keeps routing part of it to a crashed
 * member's persistent session (Mosquitto 2.0 does), where it would wait until that hub returns.
 * So each hub heartbeats in the database; when a peer has been silent for `staleAfterMs`, one live
 * hub (an atomic claim) connects with the peer's MQTT client id, which resumes the peer's session:
 * the broker resends what it queued and in flight, and the hub processes it through the normal,
 * idempotent ingest path. When the peer comes back, its own connection takes the session over,
 * the broker ends ours, and the claim is released.
 */
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { HubInstancesRepo } from './hub-instances.repo.js';

export interface TakenSession {
  close(): Promise<void>;
}

export interface PeerTakeoverOptions {
  hubId: string;
  repo: Pick<HubInstancesRepo, 'heartbeat' | 'claimStale' | 'release'>;
  clock: Clock;
  /** A peer silent this long is taken over. */
  staleAfterMs: number;
  /** Connects with the peer's client id; `onEnd` when that connection ends (peer back, broker gone). */
  openSession(peerId: string, onEnd: () => void): Promise<TakenSession>;
  onTakeover?(peerId: string): void;
}

export class PeerTakeover {
  private healthySince: number | null = null;
  private started = false;
  private closing = false;
  private readonly held = new Map<string, TakenSession | null>();

  constructor(
    private readonly o: PeerTakeoverOptions,
    private readonly log: Logger,
  ) {}

  /** Peer sessions this hub holds now. */
  get holding(): string[] {
    return [...this.held.keys()];
  }

  /** One heartbeat, then claims on silent peers. Call every `staleAfterMs / 5` or so. */
  async tick(): Promise<void> {
    if (this.closing) return;
    const now = this.o.clock.now();
    try {
      await this.o.repo.heartbeat(this.o.hubId, new Date(now), !this.started);
      this.started = true;
      this.healthySince ??= now;
    } catch (err) {
      this.healthySince = null;
      this.log.warn({ err }, 'hub heartbeat failed');
      return;
    }
    // Right after a database outage every peer looks silent: give them a full window to beat again.
    if (now - this.healthySince < this.o.staleAfterMs) return;
    const peers = await this.o.repo.claimStale(this.o.hubId, new Date(now - this.o.staleAfterMs), new Date(now));
    for (const peerId of peers) void this.take(peerId);
  }

  private async take(peerId: string): Promise<void> {
    this.held.set(peerId, null);
    this.log.warn({ peerId }, 'peer hub silent: taking over its MQTT session');
    try {
      const session = await this.o.openSession(peerId, () => void this.ended(peerId));
      if (this.held.has(peerId) && !this.closing) {
        this.held.set(peerId, session);
        this.o.onTakeover?.(peerId);
      } else await session.close();
    } catch (err) {
      this.log.error({ peerId, err }, 'taking over a peer session failed');
      await this.ended(peerId);
    }
  }

  private async ended(peerId: string): Promise<void> {
    if (!this.held.delete(peerId)) return;
    this.log.info({ peerId }, 'peer session handed back');
    await this.o.repo.release(this.o.hubId, peerId).catch((err: Error) => {
      this.log.warn({ peerId, err }, 'releasing a peer session failed');
    });
  }

  /** Closes every taken session and gives the claims back (they are re-claimed by another hub). */
  async close(): Promise<void> {
    this.closing = true;
    const sessions = [...this.held.entries()];
    await Promise.all(
      sessions.map(async ([peerId, s]) => {
        await s?.close().catch(() => {});
        await this.ended(peerId);
      }),
    );
  }
}
