/**
 * Load for the crash and takeover tests: QoS 1 alarms (sos, every third a fall) round-robin over
 * many devices — at most 6 per device, below the storm limit — plus a stream of QoS 1 telemetry.
 * Only what the broker acknowledged counts as sent: from its PUBACK on, it must never be lost.
 */
import type { MqttClient } from 'mqtt';
import type pg from 'pg';
import { expect } from 'vitest';
import { TOPIC, count, newEventId, type DemoDevice } from './devices.js';
import { eventually } from './hub.js';

export interface SentAlarm {
  deviceId: string;
  eventId: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function startAlarmLoad(client: MqttClient, devices: DemoDevice[], o: { heartRateTs0?: number } = {}) {
  const sent: SentAlarm[] = [];
  const perDevice = new Map<string, number>();
  let stop = false;
  let telemetry = 0;
  let telemetryAcked = 0;
  let i = 0;
  const ts0 = o.heartRateTs0 ?? Date.now() - 7200_000;
  const alarms = (async () => {
    while (!stop) {
      const d = devices[i++ % devices.length]!;
      const n = perDevice.get(d.deviceId) ?? 0;
      if (n >= 6) break;
      perDevice.set(d.deviceId, n + 1);
      const eventId = newEventId('kill');
      await client.publishAsync(
        TOPIC(d.deviceId, 'events'),
        JSON.stringify({ eventId, ts: Date.now(), type: i % 3 === 0 ? 'fall' : 'sos' }),
        { qos: 1 },
      );
      sent.push({ deviceId: d.deviceId, eventId });
      await sleep(25);
    }
  })();
  const tele = (async () => {
    while (!stop) {
      for (let k = 0; k < 20; k++) {
        const d = devices[(telemetry + k) % devices.length]!;
        client.publish(
          TOPIC(d.deviceId, 'telemetry'),
          JSON.stringify({ ts: ts0 + telemetry, readings: { heartRate: 70 } }),
          { qos: 1 },
          (err) => {
            if (!err) telemetryAcked++;
          },
        );
        telemetry++;
      }
      await sleep(20);
    }
  })();
  return {
    sent,
    /** Telemetry messages the broker acknowledged (each a distinct heartRate reading at ts0 + n). */
    telemetryAcked: () => telemetryAcked,
    async stop() {
      stop = true;
      await Promise.all([alarms, tele]);
    },
  };
}

/** Every acknowledged alarm ends up as exactly one incident signal and one stored event. */
export async function expectExactlyOnce(pool: pg.Pool, sent: SentAlarm[]): Promise<void> {
  const ids = sent.map((s) => `${s.deviceId}|${s.eventId}`);
  const signals = await eventually(
    async () => {
      const r = await pool.query<{ k: string; n: number }>(
        `SELECT device_id || '|' || event_id AS k, count(*)::int AS n FROM alert_signals
          WHERE device_id || '|' || event_id = ANY($1::text[]) GROUP BY 1`,
        [ids],
      );
      return r.rows.length === ids.length && r.rows;
    },
    60_000,
    250,
  );
  expect(signals.filter((r) => r.n !== 1)).toEqual([]);
  expect(
    await count(pool, `SELECT count(*) AS n FROM device_events WHERE device_id || '|' || event_id = ANY($1::text[])`, [
      ids,
    ]),
  ).toBe(ids.length);
}
