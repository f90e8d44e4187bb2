/**
 * Welfare visits (探访): visit plans by risk tier, the visit log, any real contact counting towards
 * the plan, and the monthly visit rate per community and district against its target.
 */
import { z } from 'zod';
import { patchOf } from './patch.js';

const uuid = z.uuid();

/** high: living alone and 80+, dementia, severely disabled or lost only child; key: any risk category. */
export const VISIT_TIERS = ['high', 'key', 'other'] as const;
export const visitTierSchema = z.enum(VISIT_TIERS);
export type VisitTier = z.infer<typeof visitTierSchema>;

export const visitSettingsSchema = z.strictObject({
  highDays: z.number().int().min(1).max(366).default(7),
  keyDays: z.number().int().min(1).max(366).default(30),
  otherDays: z.number().int().min(1).max(366).default(90),
  /** Target monthly visit rate of key elders (high and key tiers), percent. */
  targetPct: z.number().min(0).max(100).default(90),
  /** Per-community targets that differ from the district's (some require 100%). */
  communityTargets: z.record(z.string(), z.number().min(0).max(100)).default({}),
});
export type VisitSettings = z.infer<typeof visitSettingsSchema>;
export const DEFAULT_VISIT_SETTINGS: VisitSettings = visitSettingsSchema.parse({});

export const CONTACT_SOURCES = ['visit', 'service', 'meal'] as const;
export const contactSourceSchema = z.enum(CONTACT_SOURCES);
export type ContactSource = z.infer<typeof contactSourceSchema>;
export const VISIT_METHODS = ['home', 'phone', 'video', 'in_person'] as const;
export const visitMethodSchema = z.enum(VISIT_METHODS);
export type VisitMethod = z.infer<typeof visitMethodSchema>;
export const ELDER_STATES = ['well', 'fair', 'unwell', 'not_reached'] as const;
export const elderStateSchema = z.enum(ELDER_STATES);
export type ElderState = z.infer<typeof elderStateSchema>;

export const visitBodySchema = z.strictObject({
  residentId: uuid,
  at: z.iso.datetime({ offset: true }).optional(),
  method: z.enum(['home', 'phone', 'video']),
  state: elderStateSchema,
  note: z.string().trim().max(2000).default(''),
  /** Something is wrong: raises a welfare-concern incident on the dispatch board. */
  concern: z.boolean().default(false),
});
export type VisitBody = z.input<typeof visitBodySchema>;

export const welfareContactSchema = z.object({
  id: uuid,
  residentId: uuid,
  residentName: z.string(),
  at: z.string(),
  source: contactSourceSchema,
  method: visitMethodSchema,
  state: elderStateSchema.nullable(),
  note: z.string(),
  concern: z.boolean(),
  alertId: uuid.nullable(),
  visitorId: uuid.nullable(),
  visitorName: z.string(),
});
export type WelfareContact = z.infer<typeof welfareContactSchema>;
export const welfareContactQuerySchema = z.object({
  residentId: uuid.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const visitPlanSchema = z.object({
  residentId: uuid,
  residentName: z.string(),
  community: z.string(),
  tier: visitTierSchema,
  intervalDays: z.number(),
  /** Set when the plan overrides the tier's interval. */
  overrideDays: z.number().nullable(),
  visitorId: uuid.nullable(),
  visitorName: z.string().nullable(),
  lastContactAt: z.string().nullable(),
  dueAt: z.string(),
  overdue: z.boolean(),
  daysOverdue: z.number(),
});
export type VisitPlan = z.infer<typeof visitPlanSchema>;
export const visitPlanQuerySchema = z.object({
  community: z.string().max(100).optional(),
  tier: visitTierSchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const visitPlanPatchSchema = patchOf(
  z.strictObject({
    /** Days between visits, overriding the tier's interval; null: the tier's. */
    overrideDays: z.number().int().min(1).max(366).nullable(),
    /** The volunteer profile assigned to visit this elder. */
    visitorId: uuid.nullable(),
  }),
);
export type VisitPlanPatch = z.input<typeof visitPlanPatchSchema>;

export const visitRateRowSchema = z.object({
  community: z.string(),
  keyElders: z.number(),
  visited: z.number(),
  ratePct: z.number().nullable(),
  targetPct: z.number(),
  meetsTarget: z.boolean(),
});
export type VisitRateRow = z.infer<typeof visitRateRowSchema>;
export const visitReportSchema = z.object({
  month: z.string(),
  district: visitRateRowSchema,
  communities: z.array(visitRateRowSchema),
  overdue: z.array(visitPlanSchema),
});
export type VisitReport = z.infer<typeof visitReportSchema>;
export const visitReportQuerySchema = z.object({
  month: z
    .string()
    .regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM between 1900 and 2199')
    .optional(),
});
