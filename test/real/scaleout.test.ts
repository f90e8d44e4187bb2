/**
 * Two hubs on one PostgreSQL, one Mosquitto and one Redis: the MQTT 5 shared subscription splits
 * the device load, every message is stored once, and a dashboard on either hub sees every alert
 * and every claim made on the other hub.
 */
import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, ClientToServerEvents, ServerToClientEvents } from '@eldercare/shared';
import { eventually, type TestHub } from '../support/hub.js';
import { demoDevices, type DemoDevice } from '../support/devices.js';
import { REAL_MQTT_URL, createTestDatabase, startRealHub, stopRealHub, type TestDatabase } from '../support/real.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
let db: TestDatabase;
let a: TestHub | undefined;
let b: TestHub | undefined;
let devices: DemoDevice[];
let client: MqttClient | undefined;
const sockets: Socket[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  const group = `t${randomBytes(4).toString('hex')}`;
  a = await startRealHub(db, { REDIS_URL, MQTT_SHARED_GROUP: group, HUB_ID: `hub-a-${group}` });
  b = await startRealHub(db, { REDIS_URL, MQTT_SHARED_GROUP: group, HUB_ID: `hub-b-${group}` });
  const all = await demoDevices(a.dataDir);
  devices = [...all.filter((d) => d.residentId).slice(0, 19), all.find((d) => d.type === 'sos_pendant')!];
  client = await mqtt.connectAsync(REAL_MQTT_URL, { protocolVersion: 5, reconnectPeriod: 0 });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await client?.endAsync();
  await stopRealHub(a);
  await stopRealHub(b);
  await db?.drop();
});

/**
 * The broker hands new subscribers every retained status on the device topics (here: left by other
 * test runs, for devices this database doesn't know). Wait until the hubs have taken them all.
 */
async function settled(): Promise<void> {
  let last = -1;
  for (let i = 0; i < 20; i++) {
    const now =
      (await a!.metrics.deadLetters.get()).values.reduce((s, v) => s + v.value, 0) +
      (await b!.metrics.deadLetters.get()).values.reduce((s, v) => s + v.value, 0);
    if (now === last) return;
    last = now;
    await new Promise((r) => setTimeout(r, 500));
  }
}

const messages = (hub: TestHub) => hub.metrics.messages.get().then((m) => m.values.reduce((s, v) => s + v.value, 0));

describe('scale-out: two hubs', () => {
  it('splits the device load between the hubs and stores every message exactly once', async () => {
    await settled();
    const n = 400;
    const ts = Date.now() - 3600_000;
    for (let i = 0; i < n; i++) {
      const d = devices[i % devices.length]!;
      await client!.publishAsync(
        `eldercare/v1/devices/${d.deviceId}/telemetry`,
        JSON.stringify({ ts: ts + i, readings: { steps: i } }),
        { qos: 1 },
      );
    }
    const rows = await eventually(async () => {
      const r = await a!.database.pool.query(`SELECT count(*)::int AS n FROM readings WHERE metric = 'steps'`);
      return r.rows[0].n >= n && r.rows[0].n;
    }, 20_000);
    expect(rows).toBe(n);
    const [ma, mb] = [await messages(a!), await messages(b!)];
    expect(ma + mb).toBe(n);
    expect(ma).toBeGreaterThan(0);
    expect(mb).toBeGreaterThan(0);
  });

  it('shows an alert once on a dashboard of either hub, and a claim on one hub on the other', async () => {
    const token = await b!.login('dispatcher@demo.local', 'demo-dispatch-pass');
    const seenOnB: Alert[] = [];
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = ioClient(b!.base, {
      auth: { token },
      transports: ['websocket'],
    });
    sockets.push(socket);
    socket.on('alert:upsert', (x) => seenOnB.push(x));
    await new Promise<void>((resolve) => socket.once('alerts:snapshot', () => resolve()));

    const d = devices.find((x) => x.type === 'sos_pendant')!;
    await client!.publishAsync(
      `eldercare/v1/devices/${d.deviceId}/events`,
      JSON.stringify({ eventId: `so-${randomBytes(4).toString('hex')}`, ts: Date.now(), type: 'sos' }),
      { qos: 1 },
    );
    const alert = await eventually(async () => seenOnB.find((x) => x.deviceId === d.deviceId && x.kind === 'sos'));
    await new Promise((r) => setTimeout(r, 300));
    expect(seenOnB.filter((x) => x.id === alert.id && x.status === 'open')).toHaveLength(1);

    const tokenA = await a!.login('supervisor@demo.local', 'demo-supervisor-pass');
    const claim = await a!.api<Alert>('POST', `/api/alerts/${alert.id}/claim`, tokenA);
    expect(claim.status).toBe(200);
    const claimed = await eventually(async () => seenOnB.find((x) => x.id === alert.id && x.status === 'acknowledged'));
    expect(claimed.acknowledgedByName).toContain('李强');
    expect((await b!.api('POST', `/api/alerts/${alert.id}/claim`, token)).status).toBe(409);
  });
});
