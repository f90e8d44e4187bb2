/**
 * The demo district's recent past, so every chart and report has something true to show on first
 * start: 30 days of handled incidents (each with its signal, every step of its audit trail and the
 * times those steps took, a few acknowledged late) and vitals (every two hours) of the elders who wear a watch.
 * Deterministic (seeded) and relative to the hub's clock. Written once, when the demo district is
 * created (DEMO_HISTORY=false leaves it out); live data then comes from the demo simulation.
 */
import type { Pool } from 'pg';
import type { AlertPlace } from '@eldercare/shared';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';

interface Device {
  deviceId: string;
  type: string;
  residentId: string | null;
}

const DAY = 86_400_000;
const SEC = 1000;

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What an alarm of a device type becomes. */
const KIND: Record<string, { kind: string; severity: string; priority: number; queue: string }> = {
  sos_pendant: { kind: 'sos', severity: 'critical', priority: 100, queue: 'emergency' },
  pull_cord: { kind: 'sos', severity: 'critical', priority: 100, queue: 'emergency' },
  fall_detector: { kind: 'fall', severity: 'critical', priority: 95, queue: 'emergency' },
  smoke_sensor: { kind: 'smoke', severity: 'critical', priority: 100, queue: 'emergency' },
  door_sensor: { kind: 'night_door_open', severity: 'high', priority: 70, queue: 'emergency' },
  smartwatch: { kind: 'low_battery', severity: 'low', priority: 20, queue: 'device_health' },
};
const OUTCOMES = ['helped_at_home', 'helped_at_home', 'false_alarm', 'no_action_needed', 'taken_to_hospital'];

export async function seedDemoHistory(
  s: {
    pool: Pool;
    timescale: boolean;
    /** Institution, floor, room and bed of a resident's alarm (null at home), as the alarm path records it. */
    placeOf(residentId: string, institutionId: string): Promise<AlertPlace | null>;
  },
  tenantId: string,
  devices: Device[],
  clock: Clock,
  log: Logger,
): Promise<void> {
  const r = rng(20261207);
  const now = clock.now();
  const users = await s.pool.query<{ id: string; role: string; institution_id: string | null }>(
    `SELECT id, role, institution_id FROM users WHERE tenant_id = $1`,
    [tenantId],
  );
  const handlers = users.rows.filter((u) => u.role === 'dispatcher' || u.role === 'supervisor').map((u) => u.id);
  const residents = await s.pool.query<{ id: string; institution_id: string | null; name: string }>(
    `SELECT id, institution_id, name FROM residents WHERE tenant_id = $1`,
    [tenantId],
  );
  const instOf = new Map(residents.rows.map((x) => [x.id, x.institution_id]));
  const alarmDevices = devices.filter((d) => KIND[d.type] && d.residentId);
  if (!alarmDevices.length || !handlers.length) return;

  // Places first: the transaction below holds the embedded database's one session.
  const places = new Map<string, AlertPlace | null>();
  for (const d of alarmDevices) {
    const inst = instOf.get(d.residentId!);
    if (inst && !places.has(d.residentId!)) places.set(d.residentId!, await s.placeOf(d.residentId!, inst));
  }

  const client = await s.pool.connect();
  let incidents = 0;
  try {
    await client.query('BEGIN');
    for (let day = 30; day >= 1; day--) {
      const n = 2 + Math.floor(r() * 5);
      for (let k = 0; k < n; k++) {
        const d = alarmDevices[Math.floor(r() * alarmDevices.length)]!;
        const spec = KIND[d.type]!;
        const created = now - day * DAY + Math.floor(r() * DAY * 0.95);
        // Most are acknowledged within a minute, some within three, a few later (the SLA exceptions).
        const p = r();
        const ackS =
          p < 0.96 ? 8 + Math.floor(r() * 50) : p < 0.99 ? 60 + Math.floor(r() * 110) : 190 + Math.floor(r() * 300);
        const handler = handlers[Math.floor(r() * handlers.length)]!;
        const at = (s2: number) => new Date(created + s2 * SEC);
        const contactS = ackS + 20 + Math.floor(r() * 90);
        const dispatched = spec.queue === 'emergency' && r() < 0.45;
        const dispatchS = contactS + 30 + Math.floor(r() * 60);
        const onSceneS = dispatchS + 300 + Math.floor(r() * 900);
        const closeS = (dispatched ? onSceneS : contactS) + 120 + Math.floor(r() * 900);
        const outcome =
          spec.queue === 'device_health'
            ? 'device_fixed'
            : dispatched
              ? OUTCOMES[Math.floor(r() * OUTCOMES.length)]!
              : r() < 0.5
                ? 'false_alarm'
                : 'no_action_needed';
        const institutionId = instOf.get(d.residentId!) ?? null;
        const place = places.get(d.residentId!) ?? null;
        const responder = dispatched ? { name: '社区网格员', phone: '0571-12345', kind: 'community_worker' } : null;
        const alert = await client.query<{ id: string }>(
          `INSERT INTO alerts (tenant_id, resident_id, institution_id, device_id, subject_key, queue, kind, kinds, severity,
             priority, status, created_at, occurred_at, opened_at, acknowledged_at, acknowledged_by, contact_at,
             dispatched_at, accepted_at, on_scene_at, closed_at, outcome, responder, place, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, ARRAY[$7], $8, $9, 'resolved', $10, $10, $10, $11, $12, $13,
             $14, $14, $15, $16, $17, $18, $19, $16) RETURNING id`,
          [
            tenantId,
            d.residentId,
            institutionId,
            d.deviceId,
            spec.queue === 'device_health' ? `device:${d.deviceId}` : `resident:${d.residentId}`,
            spec.queue,
            spec.kind,
            spec.severity,
            spec.priority,
            at(0),
            at(ackS),
            handler,
            at(contactS),
            dispatched ? at(dispatchS) : null,
            dispatched ? at(onSceneS) : null,
            at(closeS),
            outcome,
            responder ? JSON.stringify(responder) : null,
            place ? JSON.stringify(place) : null,
          ],
        );
        const id = alert.rows[0]!.id;
        await client.query(
          `INSERT INTO alert_signals (alert_id, ts, received_at, device_id, type, detail) VALUES ($1, $2, $2, $3, $4, '{}')`,
          [id, at(0), d.deviceId, spec.kind],
        );
        const steps: [number, string, string, Record<string, unknown>][] = [
          [ackS, handler, 'acknowledged', { secondsToAck: ackS }],
          [contactS, handler, 'contact_made', {}],
          ...(dispatched
            ? ([
                [dispatchS, handler, 'dispatched', { responder }],
                [dispatchS, handler, 'responder_accepted', { responder }],
                [onSceneS, handler, 'on_scene', {}],
              ] as [number, string, string, Record<string, unknown>][])
            : []),
          [closeS, handler, 'resolved', { outcome }],
        ];
        for (const [s2, actor, action, data] of steps)
          await client.query(
            `INSERT INTO alert_actions (alert_id, at, actor_id, action, data) VALUES ($1, $2, $3, $4, $5)`,
            [id, at(s2), actor, action, JSON.stringify(data)],
          );
        incidents++;
      }
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }

  // Vitals of the elders who wear a watch, every two hours (blood pressure every six): a daily rhythm
  // around each one's own baseline. Generated in time order and written in small statements that
  // each touch one time chunk, so the embedded database serves the alarm path between them.
  const watches = devices
    .filter((d) => d.type === 'smartwatch' && d.residentId)
    .map((w) => ({
      ...w,
      hr: 64 + Math.floor(r() * 16),
      sys: 118 + Math.floor(r() * 28),
      spo2: 95 + Math.floor(r() * 3),
    }));
  const rows: { d: string; res: string; t: Date; m: string; v: number }[] = [];
  for (let h = 30 * 24; h >= 2; h -= 2) {
    const t = new Date(now - h * 3600_000);
    const local = (t.getUTCHours() + 8) % 24; // the district's local hour (Asia/Shanghai)
    const awake = local >= 7 && local < 22 ? 1 : 0;
    for (const w of watches) {
      const add = (m: string, v: number) =>
        rows.push({ d: w.deviceId, res: w.residentId!, t, m, v: Math.round(v * 10) / 10 });
      add('heartRate', w.hr + awake * 8 + (r() - 0.5) * 10);
      add('spo2', Math.min(100, w.spo2 + (r() - 0.5) * 2));
      if (h % 6 === 0) {
        add('systolic', w.sys + awake * 6 + (r() - 0.5) * 14);
        add('diastolic', w.sys * 0.62 + (r() - 0.5) * 8);
      }
    }
  }
  for (let i = 0; i < rows.length; i += 200) {
    const b = rows.slice(i, i + 200);
    await s.pool.query(
      `INSERT INTO readings (ts, device_id, resident_id, metric, value)
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::uuid[], $4::text[], $5::float8[])`,
      [b.map((x) => x.t), b.map((x) => x.d), b.map((x) => x.res), b.map((x) => x.m), b.map((x) => x.v)],
    );
  }
  const readings = rows.length;
  if (s.timescale) {
    // Refreshed a few days at a time (short statements), so the charts read the history at once.
    for (const view of ['vitals_hourly', 'vitals_daily'])
      for (let from = 32; from > 0; from -= 2)
        await s.pool
          .query(
            `CALL refresh_continuous_aggregate('${view}', now() - interval '${from} days', now() - interval '${from - 2} days')`,
          )
          .catch((err: Error) => log.debug({ err, view }, 'aggregate refresh after the demo history failed'));
  }
  log.info({ incidents, readings }, 'demo history loaded (30 days)');
}
