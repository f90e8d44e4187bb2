/**
 * Load generator process of the benchmark (forked by run.ts, controlled over IPC). Each device is
 * its own MQTT 3.1.1 connection (clientId = username = device id, its password if any) speaking
 * raw packets: the PUBLISH of each device is encoded once (mqtt-packet) and only its packet id is
 * patched per message, and PUBACKs are counted by a minimal framer. That keeps the generator at a
 * few µs per QoS 1 message, so on a small machine the CPU goes to the system under test.
 */
import net from 'node:net';
import mqttPacket from 'mqtt-packet';

export interface WorkerDevice {
  id: string;
  password?: string;
}

export type ToWorker =
  | {
      type: 'init';
      host: string;
      port: number;
      devices: WorkerDevice[];
      /** Topic of device `{id}` (e.g. `eldercare/v1/devices/{id}/telemetry`). */
      topicTemplate: string;
      payload: string;
      connectConcurrency?: number;
    }
  | { type: 'run'; rate: number; durationMs: number; maxInflight: number }
  | { type: 'stop' };

export type FromWorker =
  | { type: 'ready'; connected: number; failed: number; firstError?: string }
  | { type: 'done'; sent: number; acked: number; elapsedMs: number; lost: number; blockedTicks: number }
  | { type: 'error'; message: string };

const send = (m: FromWorker) => process.send?.(m);

class RawClient {
  private sock: net.Socket | null = null;
  private buf: Buffer = Buffer.alloc(0);
  private template: Buffer = Buffer.alloc(0);
  private idOffset = 0;
  private nextId = 1;
  inflight = 0;
  sent = 0;
  acked = 0;
  up = false;
  onAck: (() => void) | null = null;

  constructor(
    readonly dev: WorkerDevice,
    private readonly host: string,
    private readonly port: number,
  ) {}

  prepare(topic: string, payload: string): void {
    const body = Buffer.from(payload);
    const pkt = mqttPacket.generate({
      cmd: 'publish',
      topic,
      payload: body,
      qos: 1,
      messageId: 1,
      retain: false,
      dup: false,
    });
    this.template = pkt;
    this.idOffset = pkt.length - body.length - 2;
  }

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const sock = net.connect({ host: this.host, port: this.port, noDelay: true });
      this.sock = sock;
      let settled = false;
      const fail = (err: Error) => {
        if (!settled) {
          settled = true;
          reject(err);
        }
        this.up = false;
      };
      sock.once('error', fail);
      sock.on('close', () => {
        this.up = false;
        fail(new Error(`${this.dev.id}: connection closed`));
      });
      sock.on('data', (chunk: Buffer) => {
        this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
        let off = 0;
        for (;;) {
          if (this.buf.length - off < 2) break;
          const type = this.buf[off]! >> 4;
          let len = 0;
          let mul = 1;
          let i = off + 1;
          let ok = false;
          for (; i < this.buf.length && i < off + 5; i++) {
            const b = this.buf[i]!;
            len += (b & 127) * mul;
            mul *= 128;
            if (!(b & 128)) {
              ok = true;
              i++;
              break;
            }
          }
          if (!ok || this.buf.length < i + len) break;
          if (type === 2) {
            // CONNACK: return code in the second byte of the body
            const rc = this.buf[i + 1]!;
            if (!settled) {
              settled = true;
              if (rc === 0) {
                this.up = true;
                resolve();
              } else {
                reject(new Error(`${this.dev.id}: CONNACK return code ${rc}`));
                sock.destroy();
              }
            }
          } else if (type === 4) {
            this.acked++;
            this.inflight--;
          }
          off = i + len;
        }
        this.buf = off >= this.buf.length ? Buffer.alloc(0) : this.buf.subarray(off);
      });
      sock.once('connect', () => {
        sock.write(
          mqttPacket.generate({
            cmd: 'connect',
            protocolId: 'MQTT',
            protocolVersion: 4,
            clean: true,
            clientId: this.dev.id,
            keepalive: 0,
            ...(this.dev.password !== undefined
              ? { username: this.dev.id, password: Buffer.from(this.dev.password) }
              : {}),
          }),
        );
      });
    });
  }

  /** Writes n publishes in one buffer. */
  publish(n: number): void {
    if (!this.sock || !this.up || n <= 0) return;
    const t = this.template;
    const out = Buffer.allocUnsafe(t.length * n);
    for (let k = 0; k < n; k++) {
      const at = k * t.length;
      t.copy(out, at);
      out.writeUInt16BE(this.nextId, at + this.idOffset);
      this.nextId = this.nextId === 65535 ? 1 : this.nextId + 1;
    }
    this.sock.write(out);
    this.sent += n;
    this.inflight += n;
  }

  close(): void {
    if (!this.sock) return;
    if (this.up) this.sock.end(mqttPacket.generate({ cmd: 'disconnect' }));
    else this.sock.destroy();
    this.up = false;
  }
}

let clients: RawClient[] = [];

async function init(m: Extract<ToWorker, { type: 'init' }>): Promise<void> {
  clients = m.devices.map((d) => new RawClient(d, m.host, m.port));
  for (const c of clients) c.prepare(m.topicTemplate.replace('{id}', c.dev.id), m.payload);
  let failed = 0;
  let firstError: string | undefined;
  const conc = m.connectConcurrency ?? 200;
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(conc, clients.length) }, async () => {
      while (next < clients.length) {
        const c = clients[next++]!;
        await c.connect().catch((err: Error) => {
          failed++;
          firstError ??= err.message;
        });
      }
    }),
  );
  send({ type: 'ready', connected: clients.filter((c) => c.up).length, failed, ...(firstError ? { firstError } : {}) });
}

async function run(m: Extract<ToWorker, { type: 'run' }>): Promise<void> {
  const live = clients.filter((c) => c.up);
  const sent0 = live.reduce((s, c) => s + c.sent, 0);
  const acked0 = live.reduce((s, c) => s + c.acked, 0);
  const t0 = performance.now();
  let sent = 0;
  let rr = 0;
  let blockedTicks = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      const elapsed = Math.min(now - t0, m.durationMs);
      let due = Math.floor((m.rate * elapsed) / 1000) - sent;
      // Spread over the connections: per pass every connection may take a share of what is due.
      const per = Math.max(1, Math.ceil(due / live.length));
      let blockedRun = 0;
      while (due > 0 && blockedRun < live.length) {
        const c = live[rr]!;
        rr = (rr + 1) % live.length;
        const n = Math.min(per, due, m.maxInflight - c.inflight);
        if (n <= 0 || !c.up) {
          blockedRun++;
          continue;
        }
        blockedRun = 0;
        c.publish(n);
        sent += n;
        due -= n;
      }
      if (due > 0) blockedTicks++;
      if (now - t0 >= m.durationMs) return resolve();
      setTimeout(tick, 2);
    };
    tick();
  });
  const elapsedMs = performance.now() - t0;
  // Let the last acknowledgements arrive (bounded).
  const until = performance.now() + 10_000;
  while (live.some((c) => c.inflight > 0 && c.up) && performance.now() < until)
    await new Promise((r) => setTimeout(r, 20));
  const sentNow = live.reduce((s, c) => s + c.sent, 0) - sent0;
  const acked = live.reduce((s, c) => s + c.acked, 0) - acked0;
  send({ type: 'done', sent: sentNow, acked, elapsedMs, lost: sentNow - acked, blockedTicks });
}

process.on('message', (m: ToWorker) => {
  const fail = (err: Error) => send({ type: 'error', message: err.message });
  switch (m.type) {
    case 'init':
      init(m).catch(fail);
      break;
    case 'run':
      run(m).catch(fail);
      break;
    case 'stop':
      for (const c of clients) c.close();
      setTimeout(() => process.exit(0), 300);
      break;
  }
});
process.on('disconnect', () => process.exit(0));
