/**
 * Restart against the real servers: a new hub on the same PostgreSQL database and data dir keeps
 * the data, does not load the demo again, resumes its persistent MQTT session (a reading sent
 * while it was down arrives) and keeps ingesting and serving vitals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { ADMIN, type TestHub } from '../support/hub.js';
import {
  TOPIC,
  connectDevice,
  count,
  newEventId,
  residentDevices,
  waitForCount,
  type DemoDevice,
} from '../support/devices.js';
import {
  REAL_MQTT_URL,
  createTestDatabase,
  realHubEnv,
  startRealHub,
  stopRealHub,
  type TestDatabase,
} from '../support/real.js';

let db: TestDatabase;
let env: Record<string, string>;
let first: TestHub | undefined;
let second: TestHub | undefined;
let dataDir: string;
let device: DemoDevice;
let token: string;
const before: Record<string, number> = {};
const TABLES = [
  'tenants',
  'users',
  'institutions',
  'residents',
  'devices',
  'readings',
  'device_events',
  'device_status',
];
const start = Date.now() - 3 * 3600_000;
const eventId = newEventId('restart');

beforeAll(async () => {
  db = await createTestDatabase();
  env = realHubEnv(db); // the same HUB_ID and shared group for both hubs: one persistent session
  first = await startRealHub(db, env);
  dataDir = first.dataDir;
  [device] = (await residentDevices(dataDir, 1)) as [DemoDevice];
  token = await first.login(ADMIN.email, ADMIN.password);
  const c = await connectDevice(first.mqttUrl, device);
  for (let i = 0; i < 3; i++) {
    await c.publishAsync(
      TOPIC(device.deviceId, 'telemetry'),
      JSON.stringify({ ts: start + i * 60_000, readings: { heartRate: 60 + i } }),
      { qos: 1 },
    );
  }
  await c.publishAsync(TOPIC(device.deviceId, 'events'), JSON.stringify({ eventId, ts: Date.now(), type: 'sos' }), {
    qos: 1,
  });
  await c.endAsync();
  await waitForCount(first, 'SELECT count(*) AS n FROM readings WHERE device_id = $1', [device.deviceId], 3);
  await waitForCount(first, 'SELECT count(*) AS n FROM device_events WHERE event_id = $1', [eventId], 1);
  for (const t of TABLES) before[t] = await count(first.database.pool, `SELECT count(*) AS n FROM ${t}`);
  await first.stop({ keepData: true });
  first = undefined;

  // Sent while no hub is connected: the broker keeps it in the hub's persistent session.
  const late = await connectDevice(REAL_MQTT_URL, device);
  await late.publishAsync(
    TOPIC(device.deviceId, 'telemetry'),
    JSON.stringify({ ts: start + 10 * 60_000, readings: { heartRate: 99 } }),
    { qos: 1 },
  );
  await late.endAsync();

  second = await startRealHub(db, env, dataDir);
}, 180_000);

afterAll(async () => {
  await stopRealHub(first);
  await stopRealHub(second);
  await db?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('restart (real servers)', () => {
  it('keeps the data and does not load the demo again', async () => {
    const pool = second!.database.pool;
    for (const t of ['tenants', 'users', 'institutions', 'residents', 'devices', 'device_events']) {
      expect(await count(pool, `SELECT count(*) AS n FROM ${t}`), t).toBe(before[t]);
    }
    expect(before.tenants).toBe(1);
    expect(await count(pool, 'SELECT count(*) AS n FROM device_events WHERE event_id = $1', [eventId])).toBe(1);
    expect((await second!.api('GET', '/api/auth/me', token)).status).toBe(200);
  });

  it('a reading sent while the hub was down arrives after the restart', async () => {
    await waitForCount(
      second!,
      `SELECT count(*) AS n FROM readings WHERE device_id = $1 AND value = 99`,
      [device.deviceId],
      1,
    );
    expect(
      await count(second!.database.pool, 'SELECT count(*) AS n FROM readings WHERE device_id = $1', [device.deviceId]),
    ).toBe(4);
  });

  it('keeps ingesting, and the vitals come from the raw readings', async () => {
    const hub = second!;
    const c = await connectDevice(hub.mqttUrl, device);
    await c.publishAsync(
      TOPIC(device.deviceId, 'telemetry'),
      JSON.stringify({ ts: start + 20 * 60_000, readings: { heartRate: 80 } }),
      { qos: 1 },
    );
    await c.endAsync();
    await waitForCount(hub, 'SELECT count(*) AS n FROM readings WHERE device_id = $1', [device.deviceId], 5);
    await hub.database.pool.query(
      `INSERT INTO readings (ts, device_id, resident_id, metric, value) VALUES (now() - interval '5 hours', $1, $2, 'heartRate', 55)`,
      [device.deviceId, device.residentId],
    );
    expect(hub.database.timescale).toBe(false);
    const v = await hub.api<{ points: { metric: string; count: number; min: number; max: number }[] }>(
      'GET',
      `/api/residents/${device.residentId}/vitals?range=24h`,
      token,
    );
    expect(v.status).toBe(200);
    const hr = v.body.points.filter((p) => p.metric === 'heartRate');
    expect(hr.reduce((a, p) => a + p.count, 0)).toBe(6);
    expect(Math.min(...hr.map((p) => p.min))).toBe(55);
    expect(Math.max(...hr.map((p) => p.max))).toBe(99);
  });
});
