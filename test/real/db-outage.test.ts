/**
 * The database goes away for 30 s (a TCP proxy between the hub and PostgreSQL is cut, then
 * restored) while telemetry and alarms keep coming:
 *  - alarms still reach the dispatch screens live, as provisional alerts (spooled durably on disk,
 *    so the broker is acknowledged);
 *  - telemetry is held within its budget (INGEST_QUEUE_MAX) and the oldest rows give way, counted
 *    in hub_ingest_dropped_total — ingest never stalls behind the dead database;
 *  - the hub keeps serving (/healthz says degraded, /metrics works);
 *  - when the database is back, every spooled alarm becomes exactly one incident signal (through
 *    the normal exactly-once path), the provisional ones are cleared, the spool is deleted, every
 *    telemetry row held within the budget is written, and new alarms take the normal path again.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, ClientToServerEvents, ProvisionalAlert, ServerToClientEvents } from '@eldercare/shared';
import { eventually, type TestHub } from '../support/hub.js';
import { TOPIC, count, demoDevices, newEventId, type DemoDevice } from '../support/devices.js';
import { REAL_MQTT_URL, createTestDatabase, startRealHub, stopRealHub, type TestDatabase } from '../support/real.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

const OUTAGE_MS = Number(process.env.DB_OUTAGE_MS ?? 30_000);
const QUEUE_MAX = 1000;
let db: TestDatabase;
let proxy: TcpProxy;
let hub: TestHub | undefined;
let client: MqttClient | undefined;
let socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
let pendants: DemoDevice[];
let sensors: DemoDevice[];
const provisional: { p: ProvisionalAlert; at: number }[] = [];
const cleared = new Set<string>();
const upserts: Alert[] = [];
const statuses: { mqtt: boolean; database: boolean }[] = [];

const metric = async (name: string) => {
  const text = await (await fetch(`${hub!.base}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith(name))
    .reduce((s, l) => s + Number(l.split(' ').at(-1)), 0);
};

beforeAll(async () => {
  db = await createTestDatabase();
  const u = new URL(db.url);
  proxy = await startTcpProxy({ host: u.hostname, port: Number(u.port || 5432) });
  hub = await startRealHub(db, {
    DATABASE_URL: proxy.url(db.url),
    INGEST_QUEUE_MAX: String(QUEUE_MAX),
    INGEST_BATCH_SIZE: '200',
  });
  const all = await demoDevices(hub.dataDir);
  const withResident = all.filter((d) => d.residentId);
  // One alarm device per resident (each elder's alarms fold into one incident anyway).
  const byResident = new Map<string, DemoDevice>();
  for (const d of withResident) if (!byResident.has(d.residentId!)) byResident.set(d.residentId!, d);
  pendants = [...byResident.values()].slice(0, 6);
  sensors = withResident.slice(0, 20);
  client = await mqtt.connectAsync(REAL_MQTT_URL, { protocolVersion: 5, reconnectPeriod: 0 });
  // Warm the hub's resident cache (so provisional alarms can name the elder).
  for (const d of pendants)
    await client.publishAsync(
      TOPIC(d.deviceId, 'telemetry'),
      JSON.stringify({ ts: Date.now(), readings: { steps: 1 } }),
      {
        qos: 1,
      },
    );
  const token = await hub.login('dispatcher@demo.local', 'demo-dispatch-pass');
  socket = ioClient(hub.base, { auth: { token }, transports: ['websocket'] });
  socket.on('alert:provisional', (p) => provisional.push({ p, at: Date.now() }));
  socket.on('alert:provisional-cleared', ({ ids }) => ids.forEach((id) => cleared.add(id)));
  socket.on('alert:upsert', (a) => upserts.push(a));
  socket.on('hub:status', (s) => statuses.push(s));
  await new Promise<void>((resolve) => socket!.once('alerts:snapshot', () => resolve()));
  await hub.flush();
}, 180_000);

afterAll(async () => {
  socket?.close();
  await client?.endAsync();
  proxy?.restore();
  await stopRealHub(hub);
  await proxy?.close();
  await db?.drop();
});

describe('database unreachable for 30 s (real PostgreSQL behind a TCP proxy)', () => {
  const sent = { readings: 0, alarms: [] as { device: DemoDevice; eventId: string; at: number }[] };
  let readingsBefore = 0;

  it(
    'alarms reach dispatch live as provisional; telemetry is bounded; the hub keeps serving',
    async () => {
      readingsBefore = await count(hub!.database.pool, `SELECT count(*) AS n FROM readings WHERE metric = 'steps'`);
      proxy.cut();
      const started = Date.now();
      const ts0 = Date.now() - 3600_000;
      let tick = 0;
      let alarmIndex = 0;
      const alarmTimes = [500, 5_000, 12_000, 20_000, OUTAGE_MS - 4_000, OUTAGE_MS - 2_000];
      while (Date.now() - started < OUTAGE_MS) {
        // ~2,000 telemetry readings a second: well past the 1,000-row budget during the outage.
        for (let i = 0; i < 100; i++) {
          const d = sensors[(tick * 100 + i) % sensors.length]!;
          client!.publish(
            TOPIC(d.deviceId, 'telemetry'),
            JSON.stringify({ ts: ts0 + sent.readings, readings: { steps: sent.readings } }),
            {
              qos: 0,
            },
          );
          sent.readings++;
        }
        tick++;
        const elapsed = Date.now() - started;
        if (alarmIndex < alarmTimes.length && elapsed >= alarmTimes[alarmIndex]!) {
          const device = pendants[alarmIndex]!;
          const eventId = newEventId('outage');
          const type = alarmIndex === 1 ? 'fall' : 'sos';
          await client!.publishAsync(
            TOPIC(device.deviceId, 'events'),
            JSON.stringify({ eventId, ts: Date.now(), type }),
            {
              qos: 1,
            },
          );
          sent.alarms.push({ device, eventId, at: Date.now() });
          alarmIndex++;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      // Every alarm reached the dispatch screen, promptly, while the database was still down.
      await eventually(async () => provisional.length >= sent.alarms.length, 5_000);
      expect(proxy.isCut).toBe(true);
      for (const a of sent.alarms) {
        const p = provisional.find((x) => x.p.eventId === a.eventId);
        expect(p, a.eventId).toBeDefined();
        expect(p!.at - a.at).toBeLessThan(2_000);
        expect(p!.p.deviceId).toBe(a.device.deviceId);
        expect(p!.p.residentId).toBe(a.device.residentId);
        expect(p!.p.residentName).toBeTruthy();
        expect(['sos', 'fall']).toContain(p!.p.kind);
      }
      expect(upserts.filter((u) => sent.alarms.some((a) => a.device.residentId === u.residentId))).toEqual([]);
      // Spooled durably.
      const spoolFiles = (await readdir(path.join(hub!.dataDir, 'spool'))).filter((f) => f.endsWith('.ndjson'));
      expect(spoolFiles.length).toBeGreaterThan(0);
      expect(await metric('hub_events_spooled_total')).toBe(sent.alarms.length);
      // Telemetry: the budget held, the oldest gave way, nothing stalled.
      expect(await metric('hub_ingest_dropped_total{table="readings"}')).toBeGreaterThan(0);
      expect(await metric('hub_ingest_queue_depth{table="readings"}')).toBeLessThanOrEqual(QUEUE_MAX);
      expect(await metric('hub_ingest_messages_total{kind="telemetry"}')).toBeGreaterThanOrEqual(sent.readings * 0.95);
      // Still serving, and honest about it.
      const health = await fetch(`${hub!.base}/healthz`);
      expect(health.status).toBe(503);
      expect(((await health.json()) as { checks: { database: boolean } }).checks.database).toBe(false);
      expect(statuses.some((s) => !s.database)).toBe(true);
    },
    OUTAGE_MS + 60_000,
  );

  it('when the database is back: one incident signal per alarm, provisional cleared, spool deleted, budgeted telemetry written', async () => {
    proxy.restore();
    const ids = sent.alarms.map((a) => `${a.device.deviceId}:${a.eventId}`);
    await eventually(async () => ids.every((id) => cleared.has(id)), 30_000, 200);
    for (const a of sent.alarms) {
      expect(
        await count(
          hub!.database.pool,
          'SELECT count(*) AS n FROM alert_signals WHERE device_id = $1 AND event_id = $2',
          [a.device.deviceId, a.eventId],
        ),
        a.eventId,
      ).toBe(1);
      expect(
        await count(
          hub!.database.pool,
          'SELECT count(*) AS n FROM device_events WHERE device_id = $1 AND event_id = $2',
          [a.device.deviceId, a.eventId],
        ),
      ).toBe(1);
      // The real incident reached the screen.
      await eventually(
        async () => upserts.find((u) => u.residentId === a.device.residentId && u.kind !== 'vitals'),
        5_000,
      );
    }
    expect((await readdir(path.join(hub!.dataDir, 'spool'))).filter((f) => f.endsWith('.ndjson'))).toEqual([]);
    expect(await metric('hub_events_replayed_total')).toBe(sent.alarms.length);
    // Everything held within the budget is written: sent = written + dropped.
    const dropped = await metric('hub_ingest_dropped_total{table="readings"}');
    const written = await eventually(
      async () => {
        await hub!.flush();
        const n =
          (await count(hub!.database.pool, `SELECT count(*) AS n FROM readings WHERE metric = 'steps'`)) -
          readingsBefore;
        return n + dropped >= sent.readings && n;
      },
      30_000,
      200,
    );
    expect(written + dropped).toBe(sent.readings);
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThanOrEqual(sent.readings);
    expect((await fetch(`${hub!.base}/healthz`)).status).toBe(200);
  }, 60_000);

  it('after the outage, a new alarm takes the normal path again (no provisional)', async () => {
    const d = pendants[0]!;
    const eventId = newEventId('after');
    const before = provisional.length;
    const nUpserts = upserts.length;
    await client!.publishAsync(TOPIC(d.deviceId, 'events'), JSON.stringify({ eventId, ts: Date.now(), type: 'sos' }), {
      qos: 1,
    });
    await eventually(async () => upserts.slice(nUpserts).find((u) => u.residentId === d.residentId), 5_000);
    expect(provisional.length).toBe(before);
    expect(await metric('hub_events_spooled_total')).toBe(sent.alarms.length);
  });
});

describe('a silent partition (the database neither answers nor refuses)', () => {
  it('an alarm waits at most ~5 s for the database, then goes live as provisional; replayed after', async () => {
    const d = pendants[2]!;
    const eventId = newEventId('stall');
    proxy.stall();
    const at = Date.now();
    try {
      await client!.publishAsync(TOPIC(d.deviceId, 'events'), JSON.stringify({ eventId, ts: at, type: 'sos' }), {
        qos: 1,
      });
      const p = await eventually(async () => provisional.find((x) => x.p.eventId === eventId), 9_000, 50);
      expect(p.at - at).toBeLessThan(7_000);
      // The health check does not hang on the silent database either.
      const started = Date.now();
      expect((await fetch(`${hub!.base}/healthz`)).status).toBe(503);
      expect(Date.now() - started).toBeLessThan(4_500);
    } finally {
      proxy.restore();
    }
    await eventually(async () => cleared.has(`${d.deviceId}:${eventId}`), 30_000, 200);
    expect(
      await count(
        hub!.database.pool,
        'SELECT count(*) AS n FROM alert_signals WHERE device_id = $1 AND event_id = $2',
        [d.deviceId, eventId],
      ),
    ).toBe(1);
  }, 60_000);
});
