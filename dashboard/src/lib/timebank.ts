/** Pure helpers of the time-bank screens: durations, memos, and which steps a user can take on a request. */
import type { ServiceRequest, Transfer, User } from '@eldercare/shared';
import { SERVICE_TYPES, can, zonedInstant } from '@eldercare/shared';
import type { Lang, Params } from './i18n/translate';
import type { MessageKey } from './i18n/zh';

/** `2小时30分` / `2 h 30 min`; negative amounts keep their sign. */
export function formatMinutes(minutes: number, lang: Lang): string {
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  if (lang === 'en') return sign + [h ? `${h} h` : '', m || !h ? `${m} min` : ''].filter(Boolean).join(' ');
  return sign + (h ? `${h}小时` : '') + (m || !h ? `${m}分` : '');
}

/**
 * A transfer's or statement line's memo as the reader should see it. A reversal is told in the
 * reader's language from its reason (the hub writes a correction's memo in English, `reversal of
 * <kind> <id>`, for API and CSV clients); any other memo is shown as it was posted.
 */
export function memoText(
  x: Pick<Transfer, 'kind' | 'memo' | 'reason' | 'reversesId'>,
  t: (key: MessageKey, params?: Params) => string,
): string {
  if (x.kind !== 'correction' || !x.reversesId) {
    // A service credit's memo is `<service type> · <elder>` (the hub's type code): the type in words.
    const m = /^([a-z_]+) · (.*)$/.exec(x.memo);
    if (m && (SERVICE_TYPES as readonly string[]).includes(m[1]!))
      return `${t(`serviceType.${m[1]}` as MessageKey)} · ${m[2]}`;
    return x.memo;
  }
  const reason = x.reason.trim();
  return reason ? t('transfer.reversalMemo', { reason }) : t('transfer.reversalMemoBare');
}

export type RequestStep =
  'dispatch' | 'accept' | 'decline' | 'checkIn' | 'checkOut' | 'confirm' | 'dispute' | 'resolve' | 'cancel';

/** The steps this user can take now, in the order they would take them (the hub checks them again). */
export function requestSteps(r: ServiceRequest, user: User, myVolunteerIds: readonly string[] = []): RequestStep[] {
  const staff = can(user.role, 'timebank.manage');
  const assignee = !!r.volunteerId && myVolunteerIds.includes(r.volunteerId);
  const family = user.role === 'family' && user.residentId === r.residentId;
  const doer = staff || assignee;
  const asker = staff || family;
  switch (r.status) {
    case 'requested':
      return [...(staff ? (['dispatch'] as const) : []), ...(asker ? (['cancel'] as const) : [])];
    case 'dispatched':
      return [
        ...(doer ? (['accept', 'decline'] as const) : []),
        ...(staff ? (['dispatch'] as const) : []),
        ...(asker ? (['cancel'] as const) : []),
      ];
    case 'accepted':
      return [...(doer ? (['checkIn'] as const) : []), ...(asker ? (['cancel'] as const) : [])];
    case 'in_progress':
      return doer ? ['checkOut'] : [];
    case 'completed':
      return asker ? ['confirm', 'dispute'] : [];
    case 'disputed':
      return staff ? ['resolve'] : [];
    case 'confirmed':
    case 'rejected':
    case 'cancelled':
      return [];
  }
}

/** A fresh idempotency key for one user action (a retry of the same action reuses it). */
export function newKey(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * A `datetime-local` value (wall time, no zone) read in the district's time zone, as an ISO instant,
 * so "09:30" means 09:30 in the district whatever the browser's own zone is.
 */
export function districtTimeToIso(value: string, timeZone: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return '';
  return zonedInstant(value.slice(0, 10), value.slice(11), timeZone).toISOString();
}

/**
 * A counterparty as the reader should see it: a program's system accounts are named by the hub
 * `<program> · issuance` / `<program> · community fund`; the suffix is told in the reader's language.
 */
export function counterpartyText(name: string, t: (key: MessageKey, params?: Params) => string): string {
  return name
    .replace(/ · issuance\b/g, ` · ${t('accountKind.issuance')}`)
    .replace(/ · community fund\b/g, ` · ${t('accountKind.fund')}`);
}
