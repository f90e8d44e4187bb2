/**
 * The time-bank ledger as its users meet it: balances after services, gifts, donations and
 * redemptions; retries and double spending; who may move or correct hours; expiry; statements.
 * In-memory repositories (timebank.fakes.ts, ledger.fakes.ts); test/integration/timebank-ledger.test.ts runs the
 * same ledger on the real database.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ProgramPolicy } from '@eldercare/shared';
import { newId } from '../../testing/fakes.js';
import { timebankWorld, type TimebankWorld } from './timebank.world.js';

let w: TimebankWorld;
beforeEach(() => {
  w = timebankWorld();
});

async function setup(policy: Partial<ProgramPolicy> = {}) {
  const p = await w.program(policy);
  const elderAccount = await w.members.openAccount(w.users.coordinator, p.id, 'elder', w.elder.id);
  const familyAccount = await w.members.openAccount(w.users.family, p.id, 'family', w.users.family.id);
  const credit = (accountId: string, minutes: number, requestId: string | null = newId()) =>
    w.ledger.creditService({
      programId: p.id,
      accountId,
      minutes,
      requestId,
      actorId: w.users.coordinator.id,
      memo: 'service',
    });
  return { p, vol: p.volunteer.accountId, elderAccount: elderAccount.id, familyAccount: familyAccount.id, credit };
}

const key = () => `key-${newId()}`;

describe('balances', () => {
  it('credits a service to the volunteer, once per request, and the program owes it', async () => {
    const { p, vol, credit } = await setup();
    const requestId = newId();
    const t = await credit(vol, 90, requestId);
    const again = await credit(vol, 90, requestId);
    expect(again.id).toBe(t.id);
    expect(w.balance(vol)).toBe(90);
    expect(w.balance(p.issuanceAccountId)).toBe(-90);
    const totals = await w.ledger.totals(w.users.coordinator, p.id);
    expect(totals).toMatchObject({ outstandingMinutes: 90, memberMinutes: 90, fundMinutes: 0 });
    expect(totals.byKind.service).toEqual({ transfers: 1, minutes: 90 });
    expect((await w.ledger.reconcile(w.users.coordinator, p.id)).ok).toBe(true);
  });

  it('gives what a credit brings over the cap to the community fund', async () => {
    const { p, vol, credit } = await setup({ capMinutes: 120 });
    await credit(vol, 100);
    const t = await credit(vol, 60);
    expect(w.balance(vol)).toBe(120);
    expect(w.balance(p.fundAccountId)).toBe(40);
    expect(t.entries.find((e) => e.accountId === p.fundAccountId)?.amountMinutes).toBe(40);
  });

  it('moves a gift and a donation between accounts; nothing is created or lost', async () => {
    const { p, vol, elderAccount, credit } = await setup();
    await credit(vol, 120);
    await w.ledger.gift(w.users.volunteerLogin, {
      fromAccountId: vol,
      toAccountId: elderAccount,
      minutes: 45,
      memo: 'for Wang',
      idempotencyKey: key(),
    });
    await w.ledger.donate(w.users.volunteerLogin, { fromAccountId: vol, minutes: 15, memo: '', idempotencyKey: key() });
    expect([w.balance(vol), w.balance(elderAccount), w.balance(p.fundAccountId)]).toEqual([60, 45, 15]);
    const r = await w.ledger.reconcile(w.users.admin, p.id);
    expect(r).toMatchObject({ ok: true, entriesSum: 0, unbalancedTransfers: [], drift: [] });
  });

  it('redeems hours back to the program, which then owes that much less', async () => {
    const { p, elderAccount, credit } = await setup();
    await credit(elderAccount, 60);
    await w.ledger.redeem(w.users.family, {
      accountId: elderAccount,
      minutes: 40,
      memo: 'meal',
      idempotencyKey: key(),
    });
    expect(w.balance(elderAccount)).toBe(20);
    expect((await w.ledger.totals(w.users.coordinator, p.id)).outstandingMinutes).toBe(20);
  });
});

describe('double spending and retries', () => {
  it('refuses to spend more than the account holds, and leaves it untouched', async () => {
    const { vol, elderAccount, credit } = await setup();
    await credit(vol, 30);
    await w.ledger.redeem(w.users.volunteerLogin, { accountId: vol, minutes: 20, memo: '', idempotencyKey: key() });
    const second = w.ledger.redeem(w.users.volunteerLogin, {
      accountId: vol,
      minutes: 20,
      memo: '',
      idempotencyKey: key(),
    });
    await expect(second).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('insufficient balance'),
    });
    await expect(
      w.ledger.gift(w.users.volunteerLogin, {
        fromAccountId: vol,
        toAccountId: elderAccount,
        minutes: 11,
        memo: '',
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ status: 409 });
    expect(w.balance(vol)).toBe(10);
  });

  it('posts a retried request once: the same key answers with the same transfer', async () => {
    const { vol, credit } = await setup();
    await credit(vol, 60);
    const k = key();
    const a = await w.ledger.redeem(w.users.volunteerLogin, {
      accountId: vol,
      minutes: 25,
      memo: '',
      idempotencyKey: k,
    });
    const b = await w.ledger.redeem(w.users.volunteerLogin, {
      accountId: vol,
      minutes: 25,
      memo: '',
      idempotencyKey: k,
    });
    expect(b.id).toBe(a.id);
    expect(w.balance(vol)).toBe(35);
  });

  it("keeps one user's keys apart from another's", async () => {
    const { vol, familyAccount, credit } = await setup();
    await credit(vol, 60);
    await credit(familyAccount, 60);
    const k = key();
    const a = await w.ledger.donate(w.users.volunteerLogin, {
      fromAccountId: vol,
      minutes: 10,
      memo: '',
      idempotencyKey: k,
    });
    const b = await w.ledger.donate(w.users.family, {
      fromAccountId: familyAccount,
      minutes: 10,
      memo: '',
      idempotencyKey: k,
    });
    expect(b.id).not.toBe(a.id);
    expect([w.balance(vol), w.balance(familyAccount)]).toEqual([50, 50]);
  });
});

describe('who may move hours', () => {
  it("does not let a volunteer spend or even see someone else's account", async () => {
    const { elderAccount, credit } = await setup();
    await credit(elderAccount, 60);
    await expect(
      w.ledger.redeem(w.users.volunteerLogin, {
        accountId: elderAccount,
        minutes: 10,
        memo: '',
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(w.ledger.statement(w.users.volunteerLogin, elderAccount, {})).rejects.toMatchObject({ status: 404 });
    await expect(w.ledger.statement(w.users.otherFamily, elderAccount, {})).rejects.toMatchObject({ status: 404 });
    expect(w.balance(elderAccount)).toBe(60);
  });

  it('lets family spend their elder’s hours and a coordinator act for anyone of the district', async () => {
    const { elderAccount, vol, credit } = await setup();
    await credit(elderAccount, 60);
    await credit(vol, 60);
    await w.ledger.redeem(w.users.family, { accountId: elderAccount, minutes: 10, memo: '', idempotencyKey: key() });
    await w.ledger.redeem(w.users.coordinator, { accountId: vol, minutes: 10, memo: '', idempotencyKey: key() });
    expect([w.balance(elderAccount), w.balance(vol)]).toEqual([50, 50]);
    await expect(
      w.ledger.redeem(w.users.elsewhere, { accountId: vol, minutes: 10, memo: '', idempotencyKey: key() }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('moves hours out of member accounts only, never the fund or issuance', async () => {
    const { p } = await setup();
    await expect(
      w.ledger.donate(w.users.coordinator, {
        fromAccountId: p.issuanceAccountId,
        minutes: 10,
        memo: '',
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('shows totals and reconciliation to coordinators only', async () => {
    const { p } = await setup();
    await expect(w.ledger.totals(w.users.volunteerLogin, p.id)).rejects.toMatchObject({ status: 403 });
    await expect(w.ledger.reconcile(w.users.family, p.id)).rejects.toMatchObject({ status: 403 });
    await expect(w.ledger.totals(w.users.elsewhere, p.id)).rejects.toMatchObject({ status: 404 });
  });

  it('lists a volunteer only the transfers of their own account', async () => {
    const { vol, elderAccount, credit } = await setup();
    await credit(vol, 30);
    await credit(elderAccount, 40);
    const mine = await w.ledger.listTransfers(w.users.volunteerLogin, { limit: 50, offset: 0 });
    expect(mine.total).toBe(1);
    expect(mine.items[0]!.entries.some((e) => e.accountId === vol)).toBe(true);
    expect((await w.ledger.listTransfers(w.users.coordinator, { limit: 50, offset: 0 })).total).toBe(2);
  });
});

describe('gift policy', () => {
  it('refuses a gift to the giving account, to another program, and when the program allows none', async () => {
    const { vol, credit } = await setup({ giftRecipients: 'none' });
    await credit(vol, 60);
    const other = await setup();
    const gift = (toAccountId: string) =>
      w.ledger.gift(w.users.volunteerLogin, {
        fromAccountId: vol,
        toAccountId,
        minutes: 5,
        memo: '',
        idempotencyKey: key(),
      });
    await expect(gift(vol)).rejects.toMatchObject({ status: 400 });
    await expect(gift(other.elderAccount)).rejects.toMatchObject({ status: 400 });
    const sameProgramElder = w.store.accounts.find(
      (a) => a.kind === 'elder' && a.programId === w.store.accounts.find((x) => x.id === vol)!.programId,
    )!;
    await expect(gift(sameProgramElder.id)).rejects.toMatchObject({
      status: 400,
      message: 'this program does not allow gifts',
    });
    expect(w.balance(vol)).toBe(60);
  });

  it("under family_only, offers and allows gifts to the giver's own elder only", async () => {
    const { p, familyAccount, elderAccount, credit } = await setup({ giftRecipients: 'family_only' });
    const other = await w.members.openAccount(w.users.coordinator, p.id, 'elder', w.otherElder.id);
    await credit(familyAccount, 60);
    const offered = await w.ledger.giftRecipients(w.users.family, familyAccount, { limit: 20 });
    expect(offered.map((r) => r.accountId)).toEqual([elderAccount]);
    await expect(
      w.ledger.gift(w.users.family, {
        fromAccountId: familyAccount,
        toAccountId: other.id,
        minutes: 5,
        memo: '',
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ status: 400 });
    await w.ledger.gift(w.users.family, {
      fromAccountId: familyAccount,
      toAccountId: elderAccount,
      minutes: 5,
      memo: '',
      idempotencyKey: key(),
    });
    expect(w.balance(elderAccount)).toBe(5);
  });
});

describe('redeeming age', () => {
  it("refuses a holder younger than the program's redeeming age and allows an elder", async () => {
    const { vol, elderAccount, credit } = await setup({ minRedeemAge: 60 });
    await credit(vol, 60);
    await credit(elderAccount, 60);
    await expect(
      w.ledger.redeem(w.users.volunteerLogin, { accountId: vol, minutes: 10, memo: '', idempotencyKey: key() }),
    ).rejects.toMatchObject({ status: 400, message: 'hours can be redeemed from age 60 (the holder is 36)' });
    await w.ledger.redeem(w.users.family, { accountId: elderAccount, minutes: 10, memo: '', idempotencyKey: key() });
    expect([w.balance(vol), w.balance(elderAccount)]).toEqual([60, 50]);
  });
});

describe('corrections', () => {
  it('reverses a transfer with its mirror image, once, naming who and why', async () => {
    const { p, vol, credit } = await setup();
    const t = await credit(vol, 90);
    const k = key();
    const c = await w.ledger.reverse(w.users.coordinator, t.id, { reason: 'entered twice', idempotencyKey: k });
    expect(c).toMatchObject({ kind: 'correction', reversesId: t.id, reason: 'entered twice' });
    expect(c.actorId).toBe(w.users.coordinator.id);
    expect([w.balance(vol), w.balance(p.issuanceAccountId)]).toEqual([0, 0]);
    // A retry answers with the same correction; another reversal is refused.
    expect((await w.ledger.reverse(w.users.coordinator, t.id, { reason: 'entered twice', idempotencyKey: k })).id).toBe(
      c.id,
    );
    await expect(
      w.ledger.reverse(w.users.admin, t.id, { reason: 'again', idempotencyKey: key() }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      w.ledger.reverse(w.users.coordinator, c.id, { reason: 'undo', idempotencyKey: key() }),
    ).rejects.toMatchObject({ status: 409 });
    expect((await w.ledger.transfer(w.users.coordinator, t.id)).reversedById).toBe(c.id);
  });

  it('refuses a reversal that would take hours the member already spent', async () => {
    const { vol, credit } = await setup();
    const t = await credit(vol, 60);
    await w.ledger.redeem(w.users.volunteerLogin, { accountId: vol, minutes: 50, memo: '', idempotencyKey: key() });
    await expect(
      w.ledger.reverse(w.users.coordinator, t.id, { reason: 'mistake', idempotencyKey: key() }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining('insufficient balance') });
  });

  it('gives the community fund what a reversal would bring back above the cap', async () => {
    // The giver is credited up to the cap again after giving; undoing the gift must not lift them above it.
    const { p, vol, elderAccount, credit } = await setup({ capMinutes: 300 });
    await credit(vol, 143);
    const gift = await w.ledger.gift(w.users.volunteerLogin, {
      fromAccountId: vol,
      toAccountId: elderAccount,
      minutes: 1,
      memo: '',
      idempotencyKey: key(),
    });
    await credit(vol, 158);
    expect(w.balance(vol)).toBe(300);
    const c = await w.ledger.reverse(w.users.coordinator, gift.id, { reason: 'wrong elder', idempotencyKey: key() });
    expect([w.balance(vol), w.balance(elderAccount), w.balance(p.fundAccountId)]).toEqual([300, 0, 1]);
    expect(c.entries.find((e) => e.accountId === p.fundAccountId)?.amountMinutes).toBe(1);
    expect((await w.ledger.reconcile(w.users.coordinator, p.id)).ok).toBe(true);
  });

  it('lets only coordinators and admins reverse', async () => {
    const { vol, credit } = await setup();
    const t = await credit(vol, 60);
    await expect(
      w.ledger.reverse(w.users.volunteerLogin, t.id, { reason: 'mine', idempotencyKey: key() }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      w.ledger.reverse(w.users.elsewhere, t.id, { reason: 'theirs', idempotencyKey: key() }),
    ).rejects.toMatchObject({ status: 404 });
    expect(w.balance(vol)).toBe(60);
  });
});

describe('expiry', () => {
  it('returns hours older than the window to the program, once a day, and keeps recent credits', async () => {
    const { p, vol, credit } = await setup({ expiryDays: 30 });
    await credit(vol, 100);
    w.clock.advance(20 * 86_400_000);
    await credit(vol, 40);
    w.clock.advance(15 * 86_400_000); // the first credit is 35 days old, the second 15
    expect(await w.ledger.expire()).toBe(1);
    expect(await w.ledger.expire()).toBe(0);
    expect(w.balance(vol)).toBe(40);
    expect((await w.ledger.totals(w.users.coordinator, p.id)).outstandingMinutes).toBe(40);
  });

  it('expires nothing when the program keeps hours forever', async () => {
    const { vol, credit } = await setup();
    await credit(vol, 100);
    w.clock.advance(400 * 86_400_000);
    expect(await w.ledger.expire()).toBe(0);
    expect(w.balance(vol)).toBe(100);
  });
});

describe('statements', () => {
  it("gives opening and closing balances for the district's local days", async () => {
    // 2026-03-02T02:00Z is 10:00 in Shanghai on the 2nd.
    const { vol, credit } = await setup();
    await credit(vol, 60);
    w.clock.set('2026-03-02T17:00:00.000Z'); // 01:00 on the 3rd in Shanghai
    await credit(vol, 30);
    await w.ledger.redeem(w.users.volunteerLogin, { accountId: vol, minutes: 20, memo: '', idempotencyKey: key() });
    const s = await w.ledger.statement(w.users.volunteerLogin, vol, { from: '2026-03-03', to: '2026-03-03' });
    expect(s).toMatchObject({ openingMinutes: 60, closingMinutes: 70, givenMinutes: 30, receivedMinutes: 20 });
    expect(s.lines.map((l) => [l.kind, l.amountMinutes, l.balanceMinutes])).toEqual([
      ['service', 30, 90],
      ['redemption', -20, 70],
    ]);
    await expect(
      w.ledger.statement(w.users.volunteerLogin, vol, { from: '2026-03-04', to: '2026-03-03' }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
