/**
 * Notifications end to end, over real receiving ends on loopback: a push service that decrypts
 * what the hub sends, and a webhook receiver verifying Standard Webhooks signatures. Alarms come
 * from devices over real MQTT; timers run on an injected clock.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { io as ioClient, type Socket } from 'socket.io-client';
import type {
  Alert,
  ClientToServerEvents,
  NotificationInfo,
  ResponderCandidate,
  ServerToClientEvents,
  Webhook,
} from '@eldercare/shared';
import { eventually, startTestHub, type TestHub } from '../support/hub.js';
import { startPushService, startWebhookReceiver } from '../support/receivers.js';

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
let admin: string;
let dispatcher: string;
let supervisor: string;
let push: Awaited<ReturnType<typeof startPushService>>;
let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
const sockets: ClientSocket[] = [];
const clients: MqttClient[] = [];

const used = new Set<string>();
const pick = (type: string) => {
  const d = devices.find((x) => x.type === type && x.residentId && !used.has(x.residentId))!;
  used.add(d.residentId!);
  return d;
};

async function raise(d: DemoDevice, type: string, eventId: string): Promise<Alert> {
  const c = await mqtt.connectAsync(hub.mqttUrl, {
    clientId: d.deviceId,
    username: d.deviceId,
    password: d.password,
    reconnectPeriod: 0,
  });
  clients.push(c);
  // A low battery is reported in the device's status; alarms are events.
  if (type === 'low_battery')
    await c.publishAsync(
      `eldercare/v1/devices/${d.deviceId}/status`,
      JSON.stringify({ ts: now, online: true, battery: 8 }),
      { qos: 1 },
    );
  else
    await c.publishAsync(`eldercare/v1/devices/${d.deviceId}/events`, JSON.stringify({ ts: now, eventId, type }), {
      qos: 1,
    });
  return eventually(async () =>
    (
      await hub.api<{ items: Alert[] }>('GET', `/api/alerts?residentId=${d.residentId}&state=all`, dispatcher)
    ).body.items.find((a) => a.deviceId === d.deviceId),
  );
}

/** Runs fan-out and delivery until `check` holds (the worker also runs on its own). */
async function delivered<T>(check: () => T | undefined | false): Promise<T> {
  return eventually(async () => {
    await hub.deliverNotifications();
    return check();
  }, 15_000);
}

const timeline = async (alertId: string) =>
  (await hub.api<{ items: NotificationInfo[] }>('GET', `/api/alerts/${alertId}/notifications`, dispatcher)).body.items;

function connectSocket(
  token: string,
): Promise<{ socket: ClientSocket; upserts: Alert[]; updates: NotificationInfo[] }> {
  const socket: ClientSocket = ioClient(hub.base, { auth: { token }, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  const upserts: Alert[] = [];
  const updates: NotificationInfo[] = [];
  socket.on('alert:upsert', (a) => upserts.push(a));
  socket.on('notification:update', (n) => updates.push(n));
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('alerts:snapshot', () => resolve({ socket, upserts, updates }));
  });
}

beforeAll(async () => {
  push = await startPushService();
  hook = await startWebhookReceiver();
  hub = await startTestHub(
    { NOTIFY_RETRY_BASE_MS: '200', NOTIFY_RETRY_MAX_MS: '1000', NOTIFY_MAX_ATTEMPTS: '100', NOTIFY_POLL_MS: '100' },
    undefined,
    { clock },
  );
  devices = JSON.parse(await readFile(path.join(hub.dataDir, 'demo-devices.json'), 'utf8')).devices;
  admin = await hub.login('admin@demo.local', 'demo-admin-pass');
  dispatcher = await hub.login('dispatcher@demo.local', 'demo-dispatch-pass');
  supervisor = await hub.login('supervisor@demo.local', 'demo-supervisor-pass');
  // The supervisor installed the app on a phone; the district's duty group has a signed webhook.
  expect(
    (await hub.api('POST', '/api/notifications/push-subscriptions', supervisor, push.subscribe('/sup'))).status,
  ).toBe(201);
  const w = await hub.api<Webhook>('POST', '/api/notifications/webhooks', admin, {
    name: 'Duty group',
    format: 'standard',
    url: hook.url,
    purposes: ['alarm_unacknowledged', 'dispatch'],
  });
  expect(w.status).toBe(201);
  hook.setSecret(w.body.secret!);
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all(clients.map((c) => c.endAsync()));
  await hub?.stop();
  if (hub) await rm(hub.dataDir, { recursive: true, force: true });
  await push?.close();
  await hook?.close();
});

describe('notifications', () => {
  it('tells the supervisor by push and the duty webhook when a critical alarm is unacknowledged past 60 s', async () => {
    const channels = await hub.api<{ channels: { channel: string; available: boolean; reason: string | null }[] }>(
      'GET',
      '/api/notifications/channels',
      supervisor,
    );
    // No SMS provider configured: the channel is unavailable and says why (nothing pretends to send).
    expect(channels.body.channels.find((c) => c.channel === 'sms')).toMatchObject({ available: false });
    expect(channels.body.channels.find((c) => c.channel === 'web_push')).toMatchObject({ available: true });

    const alert = await raise(pick('sos_pendant'), 'sos', 'unack-1');
    expect(alert.severity).toBe('critical');
    now += 30_000;
    await hub.tickAlerts();
    await hub.deliverNotifications();
    expect(push.received.filter((m) => m.payload.alertId === alert.id)).toHaveLength(0);
    now += 31_000; // 61 s unacknowledged
    await hub.tickAlerts();
    const msg = await delivered(() =>
      push.received.find((m) => m.payload.alertId === alert.id && m.payload.purpose === 'alarm_unacknowledged'),
    );
    expect(msg.path).toBe('/sup');
    expect(String(msg.payload.title)).toContain('未确认的紧急报警');
    expect(msg.payload.severity).toBe('critical');
    const duty = await delivered(() =>
      hook.received.find((m) => (m.body.data as { alert: { id: string } }).alert?.id === alert.id),
    );
    expect(duty.body.type).toBe('alarm_unacknowledged');
    expect(hook.refused).toEqual([]);
    const items = await timeline(alert.id);
    expect(items.map((i) => [i.channel, i.status]).sort()).toEqual([
      ['web_push', 'sent'],
      ['webhook', 'sent'],
    ]);
    expect(items.find((i) => i.channel === 'web_push')?.recipientName).toBe('值班主任 李强');
    // Another escalation round never sends the same person the same alarm again.
    now += 120_000;
    await hub.tickAlerts();
    await hub.deliverNotifications();
    expect(push.received.filter((m) => m.payload.alertId === alert.id)).toHaveLength(1);
    const metrics = await (await fetch(`${hub.base}/metrics`)).text();
    expect(metrics).toMatch(/hub_notifications_sent_total\{channel="web_push"\} [1-9]/);
    expect(metrics).toMatch(/hub_notification_delivery_seconds_count\{channel="webhook"\} [1-9]/);
  });

  it("accepts by the responder's signed link: the incident moves and the dispatcher sees it live; the link works once", async () => {
    const { upserts } = await connectSocket(dispatcher);
    const alert = await raise(pick('sos_pendant'), 'sos', 'accept-1');
    await hub.api('POST', `/api/alerts/${alert.id}/claim`, dispatcher);
    const act = await hub.api<Alert>('POST', `/api/alerts/${alert.id}/actions`, dispatcher, {
      action: 'dispatch',
      responder: { kind: 'neighbour_volunteer', name: '张伟', phone: '13800000001' },
      note: 'Back door',
    });
    expect(act.status).toBe(200);
    const offer = await delivered(() =>
      hook.received.find(
        (m) => m.body.type === 'dispatch' && (m.body.data as { alert: { id: string } }).alert.id === alert.id,
      ),
    );
    const data = offer.body.data as { reply: { url: string }; text: string };
    expect(data.text).toContain('Back door');
    const token = decodeURIComponent(data.reply.url.split('/api/respond/')[1]!);
    const view = await hub.api<{ elder: { name: string }; status: string }>('GET', `/api/respond/${token}`);
    expect(view.status).toBe(200);
    expect(view.body.status).toBe('asked');

    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await hub.api('POST', `/api/respond/${forged}`, undefined, { answer: 'accept' })).status).toBe(403);
    const otherOffer = token.replace(/^[0-9a-f]{8}/, '00000000');
    expect((await hub.api('POST', `/api/respond/${otherOffer}`, undefined, { answer: 'accept' })).status).toBe(403);

    const ok = await hub.api<{ status: string }>('POST', `/api/respond/${token}`, undefined, { answer: 'accept' });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('accepted');
    await eventually(async () => upserts.find((a) => a.id === alert.id && a.status === 'accepted'));
    // Single use: the same link again, or a decline after it, is refused.
    expect((await hub.api('POST', `/api/respond/${token}`, undefined, { answer: 'accept' })).status).toBe(410);
    expect((await hub.api('POST', `/api/respond/${token}`, undefined, { answer: 'decline' })).status).toBe(410);
    // On my way, on scene: the incident moves on.
    expect((await hub.api('POST', `/api/respond/${token}/step`, undefined, { step: 'on_my_way' })).status).toBe(200);
    const scene = await hub.api<{ incidentStatus: string }>('POST', `/api/respond/${token}/step`, undefined, {
      step: 'on_scene',
      note: 'With her now',
    });
    expect(scene.body.incidentStatus).toBe('on_scene');
    const detail = await hub.api<{ actions: { action: string }[] }>('GET', `/api/alerts/${alert.id}`, dispatcher);
    expect(detail.body.actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['responder_accepted', 'responder_on_my_way', 'responder_on_scene']),
    );
    expect((await timeline(alert.id)).find((n) => n.purpose === 'dispatch')?.reply).toMatchObject({ answer: 'accept' });
  });

  it('asks the next responder of the ladder at once when one declines', async () => {
    const alert = await raise(pick('sos_pendant'), 'sos', 'decline-1');
    await hub.api('POST', `/api/alerts/${alert.id}/claim`, dispatcher);
    await hub.api('POST', `/api/alerts/${alert.id}/actions`, dispatcher, {
      action: 'dispatch',
      responders: [
        { kind: 'family', name: 'Son', phone: '1' },
        { kind: 'neighbour_volunteer', name: 'Neighbour', phone: '2' },
      ],
    });
    const offers = () =>
      hook.received.filter(
        (m) => m.body.type === 'dispatch' && (m.body.data as { alert: { id: string } }).alert.id === alert.id,
      );
    const first = await delivered(() => offers()[0]);
    const token = decodeURIComponent(
      (first.body.data as { reply: { url: string } }).reply.url.split('/api/respond/')[1]!,
    );
    expect((await hub.api('POST', `/api/respond/${token}`, undefined, { answer: 'decline' })).status).toBe(200);
    const a = await hub.api<Alert>('GET', `/api/alerts/${alert.id}`, dispatcher);
    expect(a.body.responder?.name).toBe('Neighbour');
    expect(a.body.status).toBe('dispatched');
    await delivered(() => offers().length === 2);
    expect((await hub.api('POST', `/api/respond/${token}`, undefined, { answer: 'accept' })).status).toBe(410);
  });

  it("offers the elder's contacts in call order, then accounts; a picked account is asked in the app", async () => {
    const d = pick('sos_pendant');
    const alert = await raise(d, 'sos', 'candidates-1');
    const resident = await hub.api<{ contacts: { name: string; phone: string }[] }>(
      'GET',
      `/api/residents/${d.residentId}`,
      dispatcher,
    );
    const r = await hub.api<{ items: ResponderCandidate[] }>(
      'GET',
      `/api/alerts/${alert.id}/responder-candidates`,
      dispatcher,
    );
    expect(r.status).toBe(200);
    const contacts = r.body.items.filter((c) => c.source === 'contact');
    expect(contacts.map((c) => [c.responder.name, c.responder.phone])).toEqual(
      resident.body.contacts.map((c) => [c.name, c.phone]),
    );
    expect(r.body.items.slice(0, contacts.length).every((c) => c.source === 'contact')).toBe(true);
    const volunteer = r.body.items.find((c) => c.source === 'volunteer' && c.responder.name.includes('赵磊'))!;
    expect(volunteer).toMatchObject({ hasAccount: true, responder: { kind: 'neighbour_volunteer' } });

    await hub.api('POST', `/api/alerts/${alert.id}/claim`, dispatcher);
    const sent = await hub.api('POST', `/api/alerts/${alert.id}/actions`, dispatcher, {
      action: 'dispatch',
      responders: [volunteer.responder, contacts[0]!.responder],
    });
    expect(sent.status).toBe(200);
    const responder = await hub.login('responder@demo.local', 'demo-responder-pass');
    const mine = await hub.api<{ items: { alertId: string; status: string }[] }>(
      'GET',
      '/api/responder/dispatches',
      responder,
    );
    expect(mine.body.items.find((x) => x.alertId === alert.id)).toMatchObject({ status: 'asked' });
    // Another district's alert id: not found.
    expect(
      (await hub.api('GET', `/api/alerts/00000000-0000-4000-8000-000000000000/responder-candidates`, dispatcher))
        .status,
    ).toBe(404);
  });

  it('holds a low-battery message back in quiet hours but never a critical alarm', async () => {
    const d = pick('sos_pendant');
    await hub.services.auth.createUser(
      (
        await hub.database.pool.query<{ tenant_id: string }>(`SELECT tenant_id FROM residents WHERE id = $1`, [
          d.residentId,
        ])
      ).rows[0]!.tenant_id,
      {
        email: 'daughter@family.local',
        name: '女儿 小芳',
        password: 'daughter-pass-1',
        role: 'family',
        residentId: d.residentId!,
      } as never,
    );
    const family = await hub.login('daughter@family.local', 'daughter-pass-1');
    expect(
      (await hub.api('POST', '/api/notifications/push-subscriptions', family, push.subscribe('/fam'))).status,
    ).toBe(201);
    // Quiet all day (00:00–23:59 in the district's time zone).
    const p = await hub.api('PATCH', '/api/notifications/preferences', family, {
      quietHours: { start: '00:00', end: '23:59' },
      channels: ['web_push'],
    });
    expect(p.status).toBe(200);
    const battery = await raise(d, 'low_battery', 'batt-1');
    await hub.deliverNotifications();
    const held = await eventually(async () => (await timeline(battery.id)).find((n) => n.purpose === 'device_health'));
    expect(held.status).toBe('held');
    expect(held.notBefore).not.toBeNull();
    const sos = await raise(d, 'sos', 'quiet-sos');
    const msg = await delivered(() => push.received.find((m) => m.path === '/fam' && m.payload.alertId === sos.id));
    expect(msg.payload.purpose).toBe('family_raised');
    expect(push.received.filter((m) => m.path === '/fam' && m.payload.alertId === battery.id)).toHaveLength(0);
    const fs = await hub.api<{ incident: { id: string } | null }>('GET', '/api/family/status', family);
    expect(fs.body.incident?.id).toBe(sos.id);
  });

  it('delivers to a receiver that was down once it is back, exactly once', async () => {
    await hook.down();
    const alert = await raise(pick('sos_pendant'), 'sos', 'down-1');
    now += 61_000;
    await hub.tickAlerts();
    // The hub's clock moves on between rounds (retries fall due by it).
    const round = async () => {
      now += 1000;
      await hub.deliverNotifications();
    };
    const failed = await eventually(async () => {
      await round();
      return (await timeline(alert.id)).find(
        (n) => n.channel === 'webhook' && n.status === 'failed' && n.attempts >= 2,
      );
    }, 15_000);
    expect(failed.error).toBeTruthy();
    for (let i = 0; i < 5; i++) await round(); // down for a while: more tries fail
    await hook.up();
    await eventually(async () => {
      await round();
      return hook.received.some((m) => (m.body.data as { alert: { id: string } }).alert?.id === alert.id);
    }, 15_000);
    for (let i = 0; i < 5; i++) await round();
    const got = hook.received.filter((m) => (m.body.data as { alert: { id: string } }).alert?.id === alert.id);
    expect(got).toHaveLength(1);
    expect((await timeline(alert.id)).find((n) => n.channel === 'webhook')?.status).toBe('sent');
  });
});
