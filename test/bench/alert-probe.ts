/**
 * sos publishers (one pendant or pull cord per resident) and the dashboard socket measuring them,
 * twice: when the alarm is first on the dispatcher's screen (its early notice `alert:incoming`, or
 * its incident if that came first) and when its incident (`alert:upsert`, stored durably) arrives.
 */
import type mqtt from 'mqtt';
import { io as ioClient, type Socket } from 'socket.io-client';
import { connectPendants, latencyStats, pressSos, sleep, type ProbeDevice } from './lib.js';

interface HubAddress {
  base: string;
  mqttHost: string;
  mqttPort: number;
}

export class AlertProbe {
  private clients: { dev: ProbeDevice; client: mqtt.MqttClient }[] = [];
  private socket: Socket | null = null;
  /** residentId → sos not yet seen in an incident, in publish order. */
  private pending = new Map<string, { id: string; at: number }[]>();
  /** `<deviceId>:<eventId>` → publish time, until the alarm is first on screen. */
  private unseen = new Map<string, number>();
  private seen = new Map<string, number>(); // alert id → signalCount
  private samples: number[] = [];
  private screenSamples: number[] = [];
  private timer: NodeJS.Timeout | null = null;
  private next = 0;
  private seq = 0;
  sent = 0;
  received = 0;

  constructor(
    readonly devices: ProbeDevice[],
    private readonly hub: HubAddress,
    private readonly runId: string,
  ) {}

  private onScreen(id: string, at: number): void {
    const t = this.unseen.get(id);
    if (t === undefined) return;
    this.unseen.delete(id);
    this.screenSamples.push(at - t);
  }

  async start(token: string): Promise<void> {
    this.socket = ioClient(this.hub.base, { auth: { token }, transports: ['websocket'], reconnection: true });
    this.socket.on('alert:incoming', (p: { id: string }) => this.onScreen(p.id, performance.now()));
    this.socket.on(
      'alert:upsert',
      (a: { id: string; residentId: string | null; signalCount: number; kind: string }) => {
        const at = performance.now();
        const prev = this.seen.get(a.id) ?? 0;
        if (a.signalCount <= prev || !a.residentId) return;
        this.seen.set(a.id, a.signalCount);
        const q = this.pending.get(a.residentId);
        for (let i = prev; i < a.signalCount && q?.length; i++) {
          const p = q.shift()!;
          this.samples.push(at - p.at);
          this.onScreen(p.id, at);
          this.received++;
        }
      },
    );
    await new Promise<void>((resolve, reject) => {
      this.socket!.once('connect', () => resolve());
      this.socket!.once('connect_error', reject);
    });
    await connectPendants(this.devices, this.hub.mqttHost, this.hub.mqttPort, this.clients);
  }

  /** Starts sending `rate` sos per second, round robin over the pendants; `collect` gives this window's samples. */
  begin(rate: number): void {
    this.samples = [];
    this.screenSamples = [];
    if (!this.clients.length || rate <= 0) return;
    this.timer = setInterval(() => {
      const { dev, client } = this.clients[this.next++ % this.clients.length]!;
      const q = this.pending.get(dev.residentId!) ?? [];
      this.pending.set(dev.residentId!, q);
      const eventId = `bench-${this.runId}-${this.seq++}`;
      const at = performance.now();
      q.push({ id: `${dev.deviceId}:${eventId}`, at });
      this.unseen.set(`${dev.deviceId}:${eventId}`, at);
      this.sent++;
      pressSos(client, dev.deviceId, eventId);
    }, 1000 / rate);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Waits up to `waitMs` for the incidents still due; what did not come is `missing`. */
  async collect(waitMs: number) {
    const until = performance.now() + waitMs;
    while ([...this.pending.values()].some((q) => q.length) && performance.now() < until) await sleep(50);
    const missing = [...this.pending.values()].reduce((s, q) => s + q.length, 0);
    for (const q of this.pending.values()) q.length = 0;
    const screenMissing = this.unseen.size;
    this.unseen.clear();
    return {
      incident: latencyStats(this.samples, missing),
      onScreen: latencyStats(this.screenSamples, screenMissing),
    };
  }

  async close(): Promise<void> {
    this.stop();
    await Promise.all(this.clients.map((c) => c.client.endAsync().catch(() => {})));
    this.socket?.close();
  }
}
