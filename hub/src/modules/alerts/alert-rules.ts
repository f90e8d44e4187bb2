/**
 * The alert rules, as pure functions of their inputs: which device events and readings become
 * alerts, of what severity and priority. Defaults follow alarm-centre practice; a tenant overrides
 * any of them in tenants.settings.alertRules.
 */
import type { AlertKind, EventType, RiskCategory, Severity, VitalThresholds } from '@eldercare/shared';

export interface AlertRules {
  /** A fall waits this long for the elder's `cancel` before it alerts. */
  cancelWindowMs: number;
  /** Unacknowledged this long → escalated to supervisors (level 1). */
  ackEscalationMs: number;
  /** Still unacknowledged after that → a reminder (level 2, 3, …) this often, up to `maxEscalationLevel`. */
  escalationReminderMs: number;
  /** Escalation stops at this level: one audit row per level, never one a minute for hours. */
  maxEscalationLevel: number;
  /** Acknowledged but unresolved this long → escalated again (repeats, up to the same cap). */
  resolveEscalationMs: number;
  /** A dispatched responder who has not accepted in this time → the next responder in the ladder. */
  responderTimeoutMs: number;
  /** Device-health alerts must be handled the same day. */
  deviceHealthEscalationMs: number;
  vitals: Required<VitalThresholds>;
  /** A reading must stay out of range this long before it alerts (no flapping on one noisy value). */
  vitalsSustainMs: number;
  /** No activity this long, in waking hours, for elders living alone or empty-nest. */
  inactivityMs: number;
  /**
   * After an inactivity incident is closed (the elder was reached and is well), no new inactivity
   * alarm for her until activity is seen again or this long has passed since the closing; while
   * the incident is still active, none at all (the checks do not pile signals onto it).
   */
  inactivityQuietMs: number;
  wakingHours: { start: number; end: number };
  nightHours: { start: number; end: number };
  /** No message from a device this long → offline. */
  offlineAfterMs: number;
  lowBatteryPct: number;
  /** Alarm devices (pendants, pull cords, fall, smoke and gas detectors) must send a `test` event this often. */
  periodicTestMs: number;
  /** More events than this per device per minute → the device is flagged as storming. */
  stormPerMinute: number;
  /** A device whose clock is off from the hub's by more than this raises a "clock wrong" device-health item. */
  clockSkewLimitMs: number;
  /** High alarms (wandering, night door, vitals, welfare) ring on the screens, with a calmer tone than critical ones. */
  ringHigh: boolean;
}

export const DEFAULT_RULES: AlertRules = {
  cancelWindowMs: 30_000,
  ackEscalationMs: 60_000,
  escalationReminderMs: 5 * 60_000,
  maxEscalationLevel: 4,
  resolveEscalationMs: 30 * 60_000,
  responderTimeoutMs: 5 * 60_000,
  deviceHealthEscalationMs: 4 * 3600_000,
  vitals: {
    heartRateLow: 40,
    heartRateHigh: 130,
    spo2Low: 90,
    systolicHigh: 180,
    systolicLow: 90,
    temperatureHigh: 38.5,
  },
  vitalsSustainMs: 60_000,
  inactivityMs: 8 * 3600_000,
  inactivityQuietMs: 8 * 3600_000,
  wakingHours: { start: 7, end: 22 },
  nightHours: { start: 22, end: 6 },
  offlineAfterMs: 30 * 60_000,
  lowBatteryPct: 15,
  periodicTestMs: 7 * 86400_000,
  stormPerMinute: 12,
  clockSkewLimitMs: 5 * 60_000,
  ringHigh: true,
};

export function mergeRules(overrides: unknown): AlertRules {
  if (!overrides || typeof overrides !== 'object') return DEFAULT_RULES;
  const o = overrides as Partial<AlertRules>;
  return { ...DEFAULT_RULES, ...o, vitals: { ...DEFAULT_RULES.vitals, ...(o.vitals ?? {}) } };
}

const SEVERITY_BASE: Record<Severity, number> = { critical: 100, high: 70, medium: 40, low: 10 };
const RISK_BOOST: Partial<Record<RiskCategory, number>> = {
  living_alone: 8,
  dementia: 6,
  age_80_plus: 5,
  disabled: 5,
  severely_disabled: 7,
  lost_only_child: 4,
  empty_nest: 3,
  left_behind: 3,
};

/**
 * Priority = event severity raised by the resident's risk categories. Informational: the queue is
 * ordered by shared `compareAlerts` (class, escalated, oldest), and escalation never changes it.
 */
export function priorityOf(severity: Severity, risks: readonly string[]): number {
  const boost = risks.reduce((s, r) => s + (RISK_BOOST[r as RiskCategory] ?? 0), 0);
  return SEVERITY_BASE[severity] + Math.min(boost, 20);
}

export const SEVERITY_RANK: Record<Severity, number> = { critical: 3, high: 2, medium: 1, low: 0 };

export function inHours(hour: number, range: { start: number; end: number }): boolean {
  return range.start <= range.end ? hour >= range.start && hour < range.end : hour >= range.start || hour < range.end;
}

export interface EventClassification {
  kind: AlertKind;
  severity: Severity;
  queue: 'emergency' | 'device_health';
  /** For a fall: alert only if not cancelled within this many ms. */
  pendingMs?: number;
}

/**
 * When a cancel window ends. It is measured from the device's own timestamp, so a fall replayed after
 * a database outage (or sent late by a device that was offline) does not wait a whole new window; but
 * it never ends later than the window after the hub received the event, so a device clock running
 * ahead cannot hold an alarm back. A timestamp far in the past simply means the window is over.
 */
export function cancelWindowEnd(eventTs: number, receivedAt: number, windowMs: number): number {
  return Math.min(eventTs, receivedAt) + windowMs;
}

/** An alert with a cancel window either waits (pending until a time) or opens at once (as of a time). */
export type CancelWindowTiming = { pendingUntil: number } | { openedAt: number };

/**
 * How an event with a cancel window is raised at `now`: pending until its window ends, or — when the
 * window is already over — open at once, as of the moment it ended. A `cancel` known to follow it
 * (spooled right behind it during a database outage) keeps it pending one more window so that the
 * cancel withdraws it before it ever opens; it opens then only if that cancel never gets applied.
 */
export function cancelWindowTiming(p: {
  eventTs: number;
  receivedAt: number;
  now: number;
  windowMs: number;
  cancelFollows: boolean;
}): CancelWindowTiming {
  const end = cancelWindowEnd(p.eventTs, p.receivedAt, p.windowMs);
  if (end > p.now) return { pendingUntil: end };
  if (p.cancelFollows) return { pendingUntil: p.now + p.windowMs };
  // Opened never before the hub had it: a device clock running behind cannot backdate the alarm.
  return { openedAt: Math.max(end, p.receivedAt) };
}

/** Which device events are alerts. Activity events (motion, door, bed) only count as activity unless the rules say otherwise. */
export function classifyEvent(
  type: EventType,
  ctx: { risks: readonly string[]; hour: number; rules: AlertRules },
): EventClassification | null {
  const night = inHours(ctx.hour, ctx.rules.nightHours);
  const dementia = ctx.risks.includes('dementia');
  switch (type) {
    case 'sos':
      return { kind: 'sos', severity: 'critical', queue: 'emergency' };
    case 'fall':
      return { kind: 'fall', severity: 'critical', queue: 'emergency', pendingMs: ctx.rules.cancelWindowMs };
    case 'smoke':
      return { kind: 'smoke', severity: 'critical', queue: 'emergency' };
    case 'gas':
      return { kind: 'gas', severity: 'critical', queue: 'emergency' };
    case 'water_leak':
      return { kind: 'water_leak', severity: 'medium', queue: 'emergency' };
    case 'geofence_exit':
      return { kind: 'geofence_exit', severity: 'high', queue: 'emergency' };
    case 'bed_exit':
      return night && dementia ? { kind: 'night_bed_exit', severity: 'high', queue: 'emergency' } : null;
    case 'door_open':
      return night && dementia ? { kind: 'night_door_open', severity: 'high', queue: 'emergency' } : null;
    case 'low_battery':
      return { kind: 'low_battery', severity: 'low', queue: 'device_health' };
    case 'power_lost':
      return { kind: 'power_loss', severity: 'medium', queue: 'device_health' };
    case 'inactivity':
      return { kind: 'inactivity', severity: 'high', queue: 'emergency' };
    case 'battery_ok':
    case 'power_restored':
    case 'bed_enter':
    case 'door_close':
    case 'motion':
    case 'test':
    case 'cancel':
      return null;
  }
}

/** Device types whose periodic self-test is watched. */
export const SELF_TESTING_DEVICES = [
  'sos_pendant',
  'pull_cord',
  'fall_detector',
  'smoke_sensor',
  'gas_sensor',
] as const;

/** Sensors that watch an elder's activity at home (inactivity is judged only from these, while they report). */
export const ACTIVITY_SENSORS = ['motion_sensor', 'door_sensor', 'bed_sensor'] as const;

export const ACTIVITY_EVENTS: readonly EventType[] = [
  'motion',
  'door_open',
  'door_close',
  'bed_exit',
  'bed_enter',
  'sos',
  'cancel',
  'test',
];

type VitalMetric = 'heartRate' | 'spo2' | 'systolic' | 'temperature';
const HYSTERESIS: Record<VitalMetric, number> = { heartRate: 5, spo2: 2, systolic: 10, temperature: 0.3 };

/** Whether a value is out of range, and whether it is back inside by the hysteresis margin. */
export function vitalState(
  metric: string,
  value: number,
  t: Required<VitalThresholds>,
): { out: boolean; clear: boolean; reason: string } | null {
  const m = metric as VitalMetric;
  const h = HYSTERESIS[m];
  if (h === undefined) return null;
  const lim =
    m === 'heartRate'
      ? { low: t.heartRateLow, high: t.heartRateHigh }
      : m === 'spo2'
        ? { low: t.spo2Low, high: Infinity }
        : m === 'systolic'
          ? { low: t.systolicLow, high: t.systolicHigh }
          : { low: -Infinity, high: t.temperatureHigh };
  const out = value < lim.low || value > lim.high;
  const clear = value >= lim.low + h && value <= lim.high - h;
  const reason = value < lim.low ? `${metric} ${value} < ${lim.low}` : `${metric} ${value} > ${lim.high}`;
  return { out, clear, reason };
}

/**
 * Per resident and metric: raises once a value has stayed out of range for `sustainMs`, and
 * re-arms only after the value is back inside the range by the hysteresis margin.
 */
export class VitalsMonitor {
  private readonly state = new Map<string, { since: number | null; raised: boolean }>();

  observe(
    key: string,
    metric: string,
    value: number,
    ts: number,
    thresholds: Required<VitalThresholds>,
    sustainMs: number,
  ): { raise: string } | null {
    const v = vitalState(metric, value, thresholds);
    if (!v) return null;
    const k = `${key}:${metric}`;
    let s = this.state.get(k);
    if (!s) {
      if (!v.out) return null;
      s = { since: null, raised: false };
      this.state.set(k, s);
    }
    if (v.out) {
      s.since ??= ts;
      if (!s.raised && ts - s.since >= sustainMs) {
        s.raised = true;
        return { raise: v.reason };
      }
    } else if (v.clear) {
      this.state.delete(k);
    } else if (!s.raised) {
      s.since = null;
    }
    return null;
  }
}
