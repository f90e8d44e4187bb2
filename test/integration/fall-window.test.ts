/**
 * A fall's cancel window is measured from the device's own timestamp, never ending later than the
 * window after the hub received the event: live falls wait 30 s; a fall replayed from the spool
 * after a database outage (or sent late) whose window is over opens at once; a fall and its cancel
 * replayed together never open; a device clock running ahead cannot hold a fall back. Time is an
 * injected clock; the spool is a file left for the next start, as after a crash during an outage.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import type { Alert } from '@eldercare/shared';
import { eventually, startTestHub, type TestHub } from '../support/hub.js';
import { TOPIC, connectDevice, demoDevices, type DemoDevice } from '../support/devices.js';
import type { SpooledEvent } from '../../hub/src/ingest/spool.js';

const WINDOW = 30_000;
let now = Date.now();
const clock = { now: () => now };
let dataDir: string;
let hub: TestHub;
let devices: DemoDevice[];
let token: string;
/** One MQTT connection per device (a second one with the same client id would take over). */
const clients = new Map<string, MqttClient>();

/** Demo devices of a type, each of a resident no earlier test used (one incident per person). */
const usedResidents = new Set<string>();
const pick = (type: string, n = 1) => {
  const out = devices.filter((d) => d.type === type && d.residentId && !usedResidents.has(d.residentId)).slice(0, n);
  if (out.length < n) throw new Error(`not enough ${type} devices`);
  for (const d of out) usedResidents.add(d.residentId!);
  return out;
};

async function publish(d: DemoDevice, body: { eventId: string; ts: number; type: string; cancels?: string }) {
  let c = clients.get(d.deviceId);
  if (!c) clients.set(d.deviceId, (c = await connectDevice(hub.mqttUrl, d)));
  await c.publishAsync(TOPIC(d.deviceId, 'events'), JSON.stringify(body), { qos: 1 });
}

async function disconnectDevices() {
  await Promise.all([...clients.values()].map((c) => c.endAsync()));
  clients.clear();
}

const alertsOf = async (d: DemoDevice) =>
  (await hub.api<{ items: Alert[] }>('GET', `/api/alerts?state=all&residentId=${d.residentId}`, token)).body.items;
const alertOf = (d: DemoDevice) => eventually(async () => (await alertsOf(d))[0]);
const statusOf = async (id: string) => (await hub.api<Alert>('GET', `/api/alerts/${id}`, token)).body;

async function start() {
  hub = await startTestHub({}, dataDir, { clock });
  token = await hub.login('dispatcher@demo.local', 'demo-dispatch-pass');
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'hub-fall-window-'));
  await start();
  devices = await demoDevices(dataDir);
});

afterAll(async () => {
  await disconnectDevices();
  await hub?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('live falls', () => {
  it('a fall alerts 30 s after it happened, not before', async () => {
    const [d] = pick('fall_detector');
    const ts = now;
    await publish(d!, { eventId: 'live-fall', ts, type: 'fall' });
    const alert = await alertOf(d!);
    expect(alert.status).toBe('pending');
    now = ts + WINDOW - 1_000;
    await hub.tickAlerts();
    expect((await statusOf(alert.id)).status).toBe('pending');
    now = ts + WINDOW;
    await hub.tickAlerts();
    expect(await statusOf(alert.id)).toMatchObject({ status: 'open', openedAt: new Date(ts + WINDOW).toISOString() });
  });

  it('a device clock running ahead cannot hold a fall back: it alerts 30 s after receipt', async () => {
    const [d] = pick('fall_detector');
    const receivedAt = now;
    await publish(d!, { eventId: 'future-fall', ts: receivedAt + 10 * 60_000, type: 'fall' });
    const alert = await alertOf(d!);
    expect(alert.status).toBe('pending');
    now = receivedAt + WINDOW;
    await hub.tickAlerts();
    expect((await statusOf(alert.id)).status).toBe('open');
  });

  it('a fall sent after its window is over (a device that was offline) alerts at once', async () => {
    const [d] = pick('fall_detector');
    const ts = now - 2 * 60_000;
    await publish(d!, { eventId: 'late-fall', ts, type: 'fall' });
    const alert = await alertOf(d!);
    // Opened as of the hub's receipt (its clock measures), the device's time kept as when it occurred.
    expect(alert).toMatchObject({
      status: 'open',
      openedAt: new Date(now).toISOString(),
      occurredAt: new Date(ts).toISOString(),
    });
  });

  it('a redelivered cancel naming no event does not withdraw an alarm raised after it', async () => {
    const [d] = pick('sos_pendant');
    await publish(d!, { eventId: 'sos-1', ts: now, type: 'sos' });
    const first = await alertOf(d!);
    const cancel = { eventId: 'cancel-1', ts: now + 1_000, type: 'cancel' as const };
    await publish(d!, cancel);
    await eventually(async () => (await statusOf(first.id)).status === 'cancelled');
    now += 60_000;
    await publish(d!, { eventId: 'sos-2', ts: now, type: 'sos' });
    const second = await eventually(async () => (await alertsOf(d!)).find((a) => a.id !== first.id));
    expect(second.status).toBe('open');

    // The old cancel again (the broker redelivers it, or a spool is replayed twice): what ingest
    // does with a redelivered event, awaited here so the check below comes after it.
    const device = (await hub.services.registry.get(d!.deviceId))!;
    await hub.services.alerts.engine.onDeviceEvent(device, cancel, { fresh: false, receivedAt: now });
    expect((await statusOf(second.id)).status).toBe('open');
    expect((await statusOf(first.id)).status).toBe('cancelled');
  });
});

describe('falls replayed from the spool after a database outage', () => {
  const spooled = (d: DemoDevice, event: SpooledEvent['event'], receivedAt = event.ts + 200): SpooledEvent => ({
    deviceId: d.deviceId,
    receivedAt,
    event,
  });
  let overdue: DemoDevice, withCancel: DemoDevice, withPlainCancel: DemoDevice, inWindow: DemoDevice;
  let t0: number;

  beforeAll(async () => {
    [overdue, withCancel, withPlainCancel, inWindow] = pick('fall_detector', 4) as [
      DemoDevice,
      DemoDevice,
      DemoDevice,
      DemoDevice,
    ];
    // The outage: events were spooled, then the hub stopped; the spool is replayed at the next start.
    await disconnectDevices();
    await hub.close();
    t0 = now;
    const records = [
      spooled(overdue, { eventId: 'r-fall-1', ts: t0 - 5 * 60_000, type: 'fall' }),
      spooled(withCancel, { eventId: 'r-fall-2', ts: t0 - 4 * 60_000, type: 'fall' }),
      spooled(withPlainCancel, { eventId: 'r-fall-3', ts: t0 - 4 * 60_000, type: 'fall' }),
      spooled(withCancel, { eventId: 'r-cancel-2', ts: t0 - 4 * 60_000 + 10_000, type: 'cancel', cancels: 'r-fall-2' }),
      spooled(withPlainCancel, { eventId: 'r-cancel-3', ts: t0 - 4 * 60_000 + 5_000, type: 'cancel' }),
      spooled(inWindow, { eventId: 'r-fall-4', ts: t0 - 10_000, type: 'fall' }),
    ];
    await writeFile(
      path.join(dataDir, 'spool', `events-${t0}-000000.ndjson`),
      records.map((r) => JSON.stringify(r) + '\n').join(''),
    );
    await start();
    await hub.services.ingest.replaySpool(() => hub.database.pool.query('SELECT 1'));
    await eventually(async () => !hub.services.ingest.spooling);
  });

  it('a fall whose window ended during the outage opens at once on replay, as of the end of its window', async () => {
    const alert = await alertOf(overdue);
    // Opened by the replay itself (a timer tick would have opened it as of now).
    expect(alert).toMatchObject({
      kind: 'fall',
      status: 'open',
      openedAt: new Date(t0 - 5 * 60_000 + WINDOW).toISOString(),
    });
  });

  it('a replayed fall still inside its window waits only for what is left of it', async () => {
    const alert = await alertOf(inWindow);
    expect(alert.status).toBe('pending');
    now = t0 + 19_000;
    await hub.tickAlerts();
    expect((await statusOf(alert.id)).status).toBe('pending');
    now = t0 + 20_000;
    await hub.tickAlerts();
    expect((await statusOf(alert.id)).status).toBe('open');
  });

  it('a fall replayed together with its cancel never opens', async () => {
    for (const d of [withCancel, withPlainCancel]) {
      const alert = await alertOf(d);
      expect(alert).toMatchObject({ kind: 'fall', status: 'cancelled', openedAt: null, outcome: 'false_alarm' });
      const detail = await hub.api<{ actions: { action: string }[] }>('GET', `/api/alerts/${alert.id}`, token);
      expect(detail.body.actions.map((a) => a.action)).toEqual(['cancelled_by_elder']);
    }
    now = t0 + 2 * WINDOW;
    await hub.tickAlerts();
    for (const d of [withCancel, withPlainCancel]) expect((await alertOf(d)).status).toBe('cancelled');
  });
});
