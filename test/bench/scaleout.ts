/**
 * Scale-out throughput: one hub vs two hubs on the same PostgreSQL, a private Mosquitto (MQTT 5
 * shared subscription splits the devices' messages) and Redis (socket.io adapter), all on this
 * machine. The load generator (load-worker.ts) offers QoS 1 telemetry from every demo device at
 * `--rate` msgs/s for `--sec` seconds; the result is the persisted rate: readings rows written ÷
 * time until the last one was written. `npm run bench:scaleout -- --rate 20000 --sec 10`.
 */
import { parseArgs } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ask, forkTs, machine, sleep } from './lib.js';
import type { FromWorker, ToWorker } from './load-worker.js';
import { createTestDatabase } from '../support/real.js';
import { spawnHub, startPrivateMosquitto, type ChildHub } from '../support/processes.js';
import { demoDevices } from '../support/devices.js';

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '20000' },
    sec: { type: 'string', default: '10' },
    out: { type: 'string' },
  },
});
const rate = Number(args.rate);
const sec = Number(args.sec);
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const log = (m: string) => process.stderr.write(`[scaleout] ${m}\n`);

async function measure(hubsN: number) {
  const db = await createTestDatabase();
  const broker = await startPrivateMosquitto();
  const dirs: string[] = [];
  const hubs: ChildHub[] = [];
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  const worker = forkTs('load-worker.ts');
  try {
    for (let i = 0; i < hubsN; i++) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'scaleout-'));
      dirs.push(dir);
      const hub = await spawnHub({
        DATABASE_URL: db.url,
        MQTT_URL: broker.url,
        REDIS_URL,
        HUB_ID: `scaleout-${i}`,
        MQTT_SHARED_GROUP: 'scaleout',
        DATA_DIR: dir,
        DEMO_DATA: 'true',
        LOG_LEVEL: 'error',
      });
      hubs.push(hub);
      await hub.ready(); // one after the other: the first loads the demo data
    }
    const devices = (await demoDevices(dirs[0]!)).map((d) => ({ id: d.deviceId }));
    const ready = await ask<Extract<FromWorker, { type: 'ready' }>>(
      worker,
      {
        type: 'init',
        host: '127.0.0.1',
        port: broker.port,
        devices,
        topicTemplate: 'eldercare/v1/devices/{id}/telemetry',
        payload: JSON.stringify({ ts: Date.now() - 3600_000, readings: { heartRate: 72 } }),
      } satisfies ToWorker,
      ['ready'],
    );
    await sleep(1000);
    const rows = async () => Number((await pool.query('SELECT count(*)::int AS n FROM readings')).rows[0].n);
    const before = await rows();
    const started = performance.now();
    const done = await ask<Extract<FromWorker, { type: 'done' }>>(
      worker,
      { type: 'run', rate, durationMs: sec * 1000, maxInflight: 20 } satisfies ToWorker,
      ['done'],
      sec * 1000 + 120_000,
    );
    // Until the rows stop growing (the hubs drained their queues).
    let last = -1;
    let lastAt = performance.now();
    for (;;) {
      const n = await rows();
      if (n !== last) {
        last = n;
        lastAt = performance.now();
      } else if (performance.now() - lastAt > 2_000) break;
      await sleep(200);
    }
    const written = last - before;
    const seconds = (lastAt - started) / 1000;
    const result = {
      hubs: hubsN,
      devices: ready.connected,
      offered: rate,
      acked: done.acked,
      written,
      seconds: Number(seconds.toFixed(2)),
      persistedPerSec: Math.round(written / seconds),
      lost: done.acked - written,
    };
    log(JSON.stringify(result));
    return result;
  } finally {
    worker.send({ type: 'stop' } satisfies ToWorker);
    await Promise.race([new Promise((r) => worker.once('exit', r)), sleep(3000)]);
    if (worker.exitCode === null) worker.kill('SIGKILL');
    for (const h of hubs) await h.kill('SIGTERM');
    await pool.end();
    await broker.close();
    await db.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

const one = await measure(1);
const two = await measure(2);
const out = { at: new Date().toISOString(), machine: machine(), rate, sec, one, two };
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
if (args.out) writeFileSync(args.out, JSON.stringify(out, null, 2));
