/**
 * npm run backup / npm run restore on the embedded database: an online backup while the hub runs
 * and takes telemetry, restored into a new data directory (and over an existing one), a hub
 * started on it, the main tables' row counts compared. Runs the real CLI scripts.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAIN_TABLES } from '../../hub/src/db/backup.js';
import { startTestHub, eventually, type TestHub } from '../support/hub.js';
import { connectDevice, residentDevices, TOPIC } from '../support/devices.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const hubs: TestHub[] = [];
const dirs: string[] = [];

afterAll(async () => {
  for (const h of hubs) await h.stop().catch(() => undefined);
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function counts(hub: TestHub): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of MAIN_TABLES)
    out[t] = (await hub.database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0]!.n;
  return out;
}

const npm = (script: 'backup' | 'restore', dataDir: string, ...args: string[]) =>
  run('npm', ['run', '--silent', script, '--', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', INIT_CWD: root },
  });

describe('backup and restore of the embedded database', () => {
  it('backs up a running hub and restores it: a hub on the restored data has the same rows', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'hub-backup-'));
    dirs.push(work);
    const hub = await startTestHub();
    hubs.push(hub);
    // Readings, an event and an alert of this run, on top of the demo data.
    const [device] = await residentDevices(hub.dataDir, 1);
    const c = await connectDevice(hub.mqttUrl, device!);
    for (let i = 0; i < 20; i++)
      await c.publishAsync(
        TOPIC(device!.deviceId, 'telemetry'),
        JSON.stringify({ ts: Date.now() - i * 1000, readings: { heartRate: 70 + i } }),
        { qos: 1 },
      );
    await c.publishAsync(
      TOPIC(device!.deviceId, 'events'),
      JSON.stringify({ ts: Date.now(), type: 'sos', eventId: `backup-sos-${Date.now()}` }),
      { qos: 1 },
    );
    await c.endAsync();
    await eventually(async () => {
      await hub.flush();
      const n = await counts(hub);
      return n.alerts! > 0 && n.readings! >= 20;
    });
    const before = await counts(hub);

    const file = path.join(work, 'hub.tar.gz');
    const backup = await npm('backup', hub.dataDir, file);
    expect(backup.stdout).toMatch(/backup written: .*online/);
    // The running hub is unharmed, and refuses a restore over its data.
    expect((await fetch(`${hub.base}/healthz`)).status).toBe(200);
    await expect(npm('restore', hub.dataDir, file)).rejects.toMatchObject({
      stderr: expect.stringMatching(/stop it first/),
    });

    // Into a new data directory.
    const fresh = path.join(work, 'fresh');
    const restored = await npm('restore', fresh, file);
    expect(restored.stdout).toContain(`readings: ${before.readings} rows`);
    const second = await startTestHub({}, fresh);
    hubs.push(second);
    expect(await counts(second)).toEqual(before);
    expect((await fetch(`${second.base}/healthz`)).status).toBe(200);
    await second.stop({ keepData: true });

    // Over the original, once its hub stopped after more writes: back to the backup's rows.
    const extra = await hub.database.pool.query(
      `DELETE FROM readings WHERE ctid IN (SELECT ctid FROM readings LIMIT 5)`,
    );
    expect(extra.rowCount).toBe(5);
    await hub.stop({ keepData: true });
    const over = await npm('restore', hub.dataDir, file);
    expect(over.stdout).toMatch(/previous database is kept in .*pgdata\.before-restore-/);
    expect((await readdir(hub.dataDir)).some((f) => f.startsWith('pgdata.before-restore-'))).toBe(true);
    const third = await startTestHub({}, hub.dataDir);
    hubs.push(third);
    expect(await counts(third)).toEqual(before);
    dirs.push(hub.dataDir);
  }, 600_000);

  it('backs up a stopped hub from its data directory', async () => {
    const hub = await startTestHub();
    const before = await counts(hub);
    await hub.stop({ keepData: true });
    dirs.push(hub.dataDir);
    const file = path.join(hub.dataDir, '..', `${path.basename(hub.dataDir)}.tar.gz`);
    dirs.push(file);
    expect((await npm('backup', hub.dataDir, file)).stdout).toMatch(/offline, hub not running/);
    const fresh = `${hub.dataDir}-restored`;
    dirs.push(fresh);
    await npm('restore', fresh, file);
    const restored = await startTestHub({}, fresh);
    hubs.push(restored);
    expect(await counts(restored)).toEqual(before);
  }, 600_000);
});
