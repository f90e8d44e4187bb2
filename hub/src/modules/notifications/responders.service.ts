/**
 * Responders: the dispatch as the responder sees it, and their answers and progress — by signed
 * link (no login: the token authenticates, the offer's state makes it single use), push action,
 * webhook callback, or logged in. Incident changes go through the alerts service (its transactions).
 */
import type { ResponderDispatch, ResponderStep, User } from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import { AppError, notFound } from '../../http/errors.js';
import type { ResponderAnswers } from '../alerts/responder-answers.service.js';
import type { NotificationsRepo } from './notifications.repo.js';
import type { DeliveryRepo } from './delivery.repo.js';
import type { OfferRow } from './notifications.rows.js';
import { verifyReplyToken } from './reply-token.js';
import { toInfo } from './worker.js';
import type { NotificationInfo } from '@eldercare/shared';

type Reply = { answer: 'accept' | 'decline'; note?: string };
type Step = { step: ResponderStep; note?: string };

export class RespondersService {
  constructor(
    private readonly d: {
      repo: Pick<NotificationsRepo, 'pool' | 'offer' | 'alertFacts' | 'offersOfUser'>;
      delivery: Pick<DeliveryRepo, 'recordReply'>;
      alerts: Pick<ResponderAnswers, 'responderReply' | 'responderStep'>;
      clock: Clock;
      linkSecret: Buffer;
      changed(tenantId: string, n: NotificationInfo): void;
    },
  ) {}

  private async offer(id: string): Promise<OfferRow> {
    const o = await this.d.repo.offer(this.d.repo.pool, id);
    if (!o) throw notFound('dispatch');
    return o;
  }

  private offerOfToken(token: string): Promise<OfferRow> {
    const id = verifyReplyToken(this.d.linkSecret, token, this.d.clock.now());
    if (!id) throw new AppError(403, 'this link is not valid (forged, altered or expired)');
    return this.offer(id);
  }

  private async ofUser(u: User, offerId: string): Promise<OfferRow> {
    const o = await this.offer(offerId);
    if (o.user_id !== u.id) throw notFound('dispatch');
    return o;
  }

  private async view(o: OfferRow): Promise<ResponderDispatch> {
    const a = await this.d.repo.alertFacts(this.d.repo.pool, o.alert_id);
    if (!a) throw notFound('dispatch');
    const live = o.status === 'asked' || o.status === 'accepted';
    const place = a.place
      ? [a.place.institutionName, a.place.roomName, a.place.bedLabel].filter(Boolean).join(' ')
      : null;
    return {
      offerId: o.id,
      alertId: o.alert_id,
      status: o.status as ResponderDispatch['status'],
      step: (o.step as ResponderStep | null) ?? null,
      incidentStatus: a.status as ResponderDispatch['incidentStatus'],
      kind: a.kind as ResponderDispatch['kind'],
      severity: a.severity as ResponderDispatch['severity'],
      title: a.title,
      responderName: o.responder.name,
      elder: {
        name: a.resident_name,
        address: a.address,
        phone: a.phone,
        keySafe: live && a.key_safe ? a.key_safe : null,
        location: a.lat != null && a.lon != null ? { lat: a.lat, lon: a.lon } : null,
      },
      place: place || null,
      dispatcherNote: o.dispatcher_note,
      askedAt: o.asked_at.toISOString(),
      answeredAt: o.answered_at?.toISOString() ?? null,
      askAllAtOnce: o.ask_all,
    };
  }

  private async reply(o: OfferRow, b: Reply, via: string, actorId: string | null): Promise<ResponderDispatch> {
    await this.d.alerts.responderReply({
      tenantId: o.tenant_id,
      alertId: o.alert_id,
      offerId: o.id,
      answer: b.answer,
      note: b.note ?? '',
      via,
      actorId,
      responder: o.responder,
    });
    const at = new Date(this.d.clock.now()).toISOString();
    for (const n of await this.d.delivery.recordReply(o.id, { answer: b.answer, at, via }))
      this.d.changed(n.tenant_id, toInfo(n));
    return this.view(await this.offer(o.id));
  }

  private async step(o: OfferRow, b: Step, via: string, actorId: string | null): Promise<ResponderDispatch> {
    await this.d.alerts.responderStep({
      tenantId: o.tenant_id,
      alertId: o.alert_id,
      offerId: o.id,
      step: b.step,
      note: b.note ?? '',
      via,
      actorId,
      responder: o.responder,
    });
    return this.view(await this.offer(o.id));
  }

  async mine(u: User): Promise<ResponderDispatch[]> {
    return Promise.all((await this.d.repo.offersOfUser(u.id)).map((o) => this.view(o)));
  }
  async replyAsUser(u: User, offerId: string, b: Reply): Promise<ResponderDispatch> {
    return this.reply(await this.ofUser(u, offerId), b, 'app', u.id);
  }
  async stepAsUser(u: User, offerId: string, b: Step): Promise<ResponderDispatch> {
    return this.step(await this.ofUser(u, offerId), b, 'app', u.id);
  }
  async byToken(token: string): Promise<ResponderDispatch> {
    return this.view(await this.offerOfToken(token));
  }
  async replyByToken(token: string, b: Reply): Promise<ResponderDispatch> {
    const o = await this.offerOfToken(token);
    return this.reply(o, b, 'link', o.user_id);
  }
  async stepByToken(token: string, b: Step): Promise<ResponderDispatch> {
    const o = await this.offerOfToken(token);
    return this.step(o, b, 'link', o.user_id);
  }
}
