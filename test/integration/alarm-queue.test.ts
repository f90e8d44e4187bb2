/**
 * The dispatch queue tells the truth, on the real embedded database and broker with an injected
 * clock: a fresh sos stands above every escalated lesser alert; escalation has capped levels (60 s to
 * supervisors, then reminders); every measured time is the hub's, the device's kept as "occurred
 * at", and a wrong device clock is reported; storms never suppress an alarm; an alarm from a room
 * device names its place; inactivity is judged only from sensors that watch, and an elder nobody
 * can watch is reported; a signal of another kind folded into an incident is announced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { io as ioClient, type Socket } from 'socket.io-client';
import {
  EVENT_TYPES,
  type Alert,
  type AlertDetail,
  type ClientToServerEvents,
  type EscalationNotice,
  type FoldNotice,
  type ServerToClientEvents,
} from '@eldercare/shared';
import { eventually, startTestHub, type TestHub } from '../support/hub.js';
import { TOPIC, connectDevice, demoDevices, type DemoDevice } from '../support/devices.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const MIN = 60_000;
let now = Date.now();
const clock = { now: () => now };
let hub: TestHub;
let devices: DemoDevice[];
let dispatcher: string;
let supervisor: string;
let admin: string;
let tenantId: string;
const clients = new Map<string, MqttClient>();
const sockets: ClientSocket[] = [];

const usedResidents = new Set<string>();
const pick = (type: string, n = 1) => {
  const out = devices.filter((d) => d.type === type && d.residentId && !usedResidents.has(d.residentId)).slice(0, n);
  if (out.length < n) throw new Error(`not enough ${type} devices`);
  for (const d of out) usedResidents.add(d.residentId!);
  return out;
};

async function client(d: { deviceId: string; password: string }): Promise<MqttClient> {
  let c = clients.get(d.deviceId);
  if (!c) clients.set(d.deviceId, (c = await connectDevice(hub.mqttUrl, d)));
  return c;
}
async function event(d: { deviceId: string; password: string }, body: Record<string, unknown>) {
  await (await client(d)).publishAsync(TOPIC(d.deviceId, 'events'), JSON.stringify({ ts: now, ...body }), { qos: 1 });
}
async function status(d: { deviceId: string; password: string }, body: Record<string, unknown>) {
  await (await client(d)).publishAsync(TOPIC(d.deviceId, 'status'), JSON.stringify({ ts: now, ...body }), { qos: 1 });
}

const list = async (q = '') =>
  (await hub.api<{ items: Alert[] }>('GET', `/api/alerts?limit=1000${q}`, dispatcher)).body.items;
const detail = async (id: string) => (await hub.api<AlertDetail>('GET', `/api/alerts/${id}`, dispatcher)).body;
const ofResident = (residentId: string, queue = 'emergency') =>
  eventually(async () => (await list(`&residentId=${residentId}&queue=${queue}`))[0]);
const ofDevice = (deviceId: string, queue: string) =>
  eventually(async () => (await list(`&queue=${queue}`)).find((a) => a.deviceId === deviceId));

function connectSocket(token: string): Promise<{ socket: ClientSocket; escalations: EscalationNotice[] }> {
  const socket: ClientSocket = ioClient(hub.base, { auth: { token }, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  const escalations: EscalationNotice[] = [];
  socket.on('alert:escalated', (n) => escalations.push(n));
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('alerts:snapshot', () => resolve({ socket, escalations }));
  });
}

/** Registers a device as the admin and returns its MQTT credentials. */
async function register(body: Record<string, unknown>): Promise<{ deviceId: string; password: string }> {
  const r = await hub.api<{ device: { id: string }; credentials: { password: string } }>(
    'POST',
    '/api/devices',
    admin,
    body,
  );
  if (r.status !== 201) throw new Error(`register: ${r.status} ${JSON.stringify(r.body)}`);
  return { deviceId: r.body.device.id, password: r.body.credentials.password };
}

beforeAll(async () => {
  hub = await startTestHub({}, undefined, { clock });
  devices = await demoDevices(hub.dataDir);
  [dispatcher, supervisor, admin] = await Promise.all([
    hub.login('dispatcher@demo.local', 'demo-dispatch-pass'),
    hub.login('supervisor@demo.local', 'demo-supervisor-pass'),
    hub.login('admin@demo.local', 'demo-admin-pass'),
  ]);
  tenantId = (await hub.database.pool.query<{ id: string }>(`SELECT id FROM tenants LIMIT 1`)).rows[0]!.id;
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all([...clients.values()].map((c) => c.endAsync()));
  await hub?.stop();
});

describe('order and escalation', () => {
  it('puts a new sos first, above escalated high alerts, and caps escalation at its levels', async () => {
    const { escalations } = await connectSocket(supervisor);
    // Three high alerts (left the safe zone), escalated for a long time.
    const watches = pick('smartwatch', 2);
    for (const w of watches) await event(w, { eventId: `geo-${w.deviceId}`, type: 'geofence_exit' });
    const high = await Promise.all(watches.map((w) => ofResident(w.residentId!)));
    const start = now;
    now += 61_000;
    await hub.tickAlerts();
    for (let t = 0; t < 12; t++) {
      now += 5 * MIN;
      await hub.tickAlerts();
    }
    const [sos] = pick('sos_pendant');
    await event(sos!, { eventId: 'queue-sos', type: 'sos' });
    const fresh = await ofResident(sos!.residentId!);

    const items = await list('&queue=emergency');
    expect(items[0]!.id).toBe(fresh.id);
    const escalatedHigh = items.filter((a) => high.some((h) => h.id === a.id));
    expect(escalatedHigh.map((a) => a.escalationLevel)).toEqual([4, 4]); // capped at maxEscalationLevel
    expect(items.findIndex((a) => a.id === fresh.id)).toBeLessThan(items.findIndex((a) => a.id === high[0]!.id));

    // One audit row per level: supervisors at 60 s, then reminders every 5 min, then no more.
    const trail = (await detail(high[0]!.id)).actions.filter((x) => x.action === 'escalated');
    expect(trail.map((x) => [x.data.level, x.data.to, Date.parse(x.at) - start])).toEqual([
      [1, 'supervisors', 61_000],
      [2, 'reminder', 61_000 + 5 * MIN],
      [3, 'reminder', 61_000 + 10 * MIN],
      [4, 'reminder', 61_000 + 15 * MIN],
    ]);
    // The supervisors were told, once per level.
    const told = escalations.filter((n) => n.alertId === high[0]!.id);
    expect(told.map((n) => [n.level, n.to, n.reason])).toEqual([
      [1, 'supervisors', 'unacknowledged'],
      [2, 'reminder', 'unacknowledged'],
      [3, 'reminder', 'unacknowledged'],
      [4, 'reminder', 'unacknowledged'],
    ]);
  });
});

describe("the hub's clock", () => {
  it('times an sos from a device running 2 h fast by the hub, keeps the device time and reports the clock', async () => {
    const [d] = pick('sos_pendant');
    const receivedAt = now;
    await event(d!, { eventId: 'fast-sos', ts: now + 2 * 3600_000, type: 'sos' });
    const alert = await ofResident(d!.residentId!);
    expect(alert).toMatchObject({
      status: 'open',
      createdAt: new Date(receivedAt).toISOString(),
      openedAt: new Date(receivedAt).toISOString(),
      occurredAt: new Date(receivedAt + 2 * 3600_000).toISOString(),
    });
    // Escalation runs by the hub's clock: 61 s after receipt it is escalated.
    now += 61_000;
    await hub.tickAlerts();
    expect((await detail(alert.id)).escalationLevel).toBe(1);
    now += 9_000;
    const claimed = await hub.api<Alert>('POST', `/api/alerts/${alert.id}/claim`, dispatcher);
    expect(Date.parse(claimed.body.acknowledgedAt!) - Date.parse(claimed.body.openedAt!)).toBe(70_000);
    const health = await ofDevice(d!.deviceId, 'device_health');
    expect(health.kinds).toContain('clock_wrong');
    const signal = (await detail(health.id)).signals.find((s) => s.type === 'clock_wrong')!;
    expect(signal.detail.skewSeconds).toBe(7200);
  });

  it('keeps an sos from a device whose clock is at zero (1970): opened now, clock reported', async () => {
    const [d] = pick('sos_pendant');
    const receivedAt = now;
    await event(d!, { eventId: 'zero-sos', ts: 0, type: 'sos' });
    const alert = await ofResident(d!.residentId!);
    expect(alert).toMatchObject({
      kind: 'sos',
      status: 'open',
      openedAt: new Date(receivedAt).toISOString(),
      occurredAt: new Date(0).toISOString(),
    });
    expect((await ofDevice(d!.deviceId, 'device_health')).kinds).toContain('clock_wrong');
  });

  it('reports a clock running 2 h slow once it stays behind, never a device sending what it held', async () => {
    const [slow] = pick('sos_pendant');
    const receivedAt = now;
    await event(slow!, { eventId: 'slow-sos', ts: now - 2 * 3600_000, type: 'sos' });
    const alert = await ofResident(slow!.residentId!);
    expect(alert.openedAt).toBe(new Date(receivedAt).toISOString());
    expect(alert.occurredAt).toBe(new Date(receivedAt - 2 * 3600_000).toISOString());
    now += 61_000;
    await status(slow!, { online: true, battery: 80, ts: now - 2 * 3600_000 });
    expect((await ofDevice(slow!.deviceId, 'device_health')).kinds).toContain('clock_wrong');
  });
});

describe('storms', () => {
  // Every other event type, 13 of them in a minute (the storm limit is 12), then each alarm.
  const OTHER = EVENT_TYPES.filter((t) => !['sos', 'fall', 'smoke', 'gas'].includes(t));
  const ALARMS = ['sos', 'fall', 'smoke', 'gas'] as const;

  it('never suppresses an sos, fall, smoke or gas alarm after a storm of any other event', async () => {
    const cases = OTHER.flatMap((storm) => ALARMS.map((alarm) => ({ storm, alarm })));
    // Shared devices of an institution (no resident): each one's incident is its own.
    const inst = (await hub.api<{ items: { id: string }[] }>('GET', '/api/institutions', admin)).body.items[0]!;
    const devs = await Promise.all(cases.map(() => register({ type: 'smartwatch', institutionId: inst.id })));
    await Promise.all(
      cases.map(async ({ storm, alarm }, i) => {
        const d = devs[i]!;
        for (let n = 0; n < 13; n++) await event(d, { eventId: `storm-${n}`, type: storm });
        await event(d, { eventId: `alarm-${alarm}`, type: alarm });
      }),
    );
    const emergency = await eventually(async () => {
      const items = await list('&queue=emergency');
      return devs.every((d) => items.some((a) => a.deviceId === d.deviceId && a.severity === 'critical')) && items;
    }, 30_000);
    for (const [i, { storm, alarm }] of cases.entries()) {
      const a = emergency.find((x) => x.deviceId === devs[i]!.deviceId)!;
      expect({ storm, alarm, kinds: a.kinds.includes(alarm), severity: a.severity }).toEqual({
        storm,
        alarm,
        kinds: true,
        severity: 'critical',
      });
      // A fall that opened the incident waits for its cancel window; one folded into an open incident does not.
      expect(a.status).toBe(alarm === 'fall' && a.kinds.length === 1 ? 'pending' : 'open');
    }
    now += 31_000;
    await hub.tickAlerts();
    const opened = await list('&queue=emergency');
    expect(devs.filter((d) => opened.find((a) => a.deviceId === d.deviceId)?.status !== 'open')).toEqual([]);
    // The storm itself is still counted and reported (for kinds the engine rates).
    const health = await list('&queue=device_health');
    const low = devs[cases.findIndex((c) => c.storm === 'low_battery')]!;
    expect(health.find((a) => a.deviceId === low.deviceId)?.kinds).toContain('device_storm');
  });
});

describe('storm and early notice', () => {
  it('announces the sos of a storming device at once, like any other', async () => {
    const [d] = pick('sos_pendant');
    const { socket } = await connectSocket(dispatcher);
    const incoming: string[] = [];
    socket.on('alert:incoming', (p) => incoming.push(p.id));
    for (let n = 0; n < 13; n++) await event(d!, { eventId: `lb-${n}`, type: 'low_battery' });
    await event(d!, { eventId: 'storm-sos', type: 'sos' });
    await eventually(async () => incoming.includes(`${d!.deviceId}:storm-sos`));
    expect((await ofResident(d!.residentId!)).kind).toBe('sos');
  });
});

describe('place of a room device', () => {
  it('names institution, floor, room and the room’s residents through the API and the socket', async () => {
    const cord = devices.find((d) => d.type === 'pull_cord')!;
    const dev = (
      await hub.api<{ roomId: string; institutionId: string }>('GET', `/api/devices/${cord.deviceId}`, admin)
    ).body;
    const staff = await hub.login('staff@demo.local', 'demo-staff-pass');
    const me = (await hub.api<{ user: { institutionId: string | null } }>('GET', '/api/auth/me', staff)).body.user;
    if (me.institutionId === dev.institutionId)
      await hub.api('POST', `/api/institutions/${dev.institutionId}/shifts/start`, staff);
    const socket = await connectSocket(dispatcher);
    const seen: Alert[] = [];
    socket.socket.on('alert:upsert', (a) => seen.push(a));

    await event(cord, { eventId: 'cord-1', type: 'sos' });
    const live = await eventually(async () => seen.find((a) => a.deviceId === cord.deviceId));
    const fromApi = await ofDevice(cord.deviceId, 'emergency');
    for (const a of [live, fromApi]) {
      expect(a.residentId).toBeNull();
      expect(a.institutionId).toBe(dev.institutionId);
      expect(a.place).toMatchObject({ institutionId: dev.institutionId, roomId: dev.roomId });
      expect(a.place!.institutionName).not.toBe('');
      expect(a.place!.roomName).toMatch(/^\d0\d$/);
      expect(a.place!.floor).toBe(Number(a.place!.roomName![0]));
      expect(a.place!.residents.length).toBeGreaterThan(0);
      expect(a.place!.bedLabel).toBeNull(); // a room device: the room, not one bed
    }
    const rooms = (
      await hub.database.pool.query(
        `SELECT r.name FROM residents r JOIN beds b ON b.id = r.bed_id WHERE b.room_id = $1`,
        [dev.roomId],
      )
    ).rows
      .map((r) => r.name)
      .sort();
    expect(live.place!.residents.map((r) => r.name).sort()).toEqual(rooms);
    if (me.institutionId === dev.institutionId)
      expect((await detail(live.id)).place!.staffOnShift.map((s) => s.name)).toContain('护士 陈静');
  });
});

describe('inactivity', () => {
  it('is judged only from sensors that watch; an elder nobody can watch is "not monitored"', async () => {
    await hub.database.pool.query(
      `UPDATE tenants SET settings = jsonb_set(settings, '{alertRules}', $1::jsonb) WHERE id = $2`,
      [
        JSON.stringify({ inactivityMs: 10 * MIN, inactivityQuietMs: 30 * MIN, wakingHours: { start: 0, end: 24 } }),
        tenantId,
      ],
    );
    await hub.services.tenants.refresh();
    const rules = () => hub.services.tenants.rules(tenantId);
    const check = () => hub.services.alerts.checks.checkInactivity(rules(), hub.services.tenants.timeZone);
    const homeSensors = (
      await hub.database.pool.query<{ id: string; resident_id: string }>(
        `SELECT d.id, d.resident_id FROM devices d JOIN residents r ON r.id = d.resident_id
        WHERE d.type = 'motion_sensor' AND r.institution_id IS NULL
          AND r.risk_categories && ARRAY['living_alone','empty_nest']::text[]
          AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.resident_id = r.id)
        ORDER BY d.id`,
      )
    ).rows;
    const cred = (id: string) => devices.find((d) => d.deviceId === id)!;
    const [watched, neverSeen, wentOffline] = homeSensors.map((s) => ({ ...cred(s.id), residentId: s.resident_id }));
    for (const d of [watched!, neverSeen!, wentOffline!]) usedResidents.add(d.residentId!);

    // Past the grace a new sensor gets to connect; the watched elder's sensor reports, one goes offline.
    now += 31 * MIN;
    await status(watched!, { online: true, battery: 90 });
    await status(wentOffline!, { online: true, battery: 90 });
    await status(wentOffline!, { online: false });
    await hub.flush();
    await check();
    const health = await list('&queue=device_health');
    const unwatched = (r: string) => health.find((a) => a.residentId === r && a.kind === 'not_monitored');
    expect(unwatched(neverSeen!.residentId!)).toMatchObject({ residentName: expect.any(String), severity: 'medium' });
    expect(unwatched(wentOffline!.residentId!)).toBeDefined();
    expect(unwatched(watched!.residentId!)).toBeUndefined();

    // 11 minutes without any activity: only the watched elder is alerted (the detector fires).
    now += 11 * MIN;
    await status(watched!, { online: true, battery: 90 });
    await hub.flush();
    await check();
    const inactive = (await list('&queue=emergency')).filter((a) => a.kind === 'inactivity');
    expect(inactive.map((a) => a.residentId)).toContain(watched!.residentId);
    expect(inactive.map((a) => a.residentId)).not.toContain(neverSeen!.residentId);
    expect(inactive.map((a) => a.residentId)).not.toContain(wentOffline!.residentId);
    // Checking again does not pile up signals on the "not monitored" item.
    await check();
    expect((await detail(unwatched(neverSeen!.residentId!)!.id)).signals).toHaveLength(1);

    // The sensor connects: the item closes by itself.
    await status(neverSeen!, { online: true, battery: 90 });
    await hub.flush();
    await check();
    const after = await list('&queue=device_health');
    expect(after.find((a) => a.residentId === neverSeen!.residentId && a.kind === 'not_monitored')).toBeUndefined();
  });

  it('is quiet after an inactivity incident until she moves again or the quiet period passes', async () => {
    // Rules of the test above: a 10 min window, a 30 min quiet period, all hours waking.
    const rules = () => hub.services.tenants.rules(tenantId);
    const check = () => hub.services.alerts.checks.checkInactivity(rules(), hub.services.tenants.timeZone);
    const inactivity = async (residentId: string) =>
      (await list(`&state=all&queue=emergency&residentId=${residentId}`)).filter((a) => a.kinds.includes('inactivity'));
    const [sensor] = (
      await hub.database.pool.query<{ id: string; resident_id: string }>(
        `SELECT d.id, d.resident_id FROM devices d JOIN residents r ON r.id = d.resident_id
          WHERE d.type = 'motion_sensor' AND r.institution_id IS NULL
            AND r.risk_categories && ARRAY['living_alone','empty_nest']::text[]
            AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.resident_id = r.id AND a.queue = 'emergency')
          ORDER BY d.id DESC LIMIT 1`,
      )
    ).rows;
    const d = { ...devices.find((x) => x.deviceId === sensor!.id)!, residentId: sensor!.resident_id };
    usedResidents.add(d.residentId);
    const beat = async () => {
      await status(d, { online: true, battery: 90 });
      await hub.flush();
    };
    await beat();
    now += 11 * MIN;
    await beat();
    await check();
    const [first] = await inactivity(d.residentId);
    expect(first).toMatchObject({ status: 'open' });
    // While it is being handled, the checks add nothing to it.
    now += 5 * MIN;
    await beat();
    await check();
    expect((await detail(first!.id)).signalCount).toBe(1);
    // The dispatcher reaches her and closes it; she still has not moved: no new alarm in the quiet period.
    await hub.api('POST', `/api/alerts/${first!.id}/claim`, dispatcher);
    await hub.api('POST', `/api/alerts/${first!.id}/actions`, dispatcher, {
      action: 'resolve',
      outcome: 'resolved_by_phone',
    });
    for (let i = 0; i < 5; i++) {
      now += 5 * MIN;
      await beat();
      await check();
    }
    expect(await inactivity(d.residentId)).toHaveLength(1);
    // The quiet period (30 min from the closing) passes without a movement: the detector fires again.
    now += 6 * MIN;
    await beat();
    await check();
    expect(await inactivity(d.residentId)).toHaveLength(2);
    const [second] = (await inactivity(d.residentId)).filter((a) => a.id !== first!.id);
    await hub.api('POST', `/api/alerts/${second!.id}/claim`, dispatcher);
    await hub.api('POST', `/api/alerts/${second!.id}/actions`, dispatcher, {
      action: 'resolve',
      outcome: 'resolved_by_phone',
    });
    // She moves after the closing, then stays still a full window: the usual rule applies (alarm
    // after 10 min, inside what would have been the quiet period).
    now += MIN;
    await event(d, { eventId: 'quiet-moved', type: 'motion' });
    await hub.flush();
    now += 11 * MIN;
    await beat();
    await check();
    expect(await inactivity(d.residentId)).toHaveLength(3);
  });
});

describe('folding', () => {
  it('announces a signal of another kind to the holder and takes its severity', async () => {
    const [w] = pick('smartwatch');
    const me = (await hub.api<{ user: { id: string } }>('GET', '/api/auth/me', dispatcher)).body.user;
    const { socket } = await connectSocket(dispatcher);
    const folded: FoldNotice[] = [];
    socket.on('alert:folded', (n) => folded.push(n));
    await event(w!, { eventId: 'fold-geo', type: 'geofence_exit' });
    const high = await ofResident(w!.residentId!);
    await hub.api('POST', `/api/alerts/${high.id}/claim`, dispatcher);
    await event(w!, { eventId: 'fold-sos', type: 'sos' });
    const notice = await eventually(async () => folded.find((n) => n.alertId === high.id));
    expect(notice).toMatchObject({
      kind: 'sos',
      previousSeverity: 'high',
      becameCritical: true,
      holderId: me.id,
    });
    expect(notice.alert).toMatchObject({ kind: 'sos', kinds: ['geofence_exit', 'sos'], severity: 'critical' });
    // A second sos is not a new kind: no announcement.
    await event(w!, { eventId: 'fold-sos-2', type: 'sos' });
    await eventually(async () => (await detail(high.id)).signalCount === 3);
    expect(folded.filter((n) => n.alertId === high.id)).toHaveLength(1);
    const trail = (await detail(high.id)).actions.filter((a) => a.action === 'kind_added');
    expect(trail.map((a) => a.data)).toEqual([{ kind: 'sos', severity: 'critical', previousSeverity: 'high' }]);
  });
});
