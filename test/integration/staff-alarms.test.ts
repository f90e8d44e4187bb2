/**
 * Care-home staff handle their own institution's alarms: a room's pull cord goes off over real MQTT,
 * staff of that institution see it (list and live socket), claim it, mark themselves on scene
 * straight away (they are on the premises — no dispatch) and resolve it; the pull cord is told help
 * is coming in the district's language. Staff of another institution neither see nor act on it.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { io as ioClient, type Socket } from 'socket.io-client';
import type { Alert, AlertDetail, ClientToServerEvents, Device, ServerToClientEvents } from '@eldercare/shared';
import { eventually, startTestHub, type TestHub } from '../support/hub.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
interface DemoDevice {
  deviceId: string;
  type: string;
  password: string;
  residentId: string | null;
}

let hub: TestHub;
let staffA: string;
let staffB: string;
let dispatcher: string;
let instA: string;
let instB: string;
let cords: { a: DemoDevice[]; b: DemoDevice[] };
const clients: MqttClient[] = [];
const sockets: ClientSocket[] = [];

async function device(d: DemoDevice): Promise<{ c: MqttClient; commands: { type: string; message: string }[] }> {
  const c = await mqtt.connectAsync(hub.mqttUrl, {
    clientId: d.deviceId,
    username: d.deviceId,
    password: d.password,
    reconnectPeriod: 0,
  });
  clients.push(c);
  const commands: { type: string; message: string }[] = [];
  await c.subscribeAsync(`eldercare/v1/devices/${d.deviceId}/commands`, { qos: 1 });
  c.on('message', (_t, m) => commands.push(JSON.parse(m.toString())));
  return { c, commands };
}
const sos = (c: MqttClient, d: DemoDevice) =>
  c.publishAsync(
    `eldercare/v1/devices/${d.deviceId}/events`,
    JSON.stringify({ ts: Date.now(), eventId: `e-${Math.random().toString(36).slice(2)}`, type: 'sos' }),
    { qos: 1 },
  );

function liveAlerts(token: string): Promise<{ seen: Alert[] }> {
  const socket: ClientSocket = ioClient(hub.base, { auth: { token, since: 0 }, transports: ['websocket'] });
  sockets.push(socket);
  const seen: Alert[] = [];
  socket.on('alert:upsert', (a) => seen.push(a));
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('alerts:snapshot', () => resolve({ seen }));
  });
}

async function raisedFrom(d: DemoDevice): Promise<Alert> {
  return eventually(async () => {
    const r = await hub.api<{ items: Alert[] }>('GET', '/api/alerts?state=active', dispatcher);
    return r.body.items.find((a) => a.deviceId === d.deviceId);
  });
}

beforeAll(async () => {
  hub = await startTestHub();
  const demo: DemoDevice[] = JSON.parse(await readFile(path.join(hub.dataDir, 'demo-devices.json'), 'utf8')).devices;
  const admin = await hub.login('admin@demo.local', 'demo-admin-pass');
  dispatcher = await hub.login('dispatcher@demo.local', 'demo-dispatch-pass');
  staffA = await hub.login('staff@demo.local', 'demo-staff-pass');
  instA = (await hub.api<{ user: { institutionId: string } }>('GET', '/api/auth/me', staffA)).body.user.institutionId;
  const all = (await hub.api<{ items: Device[] }>('GET', '/api/devices?limit=1000', admin)).body.items;
  instB = all.find((d) => d.institutionId && d.institutionId !== instA)!.institutionId!;
  const created = await hub.api('POST', '/api/users', admin, {
    email: 'nurse-b@demo.local',
    password: 'nurse-b-test-pass',
    name: '护士 B',
    role: 'institution_staff',
    institutionId: instB,
  });
  expect(created.status).toBe(201);
  staffB = await hub.login('nurse-b@demo.local', 'nurse-b-test-pass');
  const instOf = new Map(all.map((d) => [d.id, d.institutionId]));
  const pullCords = demo.filter((d) => d.type === 'pull_cord');
  cords = {
    a: pullCords.filter((d) => instOf.get(d.deviceId) === instA),
    b: pullCords.filter((d) => instOf.get(d.deviceId) === instB),
  };
  expect(cords.a.length).toBeGreaterThan(2);
  expect(cords.b.length).toBeGreaterThan(0);
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all(clients.map((c) => c.endAsync()));
  await hub?.stop();
  if (hub) await rm(hub.dataDir, { recursive: true, force: true });
});

describe('institution staff alarm handling', () => {
  it('staff claim, go on scene and resolve their room alarm; staff of another institution cannot see or touch it', async () => {
    const liveA = await liveAlerts(staffA);
    const liveB = await liveAlerts(staffB);
    const cordA = cords.a[0]!;
    const cordB = cords.b[0]!;
    const devA = await device(cordA);
    const devB = await device(cordB);
    await sos(devA.c, cordA);
    await sos(devB.c, cordB);
    const alarmA = await raisedFrom(cordA);
    const alarmB = await raisedFrom(cordB);
    expect(alarmA.institutionId).toBe(instA);
    expect(alarmA.residentId).toBeNull();
    expect(alarmA.place?.roomId).toBeTruthy();

    // Each institution's staff see their own room alarm, live and in the list, and never the other's.
    await eventually(async () => liveA.seen.some((a) => a.id === alarmA.id));
    await eventually(async () => liveB.seen.some((a) => a.id === alarmB.id));
    expect(liveA.seen.some((a) => a.id === alarmB.id)).toBe(false);
    expect(liveB.seen.some((a) => a.id === alarmA.id)).toBe(false);
    const listA = (await hub.api<{ items: Alert[] }>('GET', '/api/alerts?state=active', staffA)).body.items;
    expect(listA.map((a) => a.id)).toContain(alarmA.id);
    expect(listA.every((a) => a.institutionId === instA)).toBe(true);
    const listB = (await hub.api<{ items: Alert[] }>('GET', '/api/alerts?state=all', staffB)).body.items;
    expect(listB.map((a) => a.id)).not.toContain(alarmA.id);

    // Staff of B: A's alarm does not exist for them, whatever they try.
    expect((await hub.api('GET', `/api/alerts/${alarmA.id}`, staffB)).status).toBe(404);
    expect((await hub.api('POST', `/api/alerts/${alarmA.id}/claim`, staffB)).status).toBe(404);
    expect(
      (await hub.api('POST', `/api/alerts/${alarmA.id}/actions`, staffB, { action: 'note', note: 'x' })).status,
    ).toBe(404);

    // Staff of A handle it: claim (the cord hears help is coming, in Chinese), on scene at once, resolve.
    const claimed = await hub.api<Alert>('POST', `/api/alerts/${alarmA.id}/claim`, staffA);
    expect(claimed.status).toBe(200);
    expect(claimed.body.status).toBe('acknowledged');
    const heard = await eventually(async () => devA.commands.find((c) => c.type === 'alarm_received'));
    expect(heard.message).toBe('已收到您的呼叫，救助人员马上就到');
    const onScene = await hub.api<Alert>('POST', `/api/alerts/${alarmA.id}/actions`, staffA, {
      action: 'on_scene',
    });
    expect(onScene.status).toBe(200);
    expect(onScene.body.status).toBe('on_scene');
    const resolved = await hub.api<Alert>('POST', `/api/alerts/${alarmA.id}/actions`, staffA, {
      action: 'resolve',
      outcome: 'helped_at_home',
      note: '老人起夜时误拉',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe('resolved');
    const detail = (await hub.api<AlertDetail>('GET', `/api/alerts/${alarmA.id}`, staffA)).body;
    expect(detail.actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['acknowledged', 'on_scene', 'resolved']),
    );
    expect(detail.actions.every((a) => a.actorId === claimed.body.acknowledgedBy)).toBe(true);
    await eventually(async () => liveA.seen.some((a) => a.id === alarmA.id && a.status === 'resolved'));
    expect(liveB.seen.some((a) => a.id === alarmA.id)).toBe(false);

    // B's alarm is still B's to handle: A's staff get 404 on it.
    expect((await hub.api('POST', `/api/alerts/${alarmB.id}/claim`, staffA)).status).toBe(404);
    expect((await hub.api('POST', `/api/alerts/${alarmB.id}/claim`, staffB)).status).toBe(200);
  });

  it("staff cannot work an alarm a dispatcher holds, and a dispatcher still needs a responder before 'on scene'", async () => {
    const cord = cords.a[1]!;
    const dev = await device(cord);
    await sos(dev.c, cord);
    const alarm = await raisedFrom(cord);
    expect((await hub.api('POST', `/api/alerts/${alarm.id}/claim`, dispatcher)).status).toBe(200);
    expect((await hub.api('POST', `/api/alerts/${alarm.id}/claim`, staffA)).status).toBe(409);
    expect((await hub.api('POST', `/api/alerts/${alarm.id}/actions`, staffA, { action: 'on_scene' })).status).toBe(403);
    expect((await hub.api('POST', `/api/alerts/${alarm.id}/actions`, dispatcher, { action: 'on_scene' })).status).toBe(
      409,
    );
  });
});
