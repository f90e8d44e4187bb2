/** Pure logic of the live alert queue and the care screens, so it is unit-tested. */
import type { Alert, AlertPlace, AlertStatus, CareLevel, Device, Role } from '@eldercare/shared';
import {
  CLOSED_STATUSES,
  alertStartedAt,
  compareAlerts,
  localDate,
  staffingFor,
  startOfLocalDay,
  type Staffing,
  UNCLAIMED,
  can,
  mayActOn,
  nextStatus,
} from '@eldercare/shared';
import type { MessageKey } from './i18n/zh';

/** A translator (the app's `t`). */
type Tr = (key: MessageKey, params?: Record<string, string | number>) => string;

export const isClosed = (a: Pick<Alert, 'status'>): boolean => CLOSED_STATUSES.includes(a.status);
export const isUnacknowledged = (a: Pick<Alert, 'status'>): boolean => UNCLAIMED.includes(a.status);

/** Roles the hub lets onto the live socket (the capability table in shared/src/roles.ts). */
export const canWatchAlerts = (role: Role): boolean => can(role, 'alerts.watch');
/** Roles that may claim and work alerts. */
export const canHandleAlerts = (role: Role): boolean => can(role, 'alerts.handle');
export const canOverride = (role: Role): boolean => can(role, 'alerts.override');

/** When the clock of an alert starts (the hub's clock): when it opened (after a fall's cancel window), else when received. */
export const startedAt = alertStartedAt;

/** The queue's one order, the hub's own (shared): critical class first, escalated first, then the oldest. */
export { compareAlerts };

/**
 * A critical alarm that needs someone now: new to this screen, or just made critical, and not yet
 * claimed. It takes the operator's attention even while they work another incident.
 */
export function needsAttention(before: Alert | undefined, after: Alert): boolean {
  if (after.severity !== 'critical' || !isUnacknowledged(after)) return false;
  return !before || before.severity !== 'critical';
}

/** The kinds an incident holds, as one label (e.g. "SOS + 送餐无人应答"). */
export function kindsLabel(a: Pick<Alert, 'kind' | 'kinds'>, tr: Tr): string {
  const kinds = a.kinds?.length ? [a.kind, ...a.kinds.filter((k) => k !== a.kind)] : [a.kind];
  return kinds.map((k) => tr(`alertKind.${k}`)).join(' + ');
}

/** Where an alarm from an institution comes from, most specific last: institution, floor, room, bed. */
export function placeParts(p: AlertPlace, tr: Tr): string[] {
  const out = [p.institutionName];
  if (p.floor != null) out.push(tr('place.floor', { floor: p.floor }));
  if (p.roomName) out.push(tr('place.room', { name: p.roomName }));
  if (p.bedLabel) out.push(tr('place.bed', { label: p.bedLabel }));
  return out;
}

/** Active emergencies raised by a room's own devices (a pull cord, a smoke detector): no resident. */
export function roomAlarms(roomId: string, alerts: readonly Alert[]): Alert[] {
  return alerts.filter((a) => a.queue === 'emergency' && !a.residentId && a.place?.roomId === roomId);
}

/**
 * Which tone the screen rings, if any: critical while a critical alarm waits unclaimed (or one the
 * user holds was just made critical), the calmer high tone while a high emergency waits unclaimed
 * (when the tenant rings for high alarms), else none.
 */
export function ringTone(s: {
  alerts: readonly Pick<Alert, 'queue' | 'severity' | 'status'>[];
  /** Early notices and provisional alarms: not claimable yet, so they are waiting by definition. */
  waiting: readonly { severity: Alert['severity'] }[];
  heldBecameCritical: boolean;
  ringHigh: boolean;
}): 'critical' | 'high' | null {
  const open = s.alerts.filter((a) => a.queue === 'emergency' && isUnacknowledged(a));
  if (
    s.heldBecameCritical ||
    open.some((a) => a.severity === 'critical') ||
    s.waiting.some((a) => a.severity === 'critical')
  )
    return 'critical';
  if (s.ringHigh && (open.some((a) => a.severity === 'high') || s.waiting.some((a) => a.severity === 'high')))
    return 'high';
  return null;
}

/** How far the device's own time is from when the hub received it (ms; positive: the device is ahead). */
export const deviceSkewMs = (a: Pick<Alert, 'occurredAt' | 'createdAt'>): number =>
  Date.parse(a.occurredAt) - Date.parse(a.createdAt);

export type TimerLevel = 'ok' | 'warning' | 'critical';
export const AMBER_SECONDS = 60;
export const RED_SECONDS = 180;
export function timerLevel(seconds: number): TimerLevel {
  if (seconds >= RED_SECONDS) return 'critical';
  if (seconds >= AMBER_SECONDS) return 'warning';
  return 'ok';
}

/** `75` → `1:15`; `3725` → `1:02:05`. */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * The active queue as a plain map: merges by id keeping the highest seq, drops closed alerts and
 * remembers them so a late, older copy cannot bring a closed alert back.
 */
export class AlertIndex {
  readonly active = new Map<string, Alert>();
  readonly closedSeq = new Map<string, number>();
  seq = 0;

  /** Returns true when the queue changed. */
  merge(a: Alert): boolean {
    if (a.seq > this.seq) this.seq = a.seq;
    const known = this.active.get(a.id);
    if (known && known.seq >= a.seq) return false;
    const closed = this.closedSeq.get(a.id);
    if (closed !== undefined && closed >= a.seq) return false;
    if (isClosed(a)) {
      this.closedSeq.set(a.id, a.seq);
      return this.active.delete(a.id) || !known;
    }
    this.active.set(a.id, a);
    return true;
  }

  /** A snapshot from the hub: `full` replaces the active set, otherwise the changes are merged. */
  snapshot(s: { alerts: Alert[]; seq: number; full: boolean }): void {
    if (s.full) {
      this.active.clear();
      this.closedSeq.clear();
      this.seq = s.seq;
      for (const a of s.alerts) if (!isClosed(a)) this.active.set(a.id, a);
      return;
    }
    for (const a of s.alerts) this.merge(a);
    if (s.seq > this.seq) this.seq = s.seq;
  }

  sorted(): Alert[] {
    return [...this.active.values()].sort(compareAlerts);
  }
}

// ---- lifecycle (the table is shared/src/lifecycle.ts, the one the hub enforces) ----------------------

export type Step = 'contact_made' | 'no_contact' | 'dispatch' | 'accepted' | 'on_scene' | 'resolve';
/** The lifecycle steps in the order a dispatcher takes them; keys 1–6. */
export const STEPS: readonly Step[] = ['contact_made', 'no_contact', 'dispatch', 'accepted', 'on_scene', 'resolve'];

/**
 * Whether a step is allowed from the alert's status; with a role, as that role may take it (care-home
 * staff, on the premises, go on scene from any claimed step).
 */
export const stepAllowed = (step: Step, status: AlertStatus, role?: Role): boolean =>
  nextStatus(status, step, role) !== null;
export const canClaim = (a: Pick<Alert, 'status'>): boolean => nextStatus(a.status, 'claim') !== null;
export const canCancel = (a: Pick<Alert, 'status'>): boolean => nextStatus(a.status, 'cancel') !== null;

/** Whether this user may work the alert: the claimer, or a supervisor/admin. */
export const mayAct = (a: Pick<Alert, 'acknowledgedBy'>, user: { id: string; role: Role }): boolean =>
  mayActOn(a, user);

/** The step to suggest next (highlighted), given the status. */
export function suggestedStep(status: AlertStatus): Step | null {
  switch (status) {
    case 'acknowledged':
      return 'contact_made';
    case 'contact_made':
    case 'no_contact':
      return 'dispatch';
    case 'dispatched':
      return 'accepted';
    case 'accepted':
      return 'on_scene';
    case 'on_scene':
      return 'resolve';
    case 'pending':
    case 'open':
    case 'resolved':
    case 'cancelled':
      return null;
  }
}

// ---- institution board ---------------------------------------------------------------------------

export type BedState = 'alarm' | 'offline' | 'ok';

/** A bed's state from live data only: an active alert wins, then any offline device, else ok. */
export function bedState(residentId: string, activeAlerts: readonly Alert[], devices: readonly Device[]): BedState {
  if (activeAlerts.some((a) => a.residentId === residentId && a.queue === 'emergency')) return 'alarm';
  if (devices.some((d) => d.residentId === residentId && !d.online)) return 'offline';
  return 'ok';
}

export type { Staffing } from '@eldercare/shared';
/** Residents by care level and the staff the ratios require (the hub's board uses the same rule). */
export const staffing = (levels: readonly CareLevel[]): Staffing => staffingFor(levels);

/** Midnight today in a time zone, as an ISO string with offset (for "today" reports). */
export function midnightIn(timeZone: string, now = Date.now()): string {
  return startOfLocalDay(localDate(now, timeZone), timeZone).toISOString();
}
