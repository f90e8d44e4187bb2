/**
 * The time-bank ledger: services credited, gifts, donations, redemptions, reversals and expiry, each
 * a balanced transfer posted once per idempotency key. Statements, totals and reconciliation (the
 * read side) are in ledger-reads.ts, which this extends.
 */
import {
  uuidSchema,
  type AccountKind,
  type GiftBody,
  type GiftRecipient,
  type MemberKind,
  type Transfer,
  type TransferKind,
  type User,
} from '@eldercare/shared';
import {
  badReference,
  badRequest,
  conflict,
  forbidden,
  invalidField,
  notFound,
  referenced,
} from '../../http/errors.js';
import type { AccountRow, Posting } from './ledger.repo.js';
import type { AccountRecord } from './members.repo.js';
import { isStaff } from './members.service.js';
import { ageOn, expiredMinutes, giftAllowed, isMember, splitCredit } from './policy.js';
import { LedgerReads, toTransfer } from './ledger-reads.js';
import { DAY_MS, localDate } from '@eldercare/shared';

/** Client keys are scoped to the user, so nobody can fetch someone else's transfer by guessing a key. */
const clientKey = (user: User, key: string) => `u:${user.id}:${key}`;

export class LedgerService extends LedgerReads {
  private async system(programId: string): Promise<{ issuance: string; fund: string }> {
    const sys = await this.members.repo.systemAccounts([programId]);
    return { issuance: sys.find((a) => a.kind === 'issuance')!.id, fund: sys.find((a) => a.kind === 'fund')!.id };
  }

  private async posted(transferId: string): Promise<Transfer> {
    return toTransfer((await this.repo.transfer(transferId))!);
  }

  private base(programId: string, kind: TransferKind, actorId: string | null, memo = ''): Omit<Posting, 'entries'> {
    return { programId, kind, memo, reason: '', actorId, requestId: null, reversesId: null, createdAt: this.now() };
  }

  /**
   * Credits work done for another service (a meal-delivery run) to the volunteer profile of the user
   * who did it, once per `idempotencyKey`. Null when the user is no time-bank volunteer.
   */
  async creditVolunteerWork(c: {
    userId: string;
    minutes: number;
    idempotencyKey: string;
    memo: string;
  }): Promise<Transfer | null> {
    const account = await this.members.volunteerAccountOfUser(c.userId);
    if (!account) return null;
    return this.creditService({
      programId: account.programId,
      accountId: account.accountId,
      minutes: c.minutes,
      requestId: null,
      idempotencyKey: c.idempotencyKey,
      actorId: null,
      memo: c.memo,
    });
  }

  /** Credits the hours of a confirmed service to the volunteer or organisation (excess over the cap to the fund). */
  async creditService(p: {
    programId: string;
    accountId: string;
    minutes: number;
    /** The service request credited; null for other services (a meal-delivery run). */
    requestId: string | null;
    /** Defaults to `service:<requestId>`; other services name their own, e.g. `meal-run:<runId>`. */
    idempotencyKey?: string;
    actorId: string | null;
    memo: string;
  }): Promise<Transfer> {
    const policy = await this.members.policy(p.programId);
    const sys = await this.system(p.programId);
    const { transferId } = await this.repo.post(
      p.idempotencyKey ?? `service:${p.requestId}`,
      [sys.issuance, sys.fund, p.accountId],
      (acc) => {
        const split = splitCredit(acc.get(p.accountId)!.balance_minutes, p.minutes, policy.capMinutes);
        return {
          ...this.base(p.programId, 'service', p.actorId, p.memo),
          requestId: p.requestId,
          entries: [
            { accountId: sys.issuance, amount: -p.minutes },
            { accountId: p.accountId, amount: split.member },
            { accountId: sys.fund, amount: split.fund },
          ],
        };
      },
    );
    return this.posted(transferId);
  }

  /** The account the user moves hours out of: their own, or any of the tenant's for coordinators. */
  private async source(user: User, accountId: string, field?: string): Promise<AccountRecord> {
    const lookup = this.members.accountFor(user, accountId);
    const a = await (field ? referenced(field, lookup) : lookup);
    if (!isMember(a.kind)) throw badRequest('hours move out of member accounts only');
    return a;
  }

  /** The giver behind an account, as the gift policy sees it. */
  private async giver(from: AccountRecord) {
    return { kind: from.kind as AccountKind, familyResidentIds: (await this.members.holder(from)).familyResidentIds };
  }

  async gift(user: User, b: GiftBody & { memo: string }): Promise<Transfer> {
    const from = await this.source(user, b.fromAccountId, 'fromAccountId');
    const to = await this.members.repo.accountById(b.toAccountId);
    if (!to || to.programId !== from.programId)
      throw badReference('toAccountId', 'is not an account of the same program');
    if (to.id === from.id) throw invalidField('toAccountId', 'is the giving account: an account cannot give to itself');
    const policy = await this.members.policy(from.programId);
    const check = giftAllowed(policy, await this.giver(from), {
      kind: to.kind as AccountKind,
      ownerId: to.ownerId,
      residentId: (await this.members.holder(to)).residentId,
    });
    if (!check.ok) throw badRequest(check.reason);
    const sys = await this.system(from.programId);
    const { transferId } = await this.repo.post(
      clientKey(user, b.idempotencyKey),
      [from.id, to.id, sys.fund],
      (acc) => {
        const split = splitCredit(acc.get(to.id)!.balance_minutes, b.minutes, policy.capMinutes);
        return {
          ...this.base(from.programId, 'gift', user.id, b.memo),
          entries: [
            { accountId: from.id, amount: -b.minutes },
            { accountId: to.id, amount: split.member },
            { accountId: sys.fund, amount: split.fund },
          ],
        };
      },
    );
    return this.posted(transferId);
  }

  /**
   * Whom an account the user may see can give hours to under its program's gift policy, by name (or
   * one account by its number): name, account number and kind only — no balances, no owners.
   */
  async giftRecipients(user: User, accountId: string, q: { q?: string; limit: number }): Promise<GiftRecipient[]> {
    const from = await this.source(user, accountId);
    const policy = await this.members.policy(from.programId);
    if (policy.giftRecipients === 'none') return [];
    const giver = await this.giver(from);
    const term = q.q?.trim() ?? '';
    const byNumber = uuidSchema.safeParse(term).success;
    const rows = await this.members.repo.giftCandidates({
      programId: from.programId,
      exceptId: from.id,
      residentIds: policy.giftRecipients === 'family_only' ? giver.familyResidentIds : null,
      accountId: byNumber ? term.toLowerCase() : undefined,
      name: byNumber || !term ? undefined : term,
      limit: q.limit,
    });
    // The same rule the gift itself is checked against, so the list never offers a refusal.
    return rows
      .filter((r) => giftAllowed(policy, giver, { ...r, kind: r.kind as AccountKind }).ok)
      .map((r) => ({ accountId: r.id, name: r.name, kind: r.kind as MemberKind }));
  }

  async donate(user: User, b: { fromAccountId: string; minutes: number; memo: string; idempotencyKey: string }) {
    const from = await this.source(user, b.fromAccountId, 'fromAccountId');
    const sys = await this.system(from.programId);
    const { transferId } = await this.repo.post(clientKey(user, b.idempotencyKey), [from.id, sys.fund], () => ({
      ...this.base(from.programId, 'donation', user.id, b.memo),
      entries: [
        { accountId: from.id, amount: -b.minutes },
        { accountId: sys.fund, amount: b.minutes },
      ],
    }));
    return this.posted(transferId);
  }

  /** Spends hours on a service for the holder: back to the program, which then owes that much less. */
  async redeem(user: User, b: { accountId: string; minutes: number; memo: string; idempotencyKey: string }) {
    const from = await this.source(user, b.accountId, 'accountId');
    const policy = await this.members.policy(from.programId);
    if (policy.minRedeemAge > 0 && from.kind !== 'organisation') {
      const { birthDate } = await this.members.holder(from);
      if (!birthDate) throw badRequest(`redeeming needs the holder's age (at least ${policy.minRedeemAge})`);
      const age = ageOn(birthDate, this.now());
      if (age < policy.minRedeemAge) {
        throw badRequest(`hours can be redeemed from age ${policy.minRedeemAge} (the holder is ${age})`);
      }
    }
    const sys = await this.system(from.programId);
    const { transferId } = await this.repo.post(clientKey(user, b.idempotencyKey), [from.id, sys.issuance], () => ({
      ...this.base(from.programId, 'redemption', user.id, b.memo),
      entries: [
        { accountId: from.id, amount: -b.minutes },
        { accountId: sys.issuance, amount: b.minutes },
      ],
    }));
    return this.posted(transferId);
  }

  /** Corrects a transfer by posting its mirror image, naming the original, the reason and who did it. */
  async reverse(user: User, id: string, b: { reason: string; idempotencyKey: string }): Promise<Transfer> {
    if (!isStaff(user)) throw forbidden();
    const orig = await this.repo.transfer(id);
    if (!orig) throw notFound('transfer');
    await this.members.programRow(user, orig.program_id);
    if (orig.kind === 'correction') throw conflict('a correction cannot be reversed; post a new transfer instead');
    const key = clientKey(user, b.idempotencyKey);
    if (orig.reversed_by_id) {
      const again = await this.repo.transfer(orig.reversed_by_id);
      if (again?.idempotency_key === key) return toTransfer(again);
      throw conflict('this transfer has already been reversed');
    }
    const policy = await this.members.policy(orig.program_id);
    const sys = await this.system(orig.program_id);
    const { transferId } = await this.repo.post(
      key,
      [...new Set([...orig.entries.map((e) => e.accountId), sys.fund])],
      (acc) => ({
        ...this.base(orig.program_id, 'correction', user.id, `reversal of ${orig.kind} ${orig.id}`),
        reason: b.reason,
        reversesId: orig.id,
        requestId: orig.request_id,
        entries: reversalEntries(orig.entries, acc, sys.fund, policy.capMinutes),
      }),
    );
    this.log.info({ transferId, reverses: orig.id }, 'transfer reversed');
    return this.posted(transferId);
  }

  /** Moves expired hours back to the program; the key per account and day makes reruns harmless. */
  async expire(): Promise<number> {
    let moved = 0;
    for (const p of await this.members.repo.allPrograms()) {
      const policy = await this.members.policy(p.id);
      if (policy.expiryDays === null) continue;
      const now = this.now();
      const since = new Date(now.getTime() - policy.expiryDays * DAY_MS);
      const sys = await this.system(p.id);
      for (const c of await this.repo.expiryCandidates(p.id, since)) {
        if (expiredMinutes(c.balance, c.recent) === 0) continue;
        const key = `expiry:${c.id}:${localDate(now, 'UTC')}`;
        const r = await this.repo
          .post(key, [c.id, sys.issuance], (acc: Map<string, AccountRow>) => {
            // Recomputed under the lock: the balance may have changed since the candidate list.
            const expired = Math.min(expiredMinutes(acc.get(c.id)!.balance_minutes, c.recent), c.balance);
            if (expired <= 0) throw conflict('nothing to expire');
            return {
              ...this.base(p.id, 'expiry', null, `hours older than ${policy.expiryDays} days`),
              entries: [
                { accountId: c.id, amount: -expired },
                { accountId: sys.issuance, amount: expired },
              ],
            };
          })
          .catch((err: Error) => (err.message === 'nothing to expire' ? null : Promise.reject(err)));
        if (r?.created) moved++;
      }
    }
    if (moved) this.log.info({ accounts: moved }, 'expired time-bank hours');
    return moved;
  }
}

/**
 * The entries that undo a transfer. Hours coming back to a member account obey its program's cap like
 * any credit: what would lift the balance above the cap goes to the community fund (a gift reversed
 * after the giver was credited up to the cap again), so a reversal never leaves anyone above it.
 */
export function reversalEntries(
  entries: readonly { accountId: string; amountMinutes: number }[],
  accounts: Map<string, AccountRow>,
  fundId: string,
  capMinutes: number | null,
): Posting['entries'] {
  let toFund = 0;
  const out = entries.map((e) => {
    const amount = -e.amountMinutes;
    const account = accounts.get(e.accountId)!;
    if (amount <= 0 || !isMember(account.kind as AccountKind)) return { accountId: e.accountId, amount };
    const split = splitCredit(account.balance_minutes, amount, capMinutes);
    toFund += split.fund;
    return { accountId: e.accountId, amount: split.member };
  });
  if (toFund === 0) return out;
  const fund = out.find((e) => e.accountId === fundId);
  if (fund) fund.amount += toFund;
  else out.push({ accountId: fundId, amount: toFund });
  return out;
}
