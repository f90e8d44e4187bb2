/**
 * The hub under test as a child process (`node --import tsx hub/src/main.ts`, demo data, its own
 * DATA_DIR; with DATABASE_URL a database created for the run), and what the bench reads of it:
 * logins, /metrics, the demo devices.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchConfig } from './cli.js';
import { createDatabase } from './databases.js';
import { ROOT, freePort, parseMetrics, sleep, type Cleanups, type ProbeDevice } from './lib.js';

export interface HubChild {
  proc: ChildProcess;
  pid: number;
  base: string;
  mqttHost: string;
  mqttPort: number;
  dataDir: string;
  dbUrl: string | null;
  profDir: string | null;
}

/** A device of the hub's demo data (DATA_DIR/demo-devices.json). */
export interface DemoDevice extends ProbeDevice {
  type: string;
}

export async function startHubChild(cfg: BenchConfig, cleanups: Cleanups): Promise<HubChild> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-hub-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const mqttPort = await freePort();
  const dbUrl = cfg.external.database
    ? await createDatabase(cleanups, cfg.databaseUrl, `bench_hub_${cfg.dbSuffix}`)
    : null;
  const profDir = cfg.cpuProf ? path.join(ROOT, 'bench/profiles', cfg.runId) : null;
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
    ...(cfg.external.broker ? { MQTT_URL: cfg.mqttUrl } : {}),
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
  const target = cfg.external.broker ? new URL(cfg.mqttUrl) : null;
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

/** Stops the hub with SIGINT (a clean exit writes the CPU profile), waiting up to 30 s. */
export async function stopHubChild(hub: HubChild): Promise<void> {
  hub.proc.kill('SIGINT');
  await Promise.race([new Promise((r) => hub.proc.once('exit', r)), sleep(30_000)]);
}

export function demoDevices(hub: HubChild): DemoDevice[] {
  return (JSON.parse(readFileSync(path.join(hub.dataDir, 'demo-devices.json'), 'utf8')) as { devices: DemoDevice[] })
    .devices;
}

export async function login(base: string, email: string, password: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!r.ok) throw new Error(`login ${email}: ${r.status}`);
  return ((await r.json()) as { token: string }).token;
}

export const scrape = async (base: string) => parseMetrics(await (await fetch(`${base}/metrics`)).text());
export const READINGS = 'hub_ingest_rows_written_total{table="readings"}';

/**
 * Waits until the hub has written `expected` readings rows since `rows0` (or `maxMs` passed, or
 * nothing moved for 15 s); the rows, how long that took and the last /metrics.
 */
export async function waitForRows(base: string, rows0: number, expected: number, maxMs: number) {
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
