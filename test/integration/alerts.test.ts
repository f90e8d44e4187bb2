/**
 * The alert engine end to end: a device publishes over real MQTT, the hub stores the event, raises
 * the alert and pushes it to dispatcher sockets; claims are atomic; timers run on an injected clock.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { io as ioClient, type Socket } from 'socket.io-client';
import type { Alert, AlertDetail, ClientToServerEvents, ServerToClientEvents } from '@eldercare/shared';
import { eventually, startTestHub, type TestHub } from '../support/hub.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
interface DemoDevice {
  deviceId: string;
  type: string;
  password: string;
  residentId: string | null;
}

let now = Date.now();
const clock = { now: () => now };
let hub: TestHub;
let devices: DemoDevice[];
let dispatcherToken: string;
const sockets: ClientSocket[] = [];
const clients: MqttClient[] = [];

function connectSocket(token: string, since = 0): Promise<{ socket: ClientSocket; seen: Alert[]; snapshot: Alert[] }> {
  const socket: ClientSocket = ioClient(hub.base, {
    auth: { token, since },
    transports: ['websocket'],
    reconnection: false,
  });
  sockets.push(socket);
  const seen: Alert[] = [];
  socket.on('alert:upsert', (a) => seen.push(a));
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('alerts:snapshot', (s) => resolve({ socket, seen, snapshot: s.alerts }));
  });
}

async function deviceClient(d: DemoDevice): Promise<MqttClient> {
  const c = await mqtt.connectAsync(hub.mqttUrl, {
    clientId: d.deviceId,
    username: d.deviceId,
    password: d.password,
    reconnectPeriod: 0,
  });
  clients.push(c);
  return c;
}

const publishEvent = (c: MqttClient, d: DemoDevice, body: Record<string, unknown>) =>
  c.publishAsync(`eldercare/v1/devices/${d.deviceId}/events`, JSON.stringify({ ts: now, ...body }), { qos: 1 });

/** Demo devices of a type, each of a resident no earlier test used (one incident per person). */
const usedResidents = new Set<string>();
const pick = (type: string, n = 1) => {
  const out = devices.filter((d) => d.type === type && d.residentId && !usedResidents.has(d.residentId)).slice(0, n);
  for (const d of out) usedResidents.add(d.residentId!);
  return out;
};

beforeAll(async () => {
  hub = await startTestHub({}, undefined, { clock });
  devices = JSON.parse(await readFile(path.join(hub.dataDir, 'demo-devices.json'), 'utf8')).devices;
  dispatcherToken = await hub.login('dispatcher@demo.local', 'demo-dispatch-pass');
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all(clients.map((c) => c.endAsync()));
  await hub?.stop();
  if (hub) await rm(hub.dataDir, { recursive: true, force: true });
});

describe('alerts', () => {
  it('delivers an sos from a device to a connected dispatcher and tells the device help is coming', async () => {
    const { seen } = await connectSocket(dispatcherToken);
    const [d] = pick('sos_pendant');
    const c = await deviceClient(d!);
    const commands: { type: string; alertId: string }[] = [];
    await c.subscribeAsync(`eldercare/v1/devices/${d!.deviceId}/commands`, { qos: 1 });
    c.on('message', (_t, m) => commands.push(JSON.parse(m.toString())));

    await publishEvent(c, d!, { eventId: 'sos-1', type: 'sos' });
    const alert = await eventually(async () => seen.find((a) => a.deviceId === d!.deviceId && a.kind === 'sos'));
    expect(alert).toMatchObject({ status: 'open', severity: 'critical', residentId: d!.residentId, signalCount: 1 });

    const claim = await hub.api<Alert>('POST', `/api/alerts/${alert.id}/claim`, dispatcherToken);
    expect(claim.status).toBe(200);
    expect(claim.body.status).toBe('acknowledged');
    const cmd = await eventually(async () => commands.find((x) => x.type === 'alarm_received'));
    expect(cmd.alertId).toBe(alert.id);
  });

  it('announces an sos to dispatchers before it is stored, then hands over to its incident', async () => {
    const { socket } = await connectSocket(dispatcherToken);
    const order: string[] = [];
    socket.on('alert:incoming', (p) => order.push(`incoming:${p.id}:${p.kind}:${p.severity}`));
    socket.on('alert:upsert', (a) => order.push(`upsert:${a.deviceId}:${a.signalCount}`));
    socket.on('alert:incoming-done', ({ ids }) => order.push(...ids.map((id) => `done:${id}`)));
    const [sos] = pick('sos_pendant');
    const [fall] = pick('fall_detector');
    const cs = await deviceClient(sos!);
    const cf = await deviceClient(fall!);

    // A fall waits for its cancel window: no early notice (it would ring for an alarm that may be cancelled).
    await publishEvent(cf, fall!, { eventId: 'early-fall', type: 'fall' });
    await publishEvent(cs, sos!, { eventId: 'early-1', type: 'sos' });
    await publishEvent(cs, sos!, { eventId: 'early-2', type: 'sos' }); // folds into the open incident
    const id1 = `${sos!.deviceId}:early-1`;
    const id2 = `${sos!.deviceId}:early-2`;
    await eventually(async () => order.includes(`done:${id2}`));
    expect(order.filter((x) => x.includes(sos!.deviceId))).toEqual([
      `incoming:${id1}:sos:critical`,
      `upsert:${sos!.deviceId}:1`,
      `done:${id1}`,
      `incoming:${id2}:sos:critical`,
      `upsert:${sos!.deviceId}:2`,
      `done:${id2}`,
    ]);
    expect(order.some((x) => x.startsWith(`incoming:${fall!.deviceId}`))).toBe(false);
    const metrics = await (await fetch(`${hub.base}/metrics`)).text();
    expect(Number(/hub_alarm_early_notices_total (\d+)/.exec(metrics)?.[1])).toBeGreaterThanOrEqual(2);
  });

  it('folds repeated presses into one incident and ignores a redelivered eventId', async () => {
    const [d] = pick('sos_pendant');
    const c = await deviceClient(d!);
    await publishEvent(c, d!, { eventId: 'p-1', type: 'sos' });
    await publishEvent(c, d!, { eventId: 'p-2', type: 'sos' });
    await publishEvent(c, d!, { eventId: 'p-2', type: 'sos' }); // redelivery
    await publishEvent(c, d!, { eventId: 'p-3', type: 'sos' });
    const list = await eventually(async () => {
      const r = await hub.api<{ items: Alert[] }>('GET', `/api/alerts?residentId=${d!.residentId}`, dispatcherToken);
      return r.body.items.length === 1 && r.body.items[0]!.signalCount === 3 && r.body.items;
    });
    expect(list).toHaveLength(1);
    const events = await hub.database.pool.query(`SELECT count(*)::int AS n FROM device_events WHERE device_id = $1`, [
      d!.deviceId,
    ]);
    expect(events.rows[0].n).toBe(3);
  });

  it('lets exactly one of two dispatchers claim an alert at the same time', async () => {
    const [d] = pick('sos_pendant');
    const c = await deviceClient(d!);
    await publishEvent(c, d!, { eventId: 'race-1', type: 'sos' });
    const alert = await eventually(
      async () =>
        (await hub.api<{ items: Alert[] }>('GET', `/api/alerts?residentId=${d!.residentId}`, dispatcherToken)).body
          .items[0],
    );
    const supervisorToken = await hub.login('supervisor@demo.local', 'demo-supervisor-pass');
    const results = await Promise.all([
      hub.api('POST', `/api/alerts/${alert.id}/claim`, dispatcherToken),
      hub.api('POST', `/api/alerts/${alert.id}/claim`, supervisorToken),
      hub.api('POST', `/api/alerts/${alert.id}/claim`, dispatcherToken),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const audit = await hub.database.pool.query(
      `SELECT count(*)::int AS n FROM alert_actions WHERE alert_id = $1 AND action = 'acknowledged'`,
      [alert.id],
    );
    expect(audit.rows[0].n).toBe(1);
  });

  it('holds a fall for its cancel window: a cancel withdraws it, otherwise it opens', async () => {
    const [a, b] = pick('fall_detector', 2);
    const ca = await deviceClient(a!);
    const cb = await deviceClient(b!);
    await publishEvent(ca, a!, { eventId: 'fall-a', type: 'fall' });
    await publishEvent(cb, b!, { eventId: 'fall-b', type: 'fall' });
    const pending = await eventually(async () => {
      const r = await hub.api<{ items: Alert[] }>('GET', `/api/alerts?state=all`, dispatcherToken);
      const mine = r.body.items.filter(
        (x) => x.kind === 'fall' && (x.deviceId === a!.deviceId || x.deviceId === b!.deviceId),
      );
      return mine.length === 2 && mine;
    });
    expect(pending.every((x) => x.status === 'pending')).toBe(true);

    await publishEvent(ca, a!, { eventId: 'cancel-a', type: 'cancel', cancels: 'fall-a' });
    await eventually(
      async () =>
        (
          await hub.api<Alert>(
            'GET',
            `/api/alerts/${pending.find((x) => x.deviceId === a!.deviceId)!.id}`,
            dispatcherToken,
          )
        ).body.status === 'cancelled',
    );

    now += 31_000; // past the 30 s window
    await hub.tickAlerts();
    const fallB = await hub.api<Alert>(
      'GET',
      `/api/alerts/${pending.find((x) => x.deviceId === b!.deviceId)!.id}`,
      dispatcherToken,
    );
    expect(fallB.body.status).toBe('open');
  });

  it('escalates an unacknowledged alert to supervisors after 60 s, once, without reordering by priority', async () => {
    const [d] = pick('sos_pendant');
    const c = await deviceClient(d!);
    await publishEvent(c, d!, { eventId: 'esc-1', type: 'sos' });
    const alert = await eventually(
      async () =>
        (await hub.api<{ items: Alert[] }>('GET', `/api/alerts?residentId=${d!.residentId}`, dispatcherToken)).body
          .items[0],
    );
    now += 30_000;
    await hub.tickAlerts();
    expect((await hub.api<Alert>('GET', `/api/alerts/${alert.id}`, dispatcherToken)).body.escalationLevel).toBe(0);
    now += 31_000;
    await Promise.all([hub.tickAlerts(), hub.tickAlerts()]);
    const after = (await hub.api<Alert>('GET', `/api/alerts/${alert.id}`, dispatcherToken)).body;
    expect(after.escalationLevel).toBe(1);
    expect(after.priority).toBe(alert.priority);
    const detail = (await hub.api<AlertDetail>('GET', `/api/alerts/${alert.id}`, dispatcherToken)).body;
    expect(detail.actions.filter((x) => x.action === 'escalated').map((x) => x.data)).toEqual([
      { level: 1, to: 'supervisors', reason: 'unacknowledged', status: 'open' },
    ]);
  });

  it('replays every change a client missed while disconnected', async () => {
    const first = await connectSocket(dispatcherToken);
    const lastSeq = Math.max(0, ...first.snapshot.map((a) => a.seq), ...first.seen.map((a) => a.seq));
    first.socket.close();
    const [d] = pick('smoke_sensor');
    const c = await deviceClient(d!);
    await publishEvent(c, d!, { eventId: 'smoke-1', type: 'smoke' });
    await eventually(
      async () =>
        (await hub.api<{ items: Alert[] }>('GET', `/api/alerts?residentId=${d!.residentId}`, dispatcherToken)).body
          .items[0],
    );
    const again = await connectSocket(dispatcherToken, lastSeq);
    expect(again.snapshot.some((a) => a.kind === 'smoke' && a.deviceId === d!.deviceId)).toBe(true);
    expect(again.snapshot.every((a) => a.seq > lastSeq)).toBe(true);
  });

  it('walks the lifecycle to resolved, recording every stage in the audit trail', async () => {
    const [d] = pick('sos_pendant');
    const c = await deviceClient(d!);
    await publishEvent(c, d!, { eventId: 'life-1', type: 'sos' });
    const alert = await eventually(
      async () =>
        (await hub.api<{ items: Alert[] }>('GET', `/api/alerts?residentId=${d!.residentId}`, dispatcherToken)).body
          .items[0],
    );
    const act = (body: unknown) => hub.api<Alert>('POST', `/api/alerts/${alert.id}/actions`, dispatcherToken, body);
    expect((await act({ action: 'contact_made' })).status).toBe(403); // not claimed by this dispatcher yet
    await hub.api('POST', `/api/alerts/${alert.id}/claim`, dispatcherToken);
    expect((await act({ action: 'no_contact', note: 'no answer' })).body.status).toBe('no_contact');
    expect(
      (await act({ action: 'dispatch', responder: { kind: 'neighbour_volunteer', name: 'Li', phone: '139' } })).body
        .status,
    ).toBe('dispatched');
    expect((await act({ action: 'accepted' })).body.status).toBe('accepted');
    expect((await act({ action: 'on_scene' })).body.status).toBe('on_scene');
    expect((await act({ action: 'resolve', outcome: 'banana' })).status).toBe(400);
    const done = await act({ action: 'resolve', outcome: 'helped_at_home', note: 'fine' });
    expect(done.body).toMatchObject({ status: 'resolved', outcome: 'helped_at_home' });
    expect((await act({ action: 'on_scene' })).status).toBe(409);
    const detail = await hub.api<{ actions: { action: string }[] }>('GET', `/api/alerts/${alert.id}`, dispatcherToken);
    expect(detail.body.actions.map((a) => a.action)).toEqual([
      'acknowledged',
      'no_contact',
      'dispatched',
      'responder_accepted',
      'on_scene',
      'resolved',
    ]);
    await expect(hub.database.pool.query(`DELETE FROM alert_actions WHERE alert_id = $1`, [alert.id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('shows institution staff only the alerts of their own residents', async () => {
    const staffToken = await hub.login('staff@demo.local', 'demo-staff-pass');
    const me = (await hub.api<{ user: { institutionId: string } }>('GET', '/api/auth/me', staffToken)).body.user;
    const r = await hub.api<{ items: Alert[] }>('GET', '/api/alerts?state=all', staffToken);
    expect(r.status).toBe(200);
    expect(r.body.items.every((a) => a.institutionId === me.institutionId)).toBe(true);
    const homeAlert = (
      await hub.api<{ items: Alert[] }>('GET', '/api/alerts?state=all', dispatcherToken)
    ).body.items.find((a) => a.institutionId === null);
    expect(homeAlert).toBeDefined();
    expect((await hub.api('GET', `/api/alerts/${homeAlert!.id}`, staffToken)).status).toBe(404);
    const volunteer = await hub.login('volunteer@demo.local', 'demo-volunteer-pass');
    expect((await hub.api('GET', '/api/alerts', volunteer)).status).toBe(403);
  });

  it('reports the share of alarms acknowledged within 60 and 180 seconds', async () => {
    const r = await hub.api<{ total: number; ackWithin60: number; byDispatcher: unknown[] }>(
      'GET',
      '/api/reports/sla',
      dispatcherToken,
    );
    expect(r.status).toBe(200);
    expect(r.body.total).toBeGreaterThan(0);
    expect(r.body.byDispatcher.length).toBeGreaterThan(0);
  });

  it('tries responders in order: the next one when the first has not accepted in 5 minutes', async () => {
    const [d] = pick('sos_pendant');
    const c = await deviceClient(d!);
    await publishEvent(c, d!, { eventId: 'ladder-1', type: 'sos' });
    const alert = await eventually(
      async () =>
        (await hub.api<{ items: Alert[] }>('GET', `/api/alerts?residentId=${d!.residentId}`, dispatcherToken)).body
          .items[0],
    );
    await hub.api('POST', `/api/alerts/${alert.id}/claim`, dispatcherToken);
    const responders = [
      { kind: 'family', name: 'Son', phone: '1' },
      { kind: 'neighbour_volunteer', name: 'Neighbour', phone: '2' },
    ];
    const act = (body: unknown) => hub.api<Alert>('POST', `/api/alerts/${alert.id}/actions`, dispatcherToken, body);
    expect((await act({ action: 'dispatch', responders, responder: responders[0] })).status).toBe(400);
    const dispatched = await act({ action: 'dispatch', responders });
    expect(dispatched.body.responder?.name).toBe('Son');
    now += 4 * 60_000;
    await hub.tickAlerts();
    expect((await hub.api<Alert>('GET', `/api/alerts/${alert.id}`, dispatcherToken)).body.responder?.name).toBe('Son');
    now += 61_000;
    await Promise.all([hub.tickAlerts(), hub.tickAlerts()]);
    const next = await hub.api<Alert & { actions: { action: string }[] }>(
      'GET',
      `/api/alerts/${alert.id}`,
      dispatcherToken,
    );
    expect(next.body.responder?.name).toBe('Neighbour');
    expect(next.body.responderLadder).toMatchObject({ index: 1 });
    expect(next.body.actions.filter((a) => a.action === 'responder_timeout')).toHaveLength(1);
    expect((await act({ action: 'accepted' })).body.status).toBe('accepted');
    now += 6 * 60_000;
    await hub.tickAlerts();
    const after = await hub.api<Alert>('GET', `/api/alerts/${alert.id}`, dispatcherToken);
    expect(after.body).toMatchObject({ status: 'accepted', escalationLevel: 0 });
    expect(after.body.responder?.name).toBe('Neighbour');
  });

  it('puts an offline device in the device-health queue and closes that alert when it is back online', async () => {
    const [d] = pick('motion_sensor');
    const c = await deviceClient(d!);
    const status = (online: boolean) =>
      c.publishAsync(`eldercare/v1/devices/${d!.deviceId}/status`, JSON.stringify({ ts: now, online }), { qos: 1 });
    await status(false);
    const alert = await eventually(async () => {
      const r = await hub.api<{ items: Alert[] }>('GET', `/api/alerts?queue=device_health`, dispatcherToken);
      return r.body.items.find((a) => a.deviceId === d!.deviceId && a.kind === 'device_offline');
    });
    expect(alert).toMatchObject({ queue: 'device_health', status: 'open' });
    const emergencies = await hub.api<{ items: Alert[] }>(
      'GET',
      `/api/alerts?queue=emergency&residentId=${d!.residentId}`,
      dispatcherToken,
    );
    expect(emergencies.body.items).toHaveLength(0);
    await status(true);
    const closed = await eventually(async () => {
      const r = await hub.api<Alert & { actions: { action: string }[] }>(
        'GET',
        `/api/alerts/${alert.id}`,
        dispatcherToken,
      );
      return r.body.status === 'resolved' && r.body;
    });
    expect(closed.actions.map((a) => a.action)).toContain('back_online');
  });

  it('flags alarm devices that missed their weekly self-test, and clears that when a test arrives', async () => {
    const [d] = pick('sos_pendant');
    // A test interval that has just run out (instead of moving the clock a week ahead).
    const rules = { ...hub.services.tenants.rules(''), periodicTestMs: 1 };
    now += 1000;
    const raised = await hub.services.alerts.checks.checkPeriodicTests(rules);
    expect(raised).toBeGreaterThan(0);
    const alert = await eventually(async () => {
      const r = await hub.api<{ items: Alert[] }>('GET', `/api/alerts?queue=device_health&limit=1000`, dispatcherToken);
      return r.body.items.find((a) => a.deviceId === d!.deviceId && a.kind === 'missed_test');
    });
    expect(alert.severity).toBe('low');
    expect(await hub.services.alerts.checks.checkPeriodicTests(rules)).toBe(0);
    const c = await deviceClient(d!);
    await publishEvent(c, d!, { eventId: 'selftest-1', type: 'test' });
    const closed = await eventually(async () => {
      const r = await hub.api<Alert & { actions: { action: string }[] }>(
        'GET',
        `/api/alerts/${alert.id}`,
        dispatcherToken,
      );
      return r.body.status === 'resolved' && r.body;
    });
    expect(closed.actions.map((a) => a.action)).toContain('test_received');
  });

  it('keeps its timers across a restart: a cancel window that ends while the hub is down still opens the fall', async () => {
    const [d] = pick('fall_detector');
    const c = await deviceClient(d!);
    await publishEvent(c, d!, { eventId: 'fall-restart', type: 'fall' });
    const pending = await eventually(async () => {
      const r = await hub.api<{ items: Alert[] }>('GET', `/api/alerts?residentId=${d!.residentId}`, dispatcherToken);
      return r.body.items.find((x) => x.kind === 'fall' && x.status === 'pending');
    });
    await c.endAsync();
    clients.splice(clients.indexOf(c), 1);
    const dataDir = hub.dataDir;
    await hub.close();
    now += 45_000;
    hub = await startTestHub({}, dataDir, { clock });
    dispatcherToken = await hub.login('dispatcher@demo.local', 'demo-dispatch-pass');
    await hub.tickAlerts();
    const after = await hub.api<Alert>('GET', `/api/alerts/${pending.id}`, dispatcherToken);
    expect(after.body.status).toBe('open');
  });
});
