/**
 * Notifications survive a crash and are never sent twice by two hubs (child hubs on one
 * PostgreSQL, a private Mosquitto, a Standard Webhooks receiver on loopback):
 *  - a district webhook hangs (takes requests, never answers) while device-health alerts open, so
 *    the messages sit in the outbox: claimed, timed out, retried, by both hubs;
 *  - one hub is SIGKILLed while it holds attempts (their lease runs 60 s) and is started again
 *    under the same id; the receiver comes back — the restarted hub takes up what its previous run
 *    held at once instead of waiting out the lease;
 *  - every message reaches the receiver exactly once (each id once), and the outbox says `sent`.
 */
import mqtt, { type MqttClient } from 'mqtt';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/hub.js';
import { TOPIC, demoDevices, type DemoDevice } from '../support/devices.js';
import { login, spawnHub, type ChildHub } from '../support/processes.js';
import { startPrivateStack, type PrivateStack } from '../support/private-stack.js';
import { startWebhookReceiver } from '../support/receivers.js';

let stack: PrivateStack;
let pool: pg.Pool;
let a: ChildHub | undefined;
let b: ChildHub | undefined;
let envA: Record<string, string>;
let client: MqttClient | undefined;
let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let devices: DemoDevice[];

const hubEnv = (id: string, demo: boolean) =>
  stack.hubEnv({
    HUB_ID: id,
    MQTT_SHARED_GROUP: 'notify',
    DEMO_DATA: String(demo),
    // Retries fall due quickly, and never give up within the test.
    NOTIFY_RETRY_BASE_MS: '200',
    NOTIFY_RETRY_MAX_MS: '600',
    NOTIFY_MAX_ATTEMPTS: '100',
    NOTIFY_POLL_MS: '100',
    NOTIFY_HTTP_TIMEOUT_MS: '1500',
    NOTIFY_LINK_SECRET: 'a-shared-secret-for-both-hubs',
  });

beforeAll(async () => {
  stack = await startPrivateStack();
  pool = stack.pool;
  hook = await startWebhookReceiver();
  envA = await hubEnv('notify-a', true);
  a = await spawnHub(envA);
  await a.ready();
  b = await spawnHub(await hubEnv('notify-b', false));
  await b.ready();
  devices = (await demoDevices(envA.DATA_DIR!)).filter((d) => d.residentId);
  client = await mqtt.connectAsync(stack.broker.url, { protocolVersion: 5, reconnectPeriod: 1000 });
}, 240_000);

afterAll(async () => {
  await client?.endAsync(true);
  await a?.kill('SIGKILL');
  await b?.kill('SIGKILL');
  await hook?.close().catch(() => undefined);
  await stack?.close();
});

type Row = { id: string; status: string; attempts: number; claimed_by: string | null };
const webhookRows = async () =>
  (await pool.query<Row>(`SELECT id, status, attempts, claimed_by FROM notifications WHERE channel = 'webhook'`)).rows;

describe('notifications across a SIGKILL and two hubs', () => {
  it('a receiver that hangs while a hub is killed gets every message once the hub is back, each exactly once', async () => {
    const token = await login(a!.base, 'admin@demo.local', 'demo-admin-pass');
    const res = await fetch(`${a!.base}/api/notifications/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'duty group', format: 'standard', url: hook.url, purposes: ['device_health'] }),
    });
    expect(res.status).toBe(201);
    hook.setSecret(((await res.json()) as { secret: string }).secret);
    hook.hang();

    // Eight devices report a flat battery: eight device-health alerts, one webhook message each.
    const flat = devices.slice(0, 8);
    for (const d of flat)
      await client!.publishAsync(TOPIC(d.deviceId, 'status'), JSON.stringify({ online: true, battery: 5 }), {
        qos: 1,
        retain: true,
      });
    const failing = await eventually(
      async () => {
        const rows = await webhookRows();
        return rows.length === flat.length &&
          rows.every((r) => r.attempts >= 2) &&
          rows.some((r) => r.status === 'sending' && r.claimed_by === 'notify-a')
          ? rows
          : null;
      },
      60_000,
      50,
    );

    await a!.kill('SIGKILL');
    a = await spawnHub(envA);
    await a.ready();
    await hook.up();

    const ids = new Set(failing.map((r) => r.id));
    await eventually(
      async () => (await webhookRows()).every((r) => r.status === 'sent') && hook.received.length >= ids.size,
      // Well inside the 60 s lease the killed run's attempts still hold.
      30_000,
      200,
    );
    await new Promise((r) => setTimeout(r, 2_000)); // anything sent twice would arrive by now
    const got = hook.received.map((m) => m.id);
    expect(new Set(got)).toEqual(ids);
    expect(got).toHaveLength(ids.size);
    expect(hook.refused).toEqual([]);
  });
});
