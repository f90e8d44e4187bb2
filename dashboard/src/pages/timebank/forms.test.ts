import { DEFAULT_POLICY } from '@eldercare/shared';
import { describe, expect, it } from 'vitest';
import {
  SubmitOnce,
  ageOn,
  amountError,
  formToPolicy,
  hoursToMinutes,
  ledgerErrorMessage,
  minutesToHours,
  parseAccountNumber,
  policyToForm,
  redemptionMemo,
} from './forms';

describe('hours and minutes', () => {
  it('reads hours as people type them', () => {
    expect(hoursToMinutes('1.5')).toBe(90);
    expect(hoursToMinutes('1,5')).toBe(90);
    expect(hoursToMinutes(' 2 ')).toBe(120);
    expect(hoursToMinutes('1:30')).toBe(90);
    expect(hoursToMinutes('0:05')).toBe(5);
    expect(hoursToMinutes('.25')).toBe(15);
    expect(hoursToMinutes(0.5)).toBe(30);
    expect(hoursToMinutes('0.3333')).toBe(20);
  });

  it('refuses what is not a positive amount', () => {
    for (const bad of ['', '0', '0:00', '-1', 'abc', '1:75', '1.2.3', '1h', 'NaN', 'Infinity']) {
      expect(hoursToMinutes(bad), bad).toBeNull();
    }
  });

  it('writes minutes back as hours and round-trips whole minutes', () => {
    expect(minutesToHours(90)).toBe('1.5');
    expect(minutesToHours(120)).toBe('2');
    expect(minutesToHours(100)).toBe('1.67');
    expect(minutesToHours(12_000)).toBe('200');
    for (const m of [1, 7, 59, 60, 61, 100, 599, 12_345]) expect(hoursToMinutes(minutesToHours(m))).toBe(m);
  });

  it('checks an amount against the posting limit and the balance', () => {
    expect(amountError(null)).toBe('hours.invalidAmount');
    expect(amountError(60_001)).toBe('hours.tooMuch');
    expect(amountError(90, 60)).toBe('hours.overBalance');
    expect(amountError(60, 60)).toBeNull();
    expect(amountError(60)).toBeNull();
  });
});

describe('SubmitOnce', () => {
  const keys = () => {
    let n = 0;
    return () => `key-${++n}`;
  };

  it('posts once for a double click, with one key', async () => {
    const once = new SubmitOnce<{ minutes: number }>(keys());
    const sent: string[] = [];
    let release!: () => void;
    const post = (b: { idempotencyKey: string }) => {
      sent.push(b.idempotencyKey);
      return new Promise<string>((r) => (release = () => r(b.idempotencyKey)));
    };
    const first = once.submit({ minutes: 60 }, post);
    const second = once.submit({ minutes: 60 }, post);
    expect(once.busy).toBe(true);
    release();
    expect(await first).toBe('key-1');
    expect(await second).toBe('key-1');
    expect(sent).toEqual(['key-1']);
    expect(once.busy).toBe(false);
  });

  it('retries a failed submission with the same key, and starts a new key after success', async () => {
    const once = new SubmitOnce<{ minutes: number; memo: string }>(keys());
    const sent: string[] = [];
    let fail = true;
    const post = async (b: { idempotencyKey: string }) => {
      sent.push(b.idempotencyKey);
      if (fail) throw new Error('network');
      return b.idempotencyKey;
    };
    await expect(once.submit({ minutes: 60, memo: 'a' }, post)).rejects.toThrow('network');
    fail = false;
    // the same fields in another order are the same payload
    expect(await once.submit({ memo: 'a', minutes: 60 }, post)).toBe('key-1');
    expect(await once.submit({ minutes: 60, memo: 'a' }, post)).toBe('key-2');
    expect(sent).toEqual(['key-1', 'key-1', 'key-2']);
  });

  it('uses a new key when the payload changes after a failure', async () => {
    const once = new SubmitOnce<{ minutes: number }>(keys());
    const post = async () => {
      throw new Error('refused');
    };
    await expect(once.submit({ minutes: 60 }, post)).rejects.toThrow();
    expect(once.keyFor({ minutes: 60 })).toBe('key-1');
    expect(once.keyFor({ minutes: 30 })).toBe('key-2');
  });

  it('makes keys the hub accepts (8 to 200 characters) by default', () => {
    const key = new SubmitOnce<{ a: number }>().keyFor({ a: 1 });
    expect(key.length).toBeGreaterThanOrEqual(8);
    expect(key.length).toBeLessThanOrEqual(200);
  });
});

describe('ledgerErrorMessage', () => {
  it('explains the refusals of the gift policy, the balance and the age rules', () => {
    expect(ledgerErrorMessage(new Error("this program allows gifts to the giver's own family only"))).toEqual({
      key: 'hours.err.familyOnly',
    });
    expect(ledgerErrorMessage(new Error('this program does not allow gifts'))?.key).toBe('hours.err.noGifts');
    expect(ledgerErrorMessage(new Error('insufficient balance: 志愿者 刘洋 holds 150 minutes'))).toEqual({
      key: 'hours.err.insufficient',
      params: { minutes: 150 },
    });
    expect(ledgerErrorMessage(new Error('hours can be redeemed from age 60 (the holder is 35)'))).toEqual({
      key: 'hours.err.redeemAge',
      params: { min: 60, age: 35 },
    });
    expect(ledgerErrorMessage(new Error('volunteers must be at least 16 years old (this one is 12)'))).toEqual({
      key: 'volunteers.err.tooYoung',
      params: { min: 16, age: 12 },
    });
    expect(ledgerErrorMessage(new Error('toAccountId is not an account of the same program'))?.key).toBe(
      'hours.err.unknownRecipient',
    );
  });

  it('leaves anything else to the hub message', () => {
    expect(ledgerErrorMessage(new Error('network'))).toBeNull();
    expect(ledgerErrorMessage(null)).toBeNull();
  });
});

describe('small parsers', () => {
  it('reads a pasted account number', () => {
    expect(parseAccountNumber(' {0F8FAD5B-D9CB-469F-A165-70867728950E} ')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(parseAccountNumber('0f8fad5b')).toBeNull();
  });

  it('writes a redemption memo from its parts', () => {
    expect(redemptionMemo('助洁', '本人', '')).toBe('助洁 · 本人');
    expect(redemptionMemo('Cleaning', 'for my mother', ' Wed am ')).toBe('Cleaning · for my mother · Wed am');
  });

  it('counts ages as the hub does', () => {
    expect(ageOn('2010-06-15', '2026-06-14')).toBe(15);
    expect(ageOn('2010-06-15', '2026-06-15')).toBe(16);
    expect(ageOn('bad', '2026-06-15')).toBeNull();
  });
});

describe('the policy form', () => {
  it('round-trips a policy through the form', () => {
    const policy = { ...DEFAULT_POLICY, capMinutes: 12_000, expiryDays: 365, fundFloorMinutes: -600 };
    expect(formToPolicy(policyToForm(policy))).toEqual({ policy, errors: null });
    expect(formToPolicy(policyToForm(DEFAULT_POLICY))).toEqual({ policy: DEFAULT_POLICY, errors: null });
  });

  it('maps empty limits to "none" and hours to minutes', () => {
    const f = { ...policyToForm(DEFAULT_POLICY), capHours: '150.5', expiryDays: '', fundFloorHours: '' };
    expect(formToPolicy(f).policy).toMatchObject({ capMinutes: 9030, expiryDays: null, fundFloorMinutes: null });
  });

  it('names each field the hub would refuse', () => {
    const f = {
      ...policyToForm(DEFAULT_POLICY),
      minVolunteerAge: '-1',
      minRedeemAge: 'x',
      capHours: '0.5',
      expiryDays: '10',
      autoConfirmDays: '0',
      fundFloorHours: 'lots',
    };
    expect(formToPolicy(f).errors).toEqual({
      minVolunteerAge: 'programs.err.volunteerAge',
      minRedeemAge: 'programs.err.redeemAge',
      capHours: 'programs.err.cap',
      expiryDays: 'programs.err.expiry',
      autoConfirmDays: 'programs.err.autoConfirm',
      fundFloorHours: 'programs.err.fundFloor',
    });
  });
});
