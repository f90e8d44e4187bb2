/**
 * The set-up the fault tests share: a fresh database on the machine's PostgreSQL (with a small pool
 * for the test's own checks), a private Mosquitto with the deploy's settings (processes.ts) and the
 * settings for child hubs on both, each with its own data folder. Apart from processes.ts so the
 * benchmark, which starts a private Mosquitto too, does not load the hub's modules (real.ts does).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MqttClient } from 'mqtt';
import pg from 'pg';
import { TOPIC, count } from './devices.js';
import { eventually } from './hub.js';
import { startPrivateMosquitto, type PrivateMosquitto } from './processes.js';
import { createTestDatabase, type TestDatabase } from './real.js';

export interface PrivateStack {
  db: TestDatabase;
  pool: pg.Pool;
  broker: PrivateMosquitto;
  /** Settings of a child hub on this database and broker, with a fresh DATA_DIR (removed by close). */
  hubEnv(settings: Record<string, string>): Promise<Record<string, string>>;
  /** Stops the broker, drops the database, removes the data folders (kill the hubs and clients first). */
  close(): Promise<void>;
}

/** `mosquittoExtra`: broker lines on top of the deploy's (e.g. `autosave_interval 1`). */
export async function startPrivateStack(mosquittoExtra: string[] = []): Promise<PrivateStack> {
  const db = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  const broker = await startPrivateMosquitto(mosquittoExtra);
  const dirs: string[] = [];
  return {
    db,
    pool,
    broker,
    async hubEnv(settings) {
      const dir = await mkdtemp(path.join(os.tmpdir(), `hub-${settings.HUB_ID ?? 'child'}-`));
      dirs.push(dir);
      return { DATABASE_URL: db.url, MQTT_URL: broker.url, DATA_DIR: dir, ...settings };
    },
    async close() {
      await broker.close();
      await pool.end();
      await db.drop();
      for (const d of dirs) await rm(d, { recursive: true, force: true });
    },
  };
}

/** Publishes a steps reading of `deviceId` until one is stored: the hub's subscription is in place. */
export async function untilSubscribed(client: MqttClient, pool: pg.Pool, deviceId: string): Promise<void> {
  await eventually(
    async () => {
      await client.publishAsync(
        TOPIC(deviceId, 'telemetry'),
        JSON.stringify({ ts: Date.now(), readings: { steps: 1 } }),
        { qos: 1 },
      );
      return (await count(pool, `SELECT count(*) AS n FROM readings WHERE metric = 'steps'`)) > 0;
    },
    20_000,
    300,
  );
}
