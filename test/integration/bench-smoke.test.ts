/** Keeps the benchmark harness from rotting: `npm run bench -- --smoke` end to end, < 60 s. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('runs the smoke benchmark: baselines, steps with zero loss, alert latency, hub CPU and RSS', async () => {
  const out = path.join(dir, 'smoke.json');
  const env = { ...process.env };
  delete env.MQTT_URL;
  delete env.DATABASE_URL;
  const code = await new Promise<number | null>((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', 'test/bench/run.ts', '--smoke', '--out', out], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-5000)));
    p.on('exit', (c) => {
      if (c !== 0) console.error(err);
      resolve(c);
    });
  });
  expect(code).toBe(0);
  const r = JSON.parse(readFileSync(out, 'utf8'));
  expect(r).toMatchObject({ version: 1, mode: 'aedes+pglite', smoke: true });
  expect(r.machine.nproc).toBeGreaterThan(0);
  expect(r.baseline.broker.msgsPerSec).toBeGreaterThan(0);
  expect(r.baseline.database.rowsPerSec).toBeGreaterThan(0);
  expect(r.steps.length).toBeGreaterThan(0);
  for (const s of r.steps) {
    expect(s).toMatchObject({ lost: 0, zeroLoss: true, deadLetters: 0 });
    expect(s.acked).toBeGreaterThan(0);
    expect(s.rowsWritten).toBe(s.acked);
    for (const k of ['offeredPerSec', 'sentPerSec', 'persistedPerSec', 'dbRowsPerSec', 'hubCpuPct', 'hubPeakRssMiB'])
      expect(typeof s[k]).toBe('number');
    expect(s.alertLatencyMs.count).toBeGreaterThan(0);
    expect(s.alertLatencyMs.missing).toBe(0);
    expect(s.alertLatencyMs.p99).toBeGreaterThan(0);
    // Every alarm reached the screen (early notice or incident), never later than its incident.
    expect(s.alarmOnScreenMs.missing).toBe(0);
    expect(s.alarmOnScreenMs.p99).toBeGreaterThan(0);
    expect(s.alarmOnScreenMs.p99).toBeLessThanOrEqual(s.alertLatencyMs.p99);
    // Alarm → district webhook: new incidents, each webhook verified with its signature.
    expect(s.alarmToWebhookMs.count).toBeGreaterThan(0);
    expect(s.alarmToWebhookMs.missing).toBe(0);
    expect(s.alarmToWebhookMs.refused).toBe(0);
    expect(s.alarmToWebhookMs.p99).toBeGreaterThan(0);
  }
  expect(r.summary.allZeroLoss).toBe(true);
  expect(r.summary.totalDeadLetters).toBe(0);
}, 110_000);
