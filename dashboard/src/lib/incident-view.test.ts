import { describe, expect, it } from 'vitest';
import { alertFixture } from './alert-fixture';
import { formatDateTimeSec } from './format';
import { translate } from './i18n/translate';
import type { MessageKey } from './i18n/zh';
import { formatDuration, nextStep, signalView, stages, stepText } from './incident-view';

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);

describe('formatDateTimeSec', () => {
  it('shows seconds, in the district time zone', () => {
    expect(formatDateTimeSec('2025-11-22T16:30:07Z', 'zh-CN')).toBe('2025-11-23 00:30:07');
    expect(formatDateTimeSec(null, 'en')).toBe('');
  });
});

describe('formatDuration', () => {
  it('reads as seconds, minutes or hours', () => {
    expect(formatDuration(14, zh)).toBe('14 秒');
    expect(formatDuration(125, zh)).toBe('2 分 05 秒');
    expect(formatDuration(3720, en)).toBe('1 h 02 min');
  });
});

describe('stages', () => {
  it('lists each stage reached with how long after the one before it came', () => {
    const a = alertFixture({
      createdAt: '2025-11-23T02:00:00.000Z',
      openedAt: '2025-11-23T02:00:00.000Z',
      acknowledgedAt: '2025-11-23T02:00:14.000Z',
      contactAt: '2025-11-23T02:01:00.000Z',
      closedAt: '2025-11-23T02:10:00.000Z',
    });
    expect(stages(a)).toEqual([
      { stage: 'raised', at: '2025-11-23T02:00:00.000Z', afterSeconds: null },
      { stage: 'acknowledged', at: '2025-11-23T02:00:14.000Z', afterSeconds: 14 },
      { stage: 'contact', at: '2025-11-23T02:01:00.000Z', afterSeconds: 46 },
      { stage: 'closed', at: '2025-11-23T02:10:00.000Z', afterSeconds: 540 },
    ]);
  });
  it("shows a fall's cancel window as its own stage", () => {
    const a = alertFixture({ createdAt: '2025-11-23T02:00:00.000Z', openedAt: '2025-11-23T02:00:30.000Z' });
    expect(stages(a).map((s) => [s.stage, s.afterSeconds])).toEqual([
      ['raised', null],
      ['opened', 30],
    ]);
  });
});

describe('signalView', () => {
  it('puts a call order as a list to phone down, never JSON', () => {
    const v = signalView(
      {
        type: 'missed_meal',
        detail: {
          reason: 'no_answer',
          orderId: 'x',
          meal: 'lunch',
          quietHours: 9,
          lastActivityAt: '2025-11-22T16:30:07Z',
          callOrder: [
            { step: 'call_elder', name: '张秀英', relation: 'self', phone: '010-1' },
            { step: 'emergency_contact', name: '张伟', relation: '儿子', phone: '138' },
          ],
        },
      },
      zh,
      'zh-CN',
    );
    expect(v.kind).toBe('送餐无人应答');
    expect(v.callOrder).toEqual([
      { name: '张秀英', relation: 'self', phone: '010-1' },
      { name: '张伟', relation: '儿子', phone: '138' },
    ]);
    expect(v.fields).toEqual([
      { label: '原因', value: '无人应答' },
      { label: '餐次', value: '午餐' },
      { label: '无活动时长', value: '9 小时' },
      { label: '最后一次活动', value: '2025-11-23 00:30:07' },
    ]);
    expect(JSON.stringify(v.fields)).not.toMatch(/callOrder|orderId/);
  });
  it('names device and phone signals in the reader language', () => {
    expect(signalView({ type: 'low_battery', detail: { battery: 8 } }, zh, 'zh-CN')).toMatchObject({
      kind: '电量低',
      fields: [{ label: '电量', value: '8%' }],
    });
    expect(signalView({ type: 'phone_call', detail: { kind: 'fall', callerPhone: '139' } }, en, 'en')).toMatchObject({
      kind: 'Phone call',
      fields: [
        { label: 'Reported', value: 'Fall' },
        { label: 'Caller number', value: '139' },
      ],
    });
  });
});

describe('checklist', () => {
  it('shows built-in steps in the reader language and finds the next open step', () => {
    expect(stepText({ key: 'call_contacts', text: '按顺序联系紧急联系人' }, 'en')).toBe('Call the contacts in order');
    expect(stepText({ key: null, text: '女儿有钥匙' }, 'en')).toBe('女儿有钥匙');
    expect(nextStep([{ doneAt: 'x' }, { doneAt: null }, { doneAt: null }])).toEqual({ doneAt: null });
    expect(nextStep([{ doneAt: 'x' }])).toBeNull();
  });
});
