/**
 * The time-bank ledger: services credited, gifts, donations, redemptions, reversals and expiry, each
 * a balanced transfer posted once per idempotency key; statements, totals and reconciliation.
 */
import {
  uuidSchema,
  type AccountKind,
  type GiftBody,
  type GiftRecipient,
  type MemberKind,
  type ProgramTotals,
  type Reconciliation,
  type Statement,
  type Transfer,
  type TransferKind,
  type User,
} from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import {
  badReference,
  badRequest,
  conflict,
  forbidden,
  invalidField,
  notFound,
  referenced,
} from '../../http/errors.js';
import type { AccountRow, LedgerRepo, Posting, TransferRow } from './ledger.repo.js';
import type { AccountRecord } from './members.repo.js';
import { isStaff, toAccount, type MembersService } from './members.service.js';
import { ageOn, expiredMinutes, giftAllowed, isMember, splitCredit } from './policy.js';
import { DAY_MS, endOfLocalDay, localDate, startOfLocalDay } from '@eldercare/shared';

export function toTransfer(r: TransferRow): Transfer {
  return {
    id: r.id,
    programId: r.program_id,
    kind: r.kind as TransferKind,
    idempotencyKey: r.idempotency_key,
    memo: r.memo,
    reversesId: r.reverses_id,
    reversedById: r.reversed_by_id,
    reason: r.reason,
    actorId: r.actor_id,
    actorName: r.actor_name,
    requestId: r.request_id,
    createdAt: r.created_at.toISOString(),
    entries: (r.entries ?? []).map((e) => ({ ...e, accountKind: e.accountKind as AccountKind })),
  };
}

/** Client keys are scoped to the user, so nobody can fetch someone else's transfer by guessing a key. */
const clientKey = (user: User, key: string) => `u:${user.id}:${key}`;

export class LedgerService {
  constructor(
    private readonly repo: LedgerRepo,
    private readonly members: MembersService,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly timeZone: (tenantId: string) => string,
  ) {}

  private now = () => new Date(this.clock.now());

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
    const { transferId } = await this.repo.post(
      key,
      orig.entries.map((e) => e.accountId),
      () => ({
        ...this.base(orig.program_id, 'correction', user.id, `reversal of ${orig.kind} ${orig.id}`),
        reason: b.reason,
        reversesId: orig.id,
        requestId: orig.request_id,
        entries: orig.entries.map((e) => ({ accountId: e.accountId, amount: -e.amountMinutes })),
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

  // ---- reading --------------------------------------------------------------------------------

  async transfer(user: User, id: string): Promise<Transfer> {
    const t = await this.repo.transfer(id);
    if (!t) throw notFound('transfer');
    if (isStaff(user)) await this.members.programRow(user, t.program_id);
    else {
      const own = await this.members.listAccounts(user, {});
      if (!t.entries.some((e) => own.some((a) => a.id === e.accountId))) throw notFound('transfer');
    }
    return toTransfer(t);
  }

  async listTransfers(
    user: User,
    q: { programId?: string; accountId?: string; kind?: TransferKind; limit: number; offset: number },
  ): Promise<{ items: Transfer[]; total: number }> {
    let programIds = (await this.members.listPrograms(user)).map((p) => p.id);
    if (q.programId) {
      if (!programIds.includes(q.programId)) throw badReference('programId', 'is not a program of this district');
      programIds = [q.programId];
    }
    let accountIds: string[] | undefined;
    if (q.accountId) accountIds = [(await referenced('accountId', this.members.accountFor(user, q.accountId))).id];
    else if (!isStaff(user)) accountIds = (await this.members.listAccounts(user, {})).map((a) => a.id);
    const { rows, total } = await this.repo.transfers({
      programIds,
      accountIds,
      kind: q.kind,
      limit: q.limit,
      offset: q.offset,
    });
    return { items: rows.map(toTransfer), total };
  }

  async statement(user: User, accountId: string, q: { from?: string; to?: string }): Promise<Statement> {
    const account = await this.members.accountFor(user, accountId);
    const tz = this.timeZone(user.tenantId);
    const from = q.from ? startOfLocalDay(q.from, tz) : null;
    const to = q.to ? endOfLocalDay(q.to, tz) : null;
    if (from && to && from >= to) throw invalidField('to', 'must be after from');
    const opening = from ? await this.repo.balanceAt(account.id, from) : 0;
    const rows = await this.repo.statementLines(account.id, from, to);
    let balance = opening;
    const byKind: Statement['byKind'] = {};
    const lines = rows.map((r) => {
      balance += r.amount;
      const k = (byKind[r.kind] ??= { in: 0, out: 0 });
      if (r.amount > 0) k.in += r.amount;
      else k.out -= r.amount;
      return {
        transferId: r.transfer_id,
        at: r.created_at.toISOString(),
        kind: r.kind as TransferKind,
        memo: r.memo,
        reason: r.reason,
        reversesId: r.reverses_id,
        counterparty: r.counterparty,
        amountMinutes: r.amount,
        balanceMinutes: balance,
      };
    });
    return {
      account: toAccount(account),
      from: q.from ?? null,
      to: q.to ?? null,
      openingMinutes: opening,
      closingMinutes: balance,
      byKind,
      givenMinutes: byKind.service?.in ?? 0,
      receivedMinutes: byKind.redemption?.out ?? 0,
      lines,
    };
  }

  /** Service minutes deposited in all the district's programs, all time: the program totals' sum, no names. */
  async serviceMinutes(tenantId: string): Promise<number> {
    let minutes = 0;
    for (const p of await this.members.repo.programs(tenantId))
      minutes += (await this.repo.totals(p.id)).byKind.find((k) => k.kind === 'service')?.minutes ?? 0;
    return minutes;
  }

  async totals(user: User, programId: string): Promise<ProgramTotals> {
    if (!isStaff(user)) throw forbidden();
    await this.members.programRow(user, programId);
    const t = await this.repo.totals(programId);
    const accounts = Object.fromEntries(t.accounts.map((a) => [a.kind, { count: a.count, minutes: a.minutes }]));
    return {
      programId,
      outstandingMinutes: -(accounts.issuance?.minutes ?? 0),
      fundMinutes: accounts.fund?.minutes ?? 0,
      memberMinutes: t.accounts.filter((a) => isMember(a.kind)).reduce((s, a) => s + a.minutes, 0),
      byKind: Object.fromEntries(t.byKind.map((k) => [k.kind, { transfers: k.transfers, minutes: k.minutes }])),
      organisations: t.organisations.map((o) => ({
        id: o.id,
        name: o.name,
        volunteers: o.volunteers,
        servedMinutes: o.served,
      })),
      accounts,
    };
  }

  async reconcile(user: User, programId: string): Promise<Reconciliation> {
    if (!isStaff(user)) throw forbidden();
    await this.members.programRow(user, programId);
    const r = await this.repo.reconcile(programId);
    const drift = r.drift.map((d) => ({
      accountId: d.id,
      name: d.name,
      cachedMinutes: d.cached,
      entriesMinutes: d.entries,
    }));
    if (drift.length) this.log.error({ programId, accounts: drift.length }, 'time-bank balance drift');
    return {
      programId,
      checkedAt: this.now().toISOString(),
      accounts: r.accounts,
      entriesSum: r.sum,
      unbalancedTransfers: r.unbalanced,
      drift,
      ok: drift.length === 0 && r.sum === 0 && r.unbalanced.length === 0,
    };
  }

  localDay = (tenantId: string, d: Date) => localDate(d, this.timeZone(tenantId));
}
