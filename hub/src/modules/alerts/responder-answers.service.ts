/**
 * Responders' own answers to a dispatch (signed link, push action, webhook callback, or logged in):
 * accept or decline an offer exactly once — the offer and the incident change in one transaction,
 * first to accept wins, a decline asks the next responder of a ladder at once — and report their
 * progress (on my way, on scene, done).
 */
import type { Alert } from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import { conflict } from '../../http/errors.js';
import type { AlertRules } from './alert-rules.js';
import type { AlertsRepo, OfferEffects } from './alerts.repo.js';
import type { AlertTimersRepo } from './alert-timers.repo.js';
import type { AlertRaiser } from './alert-raiser.js';
import type { DeviceCommands } from './device-commands.js';
import { toAlert } from './alert-model.js';
import { OfferGone } from './offer-gone.js';

export { OfferGone };

export class ResponderAnswers {
  constructor(
    private readonly d: {
      repo: Pick<AlertsRepo, 'transition'>;
      timers: Pick<AlertTimersRepo, 'advanceResponderLadders'>;
      raiser: Pick<AlertRaiser, 'publish'>;
      commands: Pick<DeviceCommands, 'send'>;
      clock: Clock;
      rules(tenantId: string): AlertRules;
    },
  ) {}

  private now(): Date {
    return new Date(this.d.clock.now());
  }

  /**
   * A responder answers an offer: exactly once (the offer moves from asked in the same transaction
   * as the incident). Accept moves a dispatched incident to accepted and withdraws the other offers
   * (first to accept wins); decline asks the next responder of a ladder at once.
   */
  async responderReply(p: {
    tenantId: string;
    alertId: string;
    offerId: string;
    answer: 'accept' | 'decline';
    note: string;
    via: string;
    actorId: string | null;
    responder: unknown;
  }): Promise<Alert> {
    const now = this.now();
    // The offer is answered in the incident's transaction: exactly once (else OfferGone, nothing changes).
    const takeOffer = (status: 'accepted' | 'declined') => ({
      answer: { offerId: p.offerId, status, via: p.via, note: p.note },
      withdrawAsked: status === 'accepted',
    });
    const audit = (action: string, offers: OfferEffects) => ({
      actorId: p.actorId,
      action,
      note: p.note,
      data: { responder: p.responder, via: p.via, offerId: p.offerId },
      at: now,
      offers,
    });
    if (p.answer === 'accept') {
      const row = await this.d.repo.transition(
        p.alertId,
        p.tenantId,
        ['dispatched'],
        {
          status: 'accepted',
          acceptedAt: now,
          responder: p.responder,
          dueAt: new Date(now.getTime() + this.d.rules(p.tenantId).resolveEscalationMs),
        },
        audit('responder_accepted', takeOffer('accepted')),
      );
      if (!row) throw new OfferGone('the incident is no longer waiting for a responder');
      return this.d.raiser.publish(row);
    }
    const row = await this.d.repo.transition(
      p.alertId,
      p.tenantId,
      ['dispatched', 'accepted', 'acknowledged', 'contact_made', 'no_contact', 'on_scene'],
      {},
      audit('responder_declined', takeOffer('declined')),
    );
    if (!row) throw new OfferGone('the incident is closed');
    this.d.raiser.publish(row);
    // A ladder asks its next responder now rather than after the timeout.
    const next = await this.d.timers.advanceResponderLadders(
      now,
      this.d.rules(p.tenantId).responderTimeoutMs,
      p.alertId,
    );
    for (const r of next) this.d.raiser.publish(r);
    return toAlert(next[0] ?? row);
  }

  /** A responder who accepted reports on my way / on scene / done (with a note). */
  async responderStep(p: {
    tenantId: string;
    alertId: string;
    offerId: string;
    step: 'on_my_way' | 'on_scene' | 'done';
    note: string;
    via: string;
    actorId: string | null;
    responder: unknown;
  }): Promise<Alert> {
    const now = this.now();
    const audit = {
      actorId: p.actorId,
      action: `responder_${p.step}`,
      note: p.note,
      data: { responder: p.responder, via: p.via, offerId: p.offerId },
      at: now,
      offers: {
        step: { offerId: p.offerId, step: p.step, refused: 'only the responder who accepted can report progress' },
      },
    };
    const row =
      p.step === 'on_scene'
        ? await this.d.repo.transition(
            p.alertId,
            p.tenantId,
            ['accepted'],
            { status: 'on_scene', onSceneAt: now },
            { ...audit, notify: [{ purpose: 'family_on_scene' }] },
          )
        : await this.d.repo.transition(
            p.alertId,
            p.tenantId,
            p.step === 'on_my_way' ? ['accepted'] : ['accepted', 'on_scene'],
            {},
            audit,
          );
    if (!row) throw conflict(`cannot report ${p.step.replaceAll('_', ' ')} now`);
    if (p.step === 'on_scene') void this.d.commands.send(row.device_id, 'help_arriving', row.tenant_id, row.id);
    return this.d.raiser.publish(row);
  }
}
