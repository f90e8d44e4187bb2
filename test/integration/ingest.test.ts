/**
 * Ingest over real MQTT into the embedded TimescaleDB: a demo device logs in with its own
 * credentials and its telemetry, events and status land in their tables; a redelivered event is
 * stored once.
 */
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, eventually, startTestHub, type TestHub } from '../support/hub.js';
import {
  TOPIC,
  connectDevice,
  count,
  newEventId,
  residentDevices,
  waitForCount,
  type DemoDevice,
} from '../support/devices.js';

let hub: TestHub;
let device: DemoDevice;
let other: DemoDevice;
let client: MqttClient;

beforeAll(async () => {
  hub = await startTestHub();
  [device, other] = (await residentDevices(hub.dataDir, 2)) as [DemoDevice, DemoDevice];
  client = await connectDevice(hub.mqttUrl, device);
});

afterAll(async () => {
  await client?.endAsync();
  await hub?.stop();
});

describe('ingest over MQTT (embedded)', () => {
  it('stores telemetry, an event and a status, and updates the device record', async () => {
    const ts = Date.now() - 1000;
    const eventId = newEventId('sos');
    await client.publishAsync(
      TOPIC(device.deviceId, 'telemetry'),
      JSON.stringify({ ts, readings: { heartRate: 72, spo2: 97 } }),
      { qos: 1 },
    );
    await client.publishAsync(TOPIC(device.deviceId, 'events'), JSON.stringify({ eventId, ts, type: 'sos' }), {
      qos: 1,
    });
    await client.publishAsync(
      TOPIC(device.deviceId, 'status'),
      JSON.stringify({ ts, online: true, battery: 83, signal: -71, firmware: '2.1.0' }),
      { qos: 1, retain: true },
    );

    const pool = hub.database.pool;
    await waitForCount(hub, 'SELECT count(*) AS n FROM readings WHERE device_id = $1', [device.deviceId], 2);
    const readings = await pool.query(
      'SELECT ts, device_id, resident_id, metric, value FROM readings WHERE device_id = $1 ORDER BY metric',
      [device.deviceId],
    );
    expect(readings.rows).toEqual([
      { ts: new Date(ts), device_id: device.deviceId, resident_id: device.residentId, metric: 'heartRate', value: 72 },
      { ts: new Date(ts), device_id: device.deviceId, resident_id: device.residentId, metric: 'spo2', value: 97 },
    ]);

    await waitForCount(hub, 'SELECT count(*) AS n FROM device_events WHERE device_id = $1', [device.deviceId], 1);
    const events = await pool.query(
      'SELECT ts, device_id, resident_id, event_id, type, body FROM device_events WHERE device_id = $1',
      [device.deviceId],
    );
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0]).toMatchObject({
      ts: new Date(ts),
      device_id: device.deviceId,
      resident_id: device.residentId,
      event_id: eventId,
      type: 'sos',
    });
    expect(events.rows[0].body).toMatchObject({ eventId, type: 'sos' });

    await waitForCount(hub, 'SELECT count(*) AS n FROM device_status WHERE device_id = $1', [device.deviceId], 1);
    const status = await pool.query(
      'SELECT ts, online, battery, signal, firmware FROM device_status WHERE device_id = $1',
      [device.deviceId],
    );
    expect(status.rows).toEqual([{ ts: new Date(ts), online: true, battery: 83, signal: -71, firmware: '2.1.0' }]);

    // The device-state flush runs every second (and on hub.flush()).
    const row = await eventually(async () => {
      const r = await pool.query('SELECT last_seen, online, battery, signal, firmware FROM devices WHERE id = $1', [
        device.deviceId,
      ]);
      return r.rows[0]?.battery === 83 ? r.rows[0] : undefined;
    });
    expect(row.online).toBe(true);
    expect(row.signal).toBe(-71);
    expect(row.firmware).toBe('2.1.0');
    expect(Date.now() - (row.last_seen as Date).getTime()).toBeLessThan(60_000);

    // ... and the API reports it.
    const token = await hub.login(ADMIN.email, ADMIN.password);
    const api = await hub.api<{ online: boolean; battery: number; lastSeen: string }>(
      'GET',
      `/api/devices/${device.deviceId}`,
      token,
    );
    expect(api.status).toBe(200);
    expect(api.body).toMatchObject({ online: true, battery: 83 });
    expect(api.body.lastSeen).toBeTruthy();
  });

  it('accepts ISO-8601 times and QoS 0 telemetry', async () => {
    const iso = new Date(Date.now() - 5000).toISOString().replace('Z', '+00:00');
    client.publish(TOPIC(device.deviceId, 'telemetry'), JSON.stringify({ ts: iso, readings: { temperature: 36.7 } }), {
      qos: 0,
    });
    await waitForCount(
      hub,
      `SELECT count(*) AS n FROM readings WHERE device_id = $1 AND metric = 'temperature'`,
      [device.deviceId],
      1,
    );
    const r = await hub.database.pool.query(
      `SELECT ts, value FROM readings WHERE device_id = $1 AND metric = 'temperature'`,
      [device.deviceId],
    );
    expect(r.rows).toEqual([{ ts: new Date(iso), value: 36.7 }]);
  });

  it('stores a redelivered event (same eventId, QoS 1) once', async () => {
    const eventId = newEventId('fall');
    const body = JSON.stringify({ eventId, ts: Date.now(), type: 'fall', data: { confidence: 0.9 } });
    await client.publishAsync(TOPIC(device.deviceId, 'events'), body, { qos: 1 });
    await client.publishAsync(TOPIC(device.deviceId, 'events'), body, { qos: 1, dup: true });
    // A device that reconnects and sends it again (its session was lost) is still recognised.
    await client.endAsync();
    client = await connectDevice(hub.mqttUrl, device);
    await client.publishAsync(TOPIC(device.deviceId, 'events'), body, { qos: 1 });
    // The hub handles one connection's messages in order: once a later marker is stored, the copies were seen.
    const marker = newEventId('marker');
    await client.publishAsync(
      TOPIC(device.deviceId, 'events'),
      JSON.stringify({ eventId: marker, ts: Date.now(), type: 'test' }),
      { qos: 1 },
    );
    await waitForCount(hub, 'SELECT count(*) AS n FROM device_events WHERE event_id = $1', [marker], 1);
    await hub.flush();
    expect(
      await count(hub.database.pool, 'SELECT count(*) AS n FROM device_events WHERE event_id = $1', [eventId]),
    ).toBe(1);
    expect(
      await count(hub.database.pool, 'SELECT count(*) AS n FROM processed_events WHERE event_id = $1', [eventId]),
    ).toBe(1);
    const metrics = await fetch(`${hub.base}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/^hub_duplicate_events_total 2$/m);
  });

  it('the same eventId from two devices is two events', async () => {
    const eventId = newEventId('shared');
    const second = await connectDevice(hub.mqttUrl, other);
    try {
      await client.publishAsync(
        TOPIC(device.deviceId, 'events'),
        JSON.stringify({ eventId, ts: Date.now(), type: 'door_open' }),
        { qos: 1 },
      );
      await second.publishAsync(
        TOPIC(other.deviceId, 'events'),
        JSON.stringify({ eventId, ts: Date.now(), type: 'door_open' }),
        { qos: 1 },
      );
      expect(await waitForCount(hub, 'SELECT count(*) AS n FROM device_events WHERE event_id = $1', [eventId], 2)).toBe(
        2,
      );
      const r = await hub.database.pool.query(
        'SELECT device_id, resident_id FROM device_events WHERE event_id = $1 ORDER BY device_id',
        [eventId],
      );
      expect(new Set(r.rows.map((x) => x.device_id))).toEqual(new Set([device.deviceId, other.deviceId]));
      // The resident comes from the registry, never from the payload.
      for (const row of r.rows) {
        expect(row.resident_id).toBe(row.device_id === device.deviceId ? device.residentId : other.residentId);
      }
    } finally {
      await second.endAsync();
    }
  });

  it('a bad payload from a known device is dead-lettered with its reason', async () => {
    await client.publishAsync(
      TOPIC(device.deviceId, 'telemetry'),
      JSON.stringify({ ts: Date.now(), readings: { mood: 3 } }),
      { qos: 1 },
    );
    await waitForCount(hub, 'SELECT count(*) AS n FROM dead_letters WHERE device_id = $1', [device.deviceId], 1);
    const r = await hub.database.pool.query('SELECT topic, reason, payload FROM dead_letters WHERE device_id = $1', [
      device.deviceId,
    ]);
    expect(r.rows[0].topic).toBe(TOPIC(device.deviceId, 'telemetry'));
    expect(r.rows[0].reason).toMatch(/^invalid telemetry: .*mood/);
    expect(r.rows[0].payload).toContain('mood');
    const health = await fetch(`${hub.base}/healthz`);
    expect(health.status).toBe(200);
  });
});
