/** The care screens: an institution's live room/bed board, and incidents per day for the overview. */
import { z } from 'zod';
import { CARE_LEVELS, careLevelSchema, deviceTypeSchema, riskCategorySchema, type CareLevel } from './domain.js';
import { alertKindSchema, alertQueueSchema, alertStatusSchema, severitySchema } from './alerts.js';

/** The vitals the board shows, latest value within 24 hours. */
export const BOARD_VITALS = ['heartRate', 'spo2', 'systolic', 'temperature'] as const;
export type BoardVital = (typeof BOARD_VITALS)[number];
/** From the latest `inBed` reading of the resident's bed sensor; `unknown` without one in the last 30 minutes. */
export const PRESENCES = ['in_bed', 'out_of_bed', 'unknown'] as const;
export type Presence = (typeof PRESENCES)[number];
export const PRESENCE_STALE_SECONDS = 30 * 60;
export const VITALS_WINDOW_SECONDS = 24 * 3600;

const latestSchema = z.object({ value: z.number(), ts: z.string() });

export const boardResidentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  careLevel: careLevelSchema,
  riskCategories: z.array(riskCategorySchema),
  presence: z.enum(PRESENCES),
  /** Time of the latest `inBed` reading (also when it is too old to count), null without one in 24 hours. */
  presenceAt: z.string().nullable(),
  vitals: z.object({
    heartRate: latestSchema.nullable(),
    spo2: latestSchema.nullable(),
    systolic: latestSchema.nullable(),
    temperature: latestSchema.nullable(),
  }),
  devices: z.array(
    z.object({
      id: z.string(),
      type: deviceTypeSchema,
      online: z.boolean(),
      battery: z.number().nullable(),
      lastSeen: z.string().nullable(),
    }),
  ),
  /** The most urgent active alert of the resident: emergencies before device health, then priority. */
  alert: z
    .object({
      id: z.uuid(),
      queue: alertQueueSchema,
      kind: alertKindSchema,
      status: alertStatusSchema,
      severity: severitySchema,
    })
    .nullable(),
});
export type BoardResident = z.infer<typeof boardResidentSchema>;

/** One shift of a care staff member at an institution; `endedAt` is null while they are on shift. */
export const staffShiftSchema = z.object({
  id: z.uuid(),
  institutionId: z.uuid(),
  userId: z.uuid(),
  userName: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  /** Who started it: the staff member, or a coordinator/supervisor/admin for them. */
  startedBy: z.uuid(),
  startedByName: z.string(),
  endedBy: z.uuid().nullable(),
});
export type StaffShift = z.infer<typeof staffShiftSchema>;

export const institutionBoardSchema = z.object({
  institutionId: z.uuid(),
  generatedAt: z.string(),
  rooms: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      floor: z.number(),
      dementiaZone: z.boolean(),
      beds: z.array(z.object({ id: z.uuid(), label: z.string(), resident: boardResidentSchema.nullable() })),
    }),
  ),
  staffing: z.object({
    byLevel: z.object({ self_care: z.number(), semi_care: z.number(), full_care: z.number() }),
    /** Care staff the ratios require for the institution's residents now. */
    required: z.number(),
    /** Care staff with an open shift at this institution now. */
    onShift: z.number(),
    /** `onShift` below `required`: fewer than 1 per 6 full/semi-care or 1 per 10 other residents. */
    understaffed: z.boolean(),
    /** How many more on shift the ratios require (0 when staffed). */
    missing: z.number(),
    /** Users with the institution_staff role registered for this institution (secondary: not who is on shift). */
    registered: z.number(),
    /** Who is on shift now, longest first. */
    shifts: z.array(staffShiftSchema),
  }),
});
export type InstitutionBoard = z.infer<typeof institutionBoardSchema>;

export interface Staffing {
  byLevel: Record<CareLevel, number>;
  required: number;
}

/** Residents per staff member the ratios allow: 1:6 for full and semi care, 1:10 for the others. */
export const STAFF_RATIO = { care: 6, other: 10 } as const;

/** Residents by care level and the staff the ratios require: 1:6 for full and semi care, 1:10 for self care. */
export function staffingFor(levels: readonly CareLevel[]): Staffing {
  const byLevel = Object.fromEntries(CARE_LEVELS.map((l) => [l, 0])) as Record<CareLevel, number>;
  for (const l of levels) byLevel[l]++;
  const required =
    Math.ceil((byLevel.full_care + byLevel.semi_care) / STAFF_RATIO.care) +
    Math.ceil(byLevel.self_care / STAFF_RATIO.other);
  return { byLevel, required };
}

/** Staff on shift against the ratios: understaffed when fewer are on shift than required. */
export function staffingCheck(required: number, onShift: number): { understaffed: boolean; missing: number } {
  const missing = Math.max(0, required - onShift);
  return { understaffed: missing > 0, missing };
}

// ---- Shift roster ---------------------------------------------------------------------------

/** Start a shift: your own (institution staff), or `userId`'s (admin, coordinator, supervisor). */
export const startShiftBodySchema = z.object({ userId: z.uuid().optional() }).strict();
export type StartShiftBody = z.infer<typeof startShiftBodySchema>;

export const shiftsQuerySchema = z.object({
  /** `true`: only the open shifts (who is on shift now). Otherwise the latest shifts, open ones included. */
  active: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const shiftListSchema = z.object({ items: z.array(staffShiftSchema) });

export const incidentsPerDayQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(366).default(30),
});
export const incidentsPerDaySchema = z.object({
  /** The tenant's time zone that days are counted in. */
  timezone: z.string(),
  /** One row per calendar day, oldest first, today last; days without incidents count 0. */
  items: z.array(
    z.object({
      day: z.string(),
      /** Alerts raised that day, both queues. */
      total: z.number(),
      /** Of them: critical emergencies (sos, fall, smoke, gas…). */
      critical: z.number(),
      /** Of them: device-health alerts (offline, low battery…). */
      deviceHealth: z.number(),
    }),
  ),
});
export type IncidentsPerDay = z.infer<typeof incidentsPerDaySchema>;
