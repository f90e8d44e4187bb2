/** Test helpers for devices: the demo credentials, MQTT clients that act as devices, row counts. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type pg from 'pg';

export interface DemoDevice {
  deviceId: string;
  type: string;
  password: string;
  residentId: string | null;
}

export const TOPIC = (deviceId: string, kind: 'telemetry' | 'events' | 'status' | 'commands') =>
  `eldercare/v1/devices/${deviceId}/${kind}`;

export async function demoDevices(dataDir: string): Promise<DemoDevice[]> {
  const raw = JSON.parse(await readFile(path.join(dataDir, 'demo-devices.json'), 'utf8')) as { devices: DemoDevice[] };
  return raw.devices;
}

/** Demo devices that belong to a resident, distinct, `n` of them. */
export async function residentDevices(dataDir: string, n: number): Promise<DemoDevice[]> {
  const all = (await demoDevices(dataDir)).filter((d) => d.residentId);
  if (all.length < n) throw new Error(`only ${all.length} demo devices with a resident`);
  return all.slice(0, n);
}

/** Connects as a device: clientId = username = device id, no reconnects (a refusal must surface). */
export function connectDevice(
  url: string,
  d: { deviceId: string; password: string },
  extra: IClientOptions = {},
): Promise<MqttClient> {
  return mqtt.connectAsync(url, {
    clientId: d.deviceId,
    username: d.deviceId,
    password: d.password,
    reconnectPeriod: 0,
    connectTimeout: 5_000,
    protocolVersion: 4,
    ...extra,
  });
}

/** The error a refused connection produced (rejects when the connection was accepted). */
export async function connectRefusal(url: string, opts: IClientOptions): Promise<Error & { code?: number }> {
  try {
    const c = await mqtt.connectAsync(url, { reconnectPeriod: 0, connectTimeout: 5_000, protocolVersion: 4, ...opts });
    await c.endAsync(true);
  } catch (err) {
    return err as Error & { code?: number };
  }
  throw new Error('connection was accepted');
}

/** Resolves when the client's connection closes (or after `ms` with false). */
export function closed(client: MqttClient, ms = 3_000): Promise<boolean> {
  if (!client.connected) return Promise.resolve(true);
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    client.once('close', () => {
      clearTimeout(t);
      resolve(true);
    });
  });
}

export async function count(pool: pg.Pool, sql: string, params: unknown[] = []): Promise<number> {
  const r = await pool.query<{ n: number | string }>(sql, params);
  return Number(r.rows[0]!.n);
}

let seq = 0;
/** A unique event id for this test run. */
export const newEventId = (prefix = 'evt') =>
  `${prefix}-${process.pid}-${Date.now().toString(36)}-${(seq++).toString(36)}`;

/**
 * Flushes the hub and polls until `sql` counts at least `n` rows; returns the count (so a caller can
 * assert it is exactly `n`: more would mean duplicates).
 */
export async function waitForCount(
  hub: { flush(): Promise<void>; database: { pool: pg.Pool } },
  sql: string,
  params: unknown[],
  n: number,
  timeoutMs = 15_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await hub.flush();
    const last = await count(hub.database.pool, sql, params);
    if (last >= n) return last;
    if (Date.now() > deadline) throw new Error(`expected ${n} rows, have ${last}: ${sql} ${JSON.stringify(params)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
