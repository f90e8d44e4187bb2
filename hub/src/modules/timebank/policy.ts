/** Pure time-bank rules: program policy, caps, expiry, gifts and the age checks. No I/O. */
import {
  DAY_MS,
  DEFAULT_POLICY,
  MEMBER_KINDS,
  programPolicySchema,
  type AccountKind,
  type ProgramPolicy,
} from '@eldercare/shared';

/** The stored policy merged over the defaults (older rows may lack newer fields). */
export function policyOf(stored: unknown): ProgramPolicy {
  const parsed = programPolicySchema.partial().safeParse(stored ?? {});
  return { ...DEFAULT_POLICY, ...(parsed.success ? stripUndefined(parsed.data) : {}) };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export const isMember = (kind: AccountKind | string): boolean => (MEMBER_KINDS as readonly string[]).includes(kind);

/** The floor of a new account: members cannot go below 0, the fund as configured, issuance has none. */
export function floorFor(kind: AccountKind, policy: ProgramPolicy): number | null {
  if (kind === 'issuance') return null;
  if (kind === 'fund') return policy.fundFloorMinutes;
  return 0;
}

/**
 * Splits a credit to a member under the cap: the member gets what fits, the rest is donated to
 * the community fund. A member already over the cap (the cap was lowered) gets nothing more.
 */
export function splitCredit(balance: number, amount: number, cap: number | null): { member: number; fund: number } {
  if (cap === null) return { member: amount, fund: 0 };
  const room = Math.max(0, cap - balance);
  const member = Math.min(amount, room);
  return { member, fund: amount - member };
}

/**
 * Minutes of a balance that have expired, first in first out: whatever the member holds beyond
 * what they were credited inside the expiry window is older than the window.
 */
export function expiredMinutes(balance: number, creditedInWindow: number): number {
  return Math.max(0, balance - Math.max(0, creditedInWindow));
}

/** Whole years on `now` (UTC calendar) of someone born on `birthDate` (YYYY-MM-DD). */
export function ageOn(birthDate: string, now: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) age--;
  return age;
}

export type GiftCheck = { ok: true } | { ok: false; reason: string };

/**
 * Whether `from` may give hours to `to` under the policy. family_only: the recipient is an elder on
 * the giver's family list, or a family member (or the elder) of the elder the giver is family of.
 */
export function giftAllowed(
  policy: ProgramPolicy,
  from: { kind: AccountKind; familyResidentIds: readonly string[] },
  to: { kind: AccountKind; ownerId: string | null; residentId: string | null },
): GiftCheck {
  if (!isMember(from.kind)) return { ok: false, reason: 'only member accounts give hours' };
  if (!isMember(to.kind)) return { ok: false, reason: 'gifts go to member accounts; use a donation for the fund' };
  switch (policy.giftRecipients) {
    case 'none':
      return { ok: false, reason: 'this program does not allow gifts' };
    case 'anyone':
      return { ok: true };
    case 'family_only':
      if (to.residentId && from.familyResidentIds.includes(to.residentId)) return { ok: true };
      return { ok: false, reason: "this program allows gifts to the giver's own family only" };
  }
}

/** Minutes served between check-in and check-out, to the nearest minute. */
export function servedMinutes(checkIn: Date, checkOut: Date): number {
  return Math.max(0, Math.round((checkOut.getTime() - checkIn.getTime()) / 60_000));
}

/** When an unconfirmed completed service confirms itself. */
export function autoConfirmDue(completedAt: Date, policy: ProgramPolicy): Date {
  return new Date(completedAt.getTime() + policy.autoConfirmDays * DAY_MS);
}
