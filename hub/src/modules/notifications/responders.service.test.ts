/**
 * What a responder sees of a dispatch and how they answer: by signed link (forged, altered or
 * expired links refused; the reply recorded as the offer's responder, via the link), or logged in
 * (only their own offers); the key safe shown only while the dispatch is live. In-memory fakes of
 * the repository methods and of the alerts service's answers (typed `Pick`s, as the service takes).
 */
import type { Alert, User } from '@eldercare/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { conflict } from '../../http/errors.js';
import { newId, TestClock } from '../../testing/fakes.js';
import { testUser } from '../../testing/users.js';
import type { ResponderAnswers } from '../alerts/responder-answers.service.js';
import type { NotificationsRepo } from './notifications.repo.js';
import type { AlertFacts, OfferRow } from './notifications.rows.js';
import { signReplyToken } from './reply-token.js';
import { RespondersService } from './responders.service.js';

const START = Date.parse('2026-03-02T02:00:00.000Z');
const secret = Buffer.from('a-test-secret-of-enough-length-000000', 'utf8');
const tenantId = newId();

let clock: TestClock;
let offers: OfferRow[];
let alert: AlertFacts;
let answers: { kind: 'reply' | 'step'; offerId: string; value: string; via: string; actorId: string | null }[];
let replies: { offerId: string; answer: string; at: string; via: string }[];
let service: RespondersService;
let responder: User;
let other: User;

const offer = (userId: string | null, o: Partial<OfferRow> = {}): OfferRow => {
  const row: OfferRow = {
    id: newId(),
    tenant_id: tenantId,
    alert_id: alert.id,
    position: offers.length,
    responder: { kind: 'user', name: 'Neighbour Li', userId: userId ?? undefined },
    user_id: userId,
    ask_all: false,
    status: 'asked',
    step: null,
    dispatcher_note: 'back door is open',
    asked_at: new Date(START),
    answered_at: null,
    ...o,
  };
  offers.push(row);
  return row;
};
const token = (o: OfferRow, ttlMs = 3600_000) => signReplyToken(secret, o.id, clock.now() + ttlMs);

beforeEach(() => {
  clock = new TestClock(START);
  offers = [];
  answers = [];
  replies = [];
  responder = testUser(tenantId, 'volunteer', 'Neighbour Li');
  other = testUser(tenantId, 'volunteer', 'Someone Else');
  alert = {
    id: newId(),
    tenant_id: tenantId,
    kind: 'fall',
    title: 'Fall detected',
    severity: 'high',
    status: 'dispatched',
    queue: 'emergency',
    resident_id: newId(),
    resident_name: 'Wang Fang',
    address: '3 East Gate Lane',
    key_safe: '4711',
    phone: '13800000000',
    lat: 30.1,
    lon: 120.2,
    place: null,
    opened_at: new Date(START),
    created_at: new Date(START),
    outcome: null,
    responder: null,
  };
  const repo: Pick<NotificationsRepo, 'pool' | 'offer' | 'alertFacts' | 'offersOfUser'> = {
    pool: {} as NotificationsRepo['pool'],
    async offer(_c, id) {
      const o = offers.find((x) => x.id === id);
      return o && structuredClone(o);
    },
    async alertFacts(_c, id) {
      return id === alert.id ? structuredClone(alert) : undefined;
    },
    async offersOfUser(userId) {
      return offers.filter((o) => o.user_id === userId).map((o) => structuredClone(o));
    },
  };
  // The alerts service's rule for an answer: once, while the offer is asked.
  const alerts: Pick<ResponderAnswers, 'responderReply' | 'responderStep'> = {
    async responderReply(p) {
      const o = offers.find((x) => x.id === p.offerId)!;
      if (o.status !== 'asked') throw conflict('this dispatch was answered already');
      o.status = p.answer === 'accept' ? 'accepted' : 'declined';
      o.answered_at = new Date(clock.now());
      answers.push({ kind: 'reply', offerId: p.offerId, value: p.answer, via: p.via, actorId: p.actorId });
      return { id: p.alertId } as Alert; // the service reads nothing of it
    },
    async responderStep(p) {
      offers.find((x) => x.id === p.offerId)!.step = p.step;
      answers.push({ kind: 'step', offerId: p.offerId, value: p.step, via: p.via, actorId: p.actorId });
      return { id: p.alertId } as Alert;
    },
  };
  service = new RespondersService({
    repo,
    delivery: {
      async recordReply(offerId, r) {
        replies.push({ offerId, ...r });
        return [];
      },
    },
    alerts,
    clock,
    linkSecret: secret,
    changed: () => {},
  });
});

describe('by signed link', () => {
  it('shows the dispatch with the key safe while it is live, and hides it once declined', async () => {
    const o = offer(responder.id);
    const t = token(o);
    expect(await service.byToken(t)).toMatchObject({
      offerId: o.id,
      status: 'asked',
      title: 'Fall detected',
      responderName: 'Neighbour Li',
      dispatcherNote: 'back door is open',
      elder: { name: 'Wang Fang', keySafe: '4711', location: { lat: 30.1, lon: 120.2 } },
    });
    clock.advance(60_000);
    const declined = await service.replyByToken(t, { answer: 'decline' });
    expect(declined).toMatchObject({ status: 'declined', answeredAt: '2026-03-02T02:01:00.000Z' });
    expect(declined.elder.keySafe).toBeNull();
  });

  it('records the answer as the offer’s responder via the link, once', async () => {
    const o = offer(responder.id);
    clock.advance(30_000);
    await service.replyByToken(token(o), { answer: 'accept', note: 'on my way' });
    expect(answers).toEqual([{ kind: 'reply', offerId: o.id, value: 'accept', via: 'link', actorId: responder.id }]);
    expect(replies).toEqual([{ offerId: o.id, answer: 'accept', at: '2026-03-02T02:00:30.000Z', via: 'link' }]);
    await expect(service.replyByToken(token(o), { answer: 'decline' })).rejects.toMatchObject({ status: 409 });
    await service.stepByToken(token(o), { step: 'on_scene' });
    expect(answers.at(-1)).toMatchObject({ kind: 'step', value: 'on_scene', via: 'link' });
  });

  it('refuses a forged, altered or expired link without touching the dispatch', async () => {
    const o = offer(responder.id);
    const t = token(o, 60_000);
    await expect(
      service.byToken(signReplyToken(Buffer.from('another-secret-entirely-0000000000'), o.id, START + 60_000)),
    ).rejects.toMatchObject({ status: 403 });
    await expect(service.replyByToken(`${t.slice(0, -2)}xx`, { answer: 'accept' })).rejects.toMatchObject({
      status: 403,
    });
    clock.advance(61_000);
    await expect(service.replyByToken(t, { answer: 'accept' })).rejects.toMatchObject({ status: 403 });
    expect(answers).toEqual([]);
    expect(offers[0]!.status).toBe('asked');
  });

  it('answers not found for a link to an offer that is gone', async () => {
    await expect(service.byToken(signReplyToken(secret, newId(), START + 60_000))).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('logged in', () => {
  it('lists and answers only the user’s own offers, recorded via the app', async () => {
    const mine = offer(responder.id);
    const theirs = offer(other.id);
    expect((await service.mine(responder)).map((d) => d.offerId)).toEqual([mine.id]);
    await expect(service.replyAsUser(responder, theirs.id, { answer: 'accept' })).rejects.toMatchObject({
      status: 404,
    });
    await expect(service.stepAsUser(responder, theirs.id, { step: 'on_scene' })).rejects.toMatchObject({
      status: 404,
    });
    await expect(service.replyAsUser(responder, newId(), { answer: 'accept' })).rejects.toMatchObject({ status: 404 });
    await service.replyAsUser(responder, mine.id, { answer: 'accept' });
    expect(answers).toEqual([{ kind: 'reply', offerId: mine.id, value: 'accept', via: 'app', actorId: responder.id }]);
    expect(offers.find((o) => o.id === theirs.id)!.status).toBe('asked');
  });
});
