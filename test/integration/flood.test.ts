/**
 * A device flooding the embedded broker is cut off by its publish budget (MQTT_DEVICE_RATE /
 * MQTT_DEVICE_BURST): it is disconnected, counted in hub_mqtt_rate_limited_total, and cannot get
 * more than its budget into the database — while an sos from another device still reaches the
 * dispatch screen promptly.
 */
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, ClientToServerEvents, ServerToClientEvents } from '@eldercare/shared';
import { eventually, startTestHub, type TestHub } from '../support/hub.js';
import { TOPIC, closed, connectDevice, count, demoDevices, newEventId, type DemoDevice } from '../support/devices.js';

let hub: TestHub;
let socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
let flooder: DemoDevice;
let victim: DemoDevice;
const RATE = 20;
const BURST = 50;

beforeAll(async () => {
  hub = await startTestHub({ MQTT_DEVICE_RATE: String(RATE), MQTT_DEVICE_BURST: String(BURST) });
  const all = (await demoDevices(hub.dataDir)).filter((d) => d.residentId);
  flooder = all[0]!;
  victim =
    all.find((d) => d.residentId !== flooder.residentId && d.type === 'sos_pendant') ??
    all.find((d) => d.residentId !== flooder.residentId)!;
  const token = await hub.login('dispatcher@demo.local', 'demo-dispatch-pass');
  socket = ioClient(hub.base, { auth: { token }, transports: ['websocket'], reconnection: false });
  await new Promise<void>((resolve) => socket!.once('alerts:snapshot', () => resolve()));
});
afterAll(async () => {
  socket?.close();
  await hub?.stop();
});

describe('device flood at the embedded broker', () => {
  it('the flooding device is cut off and counted; another device’s sos still alerts promptly', async () => {
    const seen: { a: Alert; at: number }[] = [];
    socket!.on('alert:upsert', (a) => seen.push({ a, at: Date.now() }));
    const flood = await connectDevice(hub.mqttUrl, flooder);
    const victimClient = await connectDevice(hub.mqttUrl, victim);
    const ts0 = Date.now() - 3600_000;
    let sent = 0;
    let victimSent = false;
    const cut = closed(flood, 10_000);
    // 3,000 messages as fast as the socket takes them (QoS 0: no waiting for the broker).
    for (let i = 0; i < 3000 && flood.connected; i++) {
      flood.publish(TOPIC(flooder.deviceId, 'telemetry'), JSON.stringify({ ts: ts0 + i, readings: { steps: i } }));
      sent++;
      if (i === 100) {
        victimSent = true;
        // In the middle of the flood another elder presses the button.
        const eventId = newEventId('flood-victim');
        const at = Date.now();
        await victimClient.publishAsync(
          TOPIC(victim.deviceId, 'events'),
          JSON.stringify({ eventId, ts: at, type: 'sos' }),
          {
            qos: 1,
          },
        );
        const got = await eventually(async () => seen.find((s) => s.a.residentId === victim.residentId), 5_000, 20);
        expect(got.at - at).toBeLessThan(2_000);
      }
    }
    expect(victimSent).toBe(true);
    expect(await cut).toBe(true);
    expect(sent).toBeGreaterThan(BURST);
    expect((await hub.metrics.mqttRateLimited.get()).values[0]?.value ?? 0).toBeGreaterThanOrEqual(1);
    await hub.flush();
    const stored = await count(
      hub.database.pool,
      `SELECT count(*) AS n FROM readings WHERE device_id = $1 AND metric = 'steps'`,
      [flooder.deviceId],
    );
    // At most the burst plus what the rate refilled meanwhile (a few seconds at most).
    expect(stored).toBeLessThanOrEqual(BURST + RATE * 10);
    expect(stored).toBeGreaterThan(0);
    await victimClient.endAsync();
  });

  it('a device within its budget is never cut off', async () => {
    const d = (await demoDevices(hub.dataDir)).filter((x) => x.residentId)[2]!;
    const c = await connectDevice(hub.mqttUrl, d);
    for (let i = 0; i < 30; i++)
      await c.publishAsync(
        TOPIC(d.deviceId, 'telemetry'),
        JSON.stringify({ ts: Date.now() - 1000 + i, readings: { steps: i } }),
        {
          qos: 1,
        },
      );
    expect(c.connected).toBe(true);
    await c.endAsync();
  });
});
