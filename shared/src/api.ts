/** HTTP request and response bodies of the hub's REST API (served as OpenAPI at /api/openapi.json). */
import { z } from 'zod';
import { careLevelSchema, deviceTypeSchema, economicStatusSchema, riskCategorySchema, roleSchema } from './domain.js';
import { deviceIdSchema } from './contract.js';
import { patchOf } from './patch.js';

export const uuidSchema = z.uuid();
export const errorBodySchema = z.object({
  error: z.string(),
  details: z.unknown().optional(),
  requestId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

const name = z.string().trim().min(1).max(200);
const shortText = z.string().trim().max(2000);

// ---- auth ------------------------------------------------------------------
export const loginBodySchema = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const userSchema = z.object({
  id: uuidSchema,
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  tenantId: uuidSchema,
  institutionId: uuidSchema.nullable(),
  residentId: uuidSchema.nullable(),
});
export type User = z.infer<typeof userSchema>;
/** What a coordinator sees of the district's users: enough to link a volunteer profile to a login. */
export const userSummarySchema = userSchema.pick({ id: true, email: true, name: true, role: true });
export type UserSummary = z.infer<typeof userSummarySchema>;
/** `GET /api/users`: whole users for admins, summaries for coordinators. */
export const userListSchema = z.object({ items: z.array(z.union([userSchema, userSummarySchema])) });

export const loginResponseSchema = z.object({
  /** Bearer token for API clients; browsers use the httpOnly session cookie set with it. */
  token: z.string(),
  expiresAt: z.string(),
  user: userSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const passwordSchema = z.string().min(10, 'password: at least 10 characters').max(200);
export const createUserBodySchema = z.strictObject({
  email: z.email().max(254),
  name,
  password: passwordSchema,
  role: roleSchema,
  institutionId: uuidSchema.optional(),
  residentId: uuidSchema.optional(),
});
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

// ---- institutions ----------------------------------------------------------
export const INSTITUTION_KINDS = ['nursing_home', 'welfare_home', 'day_care', 'service_station'] as const;
/** public (公办: admissions through the waiting list) or private (民办). */
export const OWNERSHIPS = ['public', 'private'] as const;
/** nursing: nursing-care bed (护理型床位); dementia: bed of a dementia-care zone (认知症照护专区); ordinary. */
export const BED_KINDS = ['nursing', 'ordinary', 'dementia'] as const;
export const bedKindSchema = z.enum(BED_KINDS);
export type BedKind = z.infer<typeof bedKindSchema>;
export const createInstitutionBodySchema = z.strictObject({
  name,
  kind: z.enum(INSTITUTION_KINDS).default('nursing_home'),
  address: shortText.default(''),
  phone: z.string().max(40).default(''),
  /** The township/street or community/village the institution is in. */
  regionId: uuidSchema.nullable().default(null),
  ownership: z.enum(OWNERSHIPS).default('private'),
  rooms: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(40),
        floor: z.number().int().min(-5).max(200).default(1),
        dementiaZone: z.boolean().default(false),
        beds: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
        /** Kind of the room's beds; default: dementia in a dementia zone, else ordinary. */
        bedKind: bedKindSchema.optional(),
      }),
    )
    .max(2000)
    .default([]),
});
export type CreateInstitutionBody = z.input<typeof createInstitutionBodySchema>;

/** `retiredAt` set: retired, out of new placements, kept for the history that refers to it. */
export const bedSchema = z.object({
  id: uuidSchema,
  label: z.string(),
  kind: bedKindSchema,
  residentId: uuidSchema.nullable(),
  retiredAt: z.string().nullable(),
});
export const roomSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  floor: z.number(),
  dementiaZone: z.boolean(),
  beds: z.array(bedSchema),
  retiredAt: z.string().nullable(),
});
export const institutionSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  kind: z.enum(INSTITUTION_KINDS),
  address: z.string(),
  phone: z.string(),
  regionId: uuidSchema.nullable(),
  ownership: z.enum(OWNERSHIPS),
  rooms: z.array(roomSchema),
  retiredAt: z.string().nullable(),
});
export type Institution = z.infer<typeof institutionSchema>;

// ---- residents -------------------------------------------------------------
export const contactSchema = z.strictObject({
  name,
  relation: z.string().trim().max(40),
  phone: z.string().trim().min(3).max(40),
});
export const locationSchema = z.strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });
export const vitalThresholdsSchema = z.strictObject({
  heartRateLow: z.number().optional(),
  heartRateHigh: z.number().optional(),
  spo2Low: z.number().optional(),
  systolicHigh: z.number().optional(),
  systolicLow: z.number().optional(),
  temperatureHigh: z.number().optional(),
});
export type VitalThresholds = z.infer<typeof vitalThresholdsSchema>;

export const residentBodySchema = z.strictObject({
  name,
  birthDate: z.iso.date(),
  sex: z.enum(['female', 'male', 'other']),
  address: shortText.default(''),
  community: z.string().trim().max(100).default(''),
  /** The community/village region the elder lives in; its name replaces `community`. */
  regionId: uuidSchema.nullable().default(null),
  phone: z.string().trim().max(40).default(''),
  institutionId: uuidSchema.nullable().default(null),
  bedId: uuidSchema.nullable().default(null),
  riskCategories: z.array(riskCategorySchema).max(8).default([]),
  careLevel: careLevelSchema.default('self_care'),
  conditions: z.array(z.string().trim().min(1).max(100)).max(30).default([]),
  medicationNotes: shortText.default(''),
  keySafe: z.string().trim().max(200).default(''),
  contacts: z.array(contactSchema).max(10).default([]),
  location: locationSchema.nullable().default(null),
  thresholds: vitalThresholdsSchema.default({}),
  /** The national ID number (居民身份证号), so a dispatcher can find the elder by it. */
  idNumber: z
    .string()
    .trim()
    .max(30)
    .regex(/^[0-9A-Za-z]*$/, 'letters and digits only')
    .default(''),
  /** The elder's own instructions for every alarm ("deaf: send someone, don't call"), first on the checklist. */
  planInstructions: z.array(z.string().trim().min(1).max(300)).max(10).default([]),
  /** 特困, 低保, 低收入, 计划生育特殊家庭, 优抚对象 — what subsidy rules and the waiting list read. */
  economicStatus: z.array(economicStatusSchema).max(5).default([]),
});
export type ResidentBody = z.input<typeof residentBodySchema>;
export const residentPatchSchema = patchOf(residentBodySchema);

export const residentSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  birthDate: z.string(),
  age: z.number(),
  sex: z.enum(['female', 'male', 'other']),
  address: z.string(),
  community: z.string(),
  regionId: uuidSchema.nullable(),
  phone: z.string(),
  institutionId: uuidSchema.nullable(),
  bedId: uuidSchema.nullable(),
  riskCategories: z.array(riskCategorySchema),
  careLevel: careLevelSchema,
  /** Grade of the latest capability assessment (GB/T 42195-2022); null before the first. */
  capabilityGrade: z.enum(['intact', 'mild', 'moderate', 'severe', 'complete']).nullable(),
  conditions: z.array(z.string()),
  medicationNotes: z.string(),
  keySafe: z.string(),
  contacts: z.array(contactSchema),
  location: locationSchema.nullable(),
  thresholds: vitalThresholdsSchema,
  idNumber: z.string(),
  planInstructions: z.array(z.string()),
  economicStatus: z.array(economicStatusSchema),
  createdAt: z.string(),
});
export type Resident = z.infer<typeof residentSchema>;

export const residentQuerySchema = z.object({
  q: z.string().max(100).optional(),
  risk: riskCategorySchema.optional(),
  community: z.string().max(100).optional(),
  /** Residents of this region (a district or township: of all its communities). */
  regionId: uuidSchema.optional(),
  institutionId: uuidSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

// ---- devices ---------------------------------------------------------------
export const createDeviceBodySchema = z
  .strictObject({
    /** Optional: the id printed on the device; generated when absent. */
    id: deviceIdSchema.optional(),
    type: deviceTypeSchema,
    label: z.string().trim().max(100).default(''),
    residentId: uuidSchema.nullable().default(null),
    institutionId: uuidSchema.nullable().default(null),
    roomId: uuidSchema.nullable().default(null),
  })
  .refine((d) => d.residentId || d.institutionId || d.roomId, {
    message: 'a device belongs to a resident, an institution or a room',
  });
export type CreateDeviceBody = z.input<typeof createDeviceBodySchema>;

export const deviceSchema = z.object({
  id: z.string(),
  type: deviceTypeSchema,
  label: z.string(),
  residentId: uuidSchema.nullable(),
  institutionId: uuidSchema.nullable(),
  roomId: uuidSchema.nullable(),
  online: z.boolean(),
  battery: z.number().nullable(),
  signal: z.number().nullable(),
  firmware: z.string().nullable(),
  lastSeen: z.string().nullable(),
  createdAt: z.string(),
  /** Set when retired: its MQTT login is refused, its history stays. */
  retiredAt: z.string().nullable(),
});
export type Device = z.infer<typeof deviceSchema>;

/** A page of the device fleet, in device id order; `nextCursor` asks for the next page (null: the last). */
export const devicePageSchema = z.object({
  items: z.array(deviceSchema),
  /** Devices matching the query, on every page. */
  total: z.number(),
  nextCursor: z.string().nullable(),
});
export type DevicePage = z.infer<typeof devicePageSchema>;

/** Battery level (percent) at or below which a device counts as low on battery. */
export const LOW_BATTERY_PERCENT = 20;

/** The fleet in numbers (devices in service the user may see): what the overview shows. */
export const fleetSummarySchema = z.object({
  total: z.number(),
  online: z.number(),
  offline: z.number(),
  lowBattery: z.number(),
});
export type FleetSummary = z.infer<typeof fleetSummarySchema>;

export const deviceCredentialsSchema = z.object({
  /** MQTT username and client id: the device id. */
  username: z.string(),
  clientId: z.string(),
  /** Shown once; the hub keeps only a hash. */
  password: z.string(),
  topics: z.object({ telemetry: z.string(), events: z.string(), status: z.string(), commands: z.string() }),
});
export const createdDeviceSchema = z.object({ device: deviceSchema, credentials: deviceCredentialsSchema });
export type CreatedDevice = z.infer<typeof createdDeviceSchema>;

// ---- readings --------------------------------------------------------------
export const vitalsQuerySchema = z.object({
  range: z.enum(['24h', '7d', '30d']).default('24h'),
});
export const vitalsPointSchema = z.object({
  bucket: z.string(),
  metric: z.string(),
  avg: z.number(),
  min: z.number(),
  max: z.number(),
  count: z.number(),
});
export const vitalsResponseSchema = z.object({
  residentId: uuidSchema,
  range: z.enum(['24h', '7d', '30d']),
  bucket: z.enum(['raw', 'hour', 'day']),
  points: z.array(vitalsPointSchema),
});
export type VitalsResponse = z.infer<typeof vitalsResponseSchema>;

export const deadLetterSchema = z.object({
  id: z.number(),
  receivedAt: z.string(),
  topic: z.string(),
  deviceId: z.string().nullable(),
  reason: z.string(),
  payload: z.string(),
});
export type DeadLetter = z.infer<typeof deadLetterSchema>;

/** Refused device messages, newest first; page with `before` (the last id seen). */
export const deadLetterQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  /** Only letters older than this id (the previous page's `nextBefore`). */
  before: z.coerce.number().int().min(1).optional(),
  deviceId: z.string().trim().min(1).max(128).optional(),
  /** Words in the reason, e.g. `DC-09`, `unmapped`, `schema` (case-insensitive). */
  q: z.string().trim().min(1).max(100).optional(),
});
export type DeadLetterQuery = z.input<typeof deadLetterQuerySchema>;
export const deadLetterPageSchema = z.object({
  items: z.array(deadLetterSchema),
  /** Pass as `before` for the next (older) page; null when there is none. */
  nextBefore: z.number().nullable(),
});
export type DeadLetterPage = z.infer<typeof deadLetterPageSchema>;
