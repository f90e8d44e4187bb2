/**
 * GET /api/devices/export/mosquitto produces files a real Mosquitto accepts: a private broker
 * started with them (allow_anonymous false) lets a demo device in with its password, refuses a
 * wrong password, lets it publish only on its own topics; and a hub logging in as `hub` ingests
 * through it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashDeviceSecret } from '../../hub/src/mqtt/credentials.js';
import { ADMIN, startTestHub, type TestHub } from '../support/hub.js';
import {
  TOPIC,
  connectDevice,
  connectRefusal,
  residentDevices,
  waitForCount,
  type DemoDevice,
} from '../support/devices.js';
import {
  createTestDatabase,
  startRealHub,
  stopRealHub,
  type TestDatabase,
  forgetMqttSession,
} from '../support/real.js';

let db: TestDatabase;
let hub: TestHub | undefined;
let viaPrivate: TestHub | undefined;
let dir: string;
let broker: ChildProcess | undefined;
let brokerLog = '';
let url: string;
let files: { passwordFile: string; aclFile: string };
let alice: DemoDevice;
let bob: DemoDevice;
const HUB_PASSWORD = 'hub-password-for-tests';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (broker?.exitCode != null) throw new Error(`mosquitto exited (${broker.exitCode}): ${brokerLog}`);
    if (Date.now() > deadline) throw new Error(`mosquitto did not listen on ${port}: ${brokerLog}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  hub = await startRealHub(db);
  [alice, bob] = (await residentDevices(hub.dataDir, 2)) as [DemoDevice, DemoDevice];
  const token = await hub.login(ADMIN.email, ADMIN.password);
  const res = await hub.api<{ passwordFile: string; aclFile: string }>('GET', '/api/devices/export/mosquitto', token);
  expect(res.status).toBe(200);
  files = res.body;

  dir = await mkdtemp(path.join(os.tmpdir(), 'mosquitto-test-'));
  // The hub's own login is not in the export (npm run mosquitto:init writes it); add it the same way.
  await writeFile(path.join(dir, 'passwd'), files.passwordFile + `hub:${hashDeviceSecret(HUB_PASSWORD)}\n`);
  await writeFile(path.join(dir, 'acl'), files.aclFile);
  const port = await freePort();
  await writeFile(
    path.join(dir, 'mosquitto.conf'),
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous false',
      `password_file ${path.join(dir, 'passwd')}`,
      `acl_file ${path.join(dir, 'acl')}`,
      'persistence false',
      'log_dest stderr',
      'log_type error',
      'log_type warning',
      'log_type notice',
      '',
    ].join('\n'),
  );
  // Started as root, mosquitto drops to its own user: it must be able to read the files.
  await chmod(dir, 0o755);
  for (const f of ['passwd', 'acl', 'mosquitto.conf']) await chmod(path.join(dir, f), 0o644);
  broker = spawn('mosquitto', ['-c', path.join(dir, 'mosquitto.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  broker.stderr!.on('data', (d: Buffer) => (brokerLog += d.toString()));
  await waitForPort(port);
  url = `mqtt://127.0.0.1:${port}`;
});

afterAll(async () => {
  await viaPrivate?.stop();
  if (broker && broker.exitCode == null) {
    const exited = new Promise((r) => broker!.once('exit', r));
    broker.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
    if (broker.exitCode == null) broker.kill('SIGKILL');
  }
  await stopRealHub(hub);
  await db?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('Mosquitto export', () => {
  it('lists every device with a $7$ hash and the per-device ACL', async () => {
    const lines = files.passwordFile.trim().split('\n');
    const demo = JSON.parse(await readFile(path.join(hub!.dataDir, 'demo-devices.json'), 'utf8')) as {
      devices: unknown[];
    };
    expect(lines).toHaveLength(demo.devices.length);
    for (const l of lines)
      expect(l).toMatch(/^[A-Za-z0-9][A-Za-z0-9._:-]{2,63}:\$7\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(files.passwordFile).not.toContain(alice.password);
    expect(files.aclFile).toContain('pattern write eldercare/v1/devices/%u/telemetry');
    expect(files.aclFile).toContain('pattern read eldercare/v1/devices/%u/commands');
  });

  it('a demo device logs in with its password; a wrong password and anonymous clients are refused', async () => {
    const c = await connectDevice(url, alice);
    expect(c.connected).toBe(true);
    await c.endAsync();
    // Mosquitto answers a bad password with "not authorized" (5) rather than "bad user name or password" (4).
    expect([4, 5]).toContain(
      (
        await connectRefusal(url, {
          clientId: alice.deviceId,
          username: alice.deviceId,
          password: alice.password + 'x',
        })
      ).code,
    );
    expect([4, 5]).toContain(
      (await connectRefusal(url, { clientId: alice.deviceId, username: alice.deviceId, password: bob.password })).code,
    );
    expect((await connectRefusal(url, { clientId: 'anon-client' })).code).toBe(5);
  });

  it('a device publishes on its own topics only; it reads its own commands only', async () => {
    const watcher = await mqtt.connectAsync(url, {
      clientId: 'hub-watcher',
      username: 'hub',
      password: HUB_PASSWORD,
      reconnectPeriod: 0,
    });
    const seen: string[] = [];
    watcher.on('message', (topic) => seen.push(topic));
    await watcher.subscribeAsync('eldercare/v1/devices/#', { qos: 1 });

    const c = await connectDevice(url, alice);
    await c.publishAsync(
      TOPIC(alice.deviceId, 'telemetry'),
      JSON.stringify({ ts: Date.now(), readings: { heartRate: 70 } }),
      { qos: 1 },
    );
    await c
      .publishAsync(
        TOPIC(bob.deviceId, 'telemetry'),
        JSON.stringify({ ts: Date.now(), readings: { heartRate: 190 } }),
        { qos: 1 },
      )
      .catch(() => undefined);
    await c.publishAsync(TOPIC(alice.deviceId, 'status'), JSON.stringify({ online: true }), { qos: 1 });
    // Mosquitto grants the subscription and applies the read ACL on delivery.
    await c.subscribeAsync([TOPIC(alice.deviceId, 'commands'), TOPIC(bob.deviceId, 'commands')], { qos: 1 });
    // The hub user can send Alice a command; Bob's command never reaches her.
    const got: string[] = [];
    c.on('message', (topic) => got.push(topic));
    await watcher.publishAsync(TOPIC(bob.deviceId, 'commands'), '{"type":"ping"}', { qos: 1 });
    await watcher.publishAsync(TOPIC(alice.deviceId, 'commands'), '{"type":"ping"}', { qos: 1 });
    const until = Date.now() + 5_000;
    while ((seen.length < 4 || got.length < 1) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.filter((t) => !t.endsWith('/commands'))).toEqual([
      TOPIC(alice.deviceId, 'telemetry'),
      TOPIC(alice.deviceId, 'status'),
    ]);
    expect(got).toEqual([TOPIC(alice.deviceId, 'commands')]);
    await c.endAsync();
    await watcher.endAsync();
  });

  it('a hub logging in as `hub` ingests through the secured broker', async () => {
    viaPrivate = await startTestHub({
      DATABASE_URL: db.url,
      MQTT_URL: url,
      MQTT_USERNAME: 'hub',
      MQTT_PASSWORD: HUB_PASSWORD,
      HUB_ID: `hub-export-${process.pid}`,
    });
    const c = await connectDevice(url, bob);
    await c.publishAsync(TOPIC(bob.deviceId, 'telemetry'), JSON.stringify({ ts: Date.now(), readings: { spo2: 93 } }), {
      qos: 1,
    });
    await c.endAsync();
    expect(
      await waitForCount(
        viaPrivate,
        `SELECT count(*) AS n FROM readings WHERE device_id = $1 AND value = 93`,
        [bob.deviceId],
        1,
      ),
    ).toBe(1);
    // Its dead letters would show a device that should not be there: nothing from Alice's spoof.
    await viaPrivate.flush();
    const spoof = await viaPrivate.database.pool.query(
      `SELECT count(*)::int AS n FROM readings WHERE device_id = $1 AND value = 190`,
      [bob.deviceId],
    );
    expect(spoof.rows[0].n).toBe(0);
    await viaPrivate.stop();
    viaPrivate = undefined;
    await forgetMqttSession(url, `hub-export-${process.pid}`).catch(() => undefined);
  });
});
