/**
 * The physical limits of this machine without the hub: the database alone (bulk INSERT … SELECT
 * unnest into a readings-shaped table: a separate embedded PGlite+TimescaleDB worker, or the
 * DATABASE_URL server) and the broker alone (publish → one QoS 1 subscriber: a standalone Aedes,
 * or the MQTT_URL broker).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedDatabase } from '../../hub/src/db/embedded.js';
import { createLogger } from '../../hub/src/logger.js';
import type { FromSink, ToSink } from './broker-sink.js';
import type { BenchConfig } from './cli.js';
import { createDatabase } from './databases.js';
import type { WorkerDevice } from './load-worker.js';
import { ask, forkTs, log, sleep, type Cleanups } from './lib.js';
import { runWorkers, startWorkers, stopWorkers } from './workers.js';

/** Rows a second the database takes in the hub's batches, on one connection. */
export async function databaseBaseline(cfg: BenchConfig, cleanups: Cleanups) {
  let url: string;
  let closeDb: (() => Promise<void>) | null = null;
  let tmp: string | null = null;
  if (cfg.external.database) url = await createDatabase(cleanups, cfg.databaseUrl, `bench_raw_${cfg.dbSuffix}`);
  else {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-db-'));
    const db = await startEmbeddedDatabase(tmp, createLogger('warn'));
    url = db.url;
    closeDb = () => db.close();
  }
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  let timescale = false;
  try {
    await c.query(`CREATE EXTENSION IF NOT EXISTS timescaledb`);
    timescale = true;
  } catch {
    /* plain PostgreSQL */
  }
  await c.query(`CREATE TABLE bench_readings (ts timestamptz NOT NULL, device_id text NOT NULL, resident_id uuid,
                   metric text NOT NULL, value double precision NOT NULL)`);
  await c.query(`CREATE INDEX ON bench_readings (resident_id, metric, ts DESC)`);
  await c.query(`CREATE INDEX ON bench_readings (device_id, ts DESC)`);
  if (timescale)
    await c.query(`SELECT create_hypertable('bench_readings', 'ts', chunk_time_interval => interval '1 day')`);
  const batch = 2000; // INGEST_BATCH_SIZE
  const devices = Array.from({ length: 263 }, (_, i) => `bench-device-${i}`);
  const residents = Array.from({ length: 69 }, () => randomUUID());
  let rows = 0;
  let batches = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < cfg.baselineSec * 1000) {
    const now = Date.now();
    const ts: Date[] = [];
    const dev: string[] = [];
    const res: string[] = [];
    const met: string[] = [];
    const val: number[] = [];
    for (let i = 0; i < batch; i++) {
      ts.push(new Date(now - i));
      dev.push(devices[(rows + i) % devices.length]!);
      res.push(residents[(rows + i) % residents.length]!);
      met.push('heartRate');
      val.push(60 + (i % 40));
    }
    await c.query(
      `INSERT INTO bench_readings (ts, device_id, resident_id, metric, value)
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::uuid[], $4::text[], $5::float8[])`,
      [ts, dev, res, met, val],
    );
    rows += batch;
    batches++;
  }
  const secs = (performance.now() - t0) / 1000;
  await c.end();
  await closeDb?.();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  const rowsPerSec = Math.round(rows / secs);
  log(`database alone: ${rowsPerSec} rows/s (${batches} batches of ${batch}, timescale ${timescale})`);
  return { rowsPerSec, batchSize: batch, batches, seconds: Math.round(secs * 10) / 10, timescale, connections: 1 };
}

/** The highest stepped rate one QoS 1 subscriber receives completely from these publishers, then a flood. */
export async function brokerBaseline(cfg: BenchConfig, cleanups: Cleanups, devices: WorkerDevice[]) {
  const sink = forkTs('broker-sink.ts');
  cleanups.push(() => {
    if (sink.exitCode === null) sink.kill('SIGKILL');
  });
  const topicBase = cfg.external.broker ? `bench/${cfg.runId}/devices` : 'eldercare/v1/devices';
  const ready = await ask<Extract<FromSink, { type: 'ready' }>>(
    sink,
    {
      type: 'start',
      ...(cfg.external.broker ? { url: cfg.mqttUrl, sharedGroup: `bench${process.pid}` } : {}),
      topic: `${topicBase}/+/telemetry`,
    } satisfies ToSink,
    ['ready'],
  );
  const target = cfg.external.broker ? new URL(cfg.mqttUrl) : null;
  const host = target?.hostname ?? '127.0.0.1';
  const port = target ? Number(target.port || 1883) : ready.port!;
  const { workers, connected } = await startWorkers(
    cleanups,
    cfg.workersN,
    host,
    port,
    devices,
    `${topicBase}/{id}/telemetry`,
  );
  const count = async () =>
    (await ask<Extract<FromSink, { type: 'count' }>>(sink, { type: 'count' }, ['count'])).received;
  // Stepped like the hub: the highest rate the subscriber receives completely (a broker may drop
  // QoS 1 messages for a slow subscriber, e.g. Mosquitto beyond max_queued_messages), then a flood.
  const rates = cfg.smoke ? [1000, 4000] : [5000, 10000, 20000, 30000, 40000, 60000, 80000, 120000];
  const stepsOut: { offeredPerSec: number; sentPerSec: number; receivedPerSec: number; complete: boolean }[] = [];
  let msgsPerSec = 0;
  for (const rate of [...rates, 2_000_000]) {
    const r0 = await count();
    const t0 = performance.now();
    const pub = await runWorkers(workers, rate, (cfg.baselineSec * 1000) / 2);
    const secs = (performance.now() - t0) / 1000;
    await sleep(300);
    const received = (await count()) - r0;
    const sentPerSec = Math.round(pub.sent / secs);
    const complete = received >= pub.acked && sentPerSec >= 0.97 * rate;
    stepsOut.push({ offeredPerSec: rate, sentPerSec, receivedPerSec: Math.round(received / secs), complete });
    if (complete) msgsPerSec = Math.max(msgsPerSec, Math.round(received / secs));
    if (!complete && rate !== 2_000_000) break;
  }
  const flood = stepsOut[stepsOut.length - 1]!;
  await stopWorkers(workers);
  sink.send({ type: 'stop' } satisfies ToSink);
  await Promise.race([new Promise((r) => sink.once('exit', r)), sleep(3000)]);
  log(
    `broker alone: ${msgsPerSec} msgs/s received completely (${connected} publishers, QoS 1); flood: sent ${flood.sentPerSec}/s, received ${flood.receivedPerSec}/s`,
  );
  return {
    msgsPerSec,
    steps: stepsOut,
    publishers: connected,
    qos: 1,
    broker: cfg.external.broker
      ? cfg.mqttUrl
      : 'standalone Aedes (startEmbeddedBroker) + mqtt.js subscriber in one process',
  };
}

export interface Baseline {
  database: Awaited<ReturnType<typeof databaseBaseline>>;
  broker: Awaited<ReturnType<typeof brokerBaseline>>;
}
