/**
 * The hub against the machine's PostgreSQL 15 (no TimescaleDB: extras off) and Mosquitto, with an
 * MQTT 5 shared subscription: telemetry, events and status land; a redelivered event is stored once;
 * bad payloads are dead-lettered and good ones kept; vitals fall back to the raw readings.
 */
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { fuzzIngest } from '../support/fuzz.js';
import { createTestDatabase, startRealHub, stopRealHub, type TestDatabase } from '../support/real.js';

let db: TestDatabase;
let hub: TestHub | undefined;
let devices: DemoDevice[];
let client: MqttClient | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
  hub = await startRealHub(db);
  devices = await residentDevices(hub.dataDir, 3);
  client = await connectDevice(hub.mqttUrl, devices[0]!, { protocolVersion: 5 });
});
afterAll(async () => {
  await client?.endAsync();
  await stopRealHub(hub);
  await db?.drop();
});

describe('real servers: PostgreSQL 15 + Mosquitto', () => {
  it('runs on plain PostgreSQL with the time-series extras off, behind an external broker', async () => {
    expect(hub!.database.embedded).toBe(false);
    expect(hub!.database.timescale).toBe(false);
    expect(hub!.mqttPort).toBeNull();
    expect(hub!.mqttUrl).toMatch(/^mqtt:\/\//);
    const health = await hub!.api<{ status: string; checks: Record<string, boolean> }>('GET', '/healthz');
    expect(health.status).toBe(200);
    expect(health.body.checks).toEqual({ database: true, mqtt: true });
    const current = await hub!.database.pool.query('SELECT current_database() AS name');
    expect(current.rows[0].name).toBe(db.name);
  });

  it('telemetry, an event and a status land in their tables', async () => {
    const d = devices[0]!;
    const ts = Date.now() - 30 * 60_000;
    const eventId = newEventId('sos');
    await client!.publishAsync(
      TOPIC(d.deviceId, 'telemetry'),
      JSON.stringify({ ts, readings: { heartRate: 72, spo2: 97 } }),
      { qos: 1 },
    );
    await client!.publishAsync(TOPIC(d.deviceId, 'events'), JSON.stringify({ eventId, ts, type: 'sos' }), { qos: 1 });
    await client!.publishAsync(
      TOPIC(d.deviceId, 'status'),
      JSON.stringify({ ts, online: true, battery: 61, signal: -80, firmware: '3.0' }),
      { qos: 1 },
    );

    const pool = hub!.database.pool;
    expect(await waitForCount(hub!, 'SELECT count(*) AS n FROM readings WHERE device_id = $1', [d.deviceId], 2)).toBe(
      2,
    );
    const r = await pool.query('SELECT metric, value, resident_id FROM readings WHERE device_id = $1 ORDER BY metric', [
      d.deviceId,
    ]);
    expect(r.rows).toEqual([
      { metric: 'heartRate', value: 72, resident_id: d.residentId },
      { metric: 'spo2', value: 97, resident_id: d.residentId },
    ]);
    expect(await waitForCount(hub!, 'SELECT count(*) AS n FROM device_events WHERE event_id = $1', [eventId], 1)).toBe(
      1,
    );
    expect(
      await waitForCount(
        hub!,
        'SELECT count(*) AS n FROM device_status WHERE device_id = $1 AND battery = 61',
        [d.deviceId],
        1,
      ),
    ).toBe(1);
    await hub!.flush();
    const dev = await pool.query('SELECT online, battery, signal, firmware, last_seen FROM devices WHERE id = $1', [
      d.deviceId,
    ]);
    expect(dev.rows[0]).toMatchObject({ online: true, battery: 61, signal: -80, firmware: '3.0' });
    expect(dev.rows[0].last_seen).not.toBeNull();
  });

  it('a redelivered event is stored once', async () => {
    const d = devices[0]!;
    const eventId = newEventId('fall');
    const body = JSON.stringify({ eventId, ts: Date.now(), type: 'fall' });
    await client!.publishAsync(TOPIC(d.deviceId, 'events'), body, { qos: 1 });
    await client!.publishAsync(TOPIC(d.deviceId, 'events'), body, { qos: 1, dup: true });
    await client!.publishAsync(TOPIC(d.deviceId, 'events'), body, { qos: 1 });
    const marker = newEventId('marker');
    await client!.publishAsync(
      TOPIC(d.deviceId, 'events'),
      JSON.stringify({ eventId: marker, ts: Date.now(), type: 'test' }),
      { qos: 1 },
    );
    await waitForCount(hub!, 'SELECT count(*) AS n FROM device_events WHERE event_id = $1', [marker], 1);
    expect(
      await count(hub!.database.pool, 'SELECT count(*) AS n FROM device_events WHERE event_id = $1', [eventId]),
    ).toBe(1);
  });

  it('bad payloads are dead-lettered exactly and good ones kept (fast-check, 200 messages)', async () => {
    await fuzzIngest(hub!, devices[1]!, 200, process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined);
  });

  it('the vitals endpoint falls back to the raw readings', async () => {
    const d = devices[2]!;
    const c = await connectDevice(hub!.mqttUrl, d);
    const start = Date.now() - 2 * 3600_000;
    for (let i = 0; i < 4; i++) {
      await c.publishAsync(
        TOPIC(d.deviceId, 'telemetry'),
        JSON.stringify({ ts: start + i * 60_000, readings: { systolic: 120 + i * 10 } }),
        { qos: 1 },
      );
    }
    await c.endAsync();
    await waitForCount(hub!, 'SELECT count(*) AS n FROM readings WHERE device_id = $1', [d.deviceId], 4);
    await hub!.refreshAggregates(); // a no-op without TimescaleDB
    const token = await hub!.login(ADMIN.email, ADMIN.password);
    const v = await hub!.api<{
      bucket: string;
      points: { bucket: string; metric: string; avg: number; min: number; max: number; count: number }[];
    }>('GET', `/api/residents/${d.residentId}/vitals?range=24h`, token);
    expect(v.status).toBe(200);
    expect(v.body.bucket).toBe('hour');
    const sys = v.body.points.filter((p) => p.metric === 'systolic');
    expect(sys.reduce((a, p) => a + p.count, 0)).toBe(4);
    expect(Math.min(...sys.map((p) => p.min))).toBe(120);
    expect(Math.max(...sys.map((p) => p.max))).toBe(150);
    for (const p of sys) expect(new Date(p.bucket).getUTCMinutes()).toBe(0);
    const month = await hub!.api<{ bucket: string; points: { metric: string; count: number }[] }>(
      'GET',
      `/api/residents/${d.residentId}/vitals?range=30d`,
      token,
    );
    expect(month.body.bucket).toBe('day');
    expect(month.body.points.filter((p) => p.metric === 'systolic').reduce((a, p) => a + p.count, 0)).toBe(4);
  });
});
