import { describe, expect, it } from 'vitest';
import type { ServiceRequest, User } from '@eldercare/shared';
import { translate } from './i18n/translate';
import { counterpartyText, districtTimeToIso, formatMinutes, memoText, requestSteps } from './timebank';

const user = (role: User['role'], residentId: string | null = null): User => ({
  id: 'u',
  email: 'x@y.z',
  name: 'x',
  role,
  tenantId: 't',
  institutionId: null,
  residentId,
});
const req = (status: ServiceRequest['status'], volunteerId: string | null = 'v1') =>
  ({ status, volunteerId, residentId: 'r1' }) as ServiceRequest;

describe('formatMinutes', () => {
  it('writes hours and minutes in both languages', () => {
    expect(formatMinutes(150, 'en')).toBe('2 h 30 min');
    expect(formatMinutes(150, 'zh-CN')).toBe('2小时30分');
    expect(formatMinutes(120, 'en')).toBe('2 h');
    expect(formatMinutes(0, 'en')).toBe('0 min');
    expect(formatMinutes(-45, 'zh-CN')).toBe('-45分');
  });
});

describe('requestSteps', () => {
  it('offers dispatch to coordinators and the visit steps to the assigned volunteer only', () => {
    expect(requestSteps(req('requested', null), user('coordinator'))).toEqual(['dispatch', 'cancel']);
    expect(requestSteps(req('dispatched'), user('volunteer'), ['v1'])).toEqual(['accept', 'decline']);
    expect(requestSteps(req('dispatched'), user('volunteer'), ['v2'])).toEqual([]);
    expect(requestSteps(req('accepted'), user('volunteer'), ['v1'])).toEqual(['checkIn']);
    expect(requestSteps(req('in_progress'), user('volunteer'), ['v1'])).toEqual(['checkOut']);
  });

  it("lets the elder's family rate or dispute, and only coordinators resolve", () => {
    expect(requestSteps(req('completed'), user('family', 'r1'))).toEqual(['confirm', 'dispute']);
    expect(requestSteps(req('completed'), user('family', 'r2'))).toEqual([]);
    expect(requestSteps(req('completed'), user('volunteer'), ['v1'])).toEqual([]);
    expect(requestSteps(req('disputed'), user('family', 'r1'))).toEqual([]);
    expect(requestSteps(req('disputed'), user('admin'))).toEqual(['resolve']);
    expect(requestSteps(req('confirmed'), user('admin'))).toEqual([]);
  });
});

describe('districtTimeToIso', () => {
  it("reads the form's wall time in the district's zone", () => {
    expect(districtTimeToIso('2030-01-02T09:30', 'Asia/Shanghai')).toBe('2030-01-02T01:30:00.000Z');
    expect(districtTimeToIso('2030-07-02T09:30', 'Europe/London')).toBe('2030-07-02T08:30:00.000Z');
    expect(districtTimeToIso('', 'Asia/Shanghai')).toBe('');
  });
});

describe('memoText', () => {
  const zh = (key: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('zh-CN', key, p);
  const en = (key: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('en', key, p);
  const reversal = {
    kind: 'correction' as const,
    memo: 'reversal of gift 3f1c0a52-0000-4000-8000-000000000000',
    reason: '记错账户',
    reversesId: '3f1c0a52-0000-4000-8000-000000000000',
  };

  it("names a service credit's type and a program's system accounts in the reader's language", () => {
    const credit = { kind: 'service' as const, memo: 'meals · 吴玉兰', reason: '', reversesId: null };
    expect(memoText(credit, zh)).toBe('助餐 · 吴玉兰');
    expect(memoText(credit, en)).toBe('Meals · 吴玉兰');
    expect(memoText({ ...credit, memo: '赠予母亲' }, zh)).toBe('赠予母亲');
    expect(counterpartyText('社区时间银行 · issuance', zh)).toBe('社区时间银行 · 发行账户');
    expect(counterpartyText('社区时间银行 · community fund', zh)).toBe('社区时间银行 · 公益基金');
    expect(counterpartyText('刘桂兰', zh)).toBe('刘桂兰');
  });

  it("tells a reversal from its reason in the reader's language, never the hub's English memo", () => {
    expect(memoText(reversal, zh)).toBe('冲正：记错账户');
    expect(memoText({ ...reversal, reason: 'wrong account' }, en)).toBe('Reversal: wrong account');
    expect(memoText({ ...reversal, reason: '  ' }, zh)).toBe('冲正');
    expect(memoText({ ...reversal, reason: '' }, en)).toBe('Reversal');
  });

  it('shows any other memo as posted', () => {
    const gift = { kind: 'gift' as const, memo: '赠予母亲', reason: '', reversesId: null };
    expect(memoText(gift, zh)).toBe('赠予母亲');
    expect(memoText({ ...reversal, reversesId: null }, en)).toBe(reversal.memo);
  });
});
