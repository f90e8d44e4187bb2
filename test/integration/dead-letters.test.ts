/**
 * Refused device messages for a district's admin (real database, the embedded broker): the
 * district's own devices and unregistered device ids, never another district's devices; filtered
 * by device and by words of the reason; paged newest first with `before`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadLetterPage } from '@eldercare/shared';
import { eventually, startTestHub, type TestHub } from '../support/hub.js';

let hub: TestHub;
let admin: string;
let otherAdmin: string;
let mine: { deviceId: string; password: string };

async function publish(deviceId: string, password: string | undefined, topic: string, payload: string) {
  const c = await mqtt.connectAsync(hub.mqttUrl, {
    clientId: deviceId,
    username: password ? deviceId : undefined,
    password,
    reconnectPeriod: 0,
  });
  await c.publishAsync(topic, payload, { qos: 1 });
  await c.endAsync();
}

const page = async (token: string, query = '') =>
  (await hub.api<DeadLetterPage>('GET', `/api/dead-letters${query}`, token)).body;

beforeAll(async () => {
  hub = await startTestHub();
  const devices = JSON.parse(await readFile(path.join(hub.dataDir, 'demo-devices.json'), 'utf8')).devices as {
    deviceId: string;
    password: string;
  }[];
  mine = devices[0]!;
  admin = await hub.login('admin@demo.local', 'demo-admin-pass');
  const t = await hub.database.pool.query<{ id: string }>(
    `INSERT INTO tenants (name) VALUES ('Other district') RETURNING id`,
  );
  await hub.services.tenants.refresh();
  await hub.services.auth.createUser(t.rows[0]!.id, {
    email: 'admin2@other.local',
    name: 'Admin 2',
    password: 'admin2-test-pass',
    role: 'admin',
  });
  otherAdmin = await hub.login('admin2@other.local', 'admin2-test-pass');

  // Three refused messages of a demo-district device, one of an id nobody registered.
  for (let i = 0; i < 3; i++)
    await publish(mine.deviceId, mine.password, `eldercare/v1/devices/${mine.deviceId}/telemetry`, `{not json ${i}`);
  // (An unregistered id cannot sign in to the embedded broker; an external one may let it publish.)
  await hub.database.pool.query(
    `INSERT INTO dead_letters (topic, device_id, reason, payload) VALUES ($1, $2, 'unknown device', '{}')`,
    ['eldercare/v1/devices/ghost-device-1/status', 'ghost-device-1'],
  );
  await eventually(async () => (await page(admin, `?deviceId=${mine.deviceId}`)).items.length >= 3);
});

afterAll(async () => {
  await hub?.stop();
});

describe('dead letters', () => {
  it("a district's admin sees its own devices' letters; another district's admin never does", async () => {
    const own = await page(admin, `?deviceId=${mine.deviceId}`);
    expect(own.items).toHaveLength(3);
    expect(own.items.every((l) => l.deviceId === mine.deviceId && l.payload.startsWith('{not json'))).toBe(true);
    const other = await page(otherAdmin, `?deviceId=${mine.deviceId}`);
    expect(other.items).toEqual([]);
    const all = await page(otherAdmin);
    expect(all.items.some((l) => l.deviceId === mine.deviceId)).toBe(false);
    // An id nobody registered belongs to no district: both admins see it.
    expect(all.items.some((l) => l.deviceId === 'ghost-device-1')).toBe(true);
    expect((await page(admin)).items.some((l) => l.deviceId === 'ghost-device-1')).toBe(true);
  });

  it('pages newest first with before, and filters by words of the reason', async () => {
    const first = await page(admin, `?deviceId=${mine.deviceId}&limit=2`);
    expect(first.items.map((l) => l.payload)).toEqual(['{not json 2', '{not json 1']);
    expect(first.nextBefore).toBe(first.items[1]!.id);
    const second = await page(admin, `?deviceId=${mine.deviceId}&limit=2&before=${first.nextBefore}`);
    expect(second.items.map((l) => l.payload)).toEqual(['{not json 0']);
    expect(second.nextBefore).toBeNull();
    const reason = first.items[0]!.reason.split(/\W+/).find((w) => w.length > 3)!;
    const found = await page(admin, `?q=${encodeURIComponent(reason.toUpperCase())}`);
    expect(found.items.length).toBeGreaterThanOrEqual(3);
    expect(found.items.every((l) => l.reason.toLowerCase().includes(reason.toLowerCase()))).toBe(true);
  });

  it('refuses a bad query with 400', async () => {
    expect((await hub.api('GET', '/api/dead-letters?before=0', admin)).status).toBe(400);
    expect((await hub.api('GET', '/api/dead-letters?limit=5000', admin)).status).toBe(400);
  });
});
