/**
 * Packet-size limits and the connect timeout of the embedded broker: a connection declaring a
 * packet over its limit is closed as soon as the fixed header arrives (what it streams after it is
 * never read), before login with a much smaller limit for the CONNECT; a connection that never
 * finishes its CONNECT is closed after MQTT_CONNECT_TIMEOUT_SECONDS. Devices within the limits are
 * unaffected, and a payload over 16 KiB but within the packet limit is still dead-lettered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONNECT_BYTES, MAX_PACKET_BYTES } from '@eldercare/shared';
import { startTestHub, type TestHub } from '../support/hub.js';
import { TOPIC, connectDevice, residentDevices, waitForCount, type DemoDevice } from '../support/devices.js';
import {
  CONNECT_HEADER,
  PUBLISH_QOS0_HEADER,
  connectPacket,
  login,
  openSocket,
  remainingLength,
  streamOversized,
} from '../support/mqtt-raw.js';

let hub: TestHub;
let device: DemoDevice;
let other: DemoDevice;

beforeAll(async () => {
  hub = await startTestHub({ MQTT_CONNECT_TIMEOUT_SECONDS: '2' });
  [device, other] = (await residentDevices(hub.dataDir, 2)) as [DemoDevice, DemoDevice];
});
afterAll(async () => {
  await hub?.stop();
});

const refused = async (reason: string) => {
  const text = await fetch(`${hub.base}/metrics`).then((r) => r.text());
  const m = new RegExp(`^hub_mqtt_refused_total\\{reason="${reason}"\\} (\\d+)$`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
};
const MB = 1024 * 1024;

describe('MQTT packet-size limits (embedded broker)', () => {
  it('an unauthenticated 60 MB CONNECT is cut off at its header, long before 8 MB are streamed', async () => {
    const before = await refused('packet_too_large');
    const results = await Promise.all(
      Array.from({ length: 4 }, async () =>
        streamOversized(await openSocket(hub.mqttPort!), CONNECT_HEADER, 60 * MB, 8 * MB),
      ),
    );
    for (const r of results) {
      expect(r.cut).toBe(true);
      expect(r.written).toBeLessThan(8 * MB);
    }
    expect(await refused('packet_too_large')).toBe(before + 4);
  });

  it('a CONNECT just over MAX_CONNECT_BYTES is refused; a normal one with the same device logs in', async () => {
    const before = await refused('packet_too_large');
    const r = await streamOversized(
      await openSocket(hub.mqttPort!),
      CONNECT_HEADER,
      MAX_CONNECT_BYTES + 1,
      MAX_CONNECT_BYTES + 1,
    );
    expect(r.cut).toBe(true);
    expect(await refused('packet_too_large')).toBe(before + 1);
    const s = await openSocket(hub.mqttPort!);
    expect(await login(s, connectPacket(device.deviceId, device.deviceId, device.password))).toBe(0);
    s.destroy();
  });

  it('a first packet that is not a CONNECT closes the connection', async () => {
    const before = await refused('packet_too_large');
    const r = await streamOversized(await openSocket(hub.mqttPort!), PUBLISH_QOS0_HEADER, 100_000, 100_000);
    expect(r.cut).toBe(true);
    expect(await refused('packet_too_large')).toBe(before + 1);
  });

  it('a logged-in device declaring a PUBLISH over MAX_PACKET_BYTES is cut off; it can reconnect and publish', async () => {
    const s = await openSocket(hub.mqttPort!);
    expect(await login(s, connectPacket(device.deviceId, device.deviceId, device.password))).toBe(0);
    const r = await streamOversized(s, PUBLISH_QOS0_HEADER, 60 * MB, 8 * MB);
    expect(r.cut).toBe(true);
    expect(r.written).toBeLessThan(8 * MB);

    const c = await connectDevice(hub.mqttUrl, device);
    try {
      await c.publishAsync(
        TOPIC(device.deviceId, 'telemetry'),
        JSON.stringify({ ts: Date.now(), readings: { steps: 4242 } }),
        {
          qos: 1,
        },
      );
      await waitForCount(
        hub,
        'SELECT count(*) AS n FROM readings WHERE device_id = $1 AND metric = $2 AND value = 4242',
        [device.deviceId, 'steps'],
        1,
      );
    } finally {
      await c.endAsync();
    }
  });

  it('a payload over 16 KiB but within MAX_PACKET_BYTES is still dead-lettered, the connection kept', async () => {
    const c = await connectDevice(hub.mqttUrl, other);
    try {
      const big = JSON.stringify({
        ts: Date.now(),
        readings: { heartRate: 70 },
        pad: 'x'.repeat(MAX_PACKET_BYTES - 1024),
      });
      await c.publishAsync(TOPIC(other.deviceId, 'telemetry'), big, { qos: 1 });
      await waitForCount(
        hub,
        "SELECT count(*) AS n FROM dead_letters WHERE device_id = $1 AND reason LIKE 'payload too large%'",
        [other.deviceId],
        1,
      );
      expect(c.connected).toBe(true);
    } finally {
      await c.endAsync();
    }
  });

  it('a connection that never finishes its CONNECT is closed after the connect timeout', async () => {
    const before = await refused('connect_timeout');
    const s = await openSocket(hub.mqttPort!);
    // Half a CONNECT (its header and a few bytes), then nothing.
    s.write(Buffer.concat([Buffer.from([CONNECT_HEADER]), remainingLength(100), Buffer.from([0, 4])]));
    const closedAt = await new Promise<number>((resolve) => {
      s.on('error', () => undefined);
      s.once('close', () => resolve(Date.now()));
    });
    expect(closedAt).toBeGreaterThan(0);
    expect(await refused('connect_timeout')).toBe(before + 1);
  });
});
