/**
 * The notifications outbox as other modules see it: what they write, in their own transaction, so
 * there is never a change without its notification event (outbox.repo.ts is the SQL). `C` is the
 * writer's transaction (its repository's connection type); the alerts module is given `outbox`
 * from notifications.module.ts.
 */
import type { Purpose } from '@eldercare/shared';

export interface OutboxEvent {
  tenantId: string;
  alertId: string | null;
  purpose: Purpose;
  data?: Record<string, unknown>;
  at: Date;
}

export interface ResponderInput {
  kind: string;
  name: string;
  phone?: string;
  userId?: string;
  email?: string;
}

export interface OutboxWriter<C> {
  insertEvents(c: C, events: OutboxEvent[]): Promise<void>;
  /** Asks responders of an alert (one offer each, each with a `dispatch` event); returns the offer ids. */
  askResponders(
    c: C,
    p: {
      tenantId: string;
      alertId: string;
      responders: { responder: ResponderInput; position: number }[];
      askAll: boolean;
      note: string;
      at: Date;
      withdrawEarlier: boolean;
    },
  ): Promise<string[]>;
  endAskedOffers(c: C, alertId: string, status: 'timed_out' | 'withdrawn', at: Date): Promise<void>;
  /** False when the offer is no longer asked. */
  answerOffer(
    c: C,
    p: { offerId: string; status: 'accepted' | 'declined'; at: Date; via: string; note: string },
  ): Promise<boolean>;
  /** False when the offer is not accepted. */
  setOfferStep(c: C, offerId: string, step: string): Promise<boolean>;
}
