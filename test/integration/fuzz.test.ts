/**
 * Property test against a real hub: hundreds of generated bad payloads (malformed JSON, wrong
 * types, huge strings, deep nesting, unicode, NUL characters, >16 KiB, SQL-looking strings,
 * unknown metrics) interleaved with good telemetry from the same device. Afterwards the hub is
 * healthy, every good reading is stored exactly once and every bad message is dead-lettered
 * exactly once with its reason. Reproduce a failure with FUZZ_SEED=<seed from the report>.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';
import { TOPIC, connectDevice, count, residentDevices, waitForCount, type DemoDevice } from '../support/devices.js';
import { fuzzIngest } from '../support/fuzz.js';

let hub: TestHub;
let devices: DemoDevice[];
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

beforeAll(async () => {
  hub = await startTestHub();
  devices = await residentDevices(hub.dataDir, 2);
});
afterAll(async () => {
  await hub?.stop();
});

describe('ingest fuzzing (embedded)', () => {
  it('300 mixed good and bad messages: good ones stored exactly, bad ones dead-lettered exactly', async () => {
    await fuzzIngest(hub, devices[0]!, 300, seed);
  });

  it('poison messages do not stall ingest: a fractional battery, NUL characters', async () => {
    const d = devices[1]!;
    const c = await connectDevice(hub.mqttUrl, d);
    try {
      // Valid by the contract; the columns are smallint.
      await c.publishAsync(
        TOPIC(d.deviceId, 'status'),
        JSON.stringify({ online: true, battery: 87.5, signal: -70.4 }),
        { qos: 1 },
      );
      // PostgreSQL cannot store U+0000 in text or jsonb: refused up front instead of failing its write forever.
      await c.publishAsync(
        TOPIC(d.deviceId, 'events'),
        JSON.stringify({ eventId: 'nul-1', ts: Date.now(), type: 'sos', data: { note: 'a\u0000b' } }),
        { qos: 1 },
      );
      await c.publishAsync(
        TOPIC(d.deviceId, 'telemetry'),
        JSON.stringify({ ts: Date.now(), readings: { heartRate: 70, ['x\u0000']: 1 } }),
        { qos: 1 },
      );
      await c.publishAsync(
        TOPIC(d.deviceId, 'telemetry'),
        JSON.stringify({ ts: Date.now(), readings: { heartRate: 71 } }),
        { qos: 1 },
      );
      await waitForCount(
        hub,
        'SELECT count(*) AS n FROM readings WHERE device_id = $1 AND value = 71',
        [d.deviceId],
        1,
      );
      await waitForCount(
        hub,
        'SELECT count(*) AS n FROM device_status WHERE device_id = $1 AND battery = 88',
        [d.deviceId],
        1,
      );
      expect(
        await waitForCount(hub, 'SELECT count(*) AS n FROM dead_letters WHERE device_id = $1', [d.deviceId], 2),
      ).toBe(2);
      const reasons = await hub.database.pool.query('SELECT reason FROM dead_letters WHERE device_id = $1', [
        d.deviceId,
      ]);
      for (const r of reasons.rows) expect(r.reason).toMatch(/NUL/);
      await hub.flush();
      const dev = await hub.database.pool.query('SELECT battery, signal FROM devices WHERE id = $1', [d.deviceId]);
      expect(dev.rows[0]).toEqual({ battery: 88, signal: -70 });
      expect(
        await count(hub.database.pool, `SELECT count(*) AS n FROM readings WHERE device_id = $1 AND value = 70`, [
          d.deviceId,
        ]),
      ).toBe(0);
    } finally {
      await c.endAsync();
    }
  });
});
