/**
 * Real-server test support: a fresh database per test file on the machine's PostgreSQL and the
 * machine's MQTT broker (Mosquitto). TEST_DATABASE_URL (a database the tests may create databases
 * from) and TEST_MQTT_URL override the defaults.
 */
import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import pg from 'pg';
import { startTestHub, type TestHub } from './hub.js';

export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REAL_MQTT_URL = process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** CREATE DATABASE hub_test_<random>; drop() removes it WITH (FORCE). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `hub_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Settings that keep concurrent or leftover hubs (and their persistent sessions) out of this test's way. */
export function realHubEnv(db: TestDatabase, o: { hubId?: string; group?: string } = {}): Record<string, string> {
  const suffix = randomBytes(4).toString('hex');
  return {
    DATABASE_URL: db.url,
    MQTT_URL: REAL_MQTT_URL,
    HUB_ID: o.hubId ?? `hub-real-${suffix}`,
    MQTT_SHARED_GROUP: o.group ?? `t${suffix}`,
  };
}

export async function startRealHub(
  db: TestDatabase,
  env: Record<string, string> = {},
  dataDir?: string,
): Promise<TestHub> {
  const hub = await startTestHub({ ...realHubEnv(db), ...env }, dataDir);
  try {
    await settled(hub);
  } catch (err) {
    await hub.stop();
    throw err;
  }
  return hub;
}

/**
 * A shared broker holds other devices' retained statuses (Mosquitto 2.0 also hands them to shared
 * subscriptions), and a new hub is flooded with them on subscribe; what does not fit the broker's
 * queue for the hub is dropped. Waits until a canary message (an unknown device, so it is
 * dead-lettered under its own id) gets through: everything queued before it has been handled.
 */
export async function settled(hub: TestHub, timeoutMs = 30_000): Promise<void> {
  const canary = `canary-${randomBytes(6).toString('hex')}`;
  const client = await mqtt.connectAsync(hub.mqttUrl, { clientId: canary, reconnectPeriod: 0, connectTimeout: 5_000 });
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await client.publishAsync(`eldercare/v1/devices/${canary}/status`, '{"online":true}', { qos: 1 });
      const until = Date.now() + 1_000;
      while (Date.now() < until) {
        await hub.flush();
        const r = await hub.database.pool.query('SELECT 1 FROM dead_letters WHERE device_id = $1 LIMIT 1', [canary]);
        if (r.rowCount) return;
        await new Promise((res) => setTimeout(res, 50));
      }
      if (Date.now() > deadline) throw new Error('the hub never received the canary message from the broker');
    }
  } finally {
    await client.endAsync(true);
  }
}

/** Removes the hub's persistent MQTT session from the broker (so it does not collect messages for days). */
export async function forgetMqttSession(url: string, clientId: string): Promise<void> {
  const c = await mqtt.connectAsync(url, {
    clientId,
    clean: true,
    protocolVersion: 5,
    properties: { sessionExpiryInterval: 0 },
    reconnectPeriod: 0,
    connectTimeout: 5_000,
  });
  await c.endAsync();
}

export async function stopRealHub(hub: TestHub | undefined, opts: { keepData?: boolean } = {}): Promise<void> {
  if (!hub) return;
  await hub.stop(opts);
  if (!opts.keepData) await forgetMqttSession(REAL_MQTT_URL, hub.config.HUB_ID).catch(() => undefined);
}
