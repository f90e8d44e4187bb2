import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_POLICY } from '@eldercare/shared';
import { ageOn, expiredMinutes, floorFor, giftAllowed, policyOf, servedMinutes, splitCredit } from './policy.js';
import { canStep, mayAct } from './request-flow.js';
import { startOfLocalDay } from '@eldercare/shared';
import { statementCsv } from './statement.js';

describe('program policy', () => {
  it('fills missing fields from the defaults and ignores invalid stored values', () => {
    expect(policyOf({})).toEqual(DEFAULT_POLICY);
    expect(policyOf({ capMinutes: 600 }).capMinutes).toBe(600);
    expect(policyOf({ capMinutes: 'lots' })).toEqual(DEFAULT_POLICY);
  });

  it('gives members a zero floor, the fund its configured floor and issuance none', () => {
    expect(floorFor('volunteer', DEFAULT_POLICY)).toBe(0);
    expect(floorFor('family', DEFAULT_POLICY)).toBe(0);
    expect(floorFor('issuance', DEFAULT_POLICY)).toBeNull();
    expect(floorFor('fund', { ...DEFAULT_POLICY, fundFloorMinutes: -600 })).toBe(-600);
    expect(floorFor('fund', { ...DEFAULT_POLICY, fundFloorMinutes: null })).toBeNull();
  });

  it('donates what a credit brings over the cap to the fund, and never loses a minute', () => {
    expect(splitCredit(100, 50, null)).toEqual({ member: 50, fund: 0 });
    expect(splitCredit(280, 50, 300)).toEqual({ member: 20, fund: 30 });
    expect(splitCredit(400, 50, 300)).toEqual({ member: 0, fund: 50 });
    fc.assert(
      fc.property(fc.nat(10_000), fc.integer({ min: 1, max: 5000 }), fc.option(fc.nat(10_000)), (bal, amt, cap) => {
        const s = splitCredit(bal, amt, cap);
        expect(s.member + s.fund).toBe(amt);
        expect(s.member).toBeGreaterThanOrEqual(0);
        if (cap !== null && bal <= cap) expect(bal + s.member).toBeLessThanOrEqual(cap);
      }),
    );
  });

  it('expires, first in first out, what is older than the window', () => {
    expect(expiredMinutes(300, 100)).toBe(200);
    expect(expiredMinutes(300, 500)).toBe(0);
    expect(expiredMinutes(0, 0)).toBe(0);
  });

  it('lets gifts go to family only when the program says so', () => {
    const giver = { kind: 'volunteer' as const, familyResidentIds: ['mum'] };
    const familyOnly = { ...DEFAULT_POLICY, giftRecipients: 'family_only' as const };
    expect(giftAllowed(familyOnly, giver, { kind: 'elder', ownerId: 'mum', residentId: 'mum' }).ok).toBe(true);
    expect(giftAllowed(familyOnly, giver, { kind: 'family', ownerId: 'sister', residentId: 'mum' }).ok).toBe(true);
    expect(giftAllowed(familyOnly, giver, { kind: 'elder', ownerId: 'stranger', residentId: 'stranger' }).ok).toBe(
      false,
    );
    expect(giftAllowed(DEFAULT_POLICY, giver, { kind: 'volunteer', ownerId: 'x', residentId: null }).ok).toBe(true);
    expect(giftAllowed(DEFAULT_POLICY, giver, { kind: 'fund', ownerId: null, residentId: null }).ok).toBe(false);
    const none = { ...DEFAULT_POLICY, giftRecipients: 'none' as const };
    expect(giftAllowed(none, giver, { kind: 'elder', ownerId: 'mum', residentId: 'mum' }).ok).toBe(false);
  });

  it('counts age in whole years and minutes to the nearest minute', () => {
    expect(ageOn('2010-06-15', new Date('2026-06-14T12:00:00Z'))).toBe(15);
    expect(ageOn('2010-06-15', new Date('2026-06-15T00:00:00Z'))).toBe(16);
    expect(servedMinutes(new Date('2026-01-01T08:00:00Z'), new Date('2026-01-01T09:29:40Z'))).toBe(90);
  });
});

describe('service-request flow', () => {
  const volunteer = { role: 'volunteer' as const, assignee: true, family: false };
  const stranger = { role: 'volunteer' as const, assignee: false, family: false };
  const family = { role: 'family' as const, assignee: false, family: true };
  const coordinator = { role: 'coordinator' as const, assignee: false, family: false };

  it('lets each party take only their own steps', () => {
    expect(mayAct(volunteer, 'accept')).toBe(true);
    expect(mayAct(stranger, 'accept')).toBe(false);
    expect(mayAct(volunteer, 'confirm')).toBe(false);
    expect(mayAct(family, 'confirm')).toBe(true);
    expect(mayAct(family, 'dispatch')).toBe(false);
    expect(mayAct(family, 'resolve')).toBe(false);
    expect(mayAct(coordinator, 'resolve')).toBe(true);
  });

  it('allows steps only from the right status', () => {
    expect(canStep('requested', 'dispatch')).toBe(true);
    expect(canStep('requested', 'accept')).toBe(false);
    expect(canStep('completed', 'confirm')).toBe(true);
    expect(canStep('confirmed', 'confirm')).toBe(false);
    expect(canStep('in_progress', 'cancel')).toBe(false);
  });
});

describe('statements', () => {
  it("finds local midnight in the district's zone", () => {
    expect(startOfLocalDay('2026-11-01', 'Asia/Shanghai').toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(startOfLocalDay('2026-03-29', 'Europe/London').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfLocalDay('2026-07-01', 'Europe/London').toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });

  it('renders CSV with a BOM, quoted cells and defused formulas', () => {
    const csv = statementCsv(
      {
        account: {
          id: '00000000-0000-0000-0000-000000000001',
          programId: '00000000-0000-0000-0000-000000000002',
          kind: 'volunteer',
          ownerId: null,
          name: 'V',
          floorMinutes: 0,
          balanceMinutes: 90,
          createdAt: '2026-01-01T00:00:00Z',
        },
        from: null,
        to: null,
        openingMinutes: 0,
        closingMinutes: 90,
        byKind: {},
        givenMinutes: 90,
        receivedMinutes: 0,
        lines: [
          {
            transferId: 't1',
            at: '2026-01-01T02:00:00Z',
            kind: 'service',
            memo: '=cmd, "quoted"',
            reason: '',
            reversesId: null,
            counterparty: '刘洋',
            amountMinutes: 90,
            balanceMinutes: 90,
          },
        ],
      },
      'Asia/Shanghai',
    );
    expect(csv.startsWith('\uFEFFdate,')).toBe(true);
    expect(csv).toContain(`2026-01-01,10:00,service,"'=cmd, ""quoted""",刘洋,90,1.50,90,t1`);
  });
});
