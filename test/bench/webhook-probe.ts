/**
 * Alarm → webhook latency, measured on a district webhook the bench registers (Standard Webhooks,
 * purpose `family_raised`: every new emergency, as a duty group chat gets it) and receives on
 * loopback: from a pendant's sos publish to the signed POST arriving, verified with its secret.
 * Each sample is a NEW incident: once its webhook arrived, the probe's dispatcher claims and
 * resolves the incident, and only then may that elder's pendant press again (a press into an open
 * incident folds into it and raises no new webhook).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type mqtt from 'mqtt';
import { Webhook } from 'standardwebhooks';
import { connectPendants, latencyStats, pressSos, type LatencyStats, type ProbeDevice } from './lib.js';

interface HubAddress {
  base: string;
  mqttHost: string;
  mqttPort: number;
}

export class WebhookProbe {
  private server: Server | null = null;
  private verifier: Webhook | null = null;
  private clients: { dev: ProbeDevice; client: mqtt.MqttClient }[] = [];
  /** residentId → publish time of the press whose incident's webhook is awaited. */
  private waiting = new Map<string, number>();
  private samples: number[] = [];
  private refused = 0;
  private timer: NodeJS.Timeout | null = null;
  private next = 0;
  private seq = 0;
  private closing: Promise<unknown>[] = [];
  private dispatcher = '';

  constructor(
    private readonly devices: ProbeDevice[],
    private readonly hub: HubAddress,
    private readonly runId: string,
  ) {}

  private async api<T>(token: string, method: string, url: string, body?: unknown): Promise<T> {
    const r = await fetch(this.hub.base + url, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  }

  /** Registers the webhook (admin), connects the pendants; the dispatcher's token closes incidents. */
  async start(adminToken: string, dispatcherToken: string): Promise<void> {
    this.dispatcher = dispatcherToken;
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const at = performance.now();
        res.writeHead(200).end();
        try {
          const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
          const msg = this.verifier!.verify(Buffer.concat(chunks).toString('utf8'), headers) as {
            type: string;
            data: { alert?: { id: string } };
          };
          if (msg.type === 'family_raised' && msg.data.alert) this.arrived(msg.data.alert.id, at);
        } catch {
          this.refused++;
        }
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
    const w = await this.api<{ secret: string }>(adminToken, 'POST', '/api/notifications/webhooks', {
      name: `bench ${this.runId}`,
      format: 'standard',
      url,
      purposes: ['family_raised'],
      kinds: ['sos'],
    });
    this.verifier = new Webhook(w.secret);
    await connectPendants(this.devices, this.hub.mqttHost, this.hub.mqttPort, this.clients);
  }

  /** A webhook for alert `id`: which elder's press it answers is asked of the hub (not timed). */
  private arrived(alertId: string, at: number): void {
    const done = (async () => {
      const a = await this.api<{ residentId: string | null }>(this.dispatcher, 'GET', `/api/alerts/${alertId}`);
      const sent = a.residentId ? this.waiting.get(a.residentId) : undefined;
      if (sent === undefined || !a.residentId) return;
      this.samples.push(at - sent);
      // Close it so that elder's next press opens a new incident (and a new webhook).
      await this.api(this.dispatcher, 'POST', `/api/alerts/${alertId}/claim`).catch(() => undefined);
      await this.api(this.dispatcher, 'POST', `/api/alerts/${alertId}/actions`, {
        action: 'resolve',
        outcome: 'false_alarm',
        note: 'bench',
      }).catch(() => undefined);
      this.waiting.delete(a.residentId);
    })().catch(() => undefined);
    this.closing.push(done);
  }

  /** Presses `rate` sos a second, each by an elder with no probe incident open. */
  begin(rate: number): void {
    this.samples = [];
    if (!this.clients.length || rate <= 0) return;
    this.timer = setInterval(() => {
      for (let i = 0; i < this.clients.length; i++) {
        const { dev, client } = this.clients[this.next++ % this.clients.length]!;
        if (!dev.residentId || this.waiting.has(dev.residentId)) continue;
        const eventId = `bench-hook-${this.runId}-${this.seq++}`;
        this.waiting.set(dev.residentId, performance.now());
        pressSos(client, dev.deviceId, eventId);
        return;
      }
    }, 1000 / rate);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Waits up to `waitMs` for the webhooks still due; what did not come is `missing`. */
  async collect(waitMs: number): Promise<LatencyStats & { refused: number }> {
    const until = performance.now() + waitMs;
    while (this.waiting.size && performance.now() < until) await new Promise((r) => setTimeout(r, 50));
    await Promise.all(this.closing);
    this.closing = [];
    const missing = this.waiting.size;
    this.waiting.clear();
    return { ...latencyStats(this.samples, missing), refused: this.refused };
  }

  async close(): Promise<void> {
    this.stop();
    await Promise.all(this.clients.map((c) => c.client.endAsync().catch(() => undefined)));
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
