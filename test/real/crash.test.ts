/**
 * Crashes against real processes: PostgreSQL (the machine's), a PRIVATE Mosquitto on a free port
 * (persistence on, max_queued_messages 100000) and the hub as a child process.
 *
 * 1. SIGKILL: the hub is killed in the middle of load (telemetry plus QoS 1 sos/fall from many
 *    devices) and started again with the same HUB_ID. Every alarm the broker acknowledged — before,
 *    during and after the outage — ends up as exactly one incident signal; open incidents, their
 *    escalation timers (due_at) and claims survive.
 * 2. Broker restart: Mosquitto is killed and started again. The hub reports the outage
 *    (hub_mqtt_connected 0, hub_mqtt_disconnects_total, 'hub:status' to dashboards, /healthz 503),
 *    reconnects, resubscribes, and messages sent after the restart land.
 * 3. SIGKILL while the database is unreachable: alarms exist only in the hub's disk spool; the
 *    restarted hub replays them into incidents, exactly once.
 */
import mqtt, { type MqttClient } from 'mqtt';
import type pg from 'pg';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '@eldercare/shared';
import { eventually } from '../support/hub.js';
import { TOPIC, count, demoDevices, newEventId, type DemoDevice } from '../support/devices.js';
import { startTcpProxy } from '../support/tcp-proxy.js';
import { expectExactlyOnce, startAlarmLoad } from '../support/alarm-load.js';
import { login, scrapeMetric, spawnHub, type ChildHub } from '../support/processes.js';
import { startPrivateStack, untilSubscribed, type PrivateStack } from '../support/private-stack.js';

let stack: PrivateStack;
let db: PrivateStack['db'];
let pool: pg.Pool;
let broker: PrivateStack['broker'];
let hub: ChildHub | undefined;
let env: Record<string, string>;
let devices: DemoDevice[];
let client: MqttClient | undefined;
let socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  stack = await startPrivateStack(['autosave_interval 1']);
  ({ db, pool, broker } = stack);
  env = await stack.hubEnv({ HUB_ID: 'crash-hub', MQTT_SHARED_GROUP: 'crash', DEMO_DATA: 'true' });
  hub = await spawnHub(env);
  await hub.ready();
  devices = (await demoDevices(env.DATA_DIR!)).filter((d) => d.residentId);
  client = await mqtt.connectAsync(broker.url, { protocolVersion: 5, reconnectPeriod: 1000 });
  // The hub's subscription is in place once a first message lands.
  await untilSubscribed(client, pool, devices[0]!.deviceId);
}, 180_000);

afterAll(async () => {
  socket?.close();
  await client?.endAsync(true);
  await hub?.kill('SIGKILL');
  await stack?.close();
});

describe('SIGKILL in the middle of load (child hub, private Mosquitto, PostgreSQL)', () => {
  it('every acknowledged alarm becomes exactly one incident signal; incidents, timers and claims survive', async () => {
    const load = startAlarmLoad(client!, devices);
    await eventually(async () => (await count(pool, 'SELECT count(*) AS n FROM alert_signals')) >= 20, 20_000, 100);

    // A dispatcher claims one incident before the crash.
    const token = await login(hub!.base, 'dispatcher@demo.local', 'demo-dispatch-pass');
    const open = await pool.query<{ id: string }>(
      `SELECT id FROM alerts WHERE closed_at IS NULL AND status = 'open' AND queue = 'emergency' ORDER BY created_at LIMIT 1`,
    );
    const claimedId = open.rows[0]!.id;
    const claim = await fetch(`${hub!.base}/api/alerts/${claimedId}/claim`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(claim.status).toBe(200);

    await sleep(500);
    const sentBeforeKill = load.sent.length;
    await hub!.kill('SIGKILL');
    const before = await pool.query<{
      id: string;
      status: string;
      due_at: Date | null;
      acknowledged_by: string | null;
    }>(`SELECT id, status, due_at, acknowledged_by FROM alerts WHERE closed_at IS NULL`);
    expect(before.rows.length).toBeGreaterThan(0);
    await sleep(3_000); // the outage: alarms keep coming, the broker keeps them for the hub's session
    expect(load.sent.length).toBeGreaterThan(sentBeforeKill);

    hub = await spawnHub(env);
    await hub.ready();
    await sleep(1_000);
    await load.stop();
    const sent = load.sent;
    expect(sent.length).toBeGreaterThan(100);

    await expectExactlyOnce(pool, sent); // every alarm: exactly one signal and one stored event

    // Open incidents, timers and the claim survived the crash.
    const after = await pool.query<{ id: string; status: string; due_at: Date | null; acknowledged_by: string | null }>(
      `SELECT id, status, due_at, acknowledged_by, closed_at FROM alerts WHERE id = ANY($1::uuid[])`,
      [before.rows.map((r) => r.id)],
    );
    expect(after.rows).toHaveLength(before.rows.length);
    for (const b of before.rows) {
      const a = after.rows.find((x) => x.id === b.id)!;
      expect(a.due_at, `due_at of ${b.id}`).not.toBeNull();
      expect(a.due_at!.getTime()).toBeGreaterThanOrEqual(b.due_at!.getTime());
      if (b.id === claimedId) {
        expect(a.status).toBe('acknowledged');
        expect(a.acknowledged_by).toBe(b.acknowledged_by);
        expect(a.due_at!.getTime()).toBe(b.due_at!.getTime());
      }
    }
    // The claim is still enforced: nobody else can take it.
    const again = await fetch(`${hub.base}/api/alerts/${claimedId}/claim`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await login(hub.base, 'supervisor@demo.local', 'demo-supervisor-pass')}` },
    });
    expect(again.status).toBe(409);
    // One incident per person: the alarms folded, nothing was opened twice.
    const dupes = await pool.query(
      `SELECT subject_key FROM alerts WHERE closed_at IS NULL AND queue = 'emergency' GROUP BY subject_key HAVING count(*) > 1`,
    );
    expect(dupes.rows).toEqual([]);
  }, 150_000);
});

describe('broker restart (private Mosquitto killed and started again)', () => {
  it('the hub reports the outage, reconnects, resubscribes and goes on', async () => {
    const token = await login(hub!.base, 'dispatcher@demo.local', 'demo-dispatch-pass');
    const statuses: { mqtt: boolean; database: boolean }[] = [];
    socket = ioClient(hub!.base, { auth: { token }, transports: ['websocket'] });
    socket.on('hub:status', (s) => statuses.push(s));
    await new Promise<void>((resolve) => socket!.once('alerts:snapshot', () => resolve()));
    expect(await scrapeMetric(hub!.base, 'hub_mqtt_connected')).toBe(1);
    const disconnects = await scrapeMetric(hub!.base, 'hub_mqtt_disconnects_total');

    await broker.kill('SIGKILL');
    await eventually(async () => (await scrapeMetric(hub!.base, 'hub_mqtt_connected')) === 0, 10_000, 100);
    expect(await scrapeMetric(hub!.base, 'hub_mqtt_disconnects_total')).toBe(disconnects + 1);
    expect((await fetch(`${hub!.base}/healthz`)).status).toBe(503);
    await eventually(async () => statuses.some((s) => !s.mqtt), 8_000, 100); // the dashboard is told

    await broker.start();
    await eventually(async () => (await scrapeMetric(hub!.base, 'hub_mqtt_connected')) === 1, 15_000, 100);
    await eventually(async () => statuses.at(-1)?.mqtt === true, 8_000, 100);
    expect((await fetch(`${hub!.base}/healthz`)).status).toBe(200);

    // Messages after the restart land (the hub resubscribed).
    const d = devices[devices.length - 1]!;
    const eventId = newEventId('after-broker');
    const publisher = await mqtt.connectAsync(broker.url, { protocolVersion: 5, reconnectPeriod: 0 });
    try {
      await eventually(
        async () => {
          await publisher.publishAsync(
            TOPIC(d.deviceId, 'events'),
            JSON.stringify({ eventId, ts: Date.now(), type: 'sos' }),
            {
              qos: 1,
            },
          );
          return (
            (await count(pool, 'SELECT count(*) AS n FROM alert_signals WHERE device_id = $1 AND event_id = $2', [
              d.deviceId,
              eventId,
            ])) === 1
          );
        },
        15_000,
        500,
      );
    } finally {
      await publisher.endAsync(true);
    }
  }, 60_000);
});

describe('SIGKILL while the database is unreachable (spooled alarms on disk)', () => {
  it('alarms spooled before the crash are replayed by the restarted hub, exactly once', async () => {
    const u = new URL(db.url);
    const proxy = await startTcpProxy({ host: u.hostname, port: Number(u.port || 5432) });
    try {
      await hub!.kill('SIGTERM');
      const viaProxy = { ...env, DATABASE_URL: proxy.url(db.url) };
      hub = await spawnHub(viaProxy);
      await hub.ready();
      const d = devices[1]!;
      const publisher = await mqtt.connectAsync(broker.url, { protocolVersion: 5, reconnectPeriod: 0 });
      // The hub's subscription is in place (its persistent session already had it).
      proxy.cut();
      const eventIds = [newEventId('spool-crash'), newEventId('spool-crash')];
      for (const eventId of eventIds)
        await publisher.publishAsync(
          TOPIC(d.deviceId, 'events'),
          JSON.stringify({ eventId, ts: Date.now(), type: 'sos' }),
          {
            qos: 1,
          },
        );
      await eventually(async () => (await scrapeMetric(hub!.base, 'hub_events_spooled_total')) === 2, 15_000, 100);
      await hub!.kill('SIGKILL'); // the spool is all that is left of these alarms
      await publisher.endAsync(true);
      proxy.restore();
      hub = await spawnHub(viaProxy);
      await hub.ready();
      for (const eventId of eventIds)
        await eventually(
          async () =>
            (await count(pool, 'SELECT count(*) AS n FROM alert_signals WHERE device_id = $1 AND event_id = $2', [
              d.deviceId,
              eventId,
            ])) === 1,
          20_000,
          200,
        );
      // The spool is replayed on the hub's next one-second tick; the broker may also have redelivered an
      // alarm whose PUBACK the SIGKILL cut off, which the exactly-once path above stored once.
      await eventually(async () => (await scrapeMetric(hub!.base, 'hub_events_replayed_total')) === 2, 10_000, 200);
    } finally {
      proxy.restore();
      await proxy.close();
    }
  }, 90_000);
});
