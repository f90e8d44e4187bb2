/** An in-memory fake of the time-bank ledger repository, over the shared store of timebank.fakes.ts. */
import { MEMBER_KINDS } from '@eldercare/shared';
import { conflict } from '../../http/errors.js';
import { asRepo, constraintError, newId, type RepoShape } from '../../testing/fakes.js';
import type { AccountRow, LedgerRepo, StatementLineRow, TransferRow } from './ledger.repo.js';
import type { AccountRecord } from './members.repo.js';
import { byName, type RequestRecord, type TimebankStore, type TransferRecord } from './timebank.fakes.js';

export function fakeLedgerRepo(s: TimebankStore): LedgerRepo {
  const accountRow = (a: AccountRecord): AccountRow => ({
    id: a.id,
    program_id: a.programId,
    kind: a.kind,
    owner_id: a.ownerId,
    name: a.name,
    floor_minutes: a.floorMinutes,
    balance_minutes: a.balanceMinutes,
    created_at: a.createdAt,
  });
  const account = (id: string) => s.accounts.find((a) => a.id === id)!;
  const transferRow = (t: TransferRecord): TransferRow => ({
    id: t.id,
    program_id: t.programId,
    kind: t.kind,
    idempotency_key: t.idempotencyKey,
    memo: t.memo,
    reverses_id: t.reversesId,
    reversed_by_id: s.transfers.find((r) => r.reversesId === t.id)?.id ?? null,
    reason: t.reason,
    actor_id: t.actorId,
    actor_name: s.users.find((u) => u.id === t.actorId)?.name ?? null,
    request_id: t.requestId,
    created_at: t.createdAt,
    entries: s.entries
      .filter((e) => e.transferId === t.id)
      .map((e) => ({
        accountId: e.accountId,
        accountName: account(e.accountId).name,
        accountKind: account(e.accountId).kind,
        amountMinutes: e.amount,
      })),
  });
  const transfersOf = (programId: string) => s.transfers.filter((t) => t.programId === programId);
  const entriesOf = (transferId: string) => s.entries.filter((e) => e.transferId === transferId);

  const fake: RepoShape<LedgerRepo> = {
    async post(idempotencyKey, accountIds, plan) {
      const seen = s.transfers.find((t) => t.idempotencyKey === idempotencyKey);
      if (seen) return { transferId: seen.id, created: false };
      const accounts = new Map(
        s.accounts.filter((a) => accountIds.includes(a.id)).map((a) => [a.id, accountRow(a)] as const),
      );
      const p = plan(accounts);
      const delta = new Map<string, number>();
      for (const e of p.entries) delta.set(e.accountId, (delta.get(e.accountId) ?? 0) + e.amount);
      for (const [id, d] of delta) {
        const a = accounts.get(id);
        if (!a) throw new Error(`posting touches account ${id} that was not locked`);
        if (d === 0) delta.delete(id);
        else if (a.floor_minutes !== null && a.balance_minutes + d < a.floor_minutes) {
          throw conflict(`insufficient balance: ${a.name} holds ${a.balance_minutes} minutes`);
        }
      }
      // What the database refuses (a trigger and unique indexes).
      if (delta.size < 2 || [...delta.values()].reduce((x, y) => x + y, 0) !== 0)
        throw constraintError('tb_transfers_balanced', '23514');
      if (p.reversesId && s.transfers.some((t) => t.reversesId === p.reversesId))
        throw conflict('this transfer has already been reversed');
      const id = newId();
      s.transfers.push({ ...p, id, idempotencyKey, postedAt: s.next() });
      for (const [accountId, amount] of delta) {
        s.entries.push({ id: s.next(), transferId: id, accountId, amount });
        account(accountId).balanceMinutes += amount;
      }
      return { transferId: id, created: true };
    },
    async transfer(id) {
      const t = s.transfers.find((x) => x.id === id);
      return t && transferRow(t);
    },
    async transfers(f) {
      const rows = s.transfers
        .filter(
          (t) =>
            f.programIds.includes(t.programId) &&
            (!f.kind || t.kind === f.kind) &&
            (!f.accountIds || entriesOf(t.id).some((e) => f.accountIds!.includes(e.accountId))),
        )
        .sort((a, b) => +b.createdAt - +a.createdAt || b.postedAt - a.postedAt);
      return { rows: rows.slice(f.offset, f.offset + f.limit).map(transferRow), total: rows.length };
    },
    async account(id) {
      const a = s.accounts.find((x) => x.id === id);
      return a && accountRow(a);
    },
    async balanceAt(accountId, before) {
      return s.entries
        .filter((e) => e.accountId === accountId)
        .filter((e) => !before || s.transfers.find((t) => t.id === e.transferId)!.createdAt < before)
        .reduce((sum, e) => sum + e.amount, 0);
    },
    async statementLines(accountId, from, to) {
      const lines: (StatementLineRow & { entryId: number })[] = [];
      for (const e of s.entries) {
        if (e.accountId !== accountId) continue;
        const t = s.transfers.find((x) => x.id === e.transferId)!;
        if ((from && t.createdAt < from) || (to && t.createdAt >= to)) continue;
        const others = entriesOf(t.id)
          .filter((o) => o.accountId !== accountId)
          .map((o) => account(o.accountId).name)
          .sort();
        lines.push({
          entryId: e.id,
          transfer_id: t.id,
          created_at: t.createdAt,
          kind: t.kind,
          memo: t.memo,
          reason: t.reason,
          reverses_id: t.reversesId,
          amount: e.amount,
          counterparty: others.join(', '),
        });
      }
      return lines
        .sort((a, b) => +a.created_at - +b.created_at || a.entryId - b.entryId)
        .map(({ entryId: _e, ...l }) => l);
    },
    async reconcile(programId) {
      const sumOf = (accountId: string) =>
        s.entries.filter((e) => e.accountId === accountId).reduce((x, e) => x + e.amount, 0);
      const own = s.accounts.filter((a) => a.programId === programId);
      const transfers = transfersOf(programId);
      return {
        drift: own
          .filter((a) => a.balanceMinutes !== sumOf(a.id))
          .map((a) => ({ id: a.id, name: a.name, cached: a.balanceMinutes, entries: sumOf(a.id) })),
        accounts: own.length,
        sum: transfers.flatMap((t) => entriesOf(t.id)).reduce((x, e) => x + e.amount, 0),
        unbalanced: transfers
          .filter((t) => entriesOf(t.id).length < 2 || entriesOf(t.id).reduce((x, e) => x + e.amount, 0) !== 0)
          .map((t) => t.id),
      };
    },
    async totals(programId) {
      const byKind = new Map<string, { kind: string; transfers: number; minutes: number }>();
      for (const t of transfersOf(programId)) {
        const k = byKind.get(t.kind) ?? { kind: t.kind, transfers: 0, minutes: 0 };
        k.transfers++;
        k.minutes += entriesOf(t.id)
          .filter((e) => e.amount > 0)
          .reduce((x, e) => x + e.amount, 0);
        byKind.set(t.kind, k);
      }
      const accounts = new Map<string, { kind: string; count: number; minutes: number }>();
      for (const a of s.accounts.filter((x) => x.programId === programId)) {
        const k = accounts.get(a.kind) ?? { kind: a.kind, count: 0, minutes: 0 };
        k.count++;
        k.minutes += a.balanceMinutes;
        accounts.set(a.kind, k);
      }
      const organisations = s.organisations
        .filter((o) => o.programId === programId)
        .sort(byName)
        .map((o) => {
          const mine = (r: RequestRecord) =>
            r.organisation_id === o.id ||
            s.volunteers.some((v) => v.id === r.volunteer_id && v.organisationId === o.id);
          return {
            id: o.id,
            name: o.name,
            volunteers: s.volunteers.filter((v) => v.organisationId === o.id).length,
            served: s.requests
              .filter((r) => r.status === 'confirmed' && mine(r))
              .reduce((x, r) => x + (r.minutes ?? 0), 0),
          };
        });
      return { byKind: [...byKind.values()], accounts: [...accounts.values()], organisations };
    },
    async expiryCandidates(programId, since) {
      return s.accounts
        .filter((a) => a.programId === programId && (MEMBER_KINDS as readonly string[]).includes(a.kind))
        .filter((a) => a.balanceMinutes > 0)
        .map((a) => ({
          id: a.id,
          balance: a.balanceMinutes,
          recent: s.entries
            .filter((e) => e.accountId === a.id && e.amount > 0)
            .filter((e) => s.transfers.find((t) => t.id === e.transferId)!.createdAt >= since)
            .reduce((x, e) => x + e.amount, 0),
        }));
    },
  };
  return asRepo<LedgerRepo>(fake);
}
