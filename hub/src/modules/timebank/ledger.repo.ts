/**
 * All SQL of the time-bank ledger. A posting runs in one transaction: idempotency check, row locks
 * on the accounts (in id order, so concurrent postings never deadlock), floor check, transfer,
 * entries and cached balances. The database itself refuses unbalanced transfers and any edit.
 */
import type pg from 'pg';
import { withTransaction, type Db } from '../../db/client.js';
import { conflict } from '../../http/errors.js';

export interface AccountRow {
  id: string;
  program_id: string;
  kind: string;
  owner_id: string | null;
  name: string;
  floor_minutes: number | null;
  balance_minutes: number;
  created_at: Date;
}

export interface TransferRow {
  id: string;
  program_id: string;
  kind: string;
  idempotency_key: string;
  memo: string;
  reverses_id: string | null;
  reversed_by_id: string | null;
  reason: string;
  actor_id: string | null;
  actor_name: string | null;
  request_id: string | null;
  created_at: Date;
  entries: { accountId: string; accountName: string; accountKind: string; amountMinutes: number }[];
}

export interface Posting {
  programId: string;
  kind: string;
  memo: string;
  reason: string;
  actorId: string | null;
  requestId: string | null;
  reversesId: string | null;
  createdAt: Date;
  entries: { accountId: string; amount: number }[];
}

export interface StatementLineRow {
  transfer_id: string;
  created_at: Date;
  kind: string;
  memo: string;
  reason: string;
  reverses_id: string | null;
  amount: number;
  counterparty: string;
}

const TRANSFER_SELECT = `
  SELECT t.id, t.program_id, t.kind, t.idempotency_key, t.memo, t.reverses_id, r.id AS reversed_by_id, t.reason,
         t.actor_id, u.name AS actor_name, t.request_id, t.created_at,
         (SELECT json_agg(json_build_object('accountId', e.account_id, 'accountName', a.name, 'accountKind', a.kind,
                                            'amountMinutes', e.amount_minutes) ORDER BY e.id)
            FROM tb_entries e JOIN tb_accounts a ON a.id = e.account_id WHERE e.transfer_id = t.id) AS entries
    FROM tb_transfers t
    LEFT JOIN tb_transfers r ON r.reverses_id = t.id
    LEFT JOIN users u ON u.id = t.actor_id`;

export class LedgerRepo {
  private readonly pool: pg.Pool;
  constructor(db: Db) {
    this.pool = db.$client;
  }

  private tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return withTransaction(this.pool, fn);
  }

  /**
   * Posts a transfer once per idempotency key. `plan` sees the locked accounts (current balances)
   * and returns the posting, or throws to refuse it. A retried key returns the original transfer.
   */
  async post(
    idempotencyKey: string,
    accountIds: string[],
    plan: (accounts: Map<string, AccountRow>) => Posting,
  ): Promise<{ transferId: string; created: boolean }> {
    try {
      return await this.tx(async (c) => {
        const seen = await c.query<{ id: string }>(`SELECT id FROM tb_transfers WHERE idempotency_key = $1`, [
          idempotencyKey,
        ]);
        if (seen.rows[0]) return { transferId: seen.rows[0].id, created: false };
        const ids = [...new Set(accountIds)].sort();
        const locked = await c.query<AccountRow>(
          `SELECT * FROM tb_accounts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
          [ids],
        );
        const accounts = new Map(locked.rows.map((a) => [a.id, a]));
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
        const t = await c.query<{ id: string }>(
          `INSERT INTO tb_transfers (program_id, kind, idempotency_key, memo, reverses_id, reason, actor_id, request_id, created_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
          [p.programId, p.kind, idempotencyKey, p.memo, p.reversesId, p.reason, p.actorId, p.requestId, p.createdAt],
        );
        const transferId = t.rows[0]!.id;
        const entries = [...delta];
        await c.query(
          `INSERT INTO tb_entries (transfer_id, account_id, amount_minutes)
           SELECT $1, x.account_id, x.amount FROM unnest($2::uuid[], $3::int[]) AS x(account_id, amount)`,
          [transferId, entries.map((e) => e[0]), entries.map((e) => e[1])],
        );
        await c.query(
          `UPDATE tb_accounts a SET balance_minutes = a.balance_minutes + x.amount
             FROM unnest($1::uuid[], $2::int[]) AS x(account_id, amount) WHERE a.id = x.account_id`,
          [entries.map((e) => e[0]), entries.map((e) => e[1])],
        );
        return { transferId, created: true };
      });
    } catch (err) {
      // A concurrent request with the same key won: answer with its transfer.
      if ((err as { constraint?: string }).constraint === 'tb_transfers_idempotency_uq') {
        const r = await this.pool.query<{ id: string }>(`SELECT id FROM tb_transfers WHERE idempotency_key = $1`, [
          idempotencyKey,
        ]);
        if (r.rows[0]) return { transferId: r.rows[0].id, created: false };
      }
      if ((err as { constraint?: string }).constraint === 'tb_transfers_reverses_uq') {
        throw conflict('this transfer has already been reversed');
      }
      throw err;
    }
  }

  async transfer(id: string): Promise<TransferRow | undefined> {
    const r = await this.pool.query<TransferRow>(`${TRANSFER_SELECT} WHERE t.id = $1`, [id]);
    return r.rows[0];
  }

  async transfers(f: {
    programIds: string[];
    accountIds?: string[];
    kind?: string;
    limit: number;
    offset: number;
  }): Promise<{ rows: TransferRow[]; total: number }> {
    const where = [`t.program_id = ANY($1::uuid[])`];
    const params: unknown[] = [f.programIds];
    if (f.accountIds) {
      params.push(f.accountIds);
      where.push(
        `EXISTS (SELECT 1 FROM tb_entries x WHERE x.transfer_id = t.id AND x.account_id = ANY($${params.length}::uuid[]))`,
      );
    }
    if (f.kind) {
      params.push(f.kind);
      where.push(`t.kind = $${params.length}`);
    }
    const cond = where.join(' AND ');
    const total = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM tb_transfers t WHERE ${cond}`,
      params,
    );
    const rows = await this.pool.query<TransferRow>(
      `${TRANSFER_SELECT} WHERE ${cond} ORDER BY t.created_at DESC, t.posted_at DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
      params,
    );
    return { rows: rows.rows, total: total.rows[0]!.n };
  }

  async account(id: string): Promise<AccountRow | undefined> {
    const r = await this.pool.query<AccountRow>(`SELECT * FROM tb_accounts WHERE id = $1`, [id]);
    return r.rows[0];
  }

  /** Sum of the account's entries before `before` (null: all of them). */
  async balanceAt(accountId: string, before: Date | null): Promise<number> {
    const r = await this.pool.query<{ s: number }>(
      `SELECT coalesce(sum(e.amount_minutes), 0)::int AS s FROM tb_entries e JOIN tb_transfers t ON t.id = e.transfer_id
        WHERE e.account_id = $1 AND ($2::timestamptz IS NULL OR t.created_at < $2)`,
      [accountId, before],
    );
    return r.rows[0]!.s;
  }

  async statementLines(accountId: string, from: Date | null, to: Date | null): Promise<StatementLineRow[]> {
    const r = await this.pool.query<StatementLineRow>(
      `SELECT t.id AS transfer_id, t.created_at, t.kind, t.memo, t.reason, t.reverses_id, e.amount_minutes AS amount,
              coalesce((SELECT string_agg(a.name, ', ' ORDER BY a.name) FROM tb_entries o JOIN tb_accounts a ON a.id = o.account_id
                         WHERE o.transfer_id = t.id AND o.account_id <> e.account_id), '') AS counterparty
         FROM tb_entries e JOIN tb_transfers t ON t.id = e.transfer_id
        WHERE e.account_id = $1 AND ($2::timestamptz IS NULL OR t.created_at >= $2) AND ($3::timestamptz IS NULL OR t.created_at < $3)
        ORDER BY t.created_at, e.id`,
      [accountId, from, to],
    );
    return r.rows;
  }

  /** Cached balance against the sum of entries for every account of a program, and unbalanced transfers. */
  async reconcile(programId: string) {
    const drift = await this.pool.query<{ id: string; name: string; cached: number; entries: number }>(
      `SELECT a.id, a.name, a.balance_minutes AS cached, coalesce(s.total, 0)::int AS entries
         FROM tb_accounts a
         LEFT JOIN (SELECT account_id, sum(amount_minutes) AS total FROM tb_entries GROUP BY account_id) s ON s.account_id = a.id
        WHERE a.program_id = $1 AND a.balance_minutes <> coalesce(s.total, 0)`,
      [programId],
    );
    const totals = await this.pool.query<{ accounts: number; sum: number }>(
      `SELECT (SELECT count(*)::int FROM tb_accounts WHERE program_id = $1) AS accounts,
              coalesce((SELECT sum(e.amount_minutes) FROM tb_entries e JOIN tb_transfers t ON t.id = e.transfer_id
                         WHERE t.program_id = $1), 0)::int AS sum`,
      [programId],
    );
    const unbalanced = await this.pool.query<{ id: string }>(
      `SELECT t.id FROM tb_transfers t LEFT JOIN tb_entries e ON e.transfer_id = t.id WHERE t.program_id = $1
        GROUP BY t.id HAVING count(e.id) < 2 OR coalesce(sum(e.amount_minutes), 0) <> 0`,
      [programId],
    );
    return { drift: drift.rows, ...totals.rows[0]!, unbalanced: unbalanced.rows.map((r) => r.id) };
  }

  async totals(programId: string) {
    const byKind = await this.pool.query<{ kind: string; transfers: number; minutes: number }>(
      `SELECT t.kind, count(DISTINCT t.id)::int AS transfers,
              coalesce(sum(e.amount_minutes) FILTER (WHERE e.amount_minutes > 0), 0)::int AS minutes
         FROM tb_transfers t JOIN tb_entries e ON e.transfer_id = t.id WHERE t.program_id = $1 GROUP BY t.kind`,
      [programId],
    );
    const accounts = await this.pool.query<{ kind: string; count: number; minutes: number }>(
      `SELECT kind, count(*)::int AS count, coalesce(sum(balance_minutes), 0)::int AS minutes
         FROM tb_accounts WHERE program_id = $1 GROUP BY kind`,
      [programId],
    );
    const orgs = await this.pool.query<{ id: string; name: string; volunteers: number; served: number }>(
      `SELECT o.id, o.name,
              (SELECT count(*)::int FROM tb_volunteers v WHERE v.organisation_id = o.id) AS volunteers,
              coalesce((SELECT sum(r.minutes) FROM tb_requests r
                         LEFT JOIN tb_volunteers v ON v.id = r.volunteer_id
                        WHERE r.status = 'confirmed' AND (r.organisation_id = o.id OR v.organisation_id = o.id)), 0)::int AS served
         FROM tb_organisations o WHERE o.program_id = $1 ORDER BY o.name`,
      [programId],
    );
    return { byKind: byKind.rows, accounts: accounts.rows, organisations: orgs.rows };
  }

  /** Member accounts with a balance, and what they were credited since `since` (for expiry). */
  async expiryCandidates(programId: string, since: Date): Promise<{ id: string; balance: number; recent: number }[]> {
    const r = await this.pool.query<{ id: string; balance: number; recent: number }>(
      `SELECT a.id, a.balance_minutes AS balance,
              coalesce((SELECT sum(e.amount_minutes) FROM tb_entries e JOIN tb_transfers t ON t.id = e.transfer_id
                         WHERE e.account_id = a.id AND e.amount_minutes > 0 AND t.created_at >= $2), 0)::int AS recent
         FROM tb_accounts a
        WHERE a.program_id = $1 AND a.kind IN ('volunteer', 'elder', 'family', 'organisation') AND a.balance_minutes > 0`,
      [programId, since],
    );
    return r.rows;
  }
}
