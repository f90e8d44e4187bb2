/** The device contract: the documented examples pass, everything else is refused with a reason. */
import { describe, expect, it } from 'vitest';
import {
  MAX_PAYLOAD_BYTES,
  METRIC_NAMES,
  EVENT_TYPES,
  deviceEventSchema,
  deviceIdSchema,
  isPlausibleTs,
  deviceStatusSchema,
  parseTopic,
  schemaForKind,
  telemetrySchema,
  timestampSchema,
  topicFor,
} from './index.js';

const NOW = Date.now();
const HOUR = 3600_000;

describe('telemetry', () => {
  it('accepts the documented example (epoch ms)', () => {
    const r = telemetrySchema.safeParse({ ts: 1763856000000, readings: { heartRate: 72, spo2: 97 } });
    expect(r.success).toBe(true);
    expect(r.data).toEqual({ ts: 1763856000000, readings: { heartRate: 72, spo2: 97 } });
  });

  it('accepts an ISO-8601 time with offset and turns it into epoch ms', () => {
    const r = telemetrySchema.safeParse({ ts: '2025-11-23T08:00:00+08:00', readings: { temperature: 36.6 } });
    expect(r.success).toBe(true);
    expect(r.data!.ts).toBe(Date.parse('2025-11-23T00:00:00Z'));
    expect(telemetrySchema.safeParse({ ts: '2025-11-23T00:00:00Z', readings: { steps: 10 } }).success).toBe(true);
    expect(telemetrySchema.safeParse({ ts: '2025-11-23T00:00:00.123Z', readings: { steps: 10 } }).success).toBe(true);
  });

  it('accepts every known metric', () => {
    for (const m of METRIC_NAMES) {
      expect(telemetrySchema.safeParse({ ts: NOW, readings: { [m]: 1 } }).success, m).toBe(true);
    }
    const all = Object.fromEntries(METRIC_NAMES.map((m, i) => [m, i]));
    expect(telemetrySchema.safeParse({ ts: NOW, readings: all }).success).toBe(true);
  });

  it.each([
    ['a string reading', { ts: NOW, readings: { heartRate: '72' } }],
    ['a boolean reading', { ts: NOW, readings: { inBed: true } }],
    ['a null reading', { ts: NOW, readings: { heartRate: null } }],
    ['a nested reading', { ts: NOW, readings: { heartRate: { value: 72 } } }],
    ['an unknown metric', { ts: NOW, readings: { heartRate: 72, mood: 3 } }],
    ['only unknown metrics', { ts: NOW, readings: { glucose: 5.5 } }],
    ['empty readings', { ts: NOW, readings: {} }],
    ['readings as an array', { ts: NOW, readings: [72] }],
    ['missing readings', { ts: NOW }],
    ['missing ts', { readings: { heartRate: 72 } }],
    ['an extra key', { ts: NOW, readings: { heartRate: 72 }, deviceId: 'someone-else' }],
    [
      'an extra residentId',
      { ts: NOW, readings: { heartRate: 72 }, residentId: '00000000-0000-0000-0000-000000000000' },
    ],
    ['ts as a string of digits', { ts: '1763856000000', readings: { heartRate: 72 } }],
    ['fractional epoch ms', { ts: 1763856000000.5, readings: { heartRate: 72 } }],
    ['ts before 2000', { ts: Date.UTC(1999, 11, 31), readings: { heartRate: 72 } }],
    ['ts in seconds (1970)', { ts: 1763856000, readings: { heartRate: 72 } }],
    ['ts two days ahead', { ts: NOW + 48 * HOUR, readings: { heartRate: 72 } }],
    ['ISO ts without offset', { ts: '2025-11-23T08:00:00', readings: { heartRate: 72 } }],
    ['a date-only ts', { ts: '2025-11-23', readings: { heartRate: 72 } }],
    ['garbage ts', { ts: 'yesterday', readings: { heartRate: 72 } }],
    ['a negative ts', { ts: -1, readings: { heartRate: 72 } }],
    ['an array body', [{ ts: NOW, readings: { heartRate: 72 } }]],
    ['null', null],
    ['a number', 42],
  ])('refuses %s', (_name, body) => {
    expect(telemetrySchema.safeParse(body).success).toBe(false);
  });

  it('refuses non-finite numbers', () => {
    expect(telemetrySchema.safeParse({ ts: NOW, readings: { heartRate: Infinity } }).success).toBe(false);
    expect(telemetrySchema.safeParse({ ts: NOW, readings: { heartRate: NaN } }).success).toBe(false);
  });

  it('accepts a ts up to a day ahead (device clocks drift)', () => {
    expect(telemetrySchema.safeParse({ ts: NOW + 23 * HOUR, readings: { heartRate: 72 } }).success).toBe(true);
  });

  it('names the bad field in the error', () => {
    const r = telemetrySchema.safeParse({ ts: NOW, readings: { heartRate: 72, mood: 3 } });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error!.issues)).toContain('mood');
    const empty = telemetrySchema.safeParse({ ts: NOW, readings: {} });
    expect(empty.error!.issues.map((i) => i.message).join()).toMatch(/must not be empty/);
    const old = telemetrySchema.safeParse({ ts: 5, readings: { heartRate: 1 } });
    expect(old.error!.issues.map((i) => i.message).join()).toMatch(/out of range/);
  });
});

describe('timestamp', () => {
  it('bounds are 2000-01-01 .. now + 24 h', () => {
    expect(timestampSchema.safeParse(Date.UTC(2000, 0, 1)).success).toBe(true);
    expect(timestampSchema.safeParse(Date.UTC(2000, 0, 1) - 1).success).toBe(false);
    expect(timestampSchema.safeParse('2000-01-01T00:00:00Z').success).toBe(true);
    expect(timestampSchema.safeParse('1999-12-31T23:59:59Z').success).toBe(false);
    expect(timestampSchema.safeParse(new Date(NOW + 25 * HOUR).toISOString()).success).toBe(false);
  });
});

describe('event time', () => {
  it('never refuses an alarm for its device clock: 1970, or days ahead, is kept as data', () => {
    for (const ts of [0, Date.UTC(1999, 0, 1), NOW + 72 * HOUR, '1970-01-01T00:00:00Z']) {
      const r = deviceEventSchema.safeParse({ eventId: 'e1', ts, type: 'sos' });
      expect(r.success).toBe(true);
    }
    expect(isPlausibleTs(0, NOW)).toBe(false);
    expect(isPlausibleTs(NOW + 25 * HOUR, NOW)).toBe(false);
    expect(isPlausibleTs(NOW - HOUR, NOW)).toBe(true);
  });

  it('still refuses what is not a time', () => {
    for (const ts of ['yesterday', 1.5, '2025-13-45T00:00:00Z'])
      expect(deviceEventSchema.safeParse({ eventId: 'e1', ts, type: 'sos' }).success).toBe(false);
  });
});

describe('events', () => {
  const base = { eventId: 'evt-0001', ts: 1763856000000, type: 'sos' };

  it('accepts the documented example and every event type', () => {
    expect(deviceEventSchema.safeParse(base).success).toBe(true);
    for (const type of EVENT_TYPES) expect(deviceEventSchema.safeParse({ ...base, type }).success, type).toBe(true);
    for (const type of [
      'sos',
      'fall',
      'smoke',
      'gas',
      'water_leak',
      'bed_exit',
      'door_open',
      'geofence_exit',
      'cancel',
    ]) {
      expect(EVENT_TYPES).toContain(type);
    }
  });

  it('accepts the optional fields', () => {
    const r = deviceEventSchema.safeParse({
      ...base,
      ts: '2025-11-23T08:00:00+08:00',
      type: 'cancel',
      cancels: 'evt-0000',
      location: { lat: 30.26, lon: 120.19 },
      data: { confidence: 0.93, source: 'button', test: false },
    });
    expect(r.success).toBe(true);
    expect(r.data!.ts).toBe(Date.parse('2025-11-23T00:00:00Z'));
  });

  it.each([
    ['a missing eventId', { ts: NOW, type: 'sos' }],
    ['an empty eventId', { ...base, eventId: '' }],
    ['a numeric eventId', { ...base, eventId: 12 }],
    ['an eventId over 128 chars', { ...base, eventId: 'x'.repeat(129) }],
    ['an unknown type', { ...base, type: 'explosion' }],
    ['a missing type', { eventId: 'e', ts: NOW }],
    ['a missing ts', { eventId: 'e', type: 'sos' }],
    ['an extra key', { ...base, residentId: 'r' }],
    ['latitude out of range', { ...base, location: { lat: 91, lon: 0 } }],
    ['an extra location key', { ...base, location: { lat: 1, lon: 1, alt: 3 } }],
    ['nested data', { ...base, data: { deep: { x: 1 } } }],
    ['long data strings', { ...base, data: { note: 'x'.repeat(257) } }],
    ['a ts that is not a time', { ...base, ts: 'yesterday' }],
  ])('refuses %s', (_n, body) => {
    expect(deviceEventSchema.safeParse(body).success).toBe(false);
  });
});

describe('status', () => {
  it('accepts a full and a minimal status', () => {
    expect(
      deviceStatusSchema.safeParse({ ts: NOW, online: true, battery: 87, signal: -71, firmware: '1.4.2' }).success,
    ).toBe(true);
    expect(deviceStatusSchema.safeParse({ online: false }).success).toBe(true);
    expect(deviceStatusSchema.safeParse({ ts: '2025-11-23T00:00:00Z', online: true, battery: 0 }).success).toBe(true);
  });

  it.each([
    ['missing online', { battery: 50 }],
    ['online as a string', { online: 'true' }],
    ['battery over 100', { online: true, battery: 101 }],
    ['negative battery', { online: true, battery: -1 }],
    ['positive signal', { online: true, signal: 5 }],
    ['long firmware', { online: true, firmware: 'v'.repeat(65) }],
    ['an extra key', { online: true, ip: '10.0.0.1' }],
    ['an out-of-range ts', { online: true, ts: NOW + 3 * 24 * HOUR }],
  ])('refuses %s', (_n, body) => {
    expect(deviceStatusSchema.safeParse(body).success).toBe(false);
  });
});

describe('topics', () => {
  it('round-trips topicFor / parseTopic for every kind', () => {
    for (const kind of ['telemetry', 'events', 'status'] as const) {
      expect(parseTopic(topicFor('watch-01', kind))).toEqual({ deviceId: 'watch-01', kind });
    }
    expect(topicFor('watch-01', 'commands')).toBe('eldercare/v1/devices/watch-01/commands');
    expect(parseTopic('eldercare/v1/devices/a.b_c:d-1/telemetry')).toEqual({
      deviceId: 'a.b_c:d-1',
      kind: 'telemetry',
    });
  });

  it.each([
    'eldercare/v1/devices/watch-01/commands', // hub → device only
    'eldercare/v1/devices/watch-01/unknown',
    'eldercare/v2/devices/watch-01/telemetry',
    'eldercare/v1/device/watch-01/telemetry',
    'other/v1/devices/watch-01/telemetry',
    'eldercare/v1/devices/watch-01/telemetry/extra',
    'eldercare/v1/devices//telemetry',
    'eldercare/v1/devices/ab/telemetry', // too short
    `eldercare/v1/devices/${'a'.repeat(65)}/telemetry`, // too long
    'eldercare/v1/devices/-lead/telemetry',
    'eldercare/v1/devices/has space/telemetry',
    'eldercare/v1/devices/+/telemetry',
    'eldercare/v1/devices/#/telemetry',
    'eldercare/v1/devices/设备一号/telemetry',
    '',
  ])('refuses topic %j', (topic) => {
    expect(parseTopic(topic)).toBeNull();
  });

  it('device ids: 3-64 of the allowed characters', () => {
    expect(deviceIdSchema.safeParse('abc').success).toBe(true);
    expect(deviceIdSchema.safeParse('a'.repeat(64)).success).toBe(true);
    expect(deviceIdSchema.safeParse('a'.repeat(65)).success).toBe(false);
    expect(deviceIdSchema.safeParse('a/b').success).toBe(false);
  });

  it('maps each kind to its schema and caps payloads at 16 KiB', () => {
    expect(schemaForKind.telemetry).toBe(telemetrySchema);
    expect(schemaForKind.events).toBe(deviceEventSchema);
    expect(schemaForKind.status).toBe(deviceStatusSchema);
    expect(MAX_PAYLOAD_BYTES).toBe(16 * 1024);
  });
});
