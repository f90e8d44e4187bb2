/**
 * The public device contract (MQTT 3.1.1 and 5, JSON payloads). docs/protocol.md documents it;
 * these schemas are its single source of truth.
 */
import { z } from 'zod';
import { eventTypeSchema, metricSchema } from './domain.js';

export const TOPIC_PREFIX = 'eldercare/v1/devices';
export const MESSAGE_KINDS = ['telemetry', 'events', 'status'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
/** Largest payload the hub accepts, in bytes. Larger ones are dead-lettered. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;
/**
 * Largest MQTT packet the embedded broker reads (its remaining length, in bytes): a packet
 * declaring more closes the connection before any of it is buffered. Payloads between
 * MAX_PAYLOAD_BYTES and this are still read and dead-lettered with their reason.
 */
export const MAX_PACKET_BYTES = 128 * 1024;
/** Largest CONNECT packet (client id, username, password and will together) the embedded broker reads. */
export const MAX_CONNECT_BYTES = 4 * 1024;

/** A device id: 3–64 characters of letters, digits, `-`, `_`, `.`, `:`. */
const DEVICE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{2,63}$/;
export const deviceIdSchema = z.string().regex(DEVICE_ID, 'device id: 3-64 of A-Z a-z 0-9 . _ : - ');

export const topicFor = (deviceId: string, kind: MessageKind | 'commands'): string =>
  `${TOPIC_PREFIX}/${deviceId}/${kind}`;

/** Splits a device topic into its device id and kind; null when the topic is not a device topic. */
export function parseTopic(topic: string): { deviceId: string; kind: MessageKind } | null {
  const parts = topic.split('/');
  if (parts.length !== 5 || parts[0] !== 'eldercare' || parts[1] !== 'v1' || parts[2] !== 'devices') return null;
  const kind = parts[4] as MessageKind;
  if (!MESSAGE_KINDS.includes(kind)) return null;
  const deviceId = parts[3]!;
  if (!DEVICE_ID.test(deviceId)) return null; // = deviceIdSchema, without zod on every message
  return { deviceId, kind };
}

const MIN_TS = Date.UTC(2000, 0, 1);
const MAX_FUTURE_MS = 24 * 3600 * 1000;
/** A time: an ISO-8601 string with offset or epoch milliseconds; not before 2000 nor more than a day ahead. */
export const timestampSchema = z.union([z.number().int(), z.iso.datetime({ offset: true })]).transform((v, ctx) => {
  const ms = typeof v === 'number' ? v : Date.parse(v);
  if (!Number.isFinite(ms) || ms < MIN_TS || ms > Date.now() + MAX_FUTURE_MS) {
    ctx.addIssue({ code: 'custom', message: 'ts out of range (2000-01-01 .. now + 24 h)' });
    return z.NEVER;
  }
  return ms;
});

/**
 * The device's own time of an event: an ISO-8601 string with offset or epoch milliseconds, any
 * value. An alarm is never refused because the device's clock is wrong (reset to 1970, or far
 * ahead): the hub times everything by its own clock, keeps this as "occurred at", and reports the
 * device's clock as wrong.
 */
export const deviceTimeSchema = z.union([z.number().int(), z.iso.datetime({ offset: true })]).transform((v, ctx) => {
  const ms = typeof v === 'number' ? v : Date.parse(v);
  if (!Number.isSafeInteger(ms) || Math.abs(ms) > 8.64e15) {
    ctx.addIssue({ code: 'custom', message: 'ts is not a time' });
    return z.NEVER;
  }
  return ms;
});

/** Whether a device time is plausible at `now` (not before 2000, at most a day ahead): else the hub files it by its receipt time. */
export const isPlausibleTs = (ts: number, now: number): boolean => ts >= MIN_TS && ts <= now + MAX_FUTURE_MS;

export const telemetrySchema = z.strictObject({
  ts: timestampSchema,
  readings: z
    .partialRecord(metricSchema, z.number().finite())
    .refine((r) => Object.keys(r).length > 0, 'readings must not be empty'),
});
export type TelemetryInput = z.input<typeof telemetrySchema>;
export type Telemetry = z.output<typeof telemetrySchema>;

export const deviceEventSchema = z.strictObject({
  eventId: z.string().min(1).max(128),
  ts: deviceTimeSchema,
  type: eventTypeSchema,
  /** For `cancel`: the eventId being cancelled (optional: without it the device's latest open alarm not newer than this `ts`). */
  cancels: z.string().min(1).max(128).optional(),
  /** Where the event happened, for wearables with location. */
  location: z.strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
  /** Free-form, small, device-specific detail (e.g. fall confidence). */
  data: z.record(z.string().max(64), z.union([z.string().max(256), z.number(), z.boolean()])).optional(),
});
export type DeviceEventInput = z.input<typeof deviceEventSchema>;
export type DeviceEvent = z.output<typeof deviceEventSchema>;

export const deviceStatusSchema = z.strictObject({
  ts: timestampSchema.optional(),
  online: z.boolean(),
  battery: z.number().min(0).max(100).optional(),
  /** Signal strength, dBm (e.g. -70) */
  signal: z.number().min(-150).max(0).optional(),
  firmware: z.string().max(64).optional(),
});
export type DeviceStatusInput = z.input<typeof deviceStatusSchema>;
export type DeviceStatus = z.output<typeof deviceStatusSchema>;

/** Hub → device, on `eldercare/v1/devices/{id}/commands`. */
export const deviceCommandSchema = z.strictObject({
  commandId: z.string(),
  ts: z.number().int(),
  type: z.enum(['alarm_received', 'help_arriving', 'alarm_closed', 'configure', 'ping']),
  /** A message a pendant may speak or show. */
  message: z.string().optional(),
  /** The alert this command is about. */
  alertId: z.string().optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});
export type DeviceCommand = z.infer<typeof deviceCommandSchema>;

export const schemaForKind = {
  telemetry: telemetrySchema,
  events: deviceEventSchema,
  status: deviceStatusSchema,
} as const;
