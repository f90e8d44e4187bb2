/**
 * Who gets what: role defaults, and the decision for one message and one person — send now, hold
 * until quiet hours end, or not for them. A critical alarm is never filtered or held.
 */
import {
  SEVERITY_ORDER,
  localMinutes,
  type NotificationPreferences,
  type Purpose,
  type Role,
  type Severity,
} from '@eldercare/shared';

type Defaults = Omit<NotificationPreferences, 'email' | 'phone'>;

const base: Defaults = { channels: ['web_push'], purposes: [], kinds: [], minSeverity: 'low', quietHours: null };

/** What each role gets until a coordinator or the person changes it. */
export const ROLE_DEFAULTS: Record<Role, Defaults> = {
  admin: { ...base, purposes: ['alarm_unacknowledged', 'watchdog'] },
  supervisor: { ...base, channels: ['web_push', 'sms'], purposes: ['alarm_unacknowledged', 'watchdog'] },
  coordinator: { ...base, purposes: ['device_health'], minSeverity: 'medium' },
  dispatcher: { ...base, purposes: [] },
  institution_staff: { ...base, purposes: ['dispatch'] },
  volunteer: { ...base, channels: ['web_push', 'sms'], purposes: ['dispatch'] },
  family: {
    ...base,
    channels: ['web_push', 'sms'],
    purposes: ['family_raised', 'family_on_scene', 'family_closed', 'dispatch', 'device_health'],
  },
  official: { ...base, purposes: [] },
};

/** Purposes a person is told by their own choice (dispatch and test are addressed to them directly). */
const ADDRESSED: Purpose[] = ['dispatch', 'test'];

export type Decision = { send: true; notBefore: Date | null } | { send: false; why: string };

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** When quiet hours that contain `at` end (null when `at` is outside them). */
export function quietUntil(q: { start: string; end: string } | null, at: Date, timeZone: string): Date | null {
  if (!q) return null;
  const s = minutesOf(q.start);
  const e = minutesOf(q.end);
  if (s === e) return null;
  const now = localMinutes(at, timeZone);
  const inside = s < e ? now >= s && now < e : now >= s || now < e;
  if (!inside) return null;
  const wait = (e - now + 1440) % 1440;
  const until = new Date(at.getTime() + wait * 60_000);
  until.setUTCSeconds(0, 0);
  return until;
}

export function decide(
  prefs: Defaults,
  m: { purpose: Purpose; kind: string | null; severity: Severity | null; at: Date; timeZone: string },
): Decision {
  const critical = m.severity === 'critical';
  if (!ADDRESSED.includes(m.purpose) && !prefs.purposes.includes(m.purpose))
    return { send: false, why: 'purpose not chosen' };
  if (!critical && m.purpose !== 'dispatch' && m.purpose !== 'test') {
    if (m.kind && prefs.kinds.length && !prefs.kinds.includes(m.kind as never))
      return { send: false, why: 'kind not chosen' };
    if (m.severity && SEVERITY_ORDER[m.severity] < SEVERITY_ORDER[prefs.minSeverity])
      return { send: false, why: 'below chosen severity' };
  }
  // Quiet hours hold back what can wait; a critical alarm and a dispatch are never held.
  if (critical || m.purpose === 'dispatch' || m.purpose === 'test') return { send: true, notBefore: null };
  return { send: true, notBefore: quietUntil(prefs.quietHours, m.at, m.timeZone) };
}
