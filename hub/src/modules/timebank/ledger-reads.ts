/**
 * The read side of the time-bank ledger: transfers, statements, program totals and reconciliation.
 * The rules that post transfers (ledger.service.ts) extend it.
 */
import type {
  AccountKind,
  ProgramTotals,
  Reconciliation,
  Statement,
  Transfer,
  TransferKind,
  User,
} from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import { badReference, forbidden, invalidField, notFound, referenced } from '../../http/errors.js';
import type { LedgerRepo, TransferRow } from './ledger.repo.js';
import { isStaff, toAccount, type MembersService } from './members.service.js';
import { isMember } from './policy.js';
import { endOfLocalDay, localDate, startOfLocalDay } from '@eldercare/shared';

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

export class LedgerReads {
  constructor(
    protected readonly repo: LedgerRepo,
    protected readonly members: MembersService,
    protected readonly clock: Clock,
    protected readonly log: Logger,
    protected readonly timeZone: (tenantId: string) => string,
  ) {}

  protected now = () => new Date(this.clock.now());

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
