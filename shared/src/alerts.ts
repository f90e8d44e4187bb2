/** Alerts (incidents), their lifecycle and the real-time socket contract between hub and dashboard. */
import { z } from 'zod';
import type { NotificationDeadNotice, NotificationInfo } from './notifications.js';

export const ALERT_QUEUES = ['emergency', 'device_health'] as const;
export const alertQueueSchema = z.enum(ALERT_QUEUES);

export const ALERT_KINDS = [
  'sos',
  'fall',
  'smoke',
  'gas',
  'water_leak',
  'vitals',
  'inactivity',
  'night_bed_exit',
  'night_door_open',
  'geofence_exit',
  'device_offline',
  'low_battery',
  'power_loss',
  'device_storm',
  'watchdog',
  'welfare_concern',
  'missed_meal',
  'missed_test',
  'clock_wrong',
  'not_monitored',
] as const;
export const alertKindSchema = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof alertKindSchema>;

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

/**
 * The alarm class: a life may be at stake. These open an incident whatever else the device sent
 * (a storm never suppresses them) and always stand above every other alert in the queue.
 */
export const ALARM_KINDS = ['sos', 'fall', 'smoke', 'gas'] as const satisfies readonly AlertKind[];
export const isAlarmKind = (k: string): boolean => (ALARM_KINDS as readonly string[]).includes(k);
export const SEVERITY_ORDER: Record<Severity, number> = { critical: 3, high: 2, medium: 1, low: 0 };

/**
 * received (pending: inside a fall's cancel window) → open → acknowledged (claimed) → contact_made |
 * no_contact → dispatched → accepted → on_scene → resolved; or cancelled at any point before resolved.
 */
export const ALERT_STATUSES = [
  'pending',
  'open',
  'acknowledged',
  'contact_made',
  'no_contact',
  'dispatched',
  'accepted',
  'on_scene',
  'resolved',
  'cancelled',
] as const;
export const alertStatusSchema = z.enum(ALERT_STATUSES);
export type AlertStatus = z.infer<typeof alertStatusSchema>;
export const CLOSED_STATUSES: readonly AlertStatus[] = ['resolved', 'cancelled'];

export const RESPONDER_KINDS = [
  'family',
  'neighbour_volunteer',
  'community_worker',
  'institution_staff',
  'emergency_services',
] as const;
/**
 * How an incident ended, as alarm centres code it. False alarms carry their reason (pressed by
 * accident, device fault, test); `false_alarm` alone is a false alarm for another reason (say which
 * in the note) and what an elder's own cancel records. `other` needs a note.
 */
export const OUTCOMES = [
  'resolved_by_phone',
  'helped_at_home',
  'family_attended',
  'taken_to_hospital',
  'emergency_services_attended',
  'no_action_needed',
  'device_fixed',
  'false_alarm_accidental',
  'false_alarm_device_fault',
  'false_alarm_test',
  'false_alarm',
  'deceased',
  'other',
] as const;
export const outcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof outcomeSchema>;
export const FALSE_ALARM_OUTCOMES = [
  'false_alarm_accidental',
  'false_alarm_device_fault',
  'false_alarm_test',
  'false_alarm',
] as const satisfies readonly Outcome[];
export const isFalseAlarm = (o: string | null | undefined): boolean =>
  !!o && (FALSE_ALARM_OUTCOMES as readonly string[]).includes(o);
/** These outcomes need a note saying why. */
export const OUTCOMES_NEEDING_NOTE: readonly Outcome[] = ['false_alarm', 'other'];

/** Where an incident came from: a device's alarm, a phone call taken by a dispatcher, or the hub itself. */
export const ALERT_SOURCES = ['device', 'phone', 'system'] as const;
export const alertSourceSchema = z.enum(ALERT_SOURCES);
export type AlertSource = z.infer<typeof alertSourceSchema>;

/** A step of an incident's checklist, with its tick (from the audit trail). */
export const checklistStepSchema = z.object({
  id: z.string(),
  /** A built-in step (shared PLAN_STEP_KEYS): shown in the reader's language. */
  key: z.string().nullable(),
  text: z.string(),
  /** The resident's own instruction, or a step of the kind's plan. */
  source: z.enum(['resident', 'plan']),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
  doneByName: z.string().nullable(),
  note: z.string(),
});
export type ChecklistStep = z.infer<typeof checklistStepSchema>;

export const alertSignalSchema = z.object({
  id: z.number(),
  /** When it happened by the device's clock (or the hub's, for signals the hub raises itself). */
  ts: z.string(),
  /** When the hub received it. */
  receivedAt: z.string(),
  deviceId: z.string().nullable(),
  eventId: z.string().nullable(),
  type: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AlertSignal = z.infer<typeof alertSignalSchema>;

export const alertActionSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  note: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type AlertAction = z.infer<typeof alertActionSchema>;

export const responderSchema = z.strictObject({
  kind: z.enum(RESPONDER_KINDS),
  name: z.string().trim().min(1).max(100),
  phone: z.string().trim().max(40).default(''),
  /** The responder's user account (volunteer, family, staff): they are told by their own channels and answer in the app. */
  userId: z.uuid().optional(),
  email: z.union([z.email().max(200), z.literal('')]).optional(),
});

/**
 * Where an alarm from a room, bed or shared device of an institution comes from (null for an elder
 * at home: the resident's address is on the resident). Taken when the incident opens.
 */
export const alertPlaceSchema = z.object({
  institutionId: z.uuid(),
  institutionName: z.string(),
  institutionPhone: z.string(),
  floor: z.number().nullable(),
  roomId: z.uuid().nullable(),
  roomName: z.string().nullable(),
  bedLabel: z.string().nullable(),
  /** The residents of that room (or the one resident of the bed), with their bed. */
  residents: z.array(z.object({ id: z.uuid(), name: z.string(), bedLabel: z.string().nullable() })),
  /** Care staff on shift at the institution. */
  staffOnShift: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type AlertPlace = z.infer<typeof alertPlaceSchema>;

export const alertSchema = z.object({
  id: z.uuid(),
  /** Monotonic change number: a client that saw seq N asks for everything after N. */
  seq: z.number(),
  queue: alertQueueSchema,
  /** The most severe kind it holds (the first of them to arrive). */
  kind: alertKindSchema,
  /** Every kind of signal folded into it, in order of arrival (e.g. sos, then missed_meal). */
  kinds: z.array(alertKindSchema),
  /** The highest severity among its signals. */
  severity: severitySchema,
  /** Severity raised by the resident's risk categories (informational: the queue is ordered by compareAlerts). */
  priority: z.number(),
  status: alertStatusSchema,
  title: z.string(),
  residentId: z.uuid().nullable(),
  residentName: z.string().nullable(),
  institutionId: z.uuid().nullable(),
  deviceId: z.string().nullable(),
  signalCount: z.number(),
  /** 0: not escalated; 1: escalated to supervisors; 2 and up: reminders (capped, see docs/alerts.md). */
  escalationLevel: z.number(),
  flagged: z.boolean(),
  /** When the hub received the first signal (the hub's clock). */
  createdAt: z.string(),
  /** When the first signal happened by the device's own clock (data, never a timer). */
  occurredAt: z.string(),
  /** When it reached dispatch (the hub's clock; for a fall, the end of its cancel window). */
  openedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.uuid().nullable(),
  acknowledgedByName: z.string().nullable(),
  contactAt: z.string().nullable(),
  dispatchedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  onSceneAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  responder: responderSchema.nullable(),
  /** The responders being tried in order, and which one is current (null without a ladder). */
  responderLadder: z
    .object({
      tiers: z.array(responderSchema),
      index: z.number(),
      /** Every responder was asked at once (first to accept wins). */
      askAllAtOnce: z.boolean().optional(),
    })
    .nullable(),
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  place: alertPlaceSchema.nullable(),
  /** device, phone (a call taken by a dispatcher) or system (raised by the hub: watchdog, missed meal, …). */
  source: alertSourceSchema,
  /** Who phoned in (phone incidents): the number the call came from, a name, where an unknown caller is. */
  caller: z.object({ phone: z.string(), name: z.string(), address: z.string() }).nullable(),
  updatedAt: z.string(),
});
export type Alert = z.infer<typeof alertSchema>;

/** When an alert's clock starts, by the hub's clock: when it opened (after a fall's cancel window), else when received. */
export const alertStartedAt = (a: Pick<Alert, 'openedAt' | 'createdAt'>): number =>
  Date.parse(a.openedAt ?? a.createdAt);

/**
 * The one order of the dispatch queue, used by the hub's list API and the dashboard alike: by
 * severity class (a critical alarm — sos, fall, smoke, gas — above every other alert, whatever its
 * age or escalation), within a class escalated before not escalated, then the oldest first (by the
 * hub's clock). Priority and escalation depth do not reorder: nothing can push an alarm down.
 */
export function compareAlerts(
  a: Pick<Alert, 'id' | 'severity' | 'escalationLevel' | 'openedAt' | 'createdAt'>,
  b: Pick<Alert, 'id' | 'severity' | 'escalationLevel' | 'openedAt' | 'createdAt'>,
): number {
  return (
    SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] ||
    Number(b.escalationLevel > 0) - Number(a.escalationLevel > 0) ||
    alertStartedAt(a) - alertStartedAt(b) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export const alertDetailSchema = alertSchema.extend({
  signals: z.array(alertSignalSchema),
  actions: z.array(alertActionSchema),
  /** The checklist (resident's instructions first, then the kind's plan), each step with its tick. */
  checklist: z.array(checklistStepSchema),
  /** The elder's home (null without a resident, or for a resident of an institution). */
  home: z
    .object({
      address: z.string(),
      community: z.string(),
      location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
      /** The tenant's map link filled with the home's coordinates. */
      mapUrl: z.string().nullable(),
    })
    .nullable(),
  /** The map link of the alarm's own location (a device that sent coordinates). */
  locationMapUrl: z.string().nullable(),
  /** The device that raised it, as it is now, with its recent status reports (newest first). */
  device: z
    .object({
      id: z.string(),
      type: z.string(),
      label: z.string(),
      online: z.boolean(),
      battery: z.number().nullable(),
      signal: z.number().nullable(),
      lastSeen: z.string().nullable(),
      history: z.array(
        z.object({
          ts: z.string(),
          online: z.boolean(),
          battery: z.number().nullable(),
          signal: z.number().nullable(),
        }),
      ),
    })
    .nullable(),
});
export type AlertDetail = z.infer<typeof alertDetailSchema>;

export const alertListQuerySchema = z.object({
  state: z.enum(['active', 'closed', 'all']).default('active'),
  queue: alertQueueSchema.optional(),
  residentId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const ALERT_ACTIONS = [
  'contact_made',
  'no_contact',
  'dispatch',
  'accepted',
  'on_scene',
  'resolve',
  'cancel',
  'note',
] as const;
export const alertActionBodySchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('contact_made'), note: z.string().max(2000).default('') }),
  z.strictObject({ action: z.literal('no_contact'), note: z.string().max(2000).default('') }),
  z
    .strictObject({
      action: z.literal('dispatch'),
      /** One responder… */
      responder: responderSchema.optional(),
      /** …or responders to try in order: the next is tried when one has not accepted in time (first to accept wins). */
      responders: z.array(responderSchema).min(1).max(6).optional(),
      /** Ask every responder given at once: the first to accept wins, the others are withdrawn. */
      askAllAtOnce: z.boolean().optional(),
      note: z.string().max(2000).default(''),
    })
    .refine((b) => !!b.responder !== !!b.responders, { message: 'give either responder or responders' }),
  z.strictObject({ action: z.literal('accepted'), note: z.string().max(2000).default('') }),
  z.strictObject({ action: z.literal('on_scene'), note: z.string().max(2000).default('') }),
  z
    .strictObject({ action: z.literal('resolve'), outcome: outcomeSchema, note: z.string().max(2000).default('') })
    .refine((b) => !OUTCOMES_NEEDING_NOTE.includes(b.outcome) || b.note.trim().length > 0, {
      message: 'say why in the note (false alarm for another reason, or other)',
      path: ['note'],
    }),
  z.strictObject({ action: z.literal('cancel'), note: z.string().trim().min(1, 'say why it is cancelled').max(2000) }),
  z.strictObject({ action: z.literal('note'), note: z.string().trim().min(1).max(2000) }),
]);
export type AlertActionBody = z.input<typeof alertActionBodySchema>;

// The SLA report schema (slaReportSchema) is in reports.ts.

/** How closed incidents ended over a period (closed in [from, to)). */
export const outcomesReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number(),
  falseAlarms: z.number(),
  /** Every outcome code with its count (0 included); `none` for incidents closed without one (cancelled). */
  byOutcome: z.array(z.object({ outcome: z.string(), count: z.number() })),
  bySource: z.array(z.object({ source: alertSourceSchema, total: z.number(), falseAlarms: z.number() })),
});
export type OutcomesReport = z.infer<typeof outcomesReportSchema>;

/** An alert went up an escalation level: sent to the supervisors on screen (and shown to dispatch). */
export interface EscalationNotice {
  alertId: string;
  level: number;
  /** Level 1 goes to supervisors; later levels are reminders, up to the configured cap. */
  to: 'supervisors' | 'reminder';
  /** What was overdue: acknowledging it, resolving it, or a device-health item. */
  reason: 'unacknowledged' | 'unresolved' | 'device_health';
  at: string;
  alert: Alert;
}

/**
 * A signal of a kind the incident did not hold yet was folded into it (e.g. a meal no-answer into
 * an open sos): told to whoever holds the incident (everyone who may see it, while unclaimed).
 */
export interface FoldNotice {
  alertId: string;
  kind: AlertKind;
  severity: Severity;
  previousSeverity: Severity;
  /** The new signal made the incident critical: it rings. */
  becameCritical: boolean;
  /** The user who has claimed it (null while unclaimed). */
  holderId: string | null;
  at: string;
  alert: Alert;
}

/** Per-tenant settings the live screens need (with every snapshot). */
export interface LiveSettings {
  /** High alarms (wandering, night door, vitals, welfare) ring with their own calmer tone. */
  ringHigh: boolean;
}

// ---- socket.io contract (path /socket.io; auth: the session cookie, or { token } in the handshake) ----
export interface WatchdogNotice {
  kind: 'no_dispatcher' | 'unacknowledged_critical';
  message: string;
  at: string;
  alertIds: string[];
}

/**
 * An alarm received while the database is unreachable (degraded mode): the event is kept in the
 * hub's local spool and shown live, but it is not an incident yet and cannot be claimed. When the
 * database is back the event goes through the normal path (an `alert:upsert` follows) and
 * `alert:provisional-cleared` removes this entry. `id` is `<deviceId>:<eventId>`.
 */
export interface ProvisionalAlert {
  id: string;
  deviceId: string;
  eventId: string;
  /** Event type as the device sent it (sos, fall, smoke, ...). */
  type: string;
  kind: AlertKind;
  severity: Severity;
  title: string;
  residentId: string | null;
  /** Only when the hub had the resident cached before the outage. */
  residentName: string | null;
  institutionId: string | null;
  /** Device time of the event and when the hub received it (ISO). */
  ts: string;
  receivedAt: string;
}

export interface ServerToClientEvents {
  /** Sent on connect and after `sync`: every active alert the user may see, plus changes since `since`. */
  'alerts:snapshot': (p: { alerts: Alert[]; seq: number; full: boolean; settings?: LiveSettings }) => void;
  /** An alert was created or changed. */
  'alert:upsert': (a: Alert) => void;
  'watchdog:alarm': (n: WatchdogNotice) => void;
  /** An alert was escalated (to the supervisors room; dispatch screens get it too). */
  'alert:escalated': (n: EscalationNotice) => void;
  /** A signal of another kind was folded into an incident (see FoldNotice). */
  'alert:folded': (n: FoldNotice) => void;
  'hub:status': (s: { mqtt: boolean; database: boolean; at: string }) => void;
  /** Degraded mode: an alarm received while the database is unreachable (not claimable yet). */
  'alert:provisional': (a: ProvisionalAlert) => void;
  /** These provisional alarms have gone through the normal path (ids as in ProvisionalAlert.id). */
  'alert:provisional-cleared': (p: { ids: string[] }) => void;
  /**
   * Early notice: an alarm that opens at once (sos, smoke, gas, …) has just arrived and is being
   * recorded — sent before the event is stored, so screens show it and ring without waiting for
   * the database. Not claimable; the `alert:upsert` of its incident follows, then
   * `alert:incoming-done` with its id (also when it was folded into an incident already open, or
   * kept as a provisional alarm because the database is unreachable).
   */
  'alert:incoming': (a: ProvisionalAlert) => void;
  /** These early notices have been handled (ids as in ProvisionalAlert.id). */
  'alert:incoming-done': (p: { ids: string[] }) => void;
  /** A message of an incident was queued, sent, failed, gave up or got a reply (dispatch screens). */
  'notification:update': (n: NotificationInfo) => void;
  /** A message gave up after N tries ("SMS to 张伟 failed: …"): a human must phone instead. */
  'notification:dead': (n: NotificationDeadNotice) => void;
}

export interface ClientToServerEvents {
  /** Asks for everything changed after `since` (the highest seq the client holds). */
  sync: (
    p: { since: number },
    ack: (r: { alerts: Alert[]; seq: number; full: boolean; settings?: LiveSettings }) => void,
  ) => void;
}
