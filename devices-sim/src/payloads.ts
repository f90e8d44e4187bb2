/**
 * The messages a simulated device publishes, built to the shared device contract
 * (@eldercare/shared contract.ts), plus the deliberately broken ones of the bad-payload storm.
 */
import {
  MAX_PAYLOAD_BYTES,
  type DeviceEventInput,
  type DeviceStatusInput,
  type EventType,
  type Metric,
  type TelemetryInput,
} from '@eldercare/shared';
import type { DeviceSpec } from './fleet.js';
import type { Rng } from './rng.js';
import {
  activityLevel,
  bloodPressure,
  bodyTemperature,
  gpsPosition,
  heartRate,
  isInBed,
  motionCount,
  respirationRate,
  roomClimate,
  signalStrength,
  spo2,
  steps,
  type Profile,
} from './signals.js';

/** A person used for devices not worn by anyone (room and building sensors). */
export const DEFAULT_PROFILE: Profile = {
  age: 82,
  restingHr: 70,
  bedtime: 21.5,
  wakeTime: 6,
  naps: true,
  systolic: 130,
  diastolic: 80,
  copd: false,
  temperature: 36.5,
  mobility: 0.8,
  home: { lat: 31.23, lon: 121.47 },
};

export interface ReadingContext {
  spec: DeviceSpec;
  profile: Profile;
  /** Local hour of the simulated clock. */
  hour: number;
  /** Simulated time covered by this reading. */
  intervalSimMs: number;
  battery: number;
  rng: Rng;
  /** Quiet-house scenario: nobody moves. */
  quiet?: boolean;
  /** Wandering scenario: metres from home and direction. */
  wander?: { metres: number; bearing: number } | null;
}

/** The readings a device of this type reports at this moment. */
export function readingsFor(ctx: ReadingContext): Partial<Record<Metric, number>> {
  const { spec, profile: p, hour: h, rng, battery } = ctx;
  switch (spec.type) {
    case 'smartwatch':
      return {
        heartRate: heartRate(h, p, rng),
        spo2: spo2(h, p, rng),
        temperature: bodyTemperature(h, p, rng),
        steps: ctx.quiet ? 0 : steps(h, p, ctx.intervalSimMs, rng),
        battery,
      };
    case 'bed_sensor': {
      const inBed = isInBed(h, p);
      return inBed
        ? { inBed: 1, heartRate: heartRate(h, p, rng), respirationRate: respirationRate(h, p, rng) }
        : { inBed: 0 };
    }
    case 'bp_cuff': {
      const { systolic, diastolic } = bloodPressure(h, p, rng);
      return { systolic, diastolic, heartRate: heartRate(h, p, rng), battery };
    }
    case 'motion_sensor':
      return {
        motion: ctx.quiet ? 0 : motionCount(h, p, ctx.intervalSimMs, rng),
        ...roomClimate(h, rng),
        battery,
      };
    case 'gps_wearable': {
      const w = ctx.wander;
      const pos = gpsPosition(p.home, w ? w.metres : rng.float(0, 15), w ? w.bearing : rng.float(0, 2 * Math.PI), rng);
      return { lat: pos.lat, lon: pos.lon, steps: ctx.quiet ? 0 : steps(h, p, ctx.intervalSimMs, rng), battery };
    }
    case 'smoke_sensor':
      return { battery, roomTemperature: roomClimate(h, rng).roomTemperature };
    case 'gas_sensor':
      return { battery };
    case 'water_sensor':
      return { battery, humidity: roomClimate(h, rng).humidity };
    case 'fall_detector':
      return { battery, motion: ctx.quiet ? 0 : Math.round(activityLevel(h, p) * 10) };
    case 'sos_pendant':
    case 'pull_cord':
    case 'door_sensor':
      return { battery };
  }
}

export function telemetryPayload(ts: number, readings: Partial<Record<Metric, number>>): TelemetryInput {
  return { ts, readings };
}

export function statusPayload(ts: number, battery: number, rng: Rng, firmware: string): DeviceStatusInput {
  return { ts, online: true, battery, signal: signalStrength(rng), firmware };
}

export const OFFLINE_WILL: DeviceStatusInput = { online: false };

export function eventPayload(
  eventId: string,
  ts: number,
  type: EventType,
  extra: Pick<DeviceEventInput, 'cancels' | 'location' | 'data'> = {},
): DeviceEventInput {
  const e: DeviceEventInput = { eventId, ts, type };
  if (extra.cancels !== undefined) e.cancels = extra.cancels;
  if (extra.location !== undefined) e.location = extra.location;
  if (extra.data !== undefined) e.data = extra.data;
  return e;
}

export type BadKind = 'telemetry' | 'events' | 'status';
export interface BadPayload {
  kind: BadKind;
  reason: string;
  payload: string | Buffer;
}

/**
 * The bad-payload storm: every way a broken or hostile device can get a message wrong. None of
 * these passes the shared schemas (the unit tests check that); the hub must dead-letter them and
 * carry on. None is sent retained, and none is empty, so no retained status is ever cleared.
 */
export function badPayloads(ts: number, rng: Rng): BadPayload[] {
  const big = 'x'.repeat(MAX_PAYLOAD_BYTES + 1024);
  const id = `bad-${rng.hex(12)}`;
  return [
    { kind: 'telemetry', reason: 'malformed JSON', payload: `{"ts": ${ts}, "readings": {"heartRate": 7` },
    { kind: 'telemetry', reason: 'not JSON', payload: 'heartRate=72;spo2=97' },
    {
      kind: 'telemetry',
      reason: 'wrong types',
      payload: JSON.stringify({ ts: 'yesterday', readings: { heartRate: 'fast' } }),
    },
    { kind: 'telemetry', reason: 'unknown metric', payload: JSON.stringify({ ts, readings: { bloodSugar: 6.1 } }) },
    { kind: 'telemetry', reason: 'empty readings', payload: JSON.stringify({ ts, readings: {} }) },
    {
      kind: 'telemetry',
      reason: 'ts in the far future',
      payload: JSON.stringify({ ts: ts + 30 * 86_400_000, readings: { heartRate: 72 } }),
    },
    { kind: 'telemetry', reason: 'ts before 2000', payload: JSON.stringify({ ts: 0, readings: { heartRate: 72 } }) },
    {
      kind: 'telemetry',
      reason: 'extra field',
      payload: JSON.stringify({ ts, readings: { heartRate: 72 }, resident: 'someone-else' }),
    },
    { kind: 'telemetry', reason: 'JSON array', payload: JSON.stringify([{ ts, readings: { heartRate: 72 } }]) },
    { kind: 'telemetry', reason: 'oversized', payload: JSON.stringify({ ts, readings: { heartRate: 72 }, pad: big }) },
    {
      kind: 'telemetry',
      reason: 'binary garbage',
      payload: Buffer.from(Array.from({ length: 64 }, () => rng.int(0, 255))),
    },
    { kind: 'events', reason: 'missing eventId', payload: JSON.stringify({ ts, type: 'sos' }) },
    { kind: 'events', reason: 'unknown event type', payload: JSON.stringify({ eventId: id, ts, type: 'explosion' }) },
    { kind: 'events', reason: 'eventId wrong type', payload: JSON.stringify({ eventId: 42, ts, type: 'fall' }) },
    {
      kind: 'events',
      reason: 'bad location',
      payload: JSON.stringify({ eventId: id, ts, type: 'geofence_exit', location: { lat: 200, lon: 0 } }),
    },
    {
      kind: 'events',
      reason: 'oversized eventId',
      payload: JSON.stringify({ eventId: 'e'.repeat(500), ts, type: 'sos' }),
    },
    { kind: 'events', reason: 'malformed JSON', payload: `{"eventId": "${id}", "type": "sos"` },
    { kind: 'events', reason: 'null', payload: 'null' },
    { kind: 'status', reason: 'online wrong type', payload: JSON.stringify({ online: 'yes', battery: 50 }) },
    { kind: 'status', reason: 'battery out of range', payload: JSON.stringify({ online: true, battery: 250 }) },
    { kind: 'status', reason: 'malformed JSON', payload: '{"online": tru' },
  ];
}
