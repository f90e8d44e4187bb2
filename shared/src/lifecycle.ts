/**
 * The alert lifecycle, once: which action takes an alert from which statuses to which status, and
 * who may take it. The hub enforces it (each step is a conditional update from these statuses) and
 * the dashboard shows only the buttons it allows.
 *
 * received (pending) → open → acknowledged (claimed) → contact_made | no_contact → dispatched →
 * accepted → on_scene → resolved; or cancelled at any point before it is closed.
 */
import { ALERT_ACTIONS, ALERT_STATUSES, CLOSED_STATUSES, type AlertStatus } from './alerts.js';
import type { Role } from './domain.js';
import { can, type Capability } from './roles.js';

/** Not yet claimed by anyone. */
export const UNCLAIMED: readonly AlertStatus[] = ['pending', 'open'];
/** Claimed and still being worked (after the acknowledgement, before it is closed). */
export const ACTIVE_AFTER_ACK: readonly AlertStatus[] = ALERT_STATUSES.filter(
  (s) => !UNCLAIMED.includes(s) && !CLOSED_STATUSES.includes(s),
);
/** Those on the premises go on scene from any claimed step before it (no dispatch needed). */
export const ON_SCENE_ON_SITE: readonly AlertStatus[] = ACTIVE_AFTER_ACK.filter((s) => s !== 'on_scene');

/** What a person does to an alert that moves it on: `claim`, then the steps of the action body (a note does not). */
export type LifecycleAction = 'claim' | Exclude<(typeof ALERT_ACTIONS)[number], 'note'>;
export const LIFECYCLE_ACTIONS: readonly LifecycleAction[] = [
  'claim',
  ...ALERT_ACTIONS.filter((a): a is Exclude<typeof a, 'note'> => a !== 'note'),
];

/** What the hub itself does to an alert: the elder's device cancels it, or a device clears its own fault. */
export type SystemAction = 'elder_cancel' | 'device_cleared';

export interface Transition {
  from: readonly AlertStatus[];
  to: AlertStatus;
  /** Who may take it at all. */
  capability: Capability;
  /**
   * Only whoever claimed it, or a holder of `alerts.override`, may take it: `always`, or
   * `unlessUnclaimed` (anyone who may take it, while nobody has claimed it: a cancel).
   */
  holderOnly: false | 'always' | 'unlessUnclaimed';
  /** Holders of this capability may take it from these statuses instead. */
  widened?: { capability: Capability; from: readonly AlertStatus[] };
}

export const LIFECYCLE: Record<LifecycleAction, Transition> = {
  claim: { from: UNCLAIMED, to: 'acknowledged', capability: 'alerts.handle', holderOnly: false },
  contact_made: {
    from: ['acknowledged', 'no_contact'],
    to: 'contact_made',
    capability: 'alerts.handle',
    holderOnly: 'always',
  },
  no_contact: { from: ['acknowledged'], to: 'no_contact', capability: 'alerts.handle', holderOnly: 'always' },
  dispatch: {
    from: ['acknowledged', 'contact_made', 'no_contact', 'dispatched', 'accepted'],
    to: 'dispatched',
    capability: 'alerts.handle',
    holderOnly: 'always',
  },
  accepted: { from: ['dispatched'], to: 'accepted', capability: 'alerts.handle', holderOnly: 'always' },
  on_scene: {
    from: ['dispatched', 'accepted'],
    to: 'on_scene',
    capability: 'alerts.handle',
    holderOnly: 'always',
    widened: { capability: 'alerts.onSite', from: ON_SCENE_ON_SITE },
  },
  resolve: { from: ACTIVE_AFTER_ACK, to: 'resolved', capability: 'alerts.handle', holderOnly: 'always' },
  cancel: {
    from: [...UNCLAIMED, ...ACTIVE_AFTER_ACK],
    to: 'cancelled',
    capability: 'alerts.handle',
    holderOnly: 'unlessUnclaimed',
  },
};

/** The hub's own transitions (no user takes them). */
export const SYSTEM_LIFECYCLE: Record<SystemAction, { from: readonly AlertStatus[]; to: AlertStatus }> = {
  /** The elder pressed cancel before anyone claimed it (a false alarm). */
  elder_cancel: { from: UNCLAIMED, to: 'cancelled' },
  /** A device-health alert the device itself cleared (back online, a self-test received). */
  device_cleared: { from: ['open', ...ACTIVE_AFTER_ACK], to: 'resolved' },
};

/** The statuses an action may be taken from, by this role (null role: anyone who may take it). */
export function fromStatuses(action: LifecycleAction, role?: Role | null): readonly AlertStatus[] {
  const t = LIFECYCLE[action];
  return t.widened && role && can(role, t.widened.capability) ? t.widened.from : t.from;
}

/** The status the action leads to from this status, or null where it is not allowed from it. */
export function nextStatus(status: AlertStatus, action: LifecycleAction, role?: Role | null): AlertStatus | null {
  return fromStatuses(action, role).includes(status) ? LIFECYCLE[action].to : null;
}

/** Whether taking this action needs the alert to be the actor's own (or the override capability). */
export function needsHolder(action: LifecycleAction, status: AlertStatus): boolean {
  const h = LIFECYCLE[action].holderOnly;
  return h === 'always' || (h === 'unlessUnclaimed' && !UNCLAIMED.includes(status));
}

/** Whether this user may act on an alert someone claimed: the one who claimed it, or an overrider. */
export function mayActOn(alert: { acknowledgedBy: string | null }, user: { id: string; role: Role }): boolean {
  return alert.acknowledgedBy === user.id || can(user.role, 'alerts.override');
}

/**
 * The actions a role may take on an alert in this status. With `holder` (whether this user claimed
 * it, or may override), also whether the step is theirs to take; without it, the holder rule is left out.
 */
export function allowedActions(status: AlertStatus, role: Role, holder?: boolean): LifecycleAction[] {
  return LIFECYCLE_ACTIONS.filter(
    (a) =>
      can(role, LIFECYCLE[a].capability) &&
      nextStatus(status, a, role) !== null &&
      (holder === undefined || holder || !needsHolder(a, status)),
  );
}
