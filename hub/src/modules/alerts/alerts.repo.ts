/** All SQL of alerts. Every change takes a new `seq` so clients can replay what they missed. */
import type pg from 'pg';
import type { Purpose } from '@eldercare/shared';
import { withTransaction, type Db } from '../../db/client.js';
import { askResponders, endAskedOffers, insertEvents, type OutboxEvent } from '../notifications/outbox.repo.js';

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
  within?: (c: pg.PoolClient) => Promise<void>;
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

const SELECT = `SELECT a.*, r.name AS resident_name, u.name AS ack_name
  FROM alerts a LEFT JOIN residents r ON r.id = a.resident_id LEFT JOIN users u ON u.id = a.acknowledged_by`;
const RANK = `CASE severity WHEN 'critical' THEN 3 WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END`;
/** The dispatch order of shared `compareAlerts`, in SQL (so a LIMIT keeps the most urgent). */
const QUEUE_ORDER = `CASE a.severity WHEN 'critical' THEN 3 WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END DESC,
  (a.escalation_level > 0) DESC, COALESCE(a.opened_at, a.created_at) ASC, a.id ASC`;

const JSON_COLUMNS = new Set(['responder', 'responder_ladder', 'checklist', 'caller']);

export class AlertsRepo {
  private readonly pool: pg.Pool;
  constructor(db: Db) {
    this.pool = db.$client;
  }

  private tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return withTransaction(this.pool, fn);
  }

  async get(id: string): Promise<AlertRow | undefined> {
    const r = await this.pool.query<AlertRow>(`${SELECT} WHERE a.id = $1`, [id]);
    return r.rows[0];
  }

  private async many(ids: string[]): Promise<AlertRow[]> {
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
              await insertEvents(c, [
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
   * A conditional update: applies `set` only while the alert is in one of `from`, atomically
   * (so exactly one of two concurrent claims wins), and records the action in the audit log.
   */
  async transition(
    id: string,
    tenantId: string,
    from: readonly string[],
    set: Record<string, unknown>,
    audit: TransitionAudit,
    extraWhere = '',
    extraParams: unknown[] = [],
  ): Promise<AlertRow | null> {
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
        await insertEvents(
          c,
          audit.notify.map((n) => ({ ...n, tenantId, alertId: id, at: audit.at })),
        );
      await audit.within?.(c);
      return true;
    });
    return done ? ((await this.get(id)) ?? null) : null;
  }

  /** Ends the cancel window of falls nobody cancelled. Exactly one hub gets each row. */
  async openDuePending(now: Date, ackMs: number): Promise<AlertRow[]> {
    const ids = await this.tx(async (c) => {
      const r = await c.query<{ id: string; tenant_id: string; queue: string }>(
        `UPDATE alerts SET status = 'open', opened_at = $1, due_at = $1::timestamptz + ($2 || ' milliseconds')::interval,
                seq = nextval('alert_seq'), updated_at = $1
          WHERE status = 'pending' AND due_at <= $1 RETURNING id, tenant_id, queue`,
        [now, String(ackMs)],
      );
      // The family hears of an alarm once it reaches dispatch (after a fall's cancel window).
      await insertEvents(
        c,
        r.rows
          .filter((x) => x.queue === 'emergency')
          .map((x) => ({ tenantId: x.tenant_id, alertId: x.id, purpose: 'family_raised' as const, at: now })),
      );
      return r.rows.map((x) => x.id);
    });
    return this.many(ids);
  }

  /**
   * A dispatched responder did not accept in time: the next responder of the ladder takes over.
   * Exactly one hub takes each row. Ladders that are used up are left to escalateDue.
   */
  async advanceResponderLadders(now: Date, timeoutMs: number, onlyAlertId?: string): Promise<AlertRow[]> {
    const r = await this.tx(async (c) => {
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
        await endAskedOffers(c, row.id, 'timed_out', now);
        if (!onlyAlertId)
          await this.addAction(row.id, null, 'responder_timeout', '', { responder: row.timed_out }, now, c);
        const note = await c.query<{ dispatcher_note: string }>(
          `SELECT dispatcher_note FROM responder_offers WHERE alert_id = $1 ORDER BY asked_at DESC LIMIT 1`,
          [row.id],
        );
        await askResponders(c, {
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
    const rows = await this.many(r.rows.map((x) => x.id));
    for (const row of rows)
      await this.addAction(row.id, null, 'dispatched', '', { responder: row.responder, automatic: true }, now);
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
    const r = await this.tx(async (c) => {
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
      await insertEvents(
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
    const rows = await this.many(r.rows.map((x) => x.id));
    for (const row of rows) {
      await this.addAction(
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

  async listActive(
    tenantId: string,
    f: { institutionId?: string; queue?: string; residentId?: string; limit: number },
  ): Promise<AlertRow[]> {
    const r = await this.pool.query<AlertRow>(
      `${SELECT} WHERE a.tenant_id = $1 AND a.closed_at IS NULL
         AND ($2::uuid IS NULL OR a.institution_id = $2) AND ($3::text IS NULL OR a.queue = $3) AND ($4::uuid IS NULL OR a.resident_id = $4)
       ORDER BY ${QUEUE_ORDER} LIMIT $5`,
      [tenantId, f.institutionId ?? null, f.queue ?? null, f.residentId ?? null, f.limit],
    );
    return r.rows;
  }

  async listClosed(
    tenantId: string,
    f: { institutionId?: string; queue?: string; residentId?: string; limit: number },
  ): Promise<AlertRow[]> {
    const r = await this.pool.query<AlertRow>(
      `${SELECT} WHERE a.tenant_id = $1 AND a.closed_at IS NOT NULL
         AND ($2::uuid IS NULL OR a.institution_id = $2) AND ($3::text IS NULL OR a.queue = $3) AND ($4::uuid IS NULL OR a.resident_id = $4)
       ORDER BY a.closed_at DESC LIMIT $5`,
      [tenantId, f.institutionId ?? null, f.queue ?? null, f.residentId ?? null, f.limit],
    );
    return r.rows;
  }

  /** Alerts changed after `since` (for reconnect replay), oldest change first. */
  async changedSince(tenantId: string, since: number, institutionId?: string): Promise<AlertRow[]> {
    const r = await this.pool.query<AlertRow>(
      `${SELECT} WHERE a.tenant_id = $1 AND a.seq > $2 AND ($3::uuid IS NULL OR a.institution_id = $3) ORDER BY a.seq LIMIT 5000`,
      [tenantId, since, institutionId ?? null],
    );
    return r.rows;
  }

  async currentSeq(): Promise<number> {
    const r = await this.pool.query<{ s: number }>(`SELECT COALESCE(MAX(seq), 0)::bigint AS s FROM alerts`);
    return Number(r.rows[0]!.s);
  }

  async signals(alertId: string) {
    const r = await this.pool.query(
      `SELECT id, ts, received_at, device_id, event_id, type, detail FROM alert_signals WHERE alert_id = $1
        ORDER BY COALESCE(received_at, ts), id`,
      [alertId],
    );
    return r.rows as {
      id: number;
      ts: Date;
      received_at: Date | null;
      device_id: string | null;
      event_id: string | null;
      type: string;
      detail: Record<string, unknown>;
    }[];
  }

  async actions(alertId: string) {
    const r = await this.pool.query(
      `SELECT x.id, x.at, x.actor_id, u.name AS actor_name, x.action, x.note, x.data
         FROM alert_actions x LEFT JOIN users u ON u.id = x.actor_id WHERE x.alert_id = $1 ORDER BY x.id`,
      [alertId],
    );
    return r.rows as {
      id: number;
      at: Date;
      actor_id: string | null;
      actor_name: string | null;
      action: string;
      note: string;
      data: Record<string, unknown>;
    }[];
  }

  /**
   * The active alert of a device that a `cancel` withdraws: a specific event's, or the latest one
   * with a signal of this device not newer than `signalNotAfter`.
   */
  async findCancellable(
    tenantId: string,
    deviceId: string,
    eventId: string | undefined,
    signalNotAfter?: Date,
  ): Promise<AlertRow | undefined> {
    const r = await this.pool.query<AlertRow>(
      `${SELECT} WHERE a.tenant_id = $1 AND a.closed_at IS NULL AND a.queue = 'emergency'
         AND EXISTS (SELECT 1 FROM alert_signals s WHERE s.alert_id = a.id AND s.device_id = $2 AND ($3::text IS NULL OR s.event_id = $3)
                       AND ($4::timestamptz IS NULL OR s.ts <= $4))
       ORDER BY a.created_at DESC LIMIT 1`,
      [tenantId, deviceId, eventId ?? null, signalNotAfter ?? null],
    );
    return r.rows[0];
  }

  /** Devices with an active device-offline alert. */
  async activeOfflineDevices(): Promise<string[]> {
    const r = await this.pool.query<{ device_id: string }>(
      `SELECT device_id FROM alerts WHERE closed_at IS NULL AND kind = 'device_offline' AND device_id IS NOT NULL`,
    );
    return r.rows.map((x) => x.device_id);
  }

  /** The active device-health alert of a device, if it is of this kind. */
  async activeDeviceHealthAlert(tenantId: string, deviceId: string, kind: string): Promise<AlertRow | undefined> {
    const r = await this.pool.query<AlertRow>(
      `${SELECT} WHERE a.tenant_id = $1 AND a.subject_key = $2 AND a.queue = 'device_health' AND a.closed_at IS NULL
         AND a.kind = $3`,
      [tenantId, `device:${deviceId}`, kind],
    );
    return r.rows[0];
  }

  /**
   * Self-testing devices registered before `since` with no `test` event since then and no open
   * device-health alert: they missed their periodic test.
   */
  async devicesMissingTest(since: Date, types: readonly string[]) {
    const r = await this.pool.query<{
      id: string;
      tenant_id: string;
      resident_id: string | null;
      institution_id: string | null;
    }>(
      `SELECT d.id, d.tenant_id, d.resident_id, d.institution_id FROM devices d
        WHERE d.type = ANY($2::text[]) AND d.created_at < $1
          AND NOT EXISTS (SELECT 1 FROM device_events e WHERE e.device_id = d.id AND e.type = 'test' AND e.ts >= $1)
          AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.subject_key = 'device:' || d.id AND a.queue = 'device_health'
                            AND a.closed_at IS NULL)
        LIMIT 5000`,
      [since, types],
    );
    return r.rows;
  }

  async setFlagged(id: string, at: Date): Promise<AlertRow | undefined> {
    await this.pool.query(
      `UPDATE alerts SET flagged = true, seq = nextval('alert_seq'), updated_at = $2 WHERE id = $1 AND NOT flagged`,
      [id, at],
    );
    return this.get(id);
  }

  /** The contexts of every resident with an active device (at most `limit`), to warm the cache. */
  async residentContexts(limit: number) {
    const r = await this.pool.query<{
      id: string;
      risk_categories: string[];
      institution_id: string | null;
      thresholds: Record<string, number>;
      name: string;
    }>(
      `SELECT r.id, r.risk_categories, r.institution_id, r.thresholds, r.name FROM residents r
        WHERE EXISTS (SELECT 1 FROM devices d WHERE d.resident_id = r.id) LIMIT $1`,
      [limit],
    );
    return r.rows;
  }

  async residentContext(residentId: string) {
    const r = await this.pool.query<{
      risk_categories: string[];
      institution_id: string | null;
      thresholds: Record<string, number>;
      community: string;
      name: string;
    }>(`SELECT risk_categories, institution_id, thresholds, community, name FROM residents WHERE id = $1`, [
      residentId,
    ]);
    return r.rows[0];
  }

  /**
   * Residents at home watched for inactivity (living alone or empty-nest, with activity sensors):
   * their last activity received since `since` (by the hub's clock), and which of their activity
   * sensors are watching — online and reporting, since when — so that inactivity is judged only
   * from sensors that can see it. `unwatchedAlert`: an open "not monitored" item of theirs.
   */
  /**
   * Elders at home living alone or empty-nest with activity sensors: their last activity since
   * `since`, which sensors watch, and their inactivity quiet period — `inactivity_active` while an
   * incident holding an inactivity signal is active; `inactivity_closed_at`, the latest such
   * incident closed after `quietSince`, and `moved_since_close`, whether activity was seen after it.
   */
  async inactivityCandidates(
    since: Date,
    activityTypes: readonly string[],
    sensorTypes: readonly string[],
    quietSince: Date,
  ) {
    const r = await this.pool.query<{
      id: string;
      tenant_id: string;
      institution_id: string | null;
      last: Date | null;
      sensors: string[];
      watching: string[];
      watching_since: Date | null;
      newest_sensor_at: Date;
      unwatched_alert: string | null;
      inactivity_active: boolean | null;
      inactivity_closed_at: Date | null;
      moved_since_close: boolean | null;
    }>(
      `SELECT r.id, r.tenant_id, r.institution_id, q.inactivity_active, q.inactivity_closed_at,
              (SELECT EXISTS (SELECT 1 FROM device_events e
                WHERE e.resident_id = r.id AND e.type = ANY($2::text[]) AND e.received_at > q.inactivity_closed_at
                  AND e.ts >= q.inactivity_closed_at - interval '30 days')) AS moved_since_close,
              (SELECT max(e.received_at) FROM device_events e
                WHERE e.resident_id = r.id AND e.type = ANY($2::text[]) AND e.received_at >= $1
                  AND e.ts >= $1::timestamptz - interval '30 days') AS last,
              s.sensors, s.watching, s.watching_since, s.newest_sensor_at,
              (SELECT a.id FROM alerts a WHERE a.tenant_id = r.tenant_id AND a.subject_key = 'resident:' || r.id
                  AND a.queue = 'device_health' AND a.kind = 'not_monitored' AND a.closed_at IS NULL) AS unwatched_alert
         FROM residents r
         CROSS JOIN LATERAL (
           SELECT array_agg(d.id ORDER BY d.id) AS sensors,
                  COALESCE(array_agg(d.id ORDER BY d.id) FILTER (WHERE d.online AND d.reporting_since IS NOT NULL), '{}') AS watching,
                  min(d.reporting_since) FILTER (WHERE d.online AND d.reporting_since IS NOT NULL) AS watching_since,
                  max(d.created_at) AS newest_sensor_at
             FROM devices d WHERE d.resident_id = r.id AND d.type = ANY($3::text[])) s
         LEFT JOIN LATERAL (
           SELECT bool_or(a.closed_at IS NULL) AS inactivity_active, max(a.closed_at) AS inactivity_closed_at
             FROM alerts a
            WHERE a.tenant_id = r.tenant_id AND a.resident_id = r.id AND a.queue = 'emergency'
              AND 'inactivity' = ANY(a.kinds) AND (a.closed_at IS NULL OR a.closed_at > $4)) q ON true
        WHERE r.institution_id IS NULL AND r.risk_categories && ARRAY['living_alone','empty_nest']::text[]
          AND s.sensors IS NOT NULL`,
      [since, activityTypes, sensorTypes, quietSince],
    );
    return r.rows;
  }

  /**
   * Where an alarm of a device comes from, when it belongs to an institution: the institution (name,
   * phone), the room (floor) of a room device or of the resident's bed, the bed, the room's
   * residents, and the care staff on shift. Null for a device of an elder at home.
   */
  async placeOf(p: { institutionId: string | null; roomId: string | null; residentId: string | null }) {
    const r = await this.pool.query<{
      institution_id: string;
      institution_name: string;
      institution_phone: string;
      floor: number | null;
      room_id: string | null;
      room_name: string | null;
      bed_label: string | null;
      residents: { id: string; name: string; bedLabel: string | null }[];
      staff: { id: string; name: string }[];
    }>(
      `WITH who AS (SELECT r.id, r.institution_id, r.bed_id FROM residents r WHERE r.id = $3),
            bed AS (SELECT b.id, b.label, b.room_id FROM beds b WHERE b.id = (SELECT bed_id FROM who)),
            room AS (SELECT rm.* FROM rooms rm WHERE rm.id = COALESCE($2::uuid, (SELECT room_id FROM bed))),
            inst AS (SELECT i.* FROM institutions i
                      WHERE i.id = COALESCE($1::uuid, (SELECT institution_id FROM room), (SELECT institution_id FROM who)))
       SELECT inst.id AS institution_id, inst.name AS institution_name, inst.phone AS institution_phone,
              room.floor, room.id AS room_id, room.name AS room_name,
              (SELECT label FROM bed WHERE $2::uuid IS NULL OR bed.room_id = $2::uuid) AS bed_label,
              COALESCE((SELECT json_agg(json_build_object('id', x.id, 'name', x.name, 'bedLabel', b2.label) ORDER BY b2.label, x.name)
                          FROM residents x JOIN beds b2 ON b2.id = x.bed_id
                         WHERE b2.room_id = room.id AND ($2::uuid IS NOT NULL OR x.id = $3)), '[]') AS residents,
              COALESCE((SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name)
                          FROM staff_shifts sh JOIN users u ON u.id = sh.user_id
                         WHERE sh.institution_id = inst.id AND sh.ended_at IS NULL), '[]') AS staff
         FROM inst LEFT JOIN room ON room.institution_id = inst.id`,
      [p.institutionId, p.roomId, p.residentId],
    );
    return r.rows[0];
  }

  /** Care staff on shift now at an institution. */
  async staffOnShift(institutionId: string): Promise<{ id: string; name: string }[]> {
    const r = await this.pool.query<{ id: string; name: string }>(
      `SELECT u.id, u.name FROM staff_shifts sh JOIN users u ON u.id = sh.user_id
        WHERE sh.institution_id = $1 AND sh.ended_at IS NULL ORDER BY u.name`,
      [institutionId],
    );
    return r.rows;
  }

  /** The open "not monitored" item of a resident, closed when their sensors watch again. */
  /** A resident of the tenant, for a phone-in incident (null: none of this tenant's). */
  async residentOf(tenantId: string, id: string): Promise<{ id: string; institution_id: string | null } | null> {
    const r = await this.pool.query<{ id: string; institution_id: string | null }>(
      `SELECT id, institution_id FROM residents WHERE id = $1 AND tenant_id = $2`,
      [id, tenantId],
    );
    return r.rows[0] ?? null;
  }

  /** The elder's home, for the incident panel. */
  async residentHome(residentId: string) {
    const r = await this.pool.query<{
      address: string;
      community: string;
      lat: number | null;
      lon: number | null;
      institution_id: string | null;
    }>(`SELECT address, community, lat, lon, institution_id FROM residents WHERE id = $1`, [residentId]);
    return r.rows[0] ?? null;
  }

  /** A device as it is now and its last status reports (newest first). */
  async deviceInfo(deviceId: string, historyLimit: number) {
    const d = await this.pool.query<{
      id: string;
      type: string;
      label: string;
      online: boolean;
      battery: number | null;
      signal: number | null;
      last_seen: Date | null;
    }>(`SELECT id, type, label, online, battery, signal, last_seen FROM devices WHERE id = $1`, [deviceId]);
    if (!d.rows[0]) return null;
    const h = await this.pool.query<{ ts: Date; online: boolean; battery: number | null; signal: number | null }>(
      `SELECT ts, online, battery, signal FROM device_status WHERE device_id = $1 ORDER BY ts DESC LIMIT $2`,
      [deviceId, historyLimit],
    );
    return { ...d.rows[0], history: h.rows };
  }

  async closeNotMonitored(alertId: string, at: Date): Promise<AlertRow | null> {
    return this.transition(
      alertId,
      (await this.get(alertId))?.tenant_id ?? '',
      ['open', 'acknowledged', 'contact_made', 'no_contact', 'dispatched', 'accepted', 'on_scene'],
      { status: 'resolved', closed_at: at, due_at: null, outcome: 'no_action_needed' },
      { actorId: null, action: 'monitored_again', note: '', data: {}, at },
    );
  }

  /** Devices that were online but have sent nothing since `before`: they are marked offline. */
  async markSilentDevicesOffline(before: Date) {
    const r = await this.pool.query<{
      id: string;
      tenant_id: string;
      resident_id: string | null;
      institution_id: string | null;
      room_id: string | null;
      type: string;
    }>(
      `UPDATE devices SET online = false, reporting_since = NULL WHERE online AND last_seen < $1
        RETURNING id, tenant_id, resident_id, institution_id, room_id, type`,
      [before],
    );
    return r.rows;
  }
}

/** What an escalation was about. */
export function escalationReason(
  row: Pick<AlertRow, 'queue' | 'status'>,
): 'unacknowledged' | 'unresolved' | 'device_health' {
  if (row.queue === 'device_health') return 'device_health';
  return row.status === 'open' ? 'unacknowledged' : 'unresolved';
}
