/**
 * SQL of the alerts' timed steps: cancel windows that ended, responders who did not answer in time,
 * escalations. Each runs in one transaction in which exactly one hub takes each row.
 */
import type pg from 'pg';
import type { Db } from '../../db/client.js';
import { escalationReason, type AlertRow, type AlertsRepo } from './alerts.repo.js';

export class AlertTimersRepo {
  private readonly pool: pg.Pool;
  constructor(
    db: Db,
    private readonly alerts: AlertsRepo,
  ) {
    this.pool = db.$client;
  }

  /** Ends the cancel window of falls nobody cancelled. Exactly one hub gets each row. */
  async openDuePending(now: Date, ackMs: number): Promise<AlertRow[]> {
    const ids = await this.alerts.tx(async (c) => {
      const r = await c.query<{ id: string; tenant_id: string; queue: string }>(
        `UPDATE alerts SET status = 'open', opened_at = $1, due_at = $1::timestamptz + ($2 || ' milliseconds')::interval,
                seq = nextval('alert_seq'), updated_at = $1
          WHERE status = 'pending' AND due_at <= $1 RETURNING id, tenant_id, queue`,
        [now, String(ackMs)],
      );
      // The family hears of an alarm once it reaches dispatch (after a fall's cancel window).
      await this.alerts.outbox.insertEvents(
        c,
        r.rows
          .filter((x) => x.queue === 'emergency')
          .map((x) => ({ tenantId: x.tenant_id, alertId: x.id, purpose: 'family_raised' as const, at: now })),
      );
      return r.rows.map((x) => x.id);
    });
    return this.alerts.many(ids);
  }

  /**
   * A dispatched responder did not accept in time: the next responder of the ladder takes over.
   * Exactly one hub takes each row. Ladders that are used up are left to escalateDue.
   */
  async advanceResponderLadders(now: Date, timeoutMs: number, onlyAlertId?: string): Promise<AlertRow[]> {
    const r = await this.alerts.tx(async (c) => {
      const r = await c.query<{ id: string; timed_out: unknown; tenant_id: string; responder: unknown; idx: number }>(
        `UPDATE alerts a SET
              responder = a.responder_ladder->'tiers'->((a.responder_ladder->>'index')::int + 1),
              responder_ladder = jsonb_set(a.responder_ladder, '{index}', to_jsonb((a.responder_ladder->>'index')::int + 1)),
              dispatched_at = $1, due_at = $1::timestamptz + ($2 || ' milliseconds')::interval,
              seq = nextval('alert_seq'), updated_at = $1
        FROM (SELECT id, responder AS timed_out FROM alerts
               WHERE status = 'dispatched' AND responder_ladder IS NOT NULL
                 AND ($3::uuid IS NULL AND due_at <= $1 OR id = $3::uuid)
                 AND NOT COALESCE((responder_ladder->>'askAllAtOnce')::boolean, false)
                 AND (responder_ladder->>'index')::int + 1 < jsonb_array_length(responder_ladder->'tiers')
               FOR UPDATE SKIP LOCKED) old
        WHERE a.id = old.id
        RETURNING a.id, old.timed_out, a.tenant_id, a.responder, (a.responder_ladder->>'index')::int AS idx`,
        [now, String(timeoutMs), onlyAlertId ?? null],
      );
      for (const row of r.rows) {
        // A decline ended the offer already; otherwise the responder did not answer in time.
        await this.alerts.outbox.endAskedOffers(c, row.id, 'timed_out', now);
        if (!onlyAlertId)
          await this.alerts.addAction(row.id, null, 'responder_timeout', '', { responder: row.timed_out }, now, c);
        const note = await c.query<{ dispatcher_note: string }>(
          `SELECT dispatcher_note FROM responder_offers WHERE alert_id = $1 ORDER BY asked_at DESC LIMIT 1`,
          [row.id],
        );
        await this.alerts.outbox.askResponders(c, {
          tenantId: row.tenant_id,
          alertId: row.id,
          responders: [{ responder: row.responder as never, position: row.idx }],
          askAll: false,
          note: note.rows[0]?.dispatcher_note ?? '',
          at: now,
          withdrawEarlier: false,
        });
      }
      return r;
    });
    const rows = await this.alerts.many(r.rows.map((x) => x.id));
    for (const row of rows)
      await this.alerts.addAction(row.id, null, 'dispatched', '', { responder: row.responder, automatic: true }, now);
    return rows;
  }

  /**
   * Escalates active alerts whose deadline passed, one level at a time up to `maxLevel`: an open alert
   * is next due after `reminder`, an acknowledged one after `unresolved`, a device-health item after
   * `deviceHealth`. At the cap its escalation timer stops (one audit row per level, never per minute).
   */
  async escalateDue(
    now: Date,
    p: { reminder: number; unresolved: number; deviceHealth: number; maxLevel: number },
  ): Promise<AlertRow[]> {
    const r = await this.alerts.tx(async (c) => {
      const r = await c.query<{
        id: string;
        tenant_id: string;
        escalation_level: number;
        status: string;
        queue: string;
      }>(
        `UPDATE alerts SET escalation_level = escalation_level + 1,
              due_at = CASE WHEN escalation_level + 1 >= $5 THEN NULL
                            ELSE $1::timestamptz + (CASE WHEN queue = 'device_health' THEN $4
                                                         WHEN status = 'open' THEN $2 ELSE $3 END || ' milliseconds')::interval END,
              seq = nextval('alert_seq'), updated_at = $1
        WHERE closed_at IS NULL AND status <> 'pending' AND due_at <= $1 AND escalation_level < $5
        RETURNING id, tenant_id, escalation_level, status, queue`,
        [now, String(p.reminder), String(p.unresolved), String(p.deviceHealth), p.maxLevel],
      );
      // An emergency nobody acknowledged in time: the supervisors are told wherever they are.
      await this.alerts.outbox.insertEvents(
        c,
        r.rows
          .filter((x) => x.escalation_level === 1 && x.status === 'open' && x.queue === 'emergency')
          .map((x) => ({ tenantId: x.tenant_id, alertId: x.id, purpose: 'alarm_unacknowledged' as const, at: now })),
      );
      return r;
    });
    // Already at the cap (a later step set a new deadline): the deadline is dropped, nothing is repeated.
    await this.pool.query(
      `UPDATE alerts SET due_at = NULL
        WHERE closed_at IS NULL AND status NOT IN ('pending', 'dispatched') AND due_at <= $1 AND escalation_level >= $2`,
      [now, p.maxLevel],
    );
    const rows = await this.alerts.many(r.rows.map((x) => x.id));
    for (const row of rows) {
      await this.alerts.addAction(
        row.id,
        null,
        'escalated',
        '',
        {
          level: row.escalation_level,
          to: row.escalation_level === 1 ? 'supervisors' : 'reminder',
          reason: escalationReason(row),
          status: row.status,
        },
        now,
      );
    }
    return rows;
  }
}
