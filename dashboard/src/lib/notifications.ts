/**
 * Pure helpers of the notification screens: the incident's delivery timeline, the responder's next
 * steps, the settings form. Unit-tested; the pages only render what these decide.
 */
import type {
  ChannelStatus,
  NotificationInfo,
  NotificationPreferences,
  PersonalChannel,
  Purpose,
  ResponderDispatch,
  Role,
  ResponderStep,
  Severity,
} from '@eldercare/shared';
import { CLOSED_STATUSES, PERSONAL_CHANNELS, RESPONDER_STEPS } from '@eldercare/shared';

// ---- incident timeline ------------------------------------------------------------------------

/** A message that did not get through: a human should phone instead. */
export const isFailure = (n: Pick<NotificationInfo, 'status'>): boolean => n.status === 'failed' || n.status === 'dead';

/** Puts a message (new or changed) into a timeline, oldest first; an older copy never replaces a newer one. */
export function mergeNotification(list: readonly NotificationInfo[], n: NotificationInfo): NotificationInfo[] {
  const at = list.findIndex((x) => x.id === n.id);
  if (at >= 0) {
    const old = list[at]!;
    if (progress(old) > progress(n)) return [...list];
    const next = [...list];
    next[at] = n;
    return next;
  }
  return [...list, n].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : 1));
}

/** How far a message has come, so a late, stale socket event can't undo a reply or a final state. */
function progress(n: NotificationInfo): number {
  const base = { pending: 0, held: 0, sending: 1, failed: 2, sent: 3, dead: 3 }[n.status];
  return base + n.attempts * 4 + (n.reply ? 1000 : 0);
}

/** Messages of one incident from a live feed of every incident's messages. */
export function forAlert(list: readonly NotificationInfo[], alertId: string): NotificationInfo[] {
  return list.filter((n) => n.alertId === alertId);
}

/** The time shown for a message: when it was sent, failed, or queued. */
export function notificationTime(n: NotificationInfo): string {
  return n.sentAt ?? n.failedAt ?? n.createdAt;
}

// ---- responder --------------------------------------------------------------------------------

/** What the responder can do next with a dispatch: answer it, report a step, or nothing (finished). */
export type ResponderNext =
  { kind: 'answer' } | { kind: 'steps'; next: ResponderStep; later: ResponderStep[] } | { kind: 'finished' };

export function responderNext(d: Pick<ResponderDispatch, 'status' | 'step' | 'incidentStatus'>): ResponderNext {
  if ((CLOSED_STATUSES as readonly string[]).includes(d.incidentStatus)) return { kind: 'finished' };
  if (d.status === 'asked') return { kind: 'answer' };
  if (d.status !== 'accepted') return { kind: 'finished' };
  const done = d.step ? RESPONDER_STEPS.indexOf(d.step) : -1;
  const remaining = RESPONDER_STEPS.slice(done + 1);
  const [next, ...later] = remaining;
  return next ? { kind: 'steps', next, later } : { kind: 'finished' };
}

/** Open dispatches first (asked, then accepted), newest first within each; finished ones after. */
export function sortDispatches(list: readonly ResponderDispatch[]): ResponderDispatch[] {
  const rank = (d: ResponderDispatch) => {
    const next = responderNext(d).kind;
    return next === 'answer' ? 0 : next === 'steps' ? 1 : 2;
  };
  return [...list].sort((a, b) => rank(a) - rank(b) || Date.parse(b.askedAt) - Date.parse(a.askedAt));
}

// ---- settings ---------------------------------------------------------------------------------

/** A personal channel the hub can't send by (no provider configured), and why. */
export function unavailable(channels: readonly ChannelStatus[], c: PersonalChannel): ChannelStatus | null {
  const s = channels.find((x) => x.channel === c);
  return !s || !s.available ? (s ?? { channel: c, available: false, provider: null, reason: null }) : null;
}

/** The personal channels in their fixed order. */
export const personalChannels = (): readonly PersonalChannel[] => PERSONAL_CHANNELS;

/** Adds or removes a value from a set-like list, keeping the given order. */
export function toggle<T>(list: readonly T[], value: T, on: boolean, order: readonly T[]): T[] {
  const set = new Set(list);
  if (on) set.add(value);
  else set.delete(value);
  return order.filter((v) => set.has(v));
}

/**
 * Problems of a settings form before it is sent, as message keys per field: a channel that needs an
 * address without one; quiet hours that start and end at the same minute.
 */
export function preferenceProblems(
  p: Pick<NotificationPreferences, 'channels' | 'email' | 'phone' | 'quietHours'>,
): Partial<Record<'email' | 'phone' | 'quietHours', 'notify.needEmail' | 'notify.needPhone' | 'notify.quietSame'>> {
  const out: ReturnType<typeof preferenceProblems> = {};
  if (p.channels.includes('email') && !p.email.trim()) out.email = 'notify.needEmail';
  if ((p.channels.includes('sms') || p.channels.includes('voice')) && !p.phone.trim()) out.phone = 'notify.needPhone';
  if (p.quietHours && p.quietHours.start === p.quietHours.end) out.quietHours = 'notify.quietSame';
  return out;
}

/** Critical alarms always get through, whatever the minimum severity or quiet hours. */
export const neverSilenced = (s: Severity): boolean => s === 'critical';

// ---- push -------------------------------------------------------------------------------------

/** The VAPID public key (base64url) as the bytes PushManager.subscribe wants. */
export function vapidKeyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (base64url.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Whether a subscription was made with this key (a hub whose keys changed needs a new one). */
export function sameKey(existing: ArrayBuffer | null, key: Uint8Array): boolean {
  if (!existing) return false;
  const a = new Uint8Array(existing);
  return a.length === key.length && a.every((b, i) => b === key[i]);
}

/** A name the person recognises for this browser ("Chrome · Android"). */
export function deviceLabel(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'Browser';
  const os = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : '';
  return os ? `${browser} · ${os}` : browser;
}

/** The purposes a role is offered in its settings (device commands go to devices, not people). */
export function purposesFor(role: Role): readonly Purpose[] {
  switch (role) {
    case 'admin':
    case 'supervisor':
    case 'dispatcher':
      return ['alarm_unacknowledged', 'watchdog', 'device_health'];
    case 'coordinator':
      return ['alarm_unacknowledged', 'watchdog', 'dispatch', 'device_health'];
    case 'institution_staff':
    case 'volunteer':
      return ['dispatch', 'device_health'];
    case 'family':
      return ['family_raised', 'family_on_scene', 'family_closed', 'dispatch', 'device_health'];
    case 'official':
      return [];
  }
}

/** The fields of a settings form that differ from what was loaded (a PATCH sends only these). */
export function changedPreferences<T extends Partial<NotificationPreferences>>(before: T, after: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = after[key];
  }
  return out;
}

// ---- the signed reply link ---------------------------------------------------------------------

/** The token of a reply link (`/respond#t=<token>`), or null for any other address. */
export function replyLinkToken(pathname: string, hash: string): string | null {
  if (pathname.replace(/\/+$/, '') !== '/respond') return null;
  const m = /^#t=([A-Za-z0-9._~-]{20,400})$/.exec(hash);
  return m ? m[1]! : null;
}

/**
 * A link the hub puts in messages by path (`/dispatch?alert=…`) as the dashboard's hash route
 * (`/#/dispatch?alert=…`); null when the address is already a hash route or the reply link.
 */
export function pathToHash(pathname: string, search: string, hash: string): string | null {
  if (pathname === '/' || pathname === '' || hash.startsWith('#/')) return null;
  if (pathname.replace(/\/+$/, '') === '/respond') return null;
  return `/#${pathname.replace(/\/+$/, '')}${search}`;
}
