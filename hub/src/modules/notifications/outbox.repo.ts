/**
 * The transactional outbox: SQL that runs inside the transaction of the change that causes a
 * message (an alarm raised, escalated, dispatched, on scene, closed), so there is never a change
 * without its notification event, nor an event for a change that rolled back. The fan-out turns
 * events into one message per recipient and channel (fanout.ts).
 */
import type pg from 'pg';
import type { OutboxEvent, OutboxWriter, ResponderInput } from './outbox.js';

export type { OutboxEvent, ResponderInput };

type Queryable = Pick<pg.PoolClient, 'query'>;

export async function insertEvents(c: Queryable, events: OutboxEvent[]): Promise<void> {
  for (const e of events) {
    await c.query(
      `INSERT INTO notification_events (tenant_id, alert_id, purpose, data, created_at) VALUES ($1,$2,$3,$4,$5)`,
      [e.tenantId, e.alertId, e.purpose, JSON.stringify(e.data ?? {}), e.at],
    );
  }
  if (events.length) await c.query(`SELECT pg_notify('notification_events', '')`).catch(() => undefined);
}

/**
 * Asks responders of an alert: earlier offers still asked are withdrawn (a new dispatch replaces
 * them), then one offer per responder asked now (the first of a ladder, or all at once), each with a
 * `dispatch` event. Returns the offer ids.
 */
export async function askResponders(
  c: Queryable,
  p: {
    tenantId: string;
    alertId: string;
    responders: { responder: ResponderInput; position: number }[];
    askAll: boolean;
    note: string;
    at: Date;
    withdrawEarlier: boolean;
  },
): Promise<string[]> {
  if (p.withdrawEarlier)
    await c.query(
      `UPDATE responder_offers SET status = 'withdrawn', answered_at = $2 WHERE alert_id = $1 AND status = 'asked'`,
      [p.alertId, p.at],
    );
  const ids: string[] = [];
  for (const r of p.responders) {
    const ins = await c.query<{ id: string }>(
      `INSERT INTO responder_offers (tenant_id, alert_id, position, responder, user_id, ask_all, dispatcher_note, asked_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
      [
        p.tenantId,
        p.alertId,
        r.position,
        JSON.stringify(r.responder),
        r.responder.userId ?? null,
        p.askAll,
        p.note,
        p.at,
      ],
    );
    ids.push(ins.rows[0]!.id);
  }
  await insertEvents(
    c,
    ids.map((offerId) => ({
      tenantId: p.tenantId,
      alertId: p.alertId,
      purpose: 'dispatch' as const,
      data: { offerId },
      at: p.at,
    })),
  );
  return ids;
}

/** Offers still asked of an alert end (timed out, or withdrawn when the incident closed or someone accepted). */
export async function endAskedOffers(
  c: Queryable,
  alertId: string,
  status: 'timed_out' | 'withdrawn',
  at: Date,
  exceptOfferId?: string,
): Promise<void> {
  await c.query(
    `UPDATE responder_offers SET status = $2, answered_at = $3
      WHERE alert_id = $1 AND status = 'asked' AND ($4::uuid IS NULL OR id <> $4)`,
    [alertId, status, at, exceptOfferId ?? null],
  );
}

/** An answer to an offer still asked (single use): false when it was answered, withdrawn or timed out. */
export async function answerOffer(
  c: Queryable,
  p: { offerId: string; status: 'accepted' | 'declined'; at: Date; via: string; note: string },
): Promise<boolean> {
  const r = await c.query(
    `UPDATE responder_offers SET status = $2, answered_at = $3, answer_via = $4, answer_note = $5
      WHERE id = $1 AND status = 'asked'`,
    [p.offerId, p.status, p.at, p.via, p.note],
  );
  return !!r.rowCount;
}

/** The step a responder reported on an offer they accepted: false when it is not accepted. */
export async function setOfferStep(c: Queryable, offerId: string, step: string): Promise<boolean> {
  const r = await c.query(`UPDATE responder_offers SET step = $2 WHERE id = $1 AND status = 'accepted'`, [
    offerId,
    step,
  ]);
  return !!r.rowCount;
}

/** The outbox as other modules write it, in their own transactions (alerts: see OutboxWriter). */
export const outbox: OutboxWriter<Queryable> = {
  insertEvents,
  askResponders,
  endAskedOffers,
  answerOffer,
  setOfferStep,
};
