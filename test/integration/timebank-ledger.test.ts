/**
 * The time-bank ledger against the real embedded database: random sequences of postings, reversals
 * and redemptions keep every invariant; concurrent redemptions never overdraw; an idempotency key
 * never posts twice; and the database itself refuses unbalanced transfers and any edit.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Program, Transfer, User, Volunteer } from '@eldercare/shared';
import { programPolicySchema, volunteerBodySchema } from '@eldercare/shared';
import { AppError } from '../../hub/src/http/errors.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let hub: TestHub;
let coord: User;
let coordToken: string;

beforeAll(async () => {
  hub = await startTestHub();
  coordToken = await hub.login('coordinator@demo.local', 'demo-coord-pass');
  coord = (await hub.services.auth.authenticate(coordToken))!;
});
afterAll(async () => {
  await hub?.stop();
});

async function freshProgram(policy: object = {}, volunteers = 3): Promise<{ program: Program; vols: Volunteer[] }> {
  const { members } = hub.services.timebank;
  const program = await members.createProgram(coord, {
    name: `P ${randomUUID().slice(0, 8)}`,
    policy: programPolicySchema.parse(policy),
  });
  const vols: Volunteer[] = [];
  for (let i = 0; i < volunteers; i++) {
    vols.push(
      await members.registerVolunteer(
        coord,
        volunteerBodySchema.parse({ programId: program.id, name: `V${i}`, birthDate: '1970-01-01' }),
      ),
    );
  }
  return { program, vols };
}

/** The invariants, straight from the tables. */
async function checkInvariants(programId: string): Promise<void> {
  const q = (sql: string) => hub.database.pool.query(sql, [programId]).then((r) => r.rows);
  const unbalanced = await q(
    `SELECT t.id FROM tb_transfers t LEFT JOIN tb_entries e ON e.transfer_id = t.id WHERE t.program_id = $1
      GROUP BY t.id HAVING count(e.id) < 2 OR coalesce(sum(e.amount_minutes), 0) <> 0`,
  );
  expect(unbalanced).toEqual([]);
  const [total] = await q(
    `SELECT coalesce(sum(e.amount_minutes), 0)::int AS s FROM tb_entries e JOIN tb_transfers t ON t.id = e.transfer_id
      WHERE t.program_id = $1`,
  );
  expect(total.s).toBe(0);
  const below = await q(
    `SELECT id FROM tb_accounts WHERE program_id = $1 AND kind IN ('volunteer','elder','family','organisation')
       AND balance_minutes < 0`,
  );
  expect(below).toEqual([]);
  const rec = await hub.services.timebank.ledger.reconcile(coord, programId);
  expect(rec.drift).toEqual([]);
  expect(rec.ok).toBe(true);
}

type Op =
  | { t: 'credit'; to: number; minutes: number }
  | { t: 'gift'; from: number; to: number; minutes: number }
  | { t: 'redeem'; from: number; minutes: number }
  | { t: 'donate'; from: number; minutes: number }
  | { t: 'reverse'; pick: number }
  | { t: 'retry'; pick: number };

const minutes = fc.integer({ min: 1, max: 240 });
const who = fc.integer({ min: 0, max: 2 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('credit' as const), to: who, minutes }),
  fc.record({ t: fc.constant('gift' as const), from: who, to: who, minutes }),
  fc.record({ t: fc.constant('redeem' as const), from: who, minutes }),
  fc.record({ t: fc.constant('donate' as const), from: who, minutes }),
  fc.record({ t: fc.constant('reverse' as const), pick: fc.nat() }),
  fc.record({ t: fc.constant('retry' as const), pick: fc.nat() }),
);

describe('time-bank ledger', () => {
  it('keeps every transfer balanced, members at or above zero and the cache equal to the entries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), fc.boolean(), async (ops, capped) => {
        const { ledger } = hub.services.timebank;
        const { program, vols } = await freshProgram(capped ? { capMinutes: 300 } : {});
        const model = new Map<string, number>();
        const apply = (t: Transfer) => {
          for (const e of t.entries) model.set(e.accountId, (model.get(e.accountId) ?? 0) + e.amountMinutes);
        };
        const done: { key: string; transfer: Transfer; redo: () => Promise<Transfer> }[] = [];
        const run = async (key: string, post: () => Promise<Transfer>) => {
          try {
            const t = await post();
            apply(t);
            done.push({ key, transfer: t, redo: post });
          } catch (err) {
            // Refusals (insufficient balance, self-gift, second reversal) are expected; nothing else is.
            if (!(err instanceof AppError) || (err.status !== 409 && err.status !== 400)) throw err;
          }
        };
        for (const op of ops) {
          const key = randomUUID();
          const acct = (i: number) => vols[i]!.accountId;
          switch (op.t) {
            case 'credit':
              await run(key, () =>
                ledger.creditService({
                  programId: program.id,
                  accountId: acct(op.to),
                  minutes: op.minutes,
                  requestId: key,
                  actorId: null,
                  memo: '',
                }),
              );
              break;
            case 'gift':
              await run(key, () =>
                ledger.gift(coord, {
                  fromAccountId: acct(op.from),
                  toAccountId: acct(op.to),
                  minutes: op.minutes,
                  memo: '',
                  idempotencyKey: key,
                }),
              );
              break;
            case 'redeem':
              await run(key, () =>
                ledger.redeem(coord, { accountId: acct(op.from), minutes: op.minutes, memo: 'x', idempotencyKey: key }),
              );
              break;
            case 'donate':
              await run(key, () =>
                ledger.donate(coord, {
                  fromAccountId: acct(op.from),
                  minutes: op.minutes,
                  memo: '',
                  idempotencyKey: key,
                }),
              );
              break;
            case 'reverse': {
              const target = done[op.pick % Math.max(1, done.length)];
              if (target)
                await run(key, () =>
                  ledger.reverse(coord, target.transfer.id, { reason: 'test', idempotencyKey: key }),
                );
              break;
            }
            case 'retry': {
              const target = done[op.pick % Math.max(1, done.length)];
              if (!target) break;
              const again = await target.redo().catch((err: unknown) => err);
              // A retried posting returns the original (a retried reversal may meet its own correction reversed: 409).
              if (!(again instanceof AppError)) expect((again as Transfer).id).toBe(target.transfer.id);
              break;
            }
          }
        }
        await checkInvariants(program.id);
        const accounts = await hub.services.timebank.members.listAccounts(coord, { programId: program.id });
        for (const a of accounts) expect(a.balanceMinutes, a.name).toBe(model.get(a.id) ?? 0);
        if (capped) for (const v of vols) expect(model.get(v.accountId) ?? 0).toBeLessThanOrEqual(300);
      }),
      { numRuns: 60 },
    );
  });

  it('never overdraws an account under 100 parallel redemptions', async () => {
    const { program, vols } = await freshProgram({}, 1);
    await hub.services.timebank.ledger.creditService({
      programId: program.id,
      accountId: vols[0]!.accountId,
      minutes: 50,
      requestId: randomUUID(),
      actorId: null,
      memo: '',
    });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        hub.api('POST', '/api/timebank/redemptions', coordToken, {
          accountId: vols[0]!.accountId,
          minutes: 1,
          memo: 'parallel',
          idempotencyKey: `parallel-${program.id}-${i}`,
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    expect(statuses.filter((s) => s === 409)).toHaveLength(50);
    const acct = await hub.api<{ balanceMinutes: number }>(
      'GET',
      `/api/timebank/accounts/${vols[0]!.accountId}`,
      coordToken,
    );
    expect(acct.body.balanceMinutes).toBe(0);
    await checkInvariants(program.id);
  });

  it('returns the original transfer for a repeated idempotency key, even for a double click', async () => {
    const { program, vols } = await freshProgram({}, 2);
    await hub.services.timebank.ledger.creditService({
      programId: program.id,
      accountId: vols[0]!.accountId,
      minutes: 120,
      requestId: randomUUID(),
      actorId: null,
      memo: '',
    });
    const body = {
      fromAccountId: vols[0]!.accountId,
      toAccountId: vols[1]!.accountId,
      minutes: 30,
      idempotencyKey: 'gift-click-1',
    };
    const [a, b] = await Promise.all([
      hub.api<Transfer>('POST', '/api/timebank/gifts', coordToken, body),
      hub.api<Transfer>('POST', '/api/timebank/gifts', coordToken, body),
    ]);
    const c = await hub.api<Transfer>('POST', '/api/timebank/gifts', coordToken, body);
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect(b.body.id).toBe(a.body.id);
    expect(c.body.id).toBe(a.body.id);
    const acct = await hub.api<{ balanceMinutes: number }>(
      'GET',
      `/api/timebank/accounts/${vols[1]!.accountId}`,
      coordToken,
    );
    expect(acct.body.balanceMinutes).toBe(30);
  });

  it('reverses a transfer once, naming the original, the reason and who did it', async () => {
    const { program, vols } = await freshProgram({}, 1);
    const credit = await hub.services.timebank.ledger.creditService({
      programId: program.id,
      accountId: vols[0]!.accountId,
      minutes: 90,
      requestId: randomUUID(),
      actorId: null,
      memo: '',
    });
    const rev = await hub.api<Transfer>('POST', `/api/timebank/transfers/${credit.id}/reverse`, coordToken, {
      reason: 'wrong volunteer',
      idempotencyKey: 'rev-1-abcdef',
    });
    expect(rev.status).toBe(201);
    expect(rev.body).toMatchObject({
      kind: 'correction',
      reversesId: credit.id,
      reason: 'wrong volunteer',
      actorId: coord.id,
    });
    const again = await hub.api('POST', `/api/timebank/transfers/${credit.id}/reverse`, coordToken, {
      reason: 'again',
      idempotencyKey: 'rev-2-abcdef',
    });
    expect(again.status).toBe(409);
    const orig = await hub.api<Transfer>('GET', `/api/timebank/transfers/${credit.id}`, coordToken);
    expect(orig.body.reversedById).toBe(rev.body.id);
    await checkInvariants(program.id);
  });

  it('is enforced by the database: unbalanced transfers and any UPDATE or DELETE are refused', async () => {
    const { program, vols } = await freshProgram({}, 1);
    const credit = await hub.services.timebank.ledger.creditService({
      programId: program.id,
      accountId: vols[0]!.accountId,
      minutes: 60,
      requestId: randomUUID(),
      actorId: null,
      memo: '',
    });
    const c = await hub.database.pool.connect();
    const attempt = async (statements: string[]) => {
      try {
        await c.query('BEGIN');
        for (const s of statements) await c.query(s);
        await c.query('COMMIT');
        return null;
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        return err as Error;
      }
    };
    try {
      const t = randomUUID();
      const insertTransfer = `INSERT INTO tb_transfers (id, program_id, kind, idempotency_key, created_at)
        VALUES ('${t}', '${program.id}', 'service', 'raw-${t}', now())`;
      const one = await attempt([
        insertTransfer,
        `INSERT INTO tb_entries (transfer_id, account_id, amount_minutes) VALUES ('${t}', '${vols[0]!.accountId}', 10)`,
      ]);
      expect(one?.message).toMatch(/unbalanced/);
      const none = await attempt([insertTransfer]);
      expect(none?.message).toMatch(/unbalanced/);
      const upd = await attempt([`UPDATE tb_entries SET amount_minutes = 1000 WHERE transfer_id = '${credit.id}'`]);
      expect(upd?.message).toMatch(/append-only/);
      const del = await attempt([`DELETE FROM tb_entries WHERE transfer_id = '${credit.id}'`]);
      expect(del?.message).toMatch(/append-only/);
      const updT = await attempt([`UPDATE tb_transfers SET memo = 'edited' WHERE id = '${credit.id}'`]);
      expect(updT?.message).toMatch(/append-only/);
      const delT = await attempt([`DELETE FROM tb_transfers WHERE id = '${credit.id}'`]);
      expect(delT?.message).toMatch(/append-only/);
      const below = await attempt([`UPDATE tb_accounts SET balance_minutes = -5 WHERE id = '${vols[0]!.accountId}'`]);
      expect(below?.message).toMatch(/tb_accounts_floor_ck/);
    } finally {
      c.release();
    }
    await checkInvariants(program.id);
  });
});
