/**
 * The SIA DC-09 receiver end to end: a real hub with its DC-09 TCP and UDP listeners, the
 * devices-sim dialler as the alarm panel, the real database and the embedded MQTT broker. The hub's
 * clock is injected; the dialler's clock follows it (plus any skew the test gives the panel).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as ioClient, type Socket } from 'socket.io-client';
import type {
  Alert,
  ClientToServerEvents,
  Dc09Account,
  DeadLetter,
  Device,
  ServerToClientEvents,
} from '@eldercare/shared';
import { Dc09Dialler, contactId, dc09Frame, siaDcs } from '@eldercare/devices-sim';
import { eventually, startTestHub, type TestHub } from '../support/hub.js';
import {
  TOPIC,
  connectDevice,
  count,
  demoDevices,
  newEventId,
  waitForCount,
  type DemoDevice,
} from '../support/devices.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let now = Date.now();
const clock = { now: () => now };
let hub: TestHub;
let admin: string;
let dispatcher: string;
let residentsLeft: DemoDevice[];
const diallers: Dc09Dialler[] = [];
const sockets: ClientSocket[] = [];

/** A demo device of a resident no other test here used (the alert engine folds one person's alarms). */
const nextDevice = () => {
  const d = residentsLeft.shift();
  if (!d) throw new Error('out of demo residents');
  residentsLeft = residentsLeft.filter((x) => x.residentId !== d.residentId);
  return d;
};

let accountNo = 0x1000;
async function account(body: Record<string, unknown>): Promise<Dc09Account> {
  const r = await hub.api<Dc09Account>('POST', '/api/dc09/accounts', admin, {
    line: '1',
    account: (accountNo++).toString(16).toUpperCase(),
    ...body,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

function dialler(
  a: Dc09Account,
  opts: { transport?: 'tcp' | 'udp'; key?: string | null; clockSkewMs?: number; binaryCrc?: boolean } = {},
) {
  const d = new Dc09Dialler({
    host: '127.0.0.1',
    port: opts.transport === 'udp' ? hub.services.dc09.udpPort! : hub.services.dc09.tcpPort!,
    transport: opts.transport ?? 'tcp',
    receiver: a.receiver,
    line: a.line,
    account: a.account,
    key: opts.key ?? null,
    clockSkewMs: opts.clockSkewMs,
    binaryCrc: opts.binaryCrc,
    now: clock.now,
    ackTimeoutMs: 5_000,
    retries: 2,
  });
  diallers.push(d);
  return d;
}

function dispatcherSocket(): Promise<{ seen: Alert[] }> {
  const socket: ClientSocket = ioClient(hub.base, {
    auth: { token: dispatcher },
    transports: ['websocket'],
    reconnection: false,
  });
  sockets.push(socket);
  const seen: Alert[] = [];
  socket.on('alert:upsert', (a) => seen.push(a));
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('alerts:snapshot', () => resolve({ seen }));
  });
}

const eventsOf = (deviceId: string) =>
  count(hub.database.pool, 'SELECT count(*) AS n FROM device_events WHERE device_id = $1', [deviceId]);
const dc09Letters = () => count(hub.database.pool, `SELECT count(*) AS n FROM dead_letters WHERE topic LIKE 'dc09/%'`);
const alertsOf = async (residentId: string, state: 'active' | 'all' = 'active') =>
  (await hub.api<{ items: Alert[] }>('GET', `/api/alerts?residentId=${residentId}&state=${state}`, dispatcher)).body
    .items;

beforeAll(async () => {
  hub = await startTestHub({ DC09_TCP_PORT: '0', DC09_UDP_PORT: '0' }, undefined, { clock });
  residentsLeft = (await demoDevices(hub.dataDir)).filter((d) => d.residentId && d.type === 'sos_pendant');
  admin = await hub.login('admin@demo.local', 'demo-admin-pass');
  dispatcher = await hub.login('dispatcher@demo.local', 'demo-dispatch-pass');
});

afterAll(async () => {
  for (const d of diallers) d.close();
  for (const s of sockets) s.close();
  await hub?.stop();
});

describe('DC-09 receiver', () => {
  it('an encrypted Contact ID personal emergency over TCP becomes an SOS incident on the dispatcher’s screen', async () => {
    const { seen } = await dispatcherSocket();
    const key = randomBytes(32).toString('hex');
    const home = nextDevice();
    // Registered on the resident's home: the hub registers a device for the panel there.
    const a = await account({ residentId: home.residentId, receiver: '12', key, supervisionSeconds: 300 });
    expect(a).toMatchObject({ encrypted: true, receiver: '12', vendor: 'standard' });
    expect(JSON.stringify(a)).not.toContain(key);

    const panel = dialler(a, { key });
    const r = await panel.send('ADM-CID', contactId(a.account, '101', { zone: '015' }));
    expect(r.answer).toBe('ACK');
    expect(r.ackVerified).toBe(true); // "*ACK", encrypted with the account's key
    // Acknowledged only after it was stored.
    expect(await eventsOf(a.deviceId)).toBe(1);
    const alert = await eventually(async () => seen.find((x) => x.deviceId === a.deviceId && x.kind === 'sos'));
    expect(alert).toMatchObject({ severity: 'critical', residentId: home.residentId, status: 'open' });
    await hub.flush();
    const device = await hub.api<Device>('GET', `/api/devices/${a.deviceId}`, admin);
    expect(device.body).toMatchObject({ residentId: home.residentId, online: true });
  });

  it('a plain SIA DCS fire alarm over UDP becomes a smoke alarm', async () => {
    const d = nextDevice();
    const a = await account({ deviceId: d.deviceId });
    const r = await dialler(a, { transport: 'udp' }).send('SIA-DCS', siaDcs(a.account, 'FA', { zone: '129' }));
    expect(r.answer).toBe('ACK');
    const alerts = await eventually(async () => (await alertsOf(d.residentId!)).filter((x) => x.kind === 'smoke'));
    expect(alerts).toHaveLength(1);
  });

  it('a message outside the timestamp window is refused with NAK carrying the receiver’s time, and stored nowhere', async () => {
    const key = randomBytes(16).toString('hex');
    const d = nextDevice();
    const a = await account({ deviceId: d.deviceId, key });
    const letters = await dc09Letters();
    for (const skew of [-120_000, -41_000, +21_000]) {
      const r = await dialler(a, { key, clockSkewMs: skew }).send('ADM-CID', contactId(a.account, '101'));
      expect(r.answer, `skew ${skew}`).toBe('NAK');
      expect(Math.abs(r.receiverTime! - now)).toBeLessThan(1000); // the panel can correct its clock from it
    }
    // Inside the window (a panel clock 30 s behind, 15 s ahead) is accepted: the detector is not just refusing.
    expect((await dialler(a, { key, clockSkewMs: -30_000 }).send('ADM-CID', contactId(a.account, '101'))).answer).toBe(
      'ACK',
    );
    expect((await dialler(a, { key, clockSkewMs: 15_000 }).send('ADM-CID', contactId(a.account, '101'))).answer).toBe(
      'ACK',
    );
    await hub.flush();
    expect(await eventsOf(d.deviceId)).toBe(2);
    expect(await dc09Letters()).toBe(letters);
  });

  it('a retransmitted message (same sequence) is one event and one incident, however often it comes', async () => {
    const key = randomBytes(24).toString('hex');
    const d = nextDevice();
    const a = await account({ deviceId: d.deviceId, key });
    const panel = dialler(a, { key });
    const first = await panel.send('ADM-CID', contactId(a.account, '101'), { repeat: 3 });
    expect(first).toMatchObject({ answer: 'ACK', attempts: 3 });
    // Over UDP too (the usual case: a lost datagram ACK).
    const udp = dialler(a, { key, transport: 'udp' });
    const u = await udp.send('ADM-CID', contactId(a.account, '101', { zone: '002' }), { seq: 77, repeat: 2 });
    expect(u.answer).toBe('ACK');
    expect(await eventsOf(d.deviceId)).toBe(2);
    const sos = await eventually(async () => {
      const list = (await alertsOf(d.residentId!)).filter((x) => x.kind === 'sos');
      return list.length === 1 && list[0]!.signalCount === 2 && list;
    });
    expect(sos).toHaveLength(1);
    // A resend the panel re-stamped is a second signal folded into the same incident, not a new one.
    now += 4_000;
    expect((await panel.send('ADM-CID', contactId(a.account, '101'), { seq: first.seq })).answer).toBe('ACK');
    const after = await eventually(async () => {
      const list = (await alertsOf(d.residentId!)).filter((x) => x.kind === 'sos');
      return list[0]?.signalCount === 3 && list;
    });
    expect(after).toHaveLength(1);
  });

  it('a missed supervision interval reports the device offline; its next poll brings it back', async () => {
    const d = nextDevice();
    const a = await account({ deviceId: d.deviceId, supervisionSeconds: 60 });
    const panel = dialler(a, { transport: 'udp' });
    expect((await panel.send('NULL')).answer).toBe('ACK');
    await hub.flush();
    expect((await hub.api<Device>('GET', `/api/devices/${d.deviceId}`, admin)).body.online).toBe(true);

    now += 30_000;
    expect(await hub.services.dc09.checkSupervision()).toBe(0); // still inside its interval
    expect((await panel.send('NULL')).answer).toBe('ACK'); // a poll restarts the interval
    now += 50_000;
    expect(await hub.services.dc09.checkSupervision()).toBe(0);
    now += 11_000;
    expect(await hub.services.dc09.checkSupervision()).toBe(1);
    expect(await hub.services.dc09.checkSupervision()).toBe(0); // reported once
    const offline = await eventually(async () =>
      (await alertsOf(d.residentId!)).find((x) => x.kind === 'device_offline' && x.deviceId === d.deviceId),
    );
    expect(offline.status).toBe('open');
    await hub.flush();
    expect((await hub.api<Device>('GET', `/api/devices/${d.deviceId}`, admin)).body.online).toBe(false);
    expect((await hub.api<Dc09Account>('GET', `/api/dc09/accounts/${a.id}`, admin)).body.supervisionLost).toBe(true);

    expect((await panel.send('NULL')).answer).toBe('ACK');
    await eventually(async () => {
      await hub.flush();
      return (await hub.api<Device>('GET', `/api/devices/${d.deviceId}`, admin)).body.online;
    });
    expect((await hub.api<Dc09Account>('GET', `/api/dc09/accounts/${a.id}`, admin)).body.supervisionLost).toBe(false);
  });

  it('bad CRC and a wrong key get NAK and store nothing; an unknown account gets DUH and is dead-lettered', async () => {
    const key = randomBytes(16).toString('hex');
    const d = nextDevice();
    const a = await account({ deviceId: d.deviceId, key });
    const letters = await dc09Letters();
    expect((await dialler(a, { key }).send('ADM-CID', contactId(a.account, '101'), { badCrc: true })).answer).toBe(
      'NAK',
    );
    const wrong = randomBytes(16).toString('hex');
    expect(
      (await dialler(a, { key }).send('ADM-CID', contactId(a.account, '101'), { keyOverride: wrong })).answer,
    ).toBe('NAK');
    // A plain message for an account that encrypts could be forged: refused.
    expect((await dialler(a).send('ADM-CID', contactId(a.account, '101'))).answer).toBe('DUH');
    await hub.flush();
    expect(await eventsOf(d.deviceId)).toBe(0);
    expect(await dc09Letters()).toBe(letters);

    const stranger = dialler({ ...a, account: 'ABCDEF' });
    expect((await stranger.send('ADM-CID', contactId('ABCDEF', '101'))).answer).toBe('DUH');
    const dl = await hub.api<{ items: DeadLetter[] }>('GET', '/api/dead-letters?limit=20', admin);
    expect(dl.body.items.find((x) => x.topic.includes('#ABCDEF'))?.reason).toMatch(/unknown account/);
  });

  it('an unmapped code is acknowledged, stored in the dead letters with its reason for an admin, never dropped', async () => {
    const d = nextDevice();
    const a = await account({ deviceId: d.deviceId });
    const panel = dialler(a);
    expect((await panel.send('ADM-CID', contactId(a.account, '999', { zone: '007' }))).answer).toBe('ACK');
    // A smoke restore: recorded (the alarm was raised when it opened), raises nothing.
    expect((await panel.send('ADM-CID', contactId(a.account, '111', { qualifier: 3 }))).answer).toBe('ACK');
    const dl = await hub.api<{ items: DeadLetter[] }>('GET', '/api/dead-letters?limit=20', admin);
    const mine = dl.body.items.filter((x) => x.deviceId === d.deviceId);
    expect(mine.map((x) => x.reason)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/CID 1999: unmapped code/),
        expect.stringMatching(/CID 3111 \(Smoke\): recorded, raises no hub event \(restore\)/),
      ]),
    );
    expect(mine.find((x) => /1999/.test(x.reason))!.payload).toContain('1999 01 007');
    expect(await eventsOf(d.deviceId)).toBe(0);
  });

  it('AC loss opens a power-loss device-health item that the AC restore closes; the unit’s own inactivity alarm is an inactivity alert', async () => {
    const d = nextDevice();
    const a = await account({ deviceId: d.deviceId });
    const panel = dialler(a);
    expect((await panel.send('ADM-CID', contactId(a.account, '301', { group: '00', zone: '000' }))).answer).toBe('ACK');
    const lost = await eventually(async () => (await alertsOf(d.residentId!)).find((x) => x.kind === 'power_loss'));
    expect(lost).toMatchObject({ queue: 'device_health', status: 'open', deviceId: d.deviceId });
    expect((await panel.send('ADM-CID', contactId(a.account, '301', { qualifier: 3 }))).answer).toBe('ACK');
    const closed = await eventually(async () =>
      (await alertsOf(d.residentId!, 'all')).find((x) => x.id === lost.id && x.status === 'resolved'),
    );
    expect(closed.outcome).toBe('no_action_needed');
    expect((await panel.send('ADM-CID', contactId(a.account, '641'))).answer).toBe('ACK');
    const quiet = await eventually(async () => (await alertsOf(d.residentId!)).find((x) => x.kind === 'inactivity'));
    expect(quiet).toMatchObject({ queue: 'emergency', severity: 'high' });
  });

  it('a panel sending its CRC as two binary bytes is understood and answered in that form, over TCP and UDP', async () => {
    const key = randomBytes(16).toString('hex');
    const d = nextDevice();
    const a = await account({ deviceId: d.deviceId, key });
    for (const transport of ['tcp', 'udp'] as const) {
      const panel = dialler(a, { key, transport, binaryCrc: true });
      // Enough messages that some CRCs hold an LF or CR byte.
      for (let i = 0; i < 20; i++) {
        const r = await panel.send('NULL');
        expect(r.answer, `${transport} poll ${i}`).toBe('ACK');
        expect(r.ackVerified).toBe(true);
        const raw = Buffer.from(r.raw!, 'latin1');
        // <LF><2 CRC bytes><0LLL>"…: the body starts at byte 7 (at 9 with a hex CRC).
        expect(String.fromCharCode(raw[7]!)).toBe('"');
      }
    }
    expect((await dialler(a, { key, binaryCrc: true }).send('ADM-CID', contactId(a.account, '101'))).answer).toBe(
      'ACK',
    );
    const sos = await eventually(async () => (await alertsOf(d.residentId!)).find((x) => x.kind === 'sos'));
    expect(sos.deviceId).toBe(d.deviceId);
  });

  it('a vendor profile maps CID 102 to a fall where the standard table does not', async () => {
    const d = nextDevice();
    const a = await account({ deviceId: d.deviceId, vendor: 'telecare-fall-102' });
    expect((await dialler(a).send('ADM-CID', contactId(a.account, '102'))).answer).toBe('ACK');
    await waitForCount(
      hub,
      `SELECT count(*) AS n FROM device_events WHERE device_id = $1 AND type = 'fall'`,
      [d.deviceId],
      1,
    );
    const table = await hub.api<{ items: { code: string; event: string | null; vendor: boolean }[] }>(
      'GET',
      '/api/dc09/code-table?profile=telecare-fall-102',
      admin,
    );
    expect(table.body.items.find((x) => x.code === '102')).toMatchObject({ event: 'fall', vendor: true });
  });

  it('fuzzed frames (garbage, truncated, oversized, noise) never crash the hub nor disturb MQTT', async () => {
    const d = nextDevice();
    const a = await account({ deviceId: d.deviceId });
    const good = dialler(a);
    const noise = dialler(a);
    const udp = dialler(a, { transport: 'udp' });
    const valid = dc09Frame(`"ADM-CID"0001L${a.line}#${a.account}[${contactId(a.account, '602')}]`);
    for (let i = 0; i < 200; i++) {
      const kind = i % 5;
      const bytes =
        kind === 0
          ? randomBytes(1 + (i % 97))
          : kind === 1
            ? valid.subarray(0, 1 + (i % (valid.length - 2)))
            : kind === 2
              ? Buffer.concat([Buffer.from('\n'), randomBytes(3000)])
              : kind === 3
                ? Buffer.concat([Buffer.from('\n'), randomBytes(40), Buffer.from('\r')])
                : Buffer.from(`\n0000${'0'.repeat(4)}"${'Z'.repeat(i)}"\r`);
      udp.sendRaw(bytes, 1).catch(() => undefined);
      await noise.sendRaw(bytes, 5).catch(() => undefined);
      if (!noise.connected) noise.close();
    }
    // Still answering, over both transports; and MQTT devices are still heard.
    expect((await good.send('ADM-CID', contactId(a.account, '602'))).answer).toBe('ACK');
    expect((await dialler(a, { transport: 'udp' }).send('ADM-CID', contactId(a.account, '602'))).answer).toBe('ACK');
    const other = nextDevice();
    const c = await connectDevice(hub.mqttUrl, other);
    const eventId = newEventId('mqtt');
    await c.publishAsync(TOPIC(other.deviceId, 'events'), JSON.stringify({ eventId, ts: now, type: 'test' }), {
      qos: 1,
    });
    await c.endAsync();
    expect(await eventsOf(other.deviceId)).toBe(1);
    const health = await fetch(`${hub.base}/healthz`);
    expect(health.status).toBe(200);
  });
});

describe('DC-09 accounts API', () => {
  it('validates, refuses duplicates and other roles, and PATCH changes only what it was sent', async () => {
    const d = nextDevice();
    const a = await account({ deviceId: d.deviceId, receiver: 'A1', supervisionSeconds: 120 });
    const dup = await hub.api('POST', '/api/dc09/accounts', admin, {
      deviceId: d.deviceId,
      receiver: 'a1',
      line: a.line,
      account: a.account,
    });
    expect(dup.status).toBe(409);
    for (const bad of [
      { deviceId: d.deviceId, line: '1', account: '12' },
      { deviceId: d.deviceId, line: '1', account: '1234', key: 'abcd' },
      { deviceId: d.deviceId, line: '1', account: '1234', vendor: 'nobody' },
      { line: '1', account: '1234' },
    ])
      expect((await hub.api('POST', '/api/dc09/accounts', admin, bad)).status, JSON.stringify(bad)).toBe(400);
    // An unknown referenced id in the body: 400 naming the field (the API's rule, docs/security.md).
    const unknown = await hub.api<{ details?: { path: string }[] }>('POST', '/api/dc09/accounts', admin, {
      deviceId: 'no-such-device',
      line: '1',
      account: '5555',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details?.[0]?.path).toBe('deviceId');
    expect((await hub.api('GET', '/api/dc09/accounts', dispatcher)).status).toBe(403);

    const p = await hub.api<Dc09Account>('PATCH', `/api/dc09/accounts/${a.id}`, admin, {
      key: randomBytes(16).toString('hex'),
    });
    expect(p.status).toBe(200);
    expect(p.body).toEqual({ ...a, encrypted: true });
    const q = await hub.api<Dc09Account>('PATCH', `/api/dc09/accounts/${a.id}`, admin, { supervisionSeconds: null });
    expect(q.body).toEqual({ ...a, encrypted: true, supervisionSeconds: null });
    expect((await hub.api('DELETE', `/api/dc09/accounts/${a.id}`, admin)).status).toBe(204);
    expect((await hub.api('GET', `/api/dc09/accounts/${a.id}`, admin)).status).toBe(404);

    const spec = (await (await fetch(`${hub.base}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/dc09/accounts', '/api/dc09/accounts/{id}', '/api/dc09/code-table']),
    );
  });
});
