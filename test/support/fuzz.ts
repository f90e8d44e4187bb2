/**
 * fast-check generators for device messages: good telemetry, and every kind of bad payload a
 * device (or an attacker) might send. Shared by the embedded and real-server fuzz tests.
 */
import fc from 'fast-check';
import { MAX_PAYLOAD_BYTES, METRIC_NAMES, schemaForKind, type MessageKind } from '@eldercare/shared';

export interface FuzzMessage {
  good: boolean;
  kind: MessageKind;
  payload: Buffer;
  /** For good telemetry: the rows it must produce, as `ts|metric|value`. */
  rows: string[];
  /** For bad messages: how the hub must describe the refusal. */
  reason: 'payload too large' | 'bad JSON' | 'NUL character' | `invalid ${MessageKind}`;
}

const KINDS = ['telemetry', 'events', 'status'] as const;
const metric = fc.constantFrom(...METRIC_NAMES);
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const nowish = () => Date.now() - 3600_000;

export const rowKey = (ts: number | Date, m: string, v: number) => `${new Date(ts).getTime()}|${m}|${v === 0 ? 0 : v}`;

/** Good telemetry; `ts` is filled in by `messages` so that every good message has its own time. */
const goodTelemetry = fc.dictionary(metric, finite, { minKeys: 1, maxKeys: 5 });

const sqlish = fc.constantFrom(
  "'; DROP TABLE readings; --",
  '1; DELETE FROM devices',
  "' OR '1'='1",
  'heartRate"); TRUNCATE dead_letters; --',
  '$$; SELECT pg_sleep(10); $$',
  '\\x00\\x27',
  '%s%s%s%n',
  '../../etc/passwd',
  '<script>alert(1)</script>',
);
const weirdText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('心率', '💓🫀', 'שלום', 'e\u0301', '\u202e', '\ud800', '\uffff', '\u0000', 'ａｂｃ', ' '),
  sqlish,
);
/** A key that is not a metric name. */
const notMetric = fc
  .oneof(weirdText, fc.string({ maxLength: 30 }))
  .filter((k) => !(METRIC_NAMES as string[]).includes(k));
const wrongValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
  sqlish,
);
const ts = fc.oneof(
  fc.integer({ min: 0, max: Date.UTC(1999, 11, 31) }), // before 2000
  fc.integer({ min: Date.now() + 3 * 86400_000, max: 8.64e15 }), // far future
  fc.constantFrom('yesterday', '2025-13-45T00:00:00Z', '2025-11-23 08:00', '', 'NaN', '1763856000000'),
  fc.double({ min: 1e12, max: 2e12, noInteger: true }),
  fc.constant(true),
);

const json = (v: unknown) => Buffer.from(JSON.stringify(v));

/** Raw bad payloads with the kind they are sent as. */
const badRaw: fc.Arbitrary<{ kind: MessageKind; payload: Buffer }> = fc.oneof(
  // malformed JSON
  fc
    .tuple(
      fc.constantFrom(...KINDS),
      fc.string({ maxLength: 200 }),
      fc.constantFrom('{"ts":', '{', '[', '"', '{"readings":{"heartRate":', ''),
    )
    .map(([kind, s, prefix]) => ({ kind, payload: Buffer.from(prefix + s) })),
  fc
    .constantFrom(...KINDS)
    .map((kind) => ({ kind, payload: Buffer.from(`{"ts": ${Date.now()}, "readings": {"heartRate": 72}`) })),
  fc.constantFrom(...KINDS).map((kind) => ({ kind, payload: Buffer.from("{'ts': 1, 'readings': {}}") })),
  fc.constantFrom(...KINDS).map((kind) => ({ kind, payload: Buffer.alloc(0) })),
  fc
    .uint8Array({ minLength: 1, maxLength: 64 })
    .map((b) => ({ kind: 'telemetry' as const, payload: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b)]) })),
  // wrong types
  fc
    .tuple(metric, wrongValue)
    .map(([m, v]) => ({ kind: 'telemetry' as const, payload: json({ ts: nowish(), readings: { [m]: v } }) })),
  ts.map((t) => ({ kind: 'telemetry' as const, payload: json({ ts: t, readings: { heartRate: 70 } }) })),
  fc.constantFrom(null, 42, 'text', [], [1, 2], true).map((v) => ({ kind: 'telemetry' as const, payload: json(v) })),
  fc
    .constantFrom({}, { readings: { heartRate: 1 } }, { ts: Date.now() }, { ts: Date.now(), readings: {} })
    .map((v) => ({ kind: 'telemetry' as const, payload: json(v) })),
  fc.constantFrom('1e400', '-1e999').map((n) => ({
    kind: 'telemetry' as const,
    payload: Buffer.from(`{"ts":${nowish()},"readings":{"heartRate":${n}}}`),
  })),
  // unknown metrics, extra keys (a device must not name its resident or tenant)
  fc.tuple(notMetric, finite).map(([k, v]) => ({
    kind: 'telemetry' as const,
    payload: json({ ts: nowish(), readings: { heartRate: 70, [k]: v } }),
  })),
  fc
    .tuple(fc.constantFrom('deviceId', 'residentId', 'tenantId', 'extra'), fc.jsonValue({ maxDepth: 2 }))
    .map(([k, v]) => ({
      kind: 'telemetry' as const,
      payload: json({ ts: nowish(), readings: { heartRate: 70 }, [k]: v }),
    })),
  fc.constant({
    kind: 'telemetry' as const,
    payload: Buffer.from(`{"ts":${nowish()},"readings":{"heartRate":70},"__proto__":{"admin":true}}`),
  }),
  fc.constant({
    kind: 'telemetry' as const,
    payload: Buffer.from(`{"ts":${nowish()},"readings":{"__proto__":{"heartRate":1}}}`),
  }),
  // SQL-looking and unicode strings where strings are not allowed, or as unknown enum values
  fc
    .tuple(sqlish, fc.constantFrom(...KINDS))
    .map(([s, kind]) => ({ kind, payload: json({ ts: s, readings: { [s]: s }, eventId: s, type: s, online: s }) })),
  fc
    .tuple(weirdText)
    .map(([s]) => ({ kind: 'events' as const, payload: json({ eventId: 'e-1', ts: Date.now(), type: s }) })),
  weirdText.map((s) => ({
    kind: 'telemetry' as const,
    payload: json({ ts: nowish(), readings: { [s + '\u0000']: 1 } }),
  })),
  // huge strings (under the size limit) and over the limit
  fc
    .integer({ min: 65, max: 15_000 })
    .map((n) => ({ kind: 'status' as const, payload: json({ online: true, firmware: 'v'.repeat(n) }) })),
  fc.integer({ min: 129, max: 15_000 }).map((n) => ({
    kind: 'events' as const,
    payload: json({ eventId: 'é'.repeat(n / 2), ts: Date.now(), type: 'sos' }),
  })),
  fc
    .tuple(fc.constantFrom(...KINDS), fc.integer({ min: MAX_PAYLOAD_BYTES + 1 - 60, max: 100_000 }))
    .map(([kind, n]) => ({
      kind,
      payload: json({ ts: nowish(), readings: { heartRate: 70 }, pad: 'x'.repeat(n) }),
    })),
  fc
    .integer({ min: MAX_PAYLOAD_BYTES + 1, max: 64 * 1024 })
    .map((n) => ({ kind: 'telemetry' as const, payload: Buffer.alloc(n, 0x7b) })),
  // deep nesting
  fc
    .integer({ min: 50, max: 8_000 })
    .map((n) => ({ kind: 'telemetry' as const, payload: Buffer.from('['.repeat(n) + ']'.repeat(n)) })),
  fc.integer({ min: 20, max: 2_000 }).map((n) => ({
    kind: 'telemetry' as const,
    payload: Buffer.from(`{"ts":${nowish()},"readings":{"heartRate":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}}`),
  })),
  fc.integer({ min: 20, max: 2_000 }).map((n) => ({
    kind: 'events' as const,
    payload: Buffer.from(
      `{"eventId":"deep","ts":${Date.now()},"type":"sos","data":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`,
    ),
  })),
  // bad events and statuses
  fc
    .constantFrom(
      { eventId: '', ts: Date.now(), type: 'sos' },
      { eventId: 'x', ts: Date.now(), type: 'explosion' },
      { eventId: 7, ts: Date.now(), type: 'fall' },
      { eventId: 'x', ts: Date.now(), type: 'sos', location: { lat: 120, lon: 30 } },
      { eventId: 'x', ts: Date.now(), type: 'sos', data: { nested: { no: 1 } } },
      { eventId: 'nul\u0000', ts: Date.now(), type: 'sos' },
      { eventId: 'x', ts: Date.now(), type: 'sos', data: { note: 'a\u0000b' } },
    )
    .map((v) => ({ kind: 'events' as const, payload: json(v) })),
  fc
    .constantFrom(
      { online: 'yes' },
      { online: true, battery: 101 },
      { online: true, battery: -5 },
      { online: true, signal: 10 },
      { battery: 50 },
      { online: true, firmware: 'v1\u0000' },
    )
    .map((v) => ({ kind: 'status' as const, payload: json(v) })),
  // a good telemetry body on the wrong topic
  goodTelemetry.map((r) => ({ kind: 'status' as const, payload: json({ ts: nowish(), readings: r }) })),
);

/** The reason the hub must give for a bad payload (mirrors the documented ingest order). */
export function expectedReason(kind: MessageKind, payload: Buffer): FuzzMessage['reason'] | null {
  if (payload.length > MAX_PAYLOAD_BYTES) return 'payload too large';
  const text = payload.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'bad JSON';
  }
  if (text.includes('\\u0000')) return 'NUL character';
  return schemaForKind[kind].safeParse(parsed).success ? null : `invalid ${kind}`;
}

/** `n` messages, about a third good telemetry, the rest bad, shuffled together. */
export function messages(n: number): fc.Arbitrary<FuzzMessage[]> {
  const bad = badRaw
    .map(({ kind, payload }) => ({ kind, payload, reason: expectedReason(kind, payload) }))
    .filter((m) => m.reason !== null) // a generator that happened to produce a valid message
    .map((m) => ({ ...m, good: false, rows: [] }) as FuzzMessage);
  const good = goodTelemetry.map((readings) => ({ good: true, kind: 'telemetry' as const, readings }));
  return fc
    .array(fc.oneof({ arbitrary: good, weight: 1 }, { arbitrary: bad, weight: 2 }), { minLength: n, maxLength: n })
    .map((list) => {
      const base = Date.now() - 2 * 3600_000;
      return list.map((m, i): FuzzMessage => {
        if (!('readings' in m)) return m;
        const t = base + i * 1000; // every good message has its own time
        return {
          good: true,
          kind: 'telemetry',
          payload: json({ ts: t, readings: m.readings }),
          rows: Object.entries(m.readings).map(([k, v]) => rowKey(t, k, v)),
          reason: 'invalid telemetry',
        };
      });
    });
}

import { expect } from 'vitest';
import type pg from 'pg';
import { TOPIC, connectDevice, count, type DemoDevice } from './devices.js';

interface FuzzHub {
  base: string;
  mqttUrl: string;
  flush(): Promise<void>;
  database: { pool: pg.Pool };
}

/**
 * Publishes `n` generated messages from one real device (QoS 1, in order), then checks that the
 * hub is healthy, every good reading is stored exactly once and every bad message is
 * dead-lettered exactly once with the expected reason. Counts are relative to what the device had.
 */
export async function fuzzIngest(hub: FuzzHub, device: DemoDevice, n: number, seed?: number): Promise<void> {
  const pool = hub.database.pool;
  await fc.assert(
    fc.asyncProperty(messages(n), async (msgs) => {
      await hub.flush();
      const readingsBefore = await count(pool, 'SELECT count(*) AS n FROM readings WHERE device_id = $1', [
        device.deviceId,
      ]);
      const deadBefore = await pool.query<{ id: number }>('SELECT coalesce(max(id), 0) AS id FROM dead_letters');
      const fromId = Number(deadBefore.rows[0]!.id);
      const client = await connectDevice(hub.mqttUrl, device);
      try {
        for (const m of msgs) await client.publishAsync(TOPIC(device.deviceId, m.kind), m.payload, { qos: 1 });
        // A good marker last: the hub handles one connection's messages in order.
        const marker = Date.now() - 1234;
        await client.publishAsync(
          TOPIC(device.deviceId, 'telemetry'),
          JSON.stringify({ ts: marker, readings: { steps: 424242 } }),
          { qos: 1 },
        );
        const good = msgs.filter((m) => m.good);
        const bad = msgs.filter((m) => !m.good);
        const expectedRows = good.flatMap((m) => m.rows).sort();
        const deadline = Date.now() + 30_000;
        for (;;) {
          await hub.flush();
          const have = await count(
            pool,
            `SELECT count(*) AS n FROM readings WHERE device_id = $1 AND metric = 'steps' AND value = 424242 AND ts = $2`,
            [device.deviceId, new Date(marker)],
          );
          if (have > 0) break;
          if (Date.now() > deadline) throw new Error('the marker never arrived: ingest stalled');
          await new Promise((r) => setTimeout(r, 100));
        }
        await hub.flush();

        const health = await fetch(`${hub.base}/healthz`);
        expect(health.status).toBe(200);

        const rows = await pool.query<{ ts: Date; metric: string; value: number }>(
          `SELECT ts, metric, value FROM readings WHERE device_id = $1 AND NOT (metric = 'steps' AND value = 424242)`,
          [device.deviceId],
        );
        expect(readingsBefore + expectedRows.length + 1).toBe(
          await count(pool, 'SELECT count(*) AS n FROM readings WHERE device_id = $1', [device.deviceId]),
        );
        const stored = rows.rows.map((r) => rowKey(r.ts, r.metric, r.value));
        const ours = new Set(expectedRows);
        expect(stored.filter((k) => ours.has(k)).sort()).toEqual(expectedRows);

        const dead = await pool.query<{ device_id: string; topic: string; reason: string }>(
          // Only this device's: on a shared broker other devices' traffic is dead-lettered too.
          'SELECT device_id, topic, reason FROM dead_letters WHERE id > $1 AND device_id = $2 ORDER BY id',
          [fromId, device.deviceId],
        );
        expect(dead.rows.length).toBe(bad.length);
        for (const d of dead.rows) {
          expect(d.device_id).toBe(device.deviceId);
          expect(d.reason.length).toBeGreaterThan(0);
        }
        // Same refusals, same reasons (the writer keeps order within a table).
        const tally = (xs: string[]) =>
          xs.reduce<Record<string, number>>((acc, r) => ((acc[r] = (acc[r] ?? 0) + 1), acc), {});
        const category = (reason: string) =>
          reason.startsWith('invalid ') ? reason.split(':')[0]! : reason.replace(/ \(.*$/, '');
        expect(tally(dead.rows.map((d) => `${d.topic.split('/').pop()}: ${category(d.reason)}`))).toEqual(
          tally(bad.map((m) => `${m.kind}: ${m.reason}`)),
        );

        const metrics = await fetch(`${hub.base}/metrics`).then((r) => r.text());
        expect(metrics).not.toMatch(/^hub_db_errors_total\{[^}]*\} [1-9]/m);
      } finally {
        await client.endAsync(true);
      }
    }),
    {
      numRuns: 1,
      endOnFailure: true,
      ...(seed !== undefined ? { seed } : {}),
      // The counterexample holds payloads of up to 100 KB: report the seed and the cause, not the bytes.
      reporter: (details) => {
        if (!details.failed) return;
        const cause =
          details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        throw new Error(`fuzz failed (reproduce with FUZZ_SEED=${details.seed}): ${cause.slice(0, 2000)}`);
      },
    },
  );
}
