/**
 * End-to-end benchmark of the hub (`npm run bench`; `-- --help` for options).
 *
 *  1. Physical limits of this machine, without the hub: the database alone (bulk
 *     INSERT … SELECT unnest into a readings-shaped table: a separate embedded PGlite+TimescaleDB
 *     worker, or the DATABASE_URL server) and the broker alone (publish → one QoS 1 subscriber:
 *     a standalone Aedes, or the MQTT_URL broker).
 *  2. The hub as a child process (CPU and RSS read from /proc/<pid>), demo data loaded, driven by
 *     stepped QoS 1 telemetry from forked load-generator processes (every demo device its own
 *     connection) while a few sos per second from different pendants go to a dashboard socket
 *     (socket.io, logged in as the dispatcher): per step offered and persisted msgs/s, loss
 *     (acknowledged publishes vs rows written, from /metrics and, with DATABASE_URL, the table),
 *     alert latency publish → socket, DB rows/s, hub CPU and peak RSS, dead letters.
 *  3. Optional `--soak`: 10,000 registered devices connected for 10 minutes; RSS over time.
 *
 * Results: bench/results/<time>-<mode>.json and the tables in BENCHMARKS.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import pg from 'pg';
import * as prettier from 'prettier';
import { io as ioClient, type Socket } from 'socket.io-client';
import { startEmbeddedDatabase } from '../../hub/src/db/embedded.js';
import { startPrivateMosquitto } from '../support/processes.js';
import { createLogger } from '../../hub/src/logger.js';
import type { FromSink, ToSink } from './broker-sink.js';
import type { FromWorker, ToWorker, WorkerDevice } from './load-worker.js';
import { WebhookProbe } from './webhook-probe.js';
import {
  ROOT,
  RssSampler,
  ask,
  cpuSeconds,
  forkTs,
  freePort,
  labelled,
  machine,
  parseMetrics,
  percentile,
  rssMiB,
  sleep,
  sumMetric,
} from './lib.js';

const HELP = `npm run bench -- [options]
  --smoke                 tiny steps, < 60 s (used by npm test); results to a temp file unless --out
  --mqtt-url URL          external broker (default: the hub's embedded Aedes); env MQTT_URL
  --mosquitto             start a private Mosquitto with the settings of deploy/mosquitto/mosquitto.conf
                          (only its listener, login and paths differ) on a free loopback port as the broker
  --database-url URL      external PostgreSQL/TimescaleDB server (a database is created per run
                          and dropped after); env DATABASE_URL
  --steps a,b,c           offered telemetry rates, msgs/s (default: by mode)
  --step-sec S            seconds per step (default 15)
  --all-steps             keep stepping after the hub falls behind (default: stop at the first miss)
  --workers N             load-generator processes (default 1)
  --alert-rate N          sos per second during every step (default 4)
  --baseline-sec S        seconds of each physical-limit measurement (default 6)
  --cpu-prof              profile the hub (node --cpu-prof); hottest functions go into the results
  --soak                  10,000 devices for 10 minutes instead of the steps (see --soak-*)
  --soak-devices N        (default 10000)   --soak-min M (default 10)   --soak-rate msgs/s (default 1000)
  --out FILE              results file (default bench/results/<time>-<mode>.json)
  --no-markdown           do not update BENCHMARKS.md
`;

const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean' },
    'mqtt-url': { type: 'string' },
    mosquitto: { type: 'boolean' },
    'database-url': { type: 'string' },
    steps: { type: 'string' },
    'step-sec': { type: 'string' },
    'all-steps': { type: 'boolean' },
    workers: { type: 'string' },
    'alert-rate': { type: 'string' },
    'baseline-sec': { type: 'string' },
    'cpu-prof': { type: 'boolean' },
    soak: { type: 'boolean' },
    'soak-devices': { type: 'string' },
    'soak-min': { type: 'string' },
    'soak-rate': { type: 'string' },
    out: { type: 'string' },
    'no-markdown': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});
if (args.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const smoke = !!args.smoke;
// A private Mosquitto: the machine's may run with defaults (max_queued_messages 1000 drops messages
// for a subscriber that lags, which would make the broker-alone reference meaningless).
const privateBroker = args.mosquitto ? await startPrivateMosquitto() : null;
const mqttUrl = privateBroker?.url ?? args['mqtt-url'] ?? process.env.MQTT_URL ?? '';
const databaseUrl = args['database-url'] ?? process.env.DATABASE_URL ?? '';
const external = { broker: !!mqttUrl, database: !!databaseUrl };
const modeName = `${external.broker ? 'mosquitto' : 'aedes'}+${external.database ? 'postgres' : 'pglite'}`;
const num = (v: string | undefined, d: number) => (v === undefined ? d : Number(v));
const stepSec = num(args['step-sec'], smoke ? 4 : 15);
const workersN = num(args.workers, 1);
const alertRate = num(args['alert-rate'], smoke ? 3 : 4);
const baselineSec = num(args['baseline-sec'], smoke ? 2 : 6);
const steps = args.steps
  ? args.steps.split(',').map(Number)
  : smoke
    ? [200, 500]
    : external.broker || external.database
      ? [2500, 5000, 10000, 15000, 20000, 25000, 30000]
      : [1000, 2500, 5000, 7500, 10000, 12500, 15000, 17500, 20000, 25000];
const runId = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${process.pid}`;
const dbSuffix = runId.replace(/[^0-9a-z]/gi, '_').toLowerCase();
const log = (m: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
const TELEMETRY_PAYLOAD = JSON.stringify({ ts: Date.now(), readings: { heartRate: 72 } }); // 1 row each
// QoS 1 messages in flight per device connection (a real device has one or a few; deep pipelining
// of one connection overflows the stack of Aedes's mqemitter, see BENCHMARKS.md).
const MAX_INFLIGHT = 20;
/** New emergencies a second for the alarm → webhook probe, and the elders whose pendants press them. */
const WEBHOOK_RATE = 2;
const WEBHOOK_PENDANTS = 10;

/** Everything started here, closed in reverse order whatever happens. */
const cleanups: (() => Promise<void> | void)[] = [];
if (privateBroker) cleanups.push(() => privateBroker.close());
async function cleanup() {
  for (const c of cleanups.reverse()) await Promise.resolve(c()).catch((e: Error) => log(`cleanup: ${e.message}`));
  cleanups.length = 0;
}
const hardStop = setTimeout(
  () => {
    log('time limit reached: stopping');
    void cleanup().finally(() => process.exit(3));
  },
  (args.soak ? num(args['soak-min'], 10) * 60 + 600 : smoke ? 100 : 900) * 1000,
);
hardStop.unref();
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, () => void cleanup().finally(() => process.exit(130)));

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function createDatabase(name: string): Promise<string> {
  await adminQuery(`CREATE DATABASE ${name}`);
  cleanups.push(() => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  return withDatabase(databaseUrl, name);
}

// ---------------------------------------------------------------------------------------------
// 1a. The database alone.
async function databaseBaseline() {
  let url: string;
  let closeDb: (() => Promise<void>) | null = null;
  let tmp: string | null = null;
  if (external.database) url = await createDatabase(`bench_raw_${dbSuffix}`);
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
  while (performance.now() - t0 < baselineSec * 1000) {
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

// ---------------------------------------------------------------------------------------------
// Load generators.
async function startWorkers(
  n: number,
  host: string,
  port: number,
  devices: WorkerDevice[],
  topicTemplate: string,
): Promise<{ workers: ChildProcess[]; connected: number; failed: number }> {
  const workers: ChildProcess[] = [];
  for (let i = 0; i < n; i++) {
    const w = forkTs('load-worker.ts');
    workers.push(w);
    cleanups.push(async () => {
      if (w.exitCode !== null || !w.connected) return;
      w.send({ type: 'stop' } satisfies ToWorker);
      await Promise.race([new Promise((r) => w.once('exit', r)), sleep(3000)]);
      if (w.exitCode === null) w.kill('SIGKILL');
    });
  }
  const answers = await Promise.all(
    workers.map((w, i) =>
      ask<Extract<FromWorker, { type: 'ready' }>>(
        w,
        {
          type: 'init',
          host,
          port,
          devices: devices.filter((_, k) => k % n === i),
          topicTemplate,
          payload: TELEMETRY_PAYLOAD,
        } satisfies ToWorker,
        ['ready'],
        300_000,
      ),
    ),
  );
  const connected = answers.reduce((s, a) => s + a.connected, 0);
  const failed = answers.reduce((s, a) => s + a.failed, 0);
  if (failed) log(`${failed} load connections failed: ${answers.find((a) => a.firstError)?.firstError}`);
  return { workers, connected, failed };
}

async function stopWorkers(workers: ChildProcess[]) {
  await Promise.all(
    workers.map(async (w) => {
      if (w.exitCode !== null) return;
      w.send({ type: 'stop' } satisfies ToWorker);
      await Promise.race([new Promise((r) => w.once('exit', r)), sleep(3000)]);
    }),
  );
}

function runWorkers(workers: ChildProcess[], rate: number, durationMs: number) {
  return Promise.all(
    workers.map((w) =>
      ask<Extract<FromWorker, { type: 'done' }>>(
        w,
        { type: 'run', rate: rate / workers.length, durationMs, maxInflight: MAX_INFLIGHT } satisfies ToWorker,
        ['done'],
        durationMs + 60_000,
      ),
    ),
  ).then((d) => ({
    sent: d.reduce((s, x) => s + x.sent, 0),
    acked: d.reduce((s, x) => s + x.acked, 0),
    unacked: d.reduce((s, x) => s + x.lost, 0),
    blockedTicks: d.reduce((s, x) => s + x.blockedTicks, 0),
  }));
}

// ---------------------------------------------------------------------------------------------
// 1b. The broker alone.
async function brokerBaseline(devices: WorkerDevice[]) {
  const sink = forkTs('broker-sink.ts');
  cleanups.push(() => {
    if (sink.exitCode === null) sink.kill('SIGKILL');
  });
  const topicBase = external.broker ? `bench/${runId}/devices` : 'eldercare/v1/devices';
  const ready = await ask<Extract<FromSink, { type: 'ready' }>>(
    sink,
    {
      type: 'start',
      ...(external.broker ? { url: mqttUrl, sharedGroup: `bench${process.pid}` } : {}),
      topic: `${topicBase}/+/telemetry`,
    } satisfies ToSink,
    ['ready'],
  );
  const target = external.broker ? new URL(mqttUrl) : null;
  const host = target?.hostname ?? '127.0.0.1';
  const port = target ? Number(target.port || 1883) : ready.port!;
  const { workers, connected } = await startWorkers(workersN, host, port, devices, `${topicBase}/{id}/telemetry`);
  const count = async () =>
    (await ask<Extract<FromSink, { type: 'count' }>>(sink, { type: 'count' }, ['count'])).received;
  // Stepped like the hub: the highest rate the subscriber receives completely (a broker may drop
  // QoS 1 messages for a slow subscriber, e.g. Mosquitto beyond max_queued_messages), then a flood.
  const rates = smoke ? [1000, 4000] : [5000, 10000, 20000, 30000, 40000, 60000, 80000, 120000];
  const stepsOut: { offeredPerSec: number; sentPerSec: number; receivedPerSec: number; complete: boolean }[] = [];
  let msgsPerSec = 0;
  for (const rate of [...rates, 2_000_000]) {
    const r0 = await count();
    const t0 = performance.now();
    const pub = await runWorkers(workers, rate, (baselineSec * 1000) / 2);
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
    broker: external.broker ? mqttUrl : 'standalone Aedes (startEmbeddedBroker) + mqtt.js subscriber in one process',
  };
}

// ---------------------------------------------------------------------------------------------
// 2. The hub.
interface HubChild {
  proc: ChildProcess;
  pid: number;
  base: string;
  mqttHost: string;
  mqttPort: number;
  dataDir: string;
  dbUrl: string | null;
  profDir: string | null;
}

async function startHubChild(): Promise<HubChild> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-hub-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const mqttPort = await freePort();
  const dbUrl = external.database ? await createDatabase(`bench_hub_${dbSuffix}`) : null;
  const profDir = args['cpu-prof'] ? path.join(ROOT, 'bench/profiles', runId) : null;
  if (profDir) mkdirSync(profDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['MQTT_URL', 'DATABASE_URL', 'REDIS_URL', 'MQTT_USERNAME', 'MQTT_PASSWORD']) delete env[k];
  Object.assign(env, {
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    MQTT_PORT: String(mqttPort),
    MQTT_HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'true',
    // The benchmark drives the devices itself: no built-in demo simulation or history.
    DEMO_SIMULATION: 'false',
    DEMO_HISTORY: 'false',
    HUB_ID: `bench-${process.pid}`,
    // The load generator pipelines many messages per device connection: measure the hub, not the
    // embedded broker's per-device flood limit.
    MQTT_DEVICE_RATE: '0',
    MQTT_SHARED_GROUP: `bench${process.pid}`,
    ...(external.broker ? { MQTT_URL: mqttUrl } : {}),
    ...(dbUrl ? { DATABASE_URL: dbUrl } : {}),
  });
  const proc = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      ...(profDir ? ['--cpu-prof', '--cpu-prof-dir', profDir] : []),
      path.join(ROOT, 'hub/src/main.ts'),
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  proc.stdout!.on('data', (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
    if (process.env.BENCH_HUB_LOG) process.stderr.write(d);
  });
  proc.stderr!.on('data', (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
    if (process.env.BENCH_HUB_LOG) process.stderr.write(d);
  });
  cleanups.push(async () => {
    if (proc.exitCode !== null) return;
    proc.kill('SIGINT');
    const exited = await Promise.race([new Promise((r) => proc.once('exit', () => r(true))), sleep(30_000)]);
    if (!exited) proc.kill('SIGKILL');
  });
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`hub exited with ${proc.exitCode}:\n${output.slice(-3000)}`);
    const ok = await fetch(`${base}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > until) throw new Error(`hub not healthy after 120 s:\n${output.slice(-3000)}`);
    await sleep(250);
  }
  const target = external.broker ? new URL(mqttUrl) : null;
  return {
    proc,
    pid: proc.pid!,
    base,
    mqttHost: target?.hostname ?? '127.0.0.1',
    mqttPort: target ? Number(target.port || 1883) : mqttPort,
    dataDir,
    dbUrl,
    profDir,
  };
}

async function login(base: string, email: string, password: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!r.ok) throw new Error(`login ${email}: ${r.status}`);
  return ((await r.json()) as { token: string }).token;
}

const scrape = async (base: string) => parseMetrics(await (await fetch(`${base}/metrics`)).text());
const READINGS = 'hub_ingest_rows_written_total{table="readings"}';

interface DemoDevice {
  deviceId: string;
  type: string;
  password: string;
  residentId: string | null;
}

function stats(samples: number[], missing: number) {
  const s = [...samples].sort((a, b) => a - b);
  return {
    count: s.length,
    missing,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s.length ? Math.round(s[s.length - 1]! * 10) / 10 : null,
  };
}

/**
 * sos publishers (one pendant or pull cord per resident) and the dashboard socket measuring them,
 * twice: when the alarm is first on the dispatcher's screen (its early notice `alert:incoming`, or
 * its incident if that came first) and when its incident (`alert:upsert`, stored durably) arrives.
 */
class AlertProbe {
  private clients: { dev: DemoDevice; client: mqtt.MqttClient }[] = [];
  private socket: Socket | null = null;
  /** residentId → sos not yet seen in an incident, in publish order. */
  private pending = new Map<string, { id: string; at: number }[]>();
  /** `<deviceId>:<eventId>` → publish time, until the alarm is first on screen. */
  private unseen = new Map<string, number>();
  private seen = new Map<string, number>(); // alert id → signalCount
  private samples: number[] = [];
  private screenSamples: number[] = [];
  private timer: NodeJS.Timeout | null = null;
  private next = 0;
  private seq = 0;
  sent = 0;
  received = 0;

  constructor(
    readonly devices: DemoDevice[],
    private readonly hub: HubChild,
  ) {}

  private onScreen(id: string, at: number): void {
    const t = this.unseen.get(id);
    if (t === undefined) return;
    this.unseen.delete(id);
    this.screenSamples.push(at - t);
  }

  async start(token: string): Promise<void> {
    this.socket = ioClient(this.hub.base, { auth: { token }, transports: ['websocket'], reconnection: true });
    this.socket.on('alert:incoming', (p: { id: string }) => this.onScreen(p.id, performance.now()));
    this.socket.on(
      'alert:upsert',
      (a: { id: string; residentId: string | null; signalCount: number; kind: string }) => {
        const at = performance.now();
        const prev = this.seen.get(a.id) ?? 0;
        if (a.signalCount <= prev || !a.residentId) return;
        this.seen.set(a.id, a.signalCount);
        const q = this.pending.get(a.residentId);
        for (let i = prev; i < a.signalCount && q?.length; i++) {
          const p = q.shift()!;
          this.samples.push(at - p.at);
          this.onScreen(p.id, at);
          this.received++;
        }
      },
    );
    await new Promise<void>((resolve, reject) => {
      this.socket!.once('connect', () => resolve());
      this.socket!.once('connect_error', reject);
    });
    await Promise.all(
      this.devices.map(
        (dev) =>
          new Promise<void>((resolve, reject) => {
            const client = mqtt.connect(`mqtt://${this.hub.mqttHost}:${this.hub.mqttPort}`, {
              clientId: dev.deviceId,
              username: dev.deviceId,
              password: dev.password,
              protocolVersion: 4,
              clean: true,
              reconnectPeriod: 1000,
            });
            this.clients.push({ dev, client });
            client.once('connect', () => resolve());
            client.once('error', reject);
          }),
      ),
    );
  }

  /** Starts sending `rate` sos per second, round robin over the pendants; returns the samples of this window. */
  begin(rate: number): void {
    this.samples = [];
    this.screenSamples = [];
    if (!this.clients.length || rate <= 0) return;
    this.timer = setInterval(() => {
      const { dev, client } = this.clients[this.next++ % this.clients.length]!;
      const q = this.pending.get(dev.residentId!) ?? [];
      this.pending.set(dev.residentId!, q);
      const eventId = `bench-${runId}-${this.seq++}`;
      const body = JSON.stringify({ eventId, ts: Date.now(), type: 'sos' });
      const at = performance.now();
      q.push({ id: `${dev.deviceId}:${eventId}`, at });
      this.unseen.set(`${dev.deviceId}:${eventId}`, at);
      this.sent++;
      client.publish(`eldercare/v1/devices/${dev.deviceId}/events`, body, { qos: 1 });
    }, 1000 / rate);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async collect(waitMs: number) {
    const until = performance.now() + waitMs;
    while ([...this.pending.values()].some((q) => q.length) && performance.now() < until) await sleep(50);
    const missing = [...this.pending.values()].reduce((s, q) => s + q.length, 0);
    for (const q of this.pending.values()) q.length = 0;
    const screenMissing = this.unseen.size;
    this.unseen.clear();
    return { incident: stats(this.samples, missing), onScreen: stats(this.screenSamples, screenMissing) };
  }

  async close(): Promise<void> {
    this.stop();
    await Promise.all(this.clients.map((c) => c.client.endAsync().catch(() => {})));
    this.socket?.close();
  }
}

async function waitForRows(base: string, rows0: number, expected: number, maxMs: number) {
  const t0 = performance.now();
  let last = -1;
  let lastChange = t0;
  for (;;) {
    const m = await scrape(base);
    const rows = (m.get(READINGS) ?? 0) - rows0;
    if (rows >= expected) return { rows, drainMs: performance.now() - t0, metrics: m };
    if (rows !== last) {
      last = rows;
      lastChange = performance.now();
    }
    if (performance.now() - t0 > maxMs || performance.now() - lastChange > 15_000)
      return { rows, drainMs: performance.now() - t0, metrics: m };
    await sleep(200);
  }
}

async function runSteps(hub: HubChild, telemetryDevices: WorkerDevice[], probe: AlertProbe, hook: WebhookProbe) {
  const { workers, connected } = await startWorkers(
    workersN,
    hub.mqttHost,
    hub.mqttPort,
    telemetryDevices,
    'eldercare/v1/devices/{id}/telemetry',
  );
  log(`${connected} telemetry connections, ${probe.devices.length} sos pendants, dashboard socket connected`);
  const rss = new RssSampler(hub.pid);
  cleanups.push(() => rss.stop());
  const results = [];
  for (const rate of steps) {
    const durationMs = stepSec * 1000;
    const m0 = await scrape(hub.base);
    const rows0 = m0.get(READINGS) ?? 0;
    const c0 = cpuSeconds(hub.pid);
    rss.reset();
    const t0 = performance.now();
    probe.begin(alertRate);
    hook.begin(WEBHOOK_RATE);
    let m1: Map<string, number> = m0;
    let c1 = c0;
    let t1 = t0;
    const windowEnd = sleep(durationMs).then(async () => {
      c1 = cpuSeconds(hub.pid);
      m1 = await scrape(hub.base);
      t1 = performance.now();
    });
    const pub = await runWorkers(workers, rate, durationMs);
    await windowEnd;
    probe.stop();
    hook.stop();
    const peakRss = rss.peak;
    const secs = (t1 - t0) / 1000;
    const drained = await waitForRows(hub.base, rows0, pub.acked, 60_000);
    const { incident: alerts, onScreen } = await probe.collect(10_000);
    const webhook = await hook.collect(10_000);
    const mEnd = drained.metrics;
    const rowsInWindow = (m1.get(READINGS) ?? 0) - rows0;
    const allRowsInWindow =
      sumMetric(m1, 'hub_ingest_rows_written_total') - sumMetric(m0, 'hub_ingest_rows_written_total');
    const telemetryIn =
      (mEnd.get('hub_ingest_messages_total{kind="telemetry"}') ?? 0) -
      (m0.get('hub_ingest_messages_total{kind="telemetry"}') ?? 0);
    const deadLetters = sumMetric(mEnd, 'hub_dead_letters_total') - sumMetric(m0, 'hub_dead_letters_total');
    const r = {
      offeredPerSec: rate,
      sentPerSec: Math.round(pub.sent / secs),
      published: pub.sent,
      acked: pub.acked,
      unacked: pub.unacked,
      hubReceived: telemetryIn,
      rowsWritten: drained.rows,
      lost: pub.acked - drained.rows,
      zeroLoss: pub.acked === drained.rows && pub.unacked === 0,
      persistedPerSec: Math.round(rowsInWindow / secs),
      drainMs: Math.round(drained.drainMs),
      keptUp: false,
      dbRowsPerSec: Math.round(allRowsInWindow / secs),
      alertLatencyMs: alerts,
      alarmOnScreenMs: onScreen,
      alarmToWebhookMs: webhook,
      hubCpuPct: Math.round(((c1 - c0) / secs) * 1000) / 10,
      hubPeakRssMiB: Math.round(peakRss),
      deadLetters,
      dbErrors: sumMetric(mEnd, 'hub_db_errors_total') - sumMetric(m0, 'hub_db_errors_total'),
      droppedRows: sumMetric(mEnd, 'hub_ingest_dropped_total') - sumMetric(m0, 'hub_ingest_dropped_total'),
      queueDepthAtWindowEnd: labelled(m1, 'hub_ingest_queue_depth'),
      queueDepthAtEnd: labelled(mEnd, 'hub_ingest_queue_depth'),
    };
    r.keptUp = r.zeroLoss && r.persistedPerSec >= 0.95 * rate && r.sentPerSec >= 0.97 * rate && r.drainMs < 2000;
    results.push(r);
    log(
      `step ${rate}/s: sent ${r.sentPerSec}/s, persisted ${r.persistedPerSec}/s, lost ${r.lost}, drain ${r.drainMs} ms, ` +
        `alarm on screen p50/p95/p99 ${onScreen.p50}/${onScreen.p95}/${onScreen.p99} ms (missing ${onScreen.missing}), ` +
        `incident ${alerts.p50}/${alerts.p95}/${alerts.p99} ms (${alerts.count}, missing ${alerts.missing}), ` +
        `webhook ${webhook.p50}/${webhook.p95}/${webhook.p99} ms (${webhook.count}, missing ${webhook.missing}), ` +
        `cpu ${r.hubCpuPct}%, rss ${r.hubPeakRssMiB} MiB, dead letters ${deadLetters}` +
        `${r.dbErrors || r.droppedRows ? `, database errors ${r.dbErrors}, rows dropped ${r.droppedRows}` : ''}` +
        `${r.keptUp ? '' : '  ← falls behind'}`,
    );
    if (!r.keptUp && !args['all-steps']) break;
  }
  await stopWorkers(workers);
  rss.stop();
  return results;
}

// ---------------------------------------------------------------------------------------------
// 3. Soak: many registered devices, memory over time.
async function soak(hub: HubChild, adminToken: string, demo: DemoDevice[]) {
  const n = num(args['soak-devices'], 10_000);
  const minutes = num(args['soak-min'], 10);
  const rate = num(args['soak-rate'], 1000);
  const residents = [...new Set(demo.map((d) => d.residentId).filter((r): r is string => !!r))];
  const devices: WorkerDevice[] = [];
  log(`soak: registering ${n} devices through POST /api/devices`);
  const rssBefore = rssMiB(hub.pid);
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < n) {
        const i = next++;
        const r = await fetch(`${hub.base}/api/devices`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
          body: JSON.stringify({
            id: `soak-${dbSuffix.slice(-6)}-${i}`,
            type: 'smartwatch',
            label: `soak ${i}`,
            residentId: residents[i % residents.length],
          }),
        });
        if (!r.ok) throw new Error(`register device ${i}: ${r.status} ${await r.text()}`);
        const body = (await r.json()) as { credentials: { username: string; password: string } };
        devices.push({ id: body.credentials.username, password: body.credentials.password });
      }
    }),
  );
  const registerSec = (performance.now() - t0) / 1000;
  log(`soak: registered in ${registerSec.toFixed(1)} s; connecting`);
  const c0 = performance.now();
  const { workers, connected, failed } = await startWorkers(
    Math.max(workersN, 2),
    hub.mqttHost,
    hub.mqttPort,
    devices,
    'eldercare/v1/devices/{id}/telemetry',
  );
  const connectSec = (performance.now() - c0) / 1000;
  const rssConnected = rssMiB(hub.pid);
  log(
    `soak: ${connected} connected (${failed} failed) in ${connectSec.toFixed(1)} s; ${rate} msgs/s for ${minutes} min`,
  );
  // Every 10 s: hub RSS (/proc), its V8 heap (/metrics) and, on an external broker, the broker's own
  // count of connected clients ($SYS/broker/clients/connected: Mosquitto publishes it every
  // sys_interval only when it changed, so the latest value stands until a new one arrives).
  const brokerConnected: { t: number; n: number }[] = [];
  let sys: mqtt.MqttClient | null = null;
  if (external.broker) {
    sys = mqtt.connect(mqttUrl, { clientId: `bench-sys-${process.pid}`, reconnectPeriod: 1000 });
    cleanups.push(() => void sys?.end(true));
    sys.on('connect', () => void sys!.subscribe('$SYS/broker/clients/connected'));
    sys.on('message', (_t, p) => brokerConnected.push({ t: Date.now(), n: Number(p.toString()) }));
  }
  const samples: { t: number; rss: number; heapUsed: number | null; brokerConnected: number | null }[] = [];
  const s0Wall = Date.now();
  const sample = async () => {
    const rss = rssMiB(hub.pid);
    const heap = await scrape(hub.base)
      .then((m) => m.get('nodejs_heap_size_used_bytes') ?? null)
      .catch(() => null);
    const last = brokerConnected[brokerConnected.length - 1];
    samples.push({
      t: Date.now() - s0Wall,
      rss,
      heapUsed: heap === null ? null : heap / 2 ** 20,
      brokerConnected: last ? last.n : null,
    });
    if (samples.length % 6 === 1) {
      const p = samples[samples.length - 1]!;
      log(
        `soak t=${Math.round(p.t / 1000)} s: hub RSS ${Math.round(p.rss)} MiB, heap ${p.heapUsed === null ? '–' : Math.round(p.heapUsed)} MiB, broker clients ${p.brokerConnected ?? '–'}`,
      );
    }
  };
  await sample();
  const sampleTimer = setInterval(() => void sample().catch(() => {}), 10_000);
  cleanups.push(() => clearInterval(sampleTimer));
  const m0 = await scrape(hub.base);
  const cpu0 = cpuSeconds(hub.pid);
  const s0 = performance.now();
  const pub = await runWorkers(workers, rate, minutes * 60_000);
  const secs = (performance.now() - s0) / 1000;
  const cpu1 = cpuSeconds(hub.pid);
  clearInterval(sampleTimer);
  await sample();
  const drained = await waitForRows(hub.base, m0.get(READINGS) ?? 0, pub.acked, 60_000);
  await stopWorkers(workers);
  await sys?.endAsync().catch(() => {});
  sys = null;
  const mEnd = await scrape(hub.base);
  /** Least-squares slope in MiB per minute of the samples from `fromMin` on. */
  const slope = (key: 'rss' | 'heapUsed', fromMin: number) => {
    const pts = samples.filter((p) => p.t >= fromMin * 60_000 && p[key] !== null);
    if (pts.length < 3) return null;
    const xs = pts.map((p) => p.t / 60_000);
    const ys = pts.map((p) => p[key]!);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const b =
      xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) /
      Math.max(
        1e-9,
        xs.reduce((a, x) => a + (x - mx) ** 2, 0),
      );
    return Math.round(b * 100) / 100;
  };
  const at = (min: number) => {
    const p = samples.reduce((a, b) => (Math.abs(b.t - min * 60_000) < Math.abs(a.t - min * 60_000) ? b : a));
    return {
      minute: min,
      tSec: Math.round(p.t / 1000),
      rssMiB: Math.round(p.rss),
      heapUsedMiB: p.heapUsed === null ? null : Math.round(p.heapUsed),
      brokerConnected: p.brokerConnected,
    };
  };
  const r1 = (v: number) => Math.round(v * 10) / 10;
  const rssValues = samples.map((p) => p.rss);
  return {
    devices: n,
    connected,
    failedConnections: failed,
    brokerConnectedMin: brokerConnected.length ? Math.min(...brokerConnected.map((b) => b.n)) : null,
    brokerConnectedMax: brokerConnected.length ? Math.max(...brokerConnected.map((b) => b.n)) : null,
    minutes,
    offeredPerSec: rate,
    perDeviceIntervalSec: Math.round(n / rate),
    sentPerSec: Math.round(pub.sent / secs),
    registerSec: Math.round(registerSec),
    connectSec: Math.round(connectSec),
    sent: pub.sent,
    acked: pub.acked,
    unacked: pub.unacked,
    rowsWritten: drained.rows,
    lost: pub.acked - drained.rows,
    drainMs: Math.round(drained.drainMs),
    deadLetters: sumMetric(mEnd, 'hub_dead_letters_total') - sumMetric(m0, 'hub_dead_letters_total'),
    hubCpuPct: Math.round(((cpu1 - cpu0) / secs) * 1000) / 10,
    rssMiB: {
      beforeRegistration: Math.round(rssBefore),
      afterConnect: Math.round(rssConnected),
      first: Math.round(rssValues[0] ?? 0),
      last: Math.round(rssValues[rssValues.length - 1] ?? 0),
      min: Math.round(Math.min(...rssValues)),
      peak: Math.round(Math.max(...rssValues)),
      slopeMiBPerMin: slope('rss', 0),
      slopeMiBPerMinAfter2Min: slope('rss', 2),
    },
    heapUsedSlopeMiBPerMin: slope('heapUsed', 0),
    heapUsedSlopeMiBPerMinAfter2Min: slope('heapUsed', 2),
    checkpoints: Array.from({ length: Math.floor(minutes / 2) + 1 }, (_, i) => at(i * 2)),
    sampleEverySec: 10,
    series: samples.map((p) => ({
      tSec: Math.round(p.t / 1000),
      rssMiB: r1(p.rss),
      heapUsedMiB: p.heapUsed === null ? null : r1(p.heapUsed),
      brokerConnected: p.brokerConnected,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
/** Hottest functions (self time, share of the busy samples) per profiled thread of the hub. */
function summariseProfile(dir: string) {
  type Node = { callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
  const threads = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => {
      const p = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { nodes: Node[] };
      const byFn = new Map<string, number>();
      const byArea = new Map<string, number>();
      let busy = 0;
      let idle = 0;
      for (const n of p.nodes) {
        const hits = n.hitCount ?? 0;
        if (!hits) continue;
        if (n.callFrame.functionName === '(idle)') {
          idle += hits;
          continue;
        }
        busy += hits;
        const u = n.callFrame.url;
        const rel = u.replace(/^file:\/\//, '').replace(`${ROOT}/`, '');
        const key = `${n.callFrame.functionName || '(anonymous)'} ${rel.replace(/^.*node_modules\//, '')}:${n.callFrame.lineNumber + 1}`;
        byFn.set(key, (byFn.get(key) ?? 0) + hits);
        const area = u.includes('node_modules/')
          ? u.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1')
          : rel
            ? rel.split('/').slice(0, 3).join('/')
            : n.callFrame.functionName;
        byArea.set(area, (byArea.get(area) ?? 0) + hits);
      }
      const pct = (v: number) => Math.round((v / Math.max(1, busy)) * 1000) / 10;
      return {
        file: f,
        busyPct: Math.round((busy / Math.max(1, busy + idle)) * 1000) / 10,
        top: [...byFn.entries()]
          .sort((x, y) => y[1] - x[1])
          .slice(0, 20)
          .map(([k, v]) => ({ fn: k, selfPct: pct(v) })),
        byArea: [...byArea.entries()]
          .sort((x, y) => y[1] - x[1])
          .slice(0, 15)
          .map(([k, v]) => ({ area: k, selfPct: pct(v) })),
      };
    })
    .sort((x, y) => y.busyPct - x.busyPct);
  return threads.length ? { dir: path.relative(ROOT, dir), threads: threads.slice(0, 1) } : null;
}

// ---------------------------------------------------------------------------------------------
function markdown(r: Results): string {
  const b = r.baseline;
  const lines = [
    `Run \`${r.runId}\` (${r.startedAt}), mode **${r.mode}**, ${r.machine.nproc} CPUs (${r.machine.cpuModel}), ` +
      `${r.machine.memTotalGiB} GiB, Node ${r.machine.node}; steps of ${r.config.stepSec} s, QoS 1 telemetry ` +
      `(1 reading = 1 row per message) from ${r.config.telemetryConnections} device connections, ` +
      `${r.config.alertRate} sos/s from ${r.config.sosPendants} pendants.`,
    '',
    `Physical limits: broker alone **${b?.broker.msgsPerSec ?? '–'} msgs/s** (publish → QoS 1 subscriber), ` +
      `database alone **${b?.database.rowsPerSec ?? '–'} rows/s** (batches of ${b?.database.batchSize ?? '–'}, one connection).`,
    '',
    '| offered msg/s | sent msg/s | persisted msg/s | lost | drain ms | alarm on screen p50 / p95 / p99 ms | incident p50 / p95 / p99 ms | alarm → webhook p50 / p99 ms (new incidents) | DB rows/s | hub CPU % | peak RSS MiB | dead letters | keeps up |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
    ...r.steps.map(
      (s) =>
        `| ${s.offeredPerSec} | ${s.sentPerSec} | ${s.persistedPerSec} | ${s.lost} | ${s.drainMs} | ` +
        `${s.alarmOnScreenMs.p50 ?? '–'} / ${s.alarmOnScreenMs.p95 ?? '–'} / ${s.alarmOnScreenMs.p99 ?? '–'} | ` +
        `${s.alertLatencyMs.p50 ?? '–'} / ${s.alertLatencyMs.p95 ?? '–'} / ${s.alertLatencyMs.p99 ?? '–'} | ` +
        `${s.alarmToWebhookMs ? `${s.alarmToWebhookMs.p50 ?? '–'} / ${s.alarmToWebhookMs.p99 ?? '–'} (${s.alarmToWebhookMs.count}${s.alarmToWebhookMs.missing ? `, missing ${s.alarmToWebhookMs.missing}` : ''})` : '–'} | ` +
        `${s.dbRowsPerSec} | ${s.hubCpuPct} | ${s.hubPeakRssMiB} | ${s.deadLetters} | ${s.keptUp ? 'yes' : 'no'} |`,
    ),
    '',
    r.summary
      ? `Highest step kept up with zero loss: **${r.summary.maxSustainedPerSec} msgs/s** = ` +
        `${r.summary.ratioToBroker ?? '–'} × the broker alone, ${r.summary.ratioToDatabase ?? '–'} × the database alone` +
        `${r.summary.alertP99AtMax !== null ? `; at that step alarm on screen p99 ${r.summary.alarmOnScreenP99AtMax} ms, incident p99 ${r.summary.alertP99AtMax} ms` : ''}. ` +
        `Hub CPU per message at that step ≈ ${r.summary.cpuUsPerMsgAtMax ?? '–'} µs.`
      : '',
  ];
  return lines.join('\n');
}

/** The soak's section: RSS every 2 minutes, connections, messages, loss, the slope. */
function soakMarkdown(r: Results): string {
  const k = r.soak!;
  const dbLine = r.databaseCheck
    ? `; \`readings\` rows in the database: ${r.databaseCheck.readingsRows} for ${r.databaseCheck.acked} acknowledged`
    : '';
  return [
    `Run \`${r.runId}\` (${r.startedAt}), mode **${r.mode}**, ${r.machine.nproc} CPUs (${r.machine.cpuModel}), ` +
      `${r.machine.memTotalGiB} GiB, Node ${r.machine.node}: ${k.devices} devices registered through ` +
      `\`POST /api/devices\` (${k.registerSec} s), ${k.connected} connected (${k.failedConnections} failed, ${k.connectSec} s), ` +
      `each its own MQTT 3.1.1 connection, ${k.minutes} min of QoS 1 telemetry at ${k.offeredPerSec} msgs/s in total ` +
      `(one message per device every ${k.perDeviceIntervalSec} s).`,
    '',
    '| minute | hub RSS MiB | hub V8 heap used MiB | clients connected at the broker |',
    '| ---: | ---: | ---: | ---: |',
    ...k.checkpoints.map(
      (c) => `| ${c.minute} | ${c.rssMiB} | ${c.heapUsedMiB ?? '–'} | ${c.brokerConnected ?? '–'} |`,
    ),
    '',
    `RSS slope (least squares, samples every ${k.sampleEverySec} s): **${k.rssMiB.slopeMiBPerMin} MiB/min** over the ` +
      `whole soak, ${k.rssMiB.slopeMiBPerMinAfter2Min ?? '–'} MiB/min after minute 2; RSS min ${k.rssMiB.min} / peak ` +
      `${k.rssMiB.peak} MiB (before registering: ${k.rssMiB.beforeRegistration}, after connecting: ${k.rssMiB.afterConnect}). ` +
      `Heap-used slope ${k.heapUsedSlopeMiBPerMin ?? '–'} MiB/min.`,
    '',
    `Messages: ${k.sent} sent, ${k.acked} acknowledged, ${k.rowsWritten} persisted, **lost ${k.lost}**, ` +
      `dead letters ${k.deadLetters}${dbLine}. Hub CPU ${k.hubCpuPct} % of one core.`,
  ].join('\n');
}

async function updateBenchmarksMd(r: Results, file: string) {
  const md = path.join(ROOT, 'BENCHMARKS.md');
  if (!existsSync(md)) return;
  const external = r.mode.includes('mosquitto') || r.mode.includes('postgres');
  const key = r.soak ? (external ? 'soak' : 'soak-embedded') : external ? 'external' : 'embedded';
  const start = `<!-- bench:${key}:start -->`;
  const end = `<!-- bench:${key}:end -->`;
  const text = readFileSync(md, 'utf8');
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) return;
  const body = `${r.soak ? soakMarkdown(r) : markdown(r)}\n\nResults file: \`${path.relative(ROOT, file)}\``;
  const updated = `${text.slice(0, i + start.length)}\n${body}\n${text.slice(j)}`;
  // Formatted like the rest of the repository (`npm run check` checks it).
  const options = (await prettier.resolveConfig(md)) ?? {};
  writeFileSync(md, await prettier.format(updated, { ...options, filepath: md }));
  log(`BENCHMARKS.md (${key}) updated`);
}

type Results = Awaited<ReturnType<typeof main>>;

async function main() {
  const startedAt = new Date().toISOString();
  log(`mode ${modeName}${smoke ? ' (smoke)' : ''}${args.soak ? ' (soak)' : ''}: ${os.availableParallelism()} CPUs`);
  let baseline: {
    database: Awaited<ReturnType<typeof databaseBaseline>>;
    broker: Awaited<ReturnType<typeof brokerBaseline>>;
  } | null = null;
  // The hub first (demo devices are also the baseline's publishers), then idle while we measure.
  const hub = await startHubChild();
  const demo = (
    JSON.parse(readFileSync(path.join(hub.dataDir, 'demo-devices.json'), 'utf8')) as { devices: DemoDevice[] }
  ).devices;
  log(`hub pid ${hub.pid} ready at ${hub.base} (${demo.length} demo devices), RSS ${Math.round(rssMiB(hub.pid))} MiB`);
  const pendantTypes = new Set(['sos_pendant', 'pull_cord']);
  const sosDevices: DemoDevice[] = [];
  const residentsTaken = new Set<string>();
  for (const d of demo)
    if (pendantTypes.has(d.type) && d.residentId && !residentsTaken.has(d.residentId)) {
      residentsTaken.add(d.residentId);
      sosDevices.push(d);
    }
  // The last few elders' pendants press for the webhook probe (their incidents are closed after
  // each webhook, so every press is a new incident); the others for the on-screen probe.
  const hookDevices = sosDevices.splice(Math.max(1, sosDevices.length - WEBHOOK_PENDANTS));
  const sosIds = new Set([...sosDevices, ...hookDevices].map((d) => d.deviceId));
  const telemetryDevices: WorkerDevice[] = demo
    .filter((d) => !sosIds.has(d.deviceId))
    .map((d) => ({ id: d.deviceId, ...(external.broker ? {} : { password: d.password }) }));

  let stepsOut: Awaited<ReturnType<typeof runSteps>> = [];
  let soakOut: Awaited<ReturnType<typeof soak>> | null = null;
  const adminToken = await login(hub.base, 'admin@demo.local', 'demo-admin-pass');
  if (args.soak) {
    soakOut = await soak(hub, adminToken, demo);
    log(`soak: ${JSON.stringify(soakOut)}`);
  } else {
    // Physical limits, measured while the hub idles (its own MQTT/DB untouched).
    const database = await databaseBaseline();
    const broker = await brokerBaseline(
      demo.map((d) => ({ id: `${d.deviceId}`, ...(external.broker ? {} : { password: d.password }) })),
    );
    baseline = { database, broker };
    const token = await login(hub.base, 'dispatcher@demo.local', 'demo-dispatch-pass');
    const probe = new AlertProbe(sosDevices, hub);
    cleanups.push(() => probe.close());
    await probe.start(token);
    const hook = new WebhookProbe(hookDevices, hub, runId);
    cleanups.push(() => hook.close());
    await hook.start(adminToken, token);
    stepsOut = await runSteps(hub, telemetryDevices, probe, hook);
    await probe.close();
    await hook.close();
  }

  const mEnd = await scrape(hub.base);
  let dbCheck: {
    readingsRows: number;
    acked: number;
    deadLettersBySource: { source: string; reason: string; n: number; first: string; last: string }[];
  } | null = null;
  if (hub.dbUrl) {
    const c = new pg.Client({ connectionString: hub.dbUrl });
    await c.connect();
    const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM readings`);
    // Where dead letters came from (first part of the device id, topic kind), before the database is
    // dropped: on a shared broker the hub also receives other clients' traffic for unknown devices.
    const dl = await c.query<{ source: string; reason: string; n: string; first: Date; last: Date }>(
      `SELECT coalesce(split_part(device_id, '-', 1), '(none)') || '…/' || split_part(topic, '/', 5) AS source,
              reason, count(*) AS n, min(received_at) AS first, max(received_at) AS last
         FROM dead_letters GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 10`,
    );
    await c.end();
    const acked = stepsOut.reduce((s, x) => s + x.acked, 0) + (soakOut?.acked ?? 0);
    dbCheck = {
      readingsRows: Number(rows[0]!.n),
      acked,
      deadLettersBySource: dl.rows.map((r) => ({
        source: r.source,
        reason: r.reason,
        n: Number(r.n),
        first: r.first.toISOString(),
        last: r.last.toISOString(),
      })),
    };
    log(`database check: ${dbCheck.readingsRows} readings rows for ${acked} acknowledged telemetry messages`);
  }
  // Stop the hub (a clean exit writes the CPU profile).
  hub.proc.kill('SIGINT');
  await Promise.race([new Promise((r) => hub.proc.once('exit', r)), sleep(30_000)]);
  const profile = hub.profDir ? summariseProfile(hub.profDir) : null;

  const kept = stepsOut.filter((s) => s.keptUp);
  const best = kept.length ? kept.reduce((a, b) => (b.offeredPerSec > a.offeredPerSec ? b : a)) : null;
  const round2 = (v: number) => Math.round(v * 100) / 100;
  const summary = baseline
    ? {
        maxSustainedPerSec: best?.offeredPerSec ?? 0,
        ratioToBroker: best ? round2(best.persistedPerSec / baseline.broker.msgsPerSec) : null,
        ratioToDatabase: best ? round2(best.dbRowsPerSec / baseline.database.rowsPerSec) : null,
        alertP99AtMax: best?.alertLatencyMs.p99 ?? null,
        alarmOnScreenP99AtMax: best?.alarmOnScreenMs.p99 ?? null,
        cpuUsPerMsgAtMax: best ? Math.round((best.hubCpuPct / 100 / best.persistedPerSec) * 1e6 * 10) / 10 : null,
        totalLost: stepsOut.reduce((s, x) => s + x.lost, 0),
        totalDeadLetters: sumMetric(mEnd, 'hub_dead_letters_total'),
        allZeroLoss: stepsOut.every((s) => s.zeroLoss) && (!dbCheck || dbCheck.readingsRows === dbCheck.acked),
      }
    : null;
  return {
    version: 1,
    runId,
    startedAt,
    finishedAt: new Date().toISOString(),
    mode: modeName,
    smoke,
    machine: machine(),
    config: {
      steps,
      stepSec,
      workers: workersN,
      alertRate,
      baselineSec,
      qos: 1,
      maxInflightPerConnection: MAX_INFLIGHT,
      telemetryConnections: telemetryDevices.length,
      sosPendants: sosDevices.length,
      mqtt: privateBroker
        ? 'private Mosquitto with the settings of deploy/mosquitto/mosquitto.conf'
        : external.broker
          ? mqttUrl
          : 'embedded Aedes',
      database: external.database ? new URL(databaseUrl).host : 'embedded PGlite + TimescaleDB (worker thread)',
      cpuProfile: !!args['cpu-prof'],
    },
    baseline,
    steps: stepsOut,
    summary,
    deadLettersByReason: labelled(mEnd, 'hub_dead_letters_total'),
    databaseCheck: dbCheck,
    soak: soakOut,
    profile,
    targets: {
      externalPersistedPerSec: 20_000,
      externalRatioToBroker: 0.5,
      embeddedPersistedPerSec: 10_000,
      alertP99MsAt10k: 50,
      soakDevices: 10_000,
    },
  };
}

main()
  .then(async (r) => {
    await cleanup();
    const file =
      args.out ??
      (smoke
        ? path.join(os.tmpdir(), `bench-smoke-${runId}.json`)
        : path.join(
            ROOT,
            'bench/results',
            `${runId.split('-')[0]}-${modeName.replace('+', '-')}${args.soak ? '-soak' : ''}.json`,
          ));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(r, null, 1)}\n`);
    log(`results: ${file}`);
    if (r.steps.length) process.stdout.write(`${markdown(r)}\n`);
    if (r.soak) process.stdout.write(`${soakMarkdown(r)}\n`);
    if (!smoke && !args['no-markdown'] && !args.out) await updateBenchmarksMd(r, file);
    process.stdout.write(`RESULTS ${file}\n`);
    process.exit(0);
  })
  .catch(async (err: Error) => {
    log(`failed: ${err.stack ?? err.message}`);
    await cleanup();
    process.exit(1);
  });
