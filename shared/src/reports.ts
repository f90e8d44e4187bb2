/**
 * Incident history (closed incidents, searchable), the SLA report's extra parts (targets, periods,
 * exception reasons) and the dispatchers' shift handover.
 */
import { z } from 'zod';
import { alertKindSchema, OUTCOMES } from './alerts.js';

const uuid = z.uuid();
/** A day (YYYY-MM-DD, the district's time zone) or an ISO instant. */
const dayOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * Where an incident came from: a registered device over MQTT, an alarm panel over SIA DC-09, or the
 * hub itself (inactivity, welfare concern, missed meal, watchdog, …).
 */
export const INCIDENT_SOURCES = ['device', 'dc09', 'phone', 'system'] as const;
export const incidentSourceSchema = z.enum(INCIDENT_SOURCES);
export type IncidentSource = z.infer<typeof incidentSourceSchema>;

/** Seconds from opening to acknowledgement above which an incident is an SLA exception. */
export const SLA_EXCEPTION_SECONDS = 180;

export const historyQuerySchema = z.strictObject({
  /** Free text: the resident's name, the incident's title or its number. */
  q: z.string().trim().max(100).optional(),
  residentId: uuid.optional(),
  kind: alertKindSchema.optional(),
  source: incidentSourceSchema.optional(),
  outcome: z.enum([...OUTCOMES, 'cancelled']).optional(),
  /** The user who acknowledged (claimed) it. */
  dispatcherId: uuid.optional(),
  /** Raised from this day (district time zone) or instant, inclusive. */
  from: dayOrInstant.optional(),
  /** Raised up to this day (inclusive) or instant (exclusive). */
  to: dayOrInstant.optional(),
  /** Only emergencies acknowledged more than 180 s after they opened (or never). */
  overSla: flag.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type HistoryQuery = z.input<typeof historyQuerySchema>;

export const historyItemSchema = z.object({
  id: uuid,
  seq: z.number(),
  queue: z.string(),
  kind: z.string(),
  kinds: z.array(z.string()),
  severity: z.string(),
  status: z.string(),
  title: z.string(),
  source: incidentSourceSchema,
  residentId: uuid.nullable(),
  residentName: z.string().nullable(),
  community: z.string().nullable(),
  institutionId: uuid.nullable(),
  institutionName: z.string().nullable(),
  deviceId: z.string().nullable(),
  createdAt: z.string(),
  openedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: uuid.nullable(),
  acknowledgedByName: z.string().nullable(),
  closedAt: z.string(),
  /** The outcome recorded at resolution; `cancelled` for a cancelled incident. */
  outcome: z.string().nullable(),
  /** Seconds from opening to acknowledgement (null: never acknowledged or never opened). */
  ackSeconds: z.number().nullable(),
  /** Seconds from opening (or receipt) to closing. */
  totalSeconds: z.number(),
  /** An emergency acknowledged more than 180 s after it opened, or never. */
  overSla: z.boolean(),
  signalCount: z.number(),
  escalationLevel: z.number(),
  notes: z.number(),
});
export type HistoryItem = z.infer<typeof historyItemSchema>;
export const historyPageSchema = z.object({ items: z.array(historyItemSchema), total: z.number() });
export type HistoryPage = z.infer<typeof historyPageSchema>;

// ---- SLA ----------------------------------------------------------------------------------------

export const SLA_PERIODS = ['day', 'week', 'month'] as const;
export const slaPeriodSchema = z.enum(SLA_PERIODS);
export type SlaPeriod = z.infer<typeof slaPeriodSchema>;

/** Targets of the share acknowledged within 60 s and within 180 s (0–1). */
export const slaTargetsSchema = z.strictObject({
  within60: z.number().min(0).max(1),
  within180: z.number().min(0).max(1),
});
export type SlaTargets = z.infer<typeof slaTargetsSchema>;
export const DEFAULT_SLA_TARGETS: SlaTargets = { within60: 0.975, within180: 0.99 };

export const slaQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** A calendar month in the district's time zone (YYYY-MM); replaces from/to. */
  month: z
    .string()
    .regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM (1900–2199)')
    .optional(),
  /** How `byPeriod` groups: calendar day, ISO week (Monday first) or month, in the district's time zone. */
  period: slaPeriodSchema.default('day'),
});
export type SlaQuery = z.input<typeof slaQuerySchema>;

export const slaReasonBodySchema = z.strictObject({
  reason: z.string().trim().min(1, 'say why it took longer').max(1000),
});

// ---- shift handover -----------------------------------------------------------------------------

export const onDutySchema = z.object({
  /** Dispatchers, supervisors and admins with the live screen open now, one entry per user. */
  connected: z.array(
    z.object({ userId: uuid, name: z.string(), role: z.string(), screens: z.number(), since: z.string() }),
  ),
  /** Who took the shift at the last acknowledged handover, and when. */
  shift: z.object({ userId: uuid, name: z.string(), since: z.string() }).nullable(),
  /** A handover written but not yet acknowledged by the next shift. */
  pendingHandoverId: uuid.nullable(),
});
export type OnDuty = z.infer<typeof onDutySchema>;

export const handoverIncidentSchema = z.object({
  id: uuid,
  seq: z.number(),
  kind: z.string(),
  severity: z.string(),
  status: z.string(),
  title: z.string(),
  residentName: z.string().nullable(),
  createdAt: z.string(),
  acknowledgedByName: z.string().nullable(),
  outcome: z.string().nullable(),
  overSla: z.boolean(),
});
export type HandoverIncident = z.infer<typeof handoverIncidentSchema>;

export const shiftSummarySchema = z.object({
  /** The shift: from the previous handover (or 12 h before) to the moment of this one. */
  from: z.string(),
  to: z.string(),
  raised: z.number(),
  emergencies: z.number(),
  deviceHealth: z.number(),
  closed: z.number(),
  falseAlarms: z.number(),
  overSla: z.number(),
  escalated: z.number(),
  /** Critical, escalated, over-SLA or hospital/deceased outcomes of the shift. */
  notable: z.array(handoverIncidentSchema),
});
export type ShiftSummary = z.infer<typeof shiftSummarySchema>;

export const handoverSchema = z.object({
  id: uuid,
  fromUserId: uuid,
  fromUserName: z.string(),
  toUserId: uuid.nullable(),
  toUserName: z.string().nullable(),
  createdAt: z.string(),
  note: z.string(),
  /** Incidents open at the moment of handover. */
  openIncidents: z.array(handoverIncidentSchema),
  summary: shiftSummarySchema,
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: uuid.nullable(),
  acknowledgedByName: z.string().nullable(),
  acknowledgeNote: z.string(),
});
export type Handover = z.infer<typeof handoverSchema>;

/** What a handover written now would carry (nothing stored). */
export const handoverDraftSchema = z.object({
  openIncidents: z.array(handoverIncidentSchema),
  summary: shiftSummarySchema,
});
export type HandoverDraft = z.infer<typeof handoverDraftSchema>;

export const handoverCreateSchema = z.strictObject({
  note: z.string().trim().min(1, 'write what the next shift must know').max(4000),
  /** The dispatcher taking over, when known; anyone of the dispatch team may acknowledge otherwise. */
  toUserId: uuid.optional(),
});
export const handoverAckSchema = z.strictObject({ note: z.string().trim().max(2000).default('') });
export const handoverListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const handoverPageSchema = z.object({ items: z.array(handoverSchema), total: z.number() });
export type HandoverPage = z.infer<typeof handoverPageSchema>;

const slaCounts = { total: z.number(), within60: z.number(), within180: z.number() };

export const slaReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  timezone: z.string(),
  /** The district's targets of the two shares. */
  targets: slaTargetsSchema,
  total: z.number(),
  ackWithin60: z.number(),
  ackWithin180: z.number(),
  shareWithin60: z.number().nullable(),
  shareWithin180: z.number().nullable(),
  medianAckSeconds: z.number().nullable(),
  /** Per calendar day (always, for the overview's tiles and charts). */
  byDay: z.array(z.object({ day: z.string(), ...slaCounts, medianAckSeconds: z.number().nullable() })),
  /** How `byPeriod` is grouped. */
  period: slaPeriodSchema,
  /** Per day, ISO week (its Monday) or month (YYYY-MM), oldest first. */
  byPeriod: z.array(z.object({ period: z.string(), ...slaCounts, medianAckSeconds: z.number().nullable() })),
  byDispatcher: z.array(
    z.object({ userId: z.string(), name: z.string(), ...slaCounts, medianAckSeconds: z.number().nullable() }),
  ),
  byCommunity: z.array(z.object({ community: z.string(), ...slaCounts })),
  /** The exceptions: acknowledged more than 180 s after opening, or not acknowledged (yet), oldest first. */
  over180: z.array(
    z.object({
      id: z.string(),
      seq: z.number(),
      kind: z.string(),
      createdAt: z.string(),
      openedAt: z.string(),
      acknowledgedAt: z.string().nullable(),
      ackSeconds: z.number().nullable(),
      residentId: z.string().nullable(),
      residentName: z.string().nullable(),
      community: z.string().nullable(),
      dispatcherName: z.string().nullable(),
      /** The latest reason a supervisor recorded, with who and when. */
      reason: z.object({ text: z.string(), by: z.string().nullable(), at: z.string() }).nullable(),
    }),
  ),
});
export type SlaReport = z.infer<typeof slaReportSchema>;
