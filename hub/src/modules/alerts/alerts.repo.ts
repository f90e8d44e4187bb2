/** All SQL of alerts. Every change takes a new `seq` so clients can replay what they missed. */
import type pg from 'pg';
import type { Purpose } from '@eldercare/shared';
import { withTransaction, type Db } from '../../db/client.js';
import { alertColumns, type AlertPatch } from './alert-patch.js';
import type { OutboxEvent, OutboxWriter, ResponderInput } from '../notifications/outbox.js';
import { OfferGone } from './offer-gone.js';

export interface AlertRow {
  id: string;
  seq: number;
  tenant_id: string;
  resident_id: string | null;
  institution_id: string | null;
  device_id: string | null;
  queue: string;
  kind: string;
  kinds: string[];
  severity: string;
  priority: number;
  status: string;
  title: string;
  signal_count: number;
  escalation_level: number;
  flagged: boolean;
  due_at: Date | null;
  created_at: Date;
  occurred_at: Date | null;
  opened_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  contact_at: Date | null;
  dispatched_at: Date | null;
  accepted_at: Date | null;
  on_scene_at: Date | null;
  closed_at: Date | null;
  outcome: string | null;
  responder: unknown;
  responder_ladder: unknown;
  lat: number | null;
  lon: number | null;
  place: unknown;
  source: string;
  caller: unknown;
  checklist: unknown;
  updated_at: Date;
  resident_name: string | null;
  ack_name: string | null;
}

export interface RaiseInput {
  tenantId: string;
  residentId: string | null;
  institutionId: string | null;
  deviceId: string | null;
  queue: string;
  kind: string;
  severity: string;
  severityRank: number;
  priority: number;
  title: string;
  status: 'pending' | 'open';
  dueAt: Date;
  location: { lat: number; lon: number } | null;
  /** `ts`: when it happened by the device's clock (data); `receivedAt`: the hub's clock at receipt. */
  signal: {
    ts: Date;
    receivedAt: Date;
    deviceId: string | null;
    eventId: string | null;
    type: string;
    detail: Record<string, unknown>;
  };
  /** A signal of this kind opens a pending alert at once (an sos during a fall's cancel window). */
  opensPending: boolean;
  /** When an alert raised open counts as opened (default: when the hub received it); a fall: the end of its window. */
  openedAt?: Date;
  ackDueAt: Date;
  /** Where it comes from (a room, bed or shared device of an institution), for a new incident. */
  place: unknown;
  /** The notification event written with a new incident, in the same transaction (outbox). */
  notifyOnCreate?: Purpose | null;
  /** device, phone or system (for a new incident). */
  source: string;
  /** A phone-in incident's caller (for a new incident). */
  caller?: { phone: string; name: string; address: string } | null;
  /** A new incident held at once by this user (a phone call taken by a dispatcher): acknowledged as it opens. */
  heldBy?: { userId: string; dueAt: Date; checklist: unknown } | null;
  /** Audit rows written in the same transaction (before the acknowledgement of a held incident). */
  audit?: { actorId: string | null; action: string; note: string; data: Record<string, unknown> }[];
}

/** What a transition also writes in its transaction: notification events, and more (offers). */
export interface TransitionAudit {
  actorId: string | null;
  action: string;
  note: string;
  data: Record<string, unknown>;
  at: Date;
  notify?: Omit<OutboxEvent, 'tenantId' | 'alertId' | 'at'>[];
  /** What happens to the responders' offers in the same transaction. */
  offers?: OfferEffects;
}

/**
 * The responders' offers a transition changes with the incident, atomically. `answer` and `step`
 * must succeed (the offer still asked; the offer accepted), else the whole transition is refused
 * with OfferGone.
 */
export interface OfferEffects {
  /** Ask these responders (a dispatch): withdrawing the earlier offers. */
  ask?: { responders: { responder: ResponderInput; position: number }[]; askAll: boolean; note: string };
  /** The offer's answer (first to accept wins). */
  answer?: { offerId: string; status: 'accepted' | 'declined'; via: string; note: string };
  /** The offers still asked end as withdrawn (the incident is taken care of). */
  withdrawAsked?: boolean;
  /** The progress a responder who accepted reports on their offer. */
  step?: { offerId: string; step: string; refused: string };
}

/** What a raise did to the subject's incident. */
export interface RaiseResult {
  row: AlertRow;
  created: boolean;
  duplicate: boolean;
  /** Folded into an open incident that did not yet hold a signal of this kind. */
  newKind: boolean;
  /** The severity the incident had before this signal (null when created). */
  previousSeverity: string | null;
}

export const SELECT = `SELECT a.*, r.name AS resident_name, u.name AS ack_name
  FROM alerts a LEFT JOIN residents r ON r.id = a.resident_id LEFT JOIN users u ON u.id = a.acknowledged_by`;
const RANK = `CASE severity WHEN 'critical' THEN 3 WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END`;
/** The dispatch order of shared `compareAlerts`, in SQL (so a LIMIT keeps the most urgent). */
export const QUEUE_ORDER = `CASE a.severity WHEN 'critical' THEN 3 WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END DESC,
  (a.escalation_level > 0) DESC, COALESCE(a.opened_at, a.created_at) ASC, a.id ASC`;

const JSON_COLUMNS = new Set(['responder', 'responder_ladder', 'checklist', 'caller']);

export class AlertsRepo {
  private readonly pool: pg.Pool;
  constructor(
    db: Db,
    /** The notifications outbox (notifications/outbox.repo.ts), written in the incident's own transactions. */
    readonly outbox: OutboxWriter<pg.ClientBase | pg.Pool>,
  ) {
    this.pool = db.$client;
  }

  /** Runs `fn` in one transaction (the other alert repositories' timed steps use it too). */
  tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return withTransaction(this.pool, fn);
  }

  async get(id: string): Promise<AlertRow | undefined> {
    const r = await this.pool.query<AlertRow>(`${SELECT} WHERE a.id = $1`, [id]);
    return r.rows[0];
  }

  async many(ids: string[]): Promise<AlertRow[]> {
    if (!ids.length) return [];
    const r = await this.pool.query<AlertRow>(`${SELECT} WHERE a.id = ANY($1::uuid[]) ORDER BY a.seq`, [ids]);
    return r.rows;
  }

  /**
   * Opens an alert, or folds the signal into the subject's active alert in the same queue (one
   * incident per person, with a count). Safe against concurrent hubs: the partial unique index
   * allows one active alert per subject; a lost race retries as a fold.
   */
  async raise(i: RaiseInput, subjectKey: string): Promise<RaiseResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await this.tx(async (c) => {
          if (i.signal.eventId) {
            // Already applied (a redelivered event, possibly via another hub): nothing to do.
            const seen = await c.query<{ alert_id: string }>(
              `SELECT alert_id FROM alert_signals WHERE device_id = $1 AND event_id = $2`,
              [i.signal.deviceId, i.signal.eventId],
            );
            if (seen.rows[0])
              return {
                id: seen.rows[0].alert_id,
                created: false,
                duplicate: true,
                newKind: false,
                previousSeverity: null,
              };
          }
          const existing = await c.query<{ id: string; kinds: string[]; severity: string }>(
            `SELECT id, kinds, severity FROM alerts
              WHERE tenant_id = $1 AND subject_key = $2 AND queue = $3 AND closed_at IS NULL FOR UPDATE`,
            [i.tenantId, subjectKey, i.queue],
          );
          let id: string;
          let created = false;
          let newKind = false;
          let previousSeverity: string | null = null;
          if (existing.rows[0]) {
            id = existing.rows[0].id;
            newKind = !existing.rows[0].kinds.includes(i.kind);
            previousSeverity = existing.rows[0].severity;
            // The incident takes the highest severity among its signals and lists every kind it holds;
            // an escalated incident keeps its level (priority never rises with escalation).
            await c.query(
              `UPDATE alerts SET
                 signal_count = signal_count + 1,
                 kind = CASE WHEN $2 > ${RANK} THEN $3 ELSE kind END,
                 kinds = CASE WHEN $3 = ANY(kinds) THEN kinds ELSE array_append(kinds, $3) END,
                 severity = CASE WHEN $2 > ${RANK} THEN $4 ELSE severity END,
                 priority = GREATEST(priority, $5),
                 status = CASE WHEN status = 'pending' AND $6 THEN 'open' ELSE status END,
                 opened_at = CASE WHEN status = 'pending' AND $6 THEN $11::timestamptz ELSE opened_at END,
                 due_at = CASE WHEN status = 'pending' AND $6 THEN $8 ELSE due_at END,
                 lat = COALESCE($9, lat), lon = COALESCE($10, lon),
                 seq = nextval('alert_seq'), updated_at = $7
               WHERE id = $1`,
              [
                id,
                i.severityRank,
                i.kind,
                i.severity,
                i.priority,
                i.opensPending,
                i.signal.receivedAt,
                i.ackDueAt,
                i.location?.lat ?? null,
                i.location?.lon ?? null,
                i.openedAt ?? i.signal.receivedAt,
              ],
            );
            if (newKind) {
              await this.addAction(
                id,
                null,
                'kind_added',
                '',
                { kind: i.kind, severity: i.severity, previousSeverity },
                i.signal.receivedAt,
                c,
              );
            }
          } else {
            const ins = await c.query<{ id: string }>(
              `INSERT INTO alerts (tenant_id, resident_id, institution_id, device_id, subject_key, queue, kind, kinds, severity,
                                   priority, status, title, due_at, created_at, opened_at, lat, lon, updated_at,
                                   occurred_at, place, source, caller)
               VALUES ($1,$2,$3,$4,$5,$6,$7,ARRAY[$7],$8,$9,$10,$11,$12,$13,$14,$15,$16,$13,$17,$18,$19,$20) RETURNING id`,
              [
                i.tenantId,
                i.residentId,
                i.institutionId,
                i.deviceId,
                subjectKey,
                i.queue,
                i.kind,
                i.severity,
                i.priority,
                i.status,
                i.title,
                i.dueAt,
                i.signal.receivedAt,
                i.status === 'open' ? (i.openedAt ?? i.signal.receivedAt) : null,
                i.location?.lat ?? null,
                i.location?.lon ?? null,
                i.signal.ts,
                i.place ? JSON.stringify(i.place) : null,
                i.source,
                i.caller ? JSON.stringify(i.caller) : null,
              ],
            );
            id = ins.rows[0]!.id;
            created = true;
            if (i.heldBy) {
              const at = i.signal.receivedAt;
              await c.query(
                `UPDATE alerts SET status = 'acknowledged', acknowledged_at = $2, acknowledged_by = $3, opened_at = $2,
                        due_at = $4, checklist = $5 WHERE id = $1`,
                [
                  id,
                  at,
                  i.heldBy.userId,
                  i.heldBy.dueAt,
                  i.heldBy.checklist ? JSON.stringify(i.heldBy.checklist) : null,
                ],
              );
            }
            if (i.notifyOnCreate)
              await this.outbox.insertEvents(c, [
                { tenantId: i.tenantId, alertId: id, purpose: i.notifyOnCreate, at: i.signal.receivedAt },
              ]);
          }
          // The unique (device, eventId) index makes a concurrent duplicate fail here and roll back.
          await c.query(
            `INSERT INTO alert_signals (alert_id, ts, received_at, device_id, event_id, type, detail)
             VALUES ($1,$2,$3,$4,$5,$6,$7)`,
            [
              id,
              i.signal.ts,
              i.signal.receivedAt,
              i.signal.deviceId,
              i.signal.eventId,
              i.signal.type,
              JSON.stringify(i.signal.detail),
            ],
          );
          for (const a of i.audit ?? [])
            await this.addAction(id, a.actorId, a.action, a.note, { ...a.data, created }, i.signal.receivedAt, c);
          if (created && i.heldBy)
            await this.addAction(id, i.heldBy.userId, 'acknowledged', '', { secondsToAck: 0 }, i.signal.receivedAt, c);
          return { id, created, duplicate: false, newKind, previousSeverity };
        });
        const { id, ...rest } = res;
        return { row: (await this.get(id))!, ...rest };
      } catch (err) {
        if ((err as { code?: string }).code === '23505' && attempt < 3) continue; // lost the race: fold instead
        throw err;
      }
    }
  }

  /** Notification events (outbox) not tied to a change of the incident. */
  async notify(events: OutboxEvent[]): Promise<void> {
    await this.outbox.insertEvents(this.pool, events);
  }

  async addAction(
    alertId: string,
    actorId: string | null,
    action: string,
    note: string,
    data: Record<string, unknown>,
    at: Date,
    c?: pg.PoolClient,
  ): Promise<void> {
    await (c ?? this.pool).query(
      `INSERT INTO alert_actions (alert_id, at, actor_id, action, note, data) VALUES ($1,$2,$3,$4,$5,$6)`,
      [alertId, at, actorId, action, note, JSON.stringify(data)],
    );
  }

  /**
   * A conditional update: applies `patch` only while the alert is in one of `from`, atomically
   * (so exactly one of two concurrent claims wins), and records the action in the audit log.
   */
  async transition(
    id: string,
    tenantId: string,
    from: readonly string[],
    patch: AlertPatch,
    audit: TransitionAudit,
    extraWhere = '',
    extraParams: unknown[] = [],
  ): Promise<AlertRow | null> {
    const set: Partial<Record<string, unknown>> = alertColumns(patch);
    const cols = Object.keys(set);
    const assigns = cols.map((k, n) => `${k} = $${n + 4 + extraParams.length}`).join(', ');
    const done = await this.tx(async (c) => {
      const r = await c.query<{ id: string }>(
        `UPDATE alerts SET ${assigns}${assigns ? ', ' : ''}seq = nextval('alert_seq'), updated_at = $${4 + extraParams.length + cols.length}
          WHERE id = $1 AND tenant_id = $2 AND status = ANY($3::text[]) ${extraWhere} RETURNING id`,
        [
          id,
          tenantId,
          from,
          ...extraParams,
          ...cols.map((k) => (JSON_COLUMNS.has(k) ? JSON.stringify(set[k]) : set[k])),
          audit.at,
        ],
      );
      if (!r.rowCount) return false;
      await this.addAction(id, audit.actorId, audit.action, audit.note, audit.data, audit.at, c);
      if (audit.notify?.length)
        await this.outbox.insertEvents(
          c,
          audit.notify.map((n) => ({ ...n, tenantId, alertId: id, at: audit.at })),
        );
      if (audit.offers) await this.applyOffers(c, tenantId, id, audit.at, audit.offers);
      return true;
    });
    return done ? ((await this.get(id)) ?? null) : null;
  }
  private async applyOffers(c: pg.PoolClient, tenantId: string, alertId: string, at: Date, o: OfferEffects) {
    if (o.ask) await this.outbox.askResponders(c, { tenantId, alertId, ...o.ask, at, withdrawEarlier: true });
    if (o.answer && !(await this.outbox.answerOffer(c, { ...o.answer, at }))) throw new OfferGone();
    if (o.withdrawAsked) await this.outbox.endAskedOffers(c, alertId, 'withdrawn', at);
    if (o.step && !(await this.outbox.setOfferStep(c, o.step.offerId, o.step.step)))
      throw new OfferGone(o.step.refused);
  }
}

/** What an escalation was about. */
export function escalationReason(
  row: Pick<AlertRow, 'queue' | 'status'>,
): 'unacknowledged' | 'unresolved' | 'device_health' {
  if (row.queue === 'device_health') return 'device_health';
  return row.status === 'open' ? 'unacknowledged' : 'unresolved';
}
