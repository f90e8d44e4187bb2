/**
 * Restart on the same data dir (embedded TimescaleDB on disk): the data survives, the demo is not
 * loaded again, sessions and device credentials still work, the hypertables keep working and the
 * vitals aggregates serve points.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestHub, type TestHub } from '../support/hub.js';
import {
  TOPIC,
  connectDevice,
  count,
  newEventId,
  residentDevices,
  waitForCount,
  type DemoDevice,
} from '../support/devices.js';

let first: TestHub | undefined;
let second: TestHub | undefined;
let dataDir: string;
let device: DemoDevice;
let token: string;
let residentId: string;
const before: Record<string, number> = {};
let demoFile: string;
const eventId = newEventId('restart');
const hourAgo = Date.now() - 90 * 60_000;

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

beforeAll(async () => {
  first = await startTestHub();
  dataDir = first.dataDir;
  [device] = (await residentDevices(dataDir, 1)) as [DemoDevice];
  demoFile = await readFile(path.join(dataDir, 'demo-devices.json'), 'utf8');
  token = await first.login(ADMIN.email, ADMIN.password);
  const created = await first.api<{ id: string }>('POST', '/api/residents', token, {
    name: '赵德明',
    birthDate: '1939-09-09',
    sex: 'male',
    riskCategories: ['living_alone'],
  });
  expect(created.status).toBe(201);
  residentId = created.body.id;

  const c = await connectDevice(first.mqttUrl, device);
  for (let i = 0; i < 5; i++) {
    await c.publishAsync(
      TOPIC(device.deviceId, 'telemetry'),
      JSON.stringify({ ts: hourAgo + i * 1000, readings: { heartRate: 70 + i, spo2: 95 } }),
      { qos: 1 },
    );
  }
  await c.publishAsync(TOPIC(device.deviceId, 'events'), JSON.stringify({ eventId, ts: Date.now(), type: 'fall' }), {
    qos: 1,
  });
  await c.publishAsync(TOPIC(device.deviceId, 'status'), JSON.stringify({ online: true, battery: 44 }), { qos: 1 });
  await c.endAsync();
  await waitForCount(first, 'SELECT count(*) AS n FROM readings WHERE device_id = $1', [device.deviceId], 10);
  await waitForCount(first, 'SELECT count(*) AS n FROM device_events WHERE event_id = $1', [eventId], 1);
  await waitForCount(first, 'SELECT count(*) AS n FROM device_status WHERE device_id = $1', [device.deviceId], 1);
  await first.flush();
  for (const t of TABLES) before[t] = await count(first.database.pool, `SELECT count(*) AS n FROM ${t}`);

  await first.stop({ keepData: true });
  first = undefined;
  second = await startTestHub({}, dataDir);
}, 180_000);

afterAll(async () => {
  await first?.stop();
  await second?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('restart on the same data dir', () => {
  it('keeps every row and does not load the demo again', async () => {
    const hub = second!;
    for (const t of TABLES) expect(await count(hub.database.pool, `SELECT count(*) AS n FROM ${t}`), t).toBe(before[t]);
    expect(before.tenants).toBe(1);
    expect(await readFile(path.join(dataDir, 'demo-devices.json'), 'utf8')).toBe(demoFile);
    const d = await hub.database.pool.query('SELECT battery, last_seen FROM devices WHERE id = $1', [device.deviceId]);
    expect(d.rows[0].battery).toBe(44);
    expect(d.rows[0].last_seen).not.toBeNull();
  });

  it('sessions and records made before the restart still work', async () => {
    const hub = second!;
    const me = await hub.api<{ user: { email: string } }>('GET', '/api/auth/me', token);
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(ADMIN.email);
    const r = await hub.api<{ name: string }>('GET', `/api/residents/${residentId}`, token);
    expect(r.status).toBe(200);
    expect(r.body.name).toBe('赵德明');
  });

  it('a redelivered event from before the restart is still recognised', async () => {
    const hub = second!;
    const c = await connectDevice(hub.mqttUrl, device);
    await c.publishAsync(TOPIC(device.deviceId, 'events'), JSON.stringify({ eventId, ts: Date.now(), type: 'fall' }), {
      qos: 1,
    });
    const marker = newEventId('marker');
    await c.publishAsync(
      TOPIC(device.deviceId, 'events'),
      JSON.stringify({ eventId: marker, ts: Date.now(), type: 'test' }),
      { qos: 1 },
    );
    await c.endAsync();
    await waitForCount(hub, 'SELECT count(*) AS n FROM device_events WHERE event_id = $1', [marker], 1);
    expect(
      await count(hub.database.pool, 'SELECT count(*) AS n FROM device_events WHERE event_id = $1', [eventId]),
    ).toBe(1);
  });

  it('hypertables still work: the device logs in with its old password and new readings land', async () => {
    const hub = second!;
    expect(hub.database.timescale).toBe(true);
    expect(
      await count(hub.database.pool, 'SELECT count(*) AS n FROM timescaledb_information.hypertables'),
    ).toBeGreaterThanOrEqual(3);
    const names = (
      await hub.database.pool.query('SELECT hypertable_name FROM timescaledb_information.hypertables')
    ).rows.map((r) => r.hypertable_name);
    expect(names).toEqual(expect.arrayContaining(['readings', 'device_status', 'device_events']));

    const c = await connectDevice(hub.mqttUrl, device);
    await c.publishAsync(
      TOPIC(device.deviceId, 'telemetry'),
      JSON.stringify({ ts: hourAgo + 10_000, readings: { heartRate: 90 } }),
      { qos: 1 },
    );
    await c.endAsync();
    await waitForCount(hub, 'SELECT count(*) AS n FROM readings WHERE device_id = $1', [device.deviceId], 11);
    // A direct insert into the hypertable, and a time_bucket query over it.
    await hub.database.pool.query(
      `INSERT INTO readings (ts, device_id, resident_id, metric, value) VALUES (now() - interval '2 hours', $1, $2, 'spo2', 99)`,
      [device.deviceId, device.residentId],
    );
    const buckets = await hub.database.pool.query(
      `SELECT time_bucket('1 day', ts) AS b, count(*)::int AS n FROM readings WHERE device_id = $1 GROUP BY 1 ORDER BY 1`,
      [device.deviceId],
    );
    expect(buckets.rows.reduce((a, r) => a + r.n, 0)).toBe(12);
    // Note: rows older than the aggregates' refresh window (3 h hourly, 3 days daily) that arrive
    // late are never materialized, so they do not show in the vitals charts (reported).
    expect(await count(hub.database.pool, `SELECT count(*) AS n FROM show_chunks('readings')`)).toBeGreaterThanOrEqual(
      1,
    );
  });

  it('the vitals endpoint returns points after refreshing the aggregates', async () => {
    const hub = second!;
    await hub.refreshAggregates();
    const materialized = await count(
      hub.database.pool,
      `SELECT count(*) AS n FROM _timescaledb_catalog.continuous_agg`,
    );
    expect(materialized).toBeGreaterThanOrEqual(2);
    const v = await hub.api<{
      bucket: string;
      points: { metric: string; avg: number; min: number; max: number; count: number }[];
    }>('GET', `/api/residents/${device.residentId}/vitals?range=24h`, token);
    expect(v.status).toBe(200);
    expect(v.body.bucket).toBe('hour');
    const hr = v.body.points.filter((p) => p.metric === 'heartRate');
    expect(hr.reduce((a, p) => a + p.count, 0)).toBe(6);
    expect(Math.min(...hr.map((p) => p.min))).toBe(70);
    expect(Math.max(...hr.map((p) => p.max))).toBe(90);
    const week = await hub.api<{ points: { metric: string; count: number }[] }>(
      'GET',
      `/api/residents/${device.residentId}/vitals?range=7d`,
      token,
    );
    expect(week.body.points.filter((p) => p.metric === 'spo2').reduce((a, p) => a + p.count, 0)).toBe(6);
    const month = await hub.api<{ bucket: string }>(
      'GET',
      `/api/residents/${device.residentId}/vitals?range=30d`,
      token,
    );
    expect(month.body.bucket).toBe('day');
  });
});
