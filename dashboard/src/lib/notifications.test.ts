import { describe, expect, it } from 'vitest';
import type { NotificationInfo, ResponderDispatch } from '@eldercare/shared';
import {
  changedPreferences,
  deviceLabel,
  isFailure,
  pathToHash,
  replyLinkToken,
  mergeNotification,
  preferenceProblems,
  purposesFor,
  responderNext,
  sameKey,
  sortDispatches,
  toggle,
  unavailable,
  vapidKeyBytes,
} from './notifications';

const note = (over: Partial<NotificationInfo> = {}): NotificationInfo => ({
  id: 'n1',
  alertId: 'a1',
  purpose: 'dispatch',
  channel: 'sms',
  recipientName: '张伟',
  recipientUserId: null,
  status: 'pending',
  attempts: 0,
  maxAttempts: 5,
  error: null,
  createdAt: '2026-12-07T10:00:00.000Z',
  notBefore: null,
  sentAt: null,
  failedAt: null,
  reply: null,
  ...over,
});

const offer = (over: Partial<ResponderDispatch> = {}): ResponderDispatch => ({
  offerId: 'o1',
  alertId: 'a1',
  status: 'asked',
  step: null,
  incidentStatus: 'dispatched',
  kind: 'sos',
  severity: 'critical',
  title: 'SOS',
  responderName: '刘洋',
  elder: { name: '王秀英', address: '幸福路 1 号', phone: '', keySafe: '4821', location: null },
  place: null,
  dispatcherNote: '',
  askedAt: '2026-12-07T10:00:00.000Z',
  answeredAt: null,
  askAllAtOnce: false,
  ...over,
});

describe('incident timeline', () => {
  it('treats failed and given-up messages as failures a human must follow up', () => {
    expect(isFailure(note({ status: 'failed' }))).toBe(true);
    expect(isFailure(note({ status: 'dead' }))).toBe(true);
    expect(isFailure(note({ status: 'sent' }))).toBe(false);
    expect(isFailure(note({ status: 'held' }))).toBe(false);
  });

  it('adds new messages in order and replaces a message by a newer copy', () => {
    let list = mergeNotification([], note({ id: 'b', createdAt: '2026-12-07T10:00:05.000Z' }));
    list = mergeNotification(list, note({ id: 'a' }));
    expect(list.map((n) => n.id)).toEqual(['a', 'b']);
    list = mergeNotification(list, note({ id: 'a', status: 'sent', attempts: 1 }));
    expect(list.find((n) => n.id === 'a')?.status).toBe('sent');
    expect(list).toHaveLength(2);
  });

  it('never lets a stale update undo a reply or a later attempt', () => {
    const replied = note({
      status: 'sent',
      attempts: 1,
      reply: { answer: 'accept', at: '2026-12-07T10:01:00.000Z', via: 'link' },
    });
    const list = mergeNotification([replied], note({ status: 'sending', attempts: 1 }));
    expect(list[0]?.reply?.answer).toBe('accept');
    const failedTwice = note({ status: 'failed', attempts: 2, error: 'HTTP 500' });
    expect(mergeNotification([failedTwice], note({ status: 'sent', attempts: 1 }))[0]?.status).toBe('failed');
    expect(mergeNotification([failedTwice], note({ status: 'sent', attempts: 3 }))[0]?.status).toBe('sent');
  });
});

describe('responder steps', () => {
  it('asks for an answer first, then offers the next step and the later ones', () => {
    expect(responderNext(offer())).toEqual({ kind: 'answer' });
    expect(responderNext(offer({ status: 'accepted' }))).toEqual({
      kind: 'steps',
      next: 'on_my_way',
      later: ['on_scene', 'done'],
    });
    expect(responderNext(offer({ status: 'accepted', step: 'on_scene' }))).toEqual({
      kind: 'steps',
      next: 'done',
      later: [],
    });
    expect(responderNext(offer({ status: 'accepted', step: 'done' }))).toEqual({ kind: 'finished' });
  });

  it('offers nothing once declined, withdrawn, timed out or the incident closed', () => {
    for (const status of ['declined', 'withdrawn', 'timed_out'] as const)
      expect(responderNext(offer({ status })).kind).toBe('finished');
    expect(responderNext(offer({ incidentStatus: 'resolved' })).kind).toBe('finished');
    expect(responderNext(offer({ status: 'accepted', incidentStatus: 'cancelled' })).kind).toBe('finished');
  });

  it('lists dispatches awaiting an answer first, then those under way, then finished ones', () => {
    const list = sortDispatches([
      offer({ offerId: 'done', status: 'declined' }),
      offer({ offerId: 'going', status: 'accepted', askedAt: '2026-12-07T11:00:00.000Z' }),
      offer({ offerId: 'old-ask', askedAt: '2026-12-07T09:00:00.000Z' }),
      offer({ offerId: 'new-ask', askedAt: '2026-12-07T10:30:00.000Z' }),
    ]);
    expect(list.map((d) => d.offerId)).toEqual(['new-ask', 'old-ask', 'going', 'done']);
  });
});

describe('settings form', () => {
  it('says which personal channels the hub cannot send by', () => {
    const channels = [
      { channel: 'web_push' as const, available: true, provider: 'vapid', reason: null },
      { channel: 'sms' as const, available: false, provider: null, reason: 'no SMS provider configured' },
    ];
    expect(unavailable(channels, 'web_push')).toBeNull();
    expect(unavailable(channels, 'sms')?.reason).toBe('no SMS provider configured');
    // Not listed by the hub at all: unavailable too.
    expect(unavailable(channels, 'voice')?.available).toBe(false);
  });

  it('asks for an address for each chosen channel and refuses empty quiet hours', () => {
    expect(
      preferenceProblems({
        channels: ['email', 'sms'],
        email: '',
        phone: ' ',
        quietHours: { start: '22:00', end: '22:00' },
      }),
    ).toEqual({ email: 'notify.needEmail', phone: 'notify.needPhone', quietHours: 'notify.quietSame' });
    expect(
      preferenceProblems({
        channels: ['web_push', 'voice'],
        email: '',
        phone: '138',
        quietHours: { start: '22:00', end: '07:00' },
      }),
    ).toEqual({});
  });

  it('sends only the fields that changed', () => {
    const before = { channels: ['web_push'], minSeverity: 'high', quietHours: null, email: '' } as const;
    const after = { channels: ['web_push', 'sms'], minSeverity: 'high', quietHours: null, email: '' } as const;
    expect(changedPreferences<Record<string, unknown>>(before, after)).toEqual({ channels: ['web_push', 'sms'] });
    expect(changedPreferences<Record<string, unknown>>(before, { ...before })).toEqual({});
  });

  it('toggles a choice keeping the canonical order', () => {
    const order = ['a', 'b', 'c'] as const;
    expect(toggle(['c'], 'a', true, order)).toEqual(['a', 'c']);
    expect(toggle(['a', 'c'], 'a', false, order)).toEqual(['c']);
  });

  it('offers family members the family messages and supervisors the escalations', () => {
    expect(purposesFor('family')).toEqual(
      expect.arrayContaining(['family_raised', 'family_on_scene', 'family_closed']),
    );
    expect(purposesFor('supervisor')).toEqual(expect.arrayContaining(['alarm_unacknowledged', 'watchdog']));
    expect(purposesFor('volunteer')).toContain('dispatch');
    expect(purposesFor('dispatcher')).not.toContain('family_raised');
  });
});

describe('push', () => {
  it('decodes a base64url VAPID key to bytes and compares it with a subscription key', () => {
    const bytes = vapidKeyBytes('BPz_-w');
    expect([...bytes]).toEqual([0x04, 0xfc, 0xff, 0xfb]);
    expect(sameKey(bytes.buffer, bytes)).toBe(true);
    expect(sameKey(new Uint8Array([4, 252, 255, 0]).buffer, bytes)).toBe(false);
    expect(sameKey(null, bytes)).toBe(false);
  });

  it('names the browser and system of a subscription', () => {
    expect(
      deviceLabel(
        'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
      ),
    ).toBe('Chrome · Android');
    expect(
      deviceLabel('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile/15E148 Safari/604.1'),
    ).toBe('Safari · iOS');
  });
});

describe('links in messages', () => {
  it('reads the token of a reply link and nothing else', () => {
    const token = '0b6c5f7e-1111-4222-8333-444455556666.1765100000000.abcDEF_-123';
    expect(replyLinkToken('/respond', `#t=${token}`)).toBe(token);
    expect(replyLinkToken('/respond/', `#t=${token}`)).toBe(token);
    expect(replyLinkToken('/', `#t=${token}`)).toBeNull();
    expect(replyLinkToken('/respond', '#/respond')).toBeNull();
    expect(replyLinkToken('/respond', '#t=short')).toBeNull();
    expect(replyLinkToken('/respond', `#t=${token}<script>`)).toBeNull();
  });

  it('turns a path link into the dashboard hash route', () => {
    expect(pathToHash('/dispatch', '?alert=a1', '')).toBe('/#/dispatch?alert=a1');
    expect(pathToHash('/', '', '#/dispatch')).toBeNull();
    expect(pathToHash('/respond', '', '#t=x')).toBeNull();
    expect(pathToHash('/family/', '', '')).toBe('/#/family');
  });
});
