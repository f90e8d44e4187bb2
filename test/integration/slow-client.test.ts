/**
 * A stuck dashboard (its socket stops reading: the TCP socket under its websocket is paused) must
 * not slow ingest or the other dashboards: alerts keep reaching a healthy client promptly, the
 * telemetry ingest rate stays about the same, and the server evicts the stuck client by its
 * heartbeat (no pong within pingInterval + pingTimeout), so its buffer cannot grow for long.
 */
import type net from 'node:net';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, ClientToServerEvents, ServerToClientEvents } from '@eldercare/shared';
import { eventually, startTestHub, type TestHub } from '../support/hub.js';
import { TOPIC, connectDevice, count, demoDevices, newEventId, type DemoDevice } from '../support/devices.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
let hub: TestHub;
let devices: DemoDevice[];
const sockets: ClientSocket[] = [];
const PING = 1_000;

beforeAll(async () => {
  hub = await startTestHub({ SOCKET_PING_INTERVAL_MS: String(PING), SOCKET_PING_TIMEOUT_MS: String(PING) });
  devices = (await demoDevices(hub.dataDir)).filter((d) => d.residentId);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await hub?.stop();
});

async function connect(token: string): Promise<ClientSocket> {
  const s: ClientSocket = ioClient(hub.base, { auth: { token }, transports: ['websocket'], reconnection: false });
  sockets.push(s);
  await new Promise<void>((resolve) => s.once('alerts:snapshot', () => resolve()));
  return s;
}

/** Publishes n telemetry readings over a few device connections; resolves with ms until all are stored. */
async function ingestRun(n: number, tag: number): Promise<number> {
  const pubs = await Promise.all(devices.slice(0, 5).map((d) => connectDevice(hub.mqttUrl, d)));
  const before = await count(hub.database.pool, `SELECT count(*) AS n FROM readings WHERE metric = 'steps'`);
  const started = performance.now();
  await Promise.all(
    pubs.map(async (c, k) => {
      const d = devices[k]!;
      for (let i = 0; i < n / pubs.length; i++)
        await c.publishAsync(
          TOPIC(d.deviceId, 'telemetry'),
          JSON.stringify({ ts: tag + k * 100_000 + i, readings: { steps: i } }),
          {
            qos: 1,
          },
        );
    }),
  );
  await eventually(
    async () => {
      await hub.flush();
      return (
        (await count(hub.database.pool, `SELECT count(*) AS n FROM readings WHERE metric = 'steps'`)) >= before + n
      );
    },
    30_000,
    20,
  );
  const ms = performance.now() - started;
  await Promise.all(pubs.map((c) => c.endAsync()));
  return ms;
}

describe('a stuck dashboard client', () => {
  it('does not slow ingest or other clients, and is evicted by the heartbeat', async () => {
    const token = await hub.login('dispatcher@demo.local', 'demo-dispatch-pass');
    const baseline = await ingestRun(2000, Date.now() - 7200_000);

    const good = await connect(token);
    const stuck = await connect(await hub.login('supervisor@demo.local', 'demo-supervisor-pass'));
    const stuckId = stuck.id;
    // Stop reading: the server's writes pile up in its buffers and the kernel's.
    const tcp = (stuck.io.engine.transport as unknown as { ws: { _socket: net.Socket } }).ws._socket;
    tcp.pause();
    expect((await hub.io.fetchSockets()).some((s) => s.id === stuckId)).toBe(true);

    const seen: { a: Alert; at: number }[] = [];
    good.on('alert:upsert', (a) => seen.push({ a, at: Date.now() }));
    // Alarms from several elders while telemetry flows.
    const pendants = [...new Map(devices.map((d) => [d.residentId, d])).values()].slice(5, 13);
    const withStuck = ingestRun(2000, Date.now() - 5400_000);
    const latencies: number[] = [];
    for (const d of pendants) {
      const c = await connectDevice(hub.mqttUrl, d);
      const at = Date.now();
      await c.publishAsync(
        TOPIC(d.deviceId, 'events'),
        JSON.stringify({ eventId: newEventId('stuck'), ts: at, type: 'sos' }),
        {
          qos: 1,
        },
      );
      const got = await eventually(async () => seen.find((s) => s.a.residentId === d.residentId), 5_000, 10);
      latencies.push(got.at - at);
      await c.endAsync();
    }
    const stuckMs = await withStuck;
    expect(Math.max(...latencies)).toBeLessThan(1_500);
    // Ingest rate about the same (generous bound for a shared CI machine).
    expect(stuckMs).toBeLessThan(Math.max(baseline * 3, baseline + 3_000));

    // The stuck client misses its pong: the server drops it within interval + timeout (+ slack).
    await eventually(
      async () => !(await hub.io.fetchSockets()).some((s) => s.id === stuckId),
      (PING + PING) * 3 + 2_000,
      100,
    );
    expect(good.connected).toBe(true);
    expect((await hub.io.fetchSockets()).some((s) => s.id === good.id)).toBe(true);
    tcp.resume();
  }, 60_000);
});
