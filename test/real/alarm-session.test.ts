/**
 * Alarms have their own session at an external broker. A telemetry backlog larger than what the
 * broker queues for a session (max_queued_messages) is shed by the broker — telemetry only: the
 * alarms queued meanwhile are in the hub's alarm session and all arrive. (With one session for
 * everything, an SOS queued behind a full telemetry backlog was dropped by the broker: 13 of 119 in
 * an independent load run.)
 */
import mqtt, { type MqttClient } from 'mqtt';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/hub.js';
import { TOPIC, count, demoDevices, newEventId, type DemoDevice } from '../support/devices.js';
import { scrapeMetric, spawnHub, type ChildHub } from '../support/processes.js';
import { startPrivateStack, untilSubscribed, type PrivateStack } from '../support/private-stack.js';

const QUEUED = 50;
let stack: PrivateStack;
let pool: pg.Pool;
let hub: ChildHub | undefined;
let env: Record<string, string>;
let devices: DemoDevice[];
let client: MqttClient | undefined;

beforeAll(async () => {
  // The deploy's settings, with a small queue per session so a modest backlog overflows it.
  // $SYS every second, so the hub's count of shed telemetry follows quickly.
  stack = await startPrivateStack([`max_queued_messages ${QUEUED}`, 'sys_interval 1']);
  pool = stack.pool;
  env = await stack.hubEnv({ HUB_ID: 'alarm-session-hub', MQTT_SHARED_GROUP: 'alarm-session', DEMO_DATA: 'true' });
  hub = await spawnHub(env);
  await hub.ready();
  devices = (await demoDevices(env.DATA_DIR!)).filter((d) => d.residentId);
  client = await mqtt.connectAsync(stack.broker.url, { protocolVersion: 5, reconnectPeriod: 1000 });
  await untilSubscribed(client, pool, devices[0]!.deviceId);
}, 180_000);

afterAll(async () => {
  await client?.endAsync(true);
  await hub?.kill('SIGKILL');
  await stack?.close();
});

describe('alarms on their own broker session', () => {
  it('every alarm queued behind a telemetry backlog the broker sheds arrives', async () => {
    await hub!.kill('SIGKILL');
    // While the hub is away: a telemetry backlog ten times what the broker queues per session,
    // alarms in between and after it.
    const sos: { deviceId: string; eventId: string }[] = [];
    for (let i = 0; i < QUEUED * 10; i++) {
      const d = devices[i % devices.length]!;
      await client!.publishAsync(
        TOPIC(d.deviceId, 'telemetry'),
        JSON.stringify({ ts: Date.now(), readings: { heartRate: 70 + (i % 20) } }),
        { qos: 1 },
      );
      if (i % 100 === 50 || i === QUEUED * 10 - 1) {
        const pendant = devices[sos.length % devices.length]!;
        const eventId = newEventId();
        sos.push({ deviceId: pendant.deviceId, eventId });
        await client!.publishAsync(
          TOPIC(pendant.deviceId, 'events'),
          JSON.stringify({ ts: Date.now(), type: 'sos', eventId }),
          { qos: 1 },
        );
      }
    }
    const heartRatesBefore = await count(pool, `SELECT count(*) AS n FROM readings WHERE metric = 'heartRate'`);
    hub = await spawnHub(env);
    await hub.ready();
    await eventually(
      async () =>
        (await count(pool, `SELECT count(*) AS n FROM device_events WHERE event_id = ANY($1::text[])`, [
          sos.map((s) => s.eventId),
        ])) === sos.length,
      30_000,
      300,
    );
    // The backlog overflowed the telemetry session's queue: the broker shed telemetry, not alarms.
    const heartRates =
      (await count(pool, `SELECT count(*) AS n FROM readings WHERE metric = 'heartRate'`)) - heartRatesBefore;
    expect(heartRates).toBeLessThan(QUEUED * 10);
    // …and the hub counts what the broker shed, on /metrics.
    await eventually(async () => (await scrapeMetric(hub!.base, 'hub_broker_messages_dropped')) > 0, 15_000, 300);
    const dropped = await scrapeMetric(hub!.base, 'hub_broker_messages_dropped');
    expect(dropped + heartRates).toBe(QUEUED * 10);
  }, 120_000);
});

describe('alarms across a broker restart', () => {
  it('an SOS a device sends before the hub is back at the restarted broker arrives (shared group set)', async () => {
    // The hub is away; the broker restarts (Mosquitto 2.0 restores persisted sessions without their
    // shared subscriptions); a device sends an SOS before the hub reconnects. The alarm session's
    // plain subscription is restored with the session, so the SOS is queued for the hub.
    await hub!.kill('SIGKILL');
    await stack.broker.kill('SIGTERM'); // a clean stop writes the sessions to the persistence file
    await stack.broker.start();
    const device = await mqtt.connectAsync(stack.broker.url, { protocolVersion: 5, reconnectPeriod: 0 });
    const pendant = devices[1]!;
    const eventId = newEventId();
    await device.publishAsync(
      TOPIC(pendant.deviceId, 'events'),
      JSON.stringify({ ts: Date.now(), type: 'sos', eventId }),
      { qos: 1 },
    );
    await device.endAsync();
    hub = await spawnHub(env);
    await hub.ready();
    await eventually(
      async () => (await count(pool, `SELECT count(*) AS n FROM device_events WHERE event_id = $1`, [eventId])) === 1,
      30_000,
      300,
    );
  }, 120_000);
});
