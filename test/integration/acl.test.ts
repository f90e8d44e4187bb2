/**
 * The embedded broker's access rules: a device logs in only with its own password and with
 * clientId = username; it may publish only on its own topics and read only its own commands.
 * A refused message never reaches the database.
 */
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';
import {
  TOPIC,
  closed,
  connectDevice,
  connectRefusal,
  count,
  newEventId,
  residentDevices,
  waitForCount,
  type DemoDevice,
} from '../support/devices.js';

let hub: TestHub;
let alice: DemoDevice;
let bob: DemoDevice;

beforeAll(async () => {
  hub = await startTestHub();
  [alice, bob] = (await residentDevices(hub.dataDir, 2)) as [DemoDevice, DemoDevice];
});
afterAll(async () => {
  await hub?.stop();
});

const refusedMetric = async (reason: string) => {
  const text = await fetch(`${hub.base}/metrics`).then((r) => r.text());
  const m = new RegExp(`^hub_mqtt_refused_total\\{reason="${reason}"\\} (\\d+)$`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
};

describe('MQTT access control (embedded broker)', () => {
  it('accepts a device with its own credentials', async () => {
    const c = await connectDevice(hub.mqttUrl, alice);
    expect(c.connected).toBe(true);
    await c.endAsync();
  });

  it('refuses a wrong password with a bad-credentials CONNACK', async () => {
    const err = await connectRefusal(hub.mqttUrl, {
      clientId: alice.deviceId,
      username: alice.deviceId,
      password: alice.password + 'x',
    });
    expect(err.code).toBe(4); // bad user name or password
  });

  it("refuses another device's password", async () => {
    const err = await connectRefusal(hub.mqttUrl, {
      clientId: alice.deviceId,
      username: alice.deviceId,
      password: bob.password,
    });
    expect(err.code).toBe(4);
  });

  it('refuses an unknown device, an empty password and anonymous clients', async () => {
    expect(
      (
        await connectRefusal(hub.mqttUrl, {
          clientId: 'ghost-device-1',
          username: 'ghost-device-1',
          password: 'whatever',
        })
      ).code,
    ).toBe(4);
    expect(
      (await connectRefusal(hub.mqttUrl, { clientId: alice.deviceId, username: alice.deviceId })).code,
    ).toBeGreaterThanOrEqual(4);
    expect((await connectRefusal(hub.mqttUrl, { clientId: 'anon-1' })).code).toBe(5); // not authorized
  });

  it('refuses a client whose clientId differs from its username', async () => {
    const err = await connectRefusal(hub.mqttUrl, {
      clientId: bob.deviceId,
      username: alice.deviceId,
      password: alice.password,
    });
    expect(err.code).toBeGreaterThanOrEqual(4);
    const err2 = await connectRefusal(hub.mqttUrl, {
      clientId: 'some-other-id',
      username: alice.deviceId,
      password: alice.password,
    });
    expect(err2.code).toBeGreaterThanOrEqual(4);
  });

  it('refuses the hub user with a guessed password', async () => {
    const err = await connectRefusal(hub.mqttUrl, { clientId: 'hub-x', username: 'hub', password: 'hub' });
    expect(err.code).toBe(4);
  });

  it("disconnects a device publishing on another device's topic; nothing is stored", async () => {
    const before = await refusedMetric('foreign_topic');
    const c = await connectDevice(hub.mqttUrl, alice);
    const gone = closed(c, 5_000);
    const eventId = newEventId('spoof');
    // QoS 0: the client does not wait for an acknowledgement that will never come.
    c.publish(TOPIC(bob.deviceId, 'events'), JSON.stringify({ eventId, ts: Date.now(), type: 'sos' }));
    c.publish(TOPIC(bob.deviceId, 'telemetry'), JSON.stringify({ ts: Date.now(), readings: { heartRate: 199 } }));
    expect(await gone).toBe(true);
    c.end(true);
    expect(await refusedMetric('foreign_topic')).toBeGreaterThan(before);

    // Proof that the hub is listening: Bob's own marker lands, the spoofed messages do not.
    const b = await connectDevice(hub.mqttUrl, bob);
    const marker = newEventId('marker');
    await b.publishAsync(
      TOPIC(bob.deviceId, 'events'),
      JSON.stringify({ eventId: marker, ts: Date.now(), type: 'test' }),
      { qos: 1 },
    );
    await b.endAsync();
    await waitForCount(hub, 'SELECT count(*) AS n FROM device_events WHERE event_id = $1', [marker], 1);
    await hub.flush();
    expect(
      await count(hub.database.pool, 'SELECT count(*) AS n FROM device_events WHERE event_id = $1', [eventId]),
    ).toBe(0);
    expect(
      await count(hub.database.pool, `SELECT count(*) AS n FROM readings WHERE device_id = $1 AND value = 199`, [
        bob.deviceId,
      ]),
    ).toBe(0);
    expect(
      await count(hub.database.pool, 'SELECT count(*) AS n FROM dead_letters WHERE payload LIKE $1', [`%${eventId}%`]),
    ).toBe(0);
  });

  it('refuses publishing on topics outside the contract and on commands', async () => {
    for (const topic of [
      `eldercare/v1/devices/${alice.deviceId}/commands`,
      `eldercare/v1/devices/${alice.deviceId}/other`,
      'random/topic',
      '$SYS/x',
    ]) {
      const c = await connectDevice(hub.mqttUrl, alice);
      const gone = closed(c, 5_000);
      c.publish(topic, '{"online":true}');
      expect(await gone, topic).toBe(true);
      c.end(true);
    }
  });

  it("refuses subscribing to another device's commands (or to everything)", async () => {
    for (const topic of [
      TOPIC(bob.deviceId, 'commands'),
      'eldercare/v1/devices/+/commands',
      'eldercare/#',
      '#',
      TOPIC(bob.deviceId, 'telemetry'),
    ]) {
      const c = await connectDevice(hub.mqttUrl, alice);
      const gone = closed(c, 5_000);
      let refused: boolean;
      try {
        const granted = await Promise.race([c.subscribeAsync(topic, { qos: 1 }), gone.then(() => null)]);
        refused = granted === null || granted.every((g) => g.qos === 128);
      } catch {
        refused = true;
      }
      expect(refused, topic).toBe(true);
      c.end(true);
    }
  });

  it('lets a device subscribe to its own commands', async () => {
    const c = await connectDevice(hub.mqttUrl, alice);
    const granted = await c.subscribeAsync(TOPIC(alice.deviceId, 'commands'), { qos: 1 });
    expect(granted.map((g) => g.qos)).toEqual([1]);
    expect(c.connected).toBe(true);
    await c.endAsync();
  });

  it('a refused login can retry with the right password (no lock-out of the real device)', async () => {
    await connectRefusal(hub.mqttUrl, { clientId: alice.deviceId, username: alice.deviceId, password: 'nope' });
    const c = await mqtt.connectAsync(hub.mqttUrl, {
      clientId: alice.deviceId,
      username: alice.deviceId,
      password: alice.password,
      reconnectPeriod: 0,
    });
    expect(c.connected).toBe(true);
    await c.endAsync();
  });
});
