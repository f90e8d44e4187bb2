/**
 * SLA figures of alarm handling, all from the hub's clock (opened/acknowledged columns): share
 * acknowledged within 60 s and 180 s against the district's targets, per day/week/month, dispatcher
 * and community; the exceptions (> 180 s) with the reason a supervisor recorded.
 */
import type { SlaPeriod, SlaReport, SlaTargets, User } from '@eldercare/shared';
import { DAY_MS, SLA_EXCEPTION_SECONDS, can, localDate, mondayOf, monthBounds } from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import { conflict, forbidden, notFound } from '../../http/errors.js';
import type { SlaRepo, SlaRow } from './sla.repo.js';

const median = (xs: number[]): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const ackS = (r: SlaRow) => (r.acknowledged_at ? (r.acknowledged_at.getTime() - r.opened_at.getTime()) / 1000 : null);
/** Not acknowledged: out of both shares. */
const within = (r: SlaRow, s: number) => {
  const a = ackS(r);
  return a !== null && a <= s;
};
const counts = (rs: SlaRow[]) => ({
  total: rs.length,
  within60: rs.filter((r) => within(r, 60)).length,
  within180: rs.filter((r) => within(r, 180)).length,
});
const byCommunityOf = (rows: SlaRow[]) => {
  const m = new Map<string, SlaRow[]>();
  for (const r of rows) m.set(r.community ?? '', [...(m.get(r.community ?? '') ?? []), r]);
  return [...m.entries()]
    .map(([community, rs]) => ({ community, ...counts(rs) }))
    .sort((a, b) => b.total - a.total || a.community.localeCompare(b.community));
};

/** The report's counts without its exceptions and dispatcher names (what the officials' indicators read). */
export interface SlaCounts {
  total: number;
  ackWithin60: number;
  ackWithin180: number;
  shareWithin60: number | null;
  shareWithin180: number | null;
  byCommunity: SlaReport['byCommunity'];
}

export interface SlaQueryIn {
  from?: string;
  to?: string;
  month?: string;
  period: SlaPeriod;
}

export class SlaService {
  constructor(
    private readonly repo: SlaRepo,
    private readonly clock: Clock,
    private readonly timeZone: (tenantId: string) => string,
    private readonly targets: (tenantId: string) => SlaTargets,
  ) {}

  async report(user: User, q: SlaQueryIn): Promise<SlaReport> {
    const tz = this.timeZone(user.tenantId);
    let start: Date;
    let end: Date;
    if (q.month) ({ start, end } = monthBounds(q.month, tz));
    else {
      end = q.to ? new Date(q.to) : new Date(this.clock.now());
      start = q.from ? new Date(q.from) : new Date(end.getTime() - 30 * DAY_MS);
    }
    const rows = await this.repo.rows(user.tenantId, start, end);
    const now = this.clock.now();
    // Not acknowledged: an exception once 180 s have run out (until it closed, or by now).
    const isException = (r: SlaRow) => {
      const a = ackS(r);
      const waited = a ?? ((r.closed_at?.getTime() ?? now) - r.opened_at.getTime()) / 1000;
      return waited > SLA_EXCEPTION_SECONDS;
    };
    const periodOf = (r: SlaRow): string => {
      const day = localDate(r.opened_at, tz);
      return q.period === 'month' ? day.slice(0, 7) : q.period === 'week' ? mondayOf(day) : day;
    };
    const group = <K extends string>(key: (r: SlaRow) => K) => {
      const m = new Map<K, SlaRow[]>();
      for (const r of rows) {
        const k = key(r);
        const list = m.get(k);
        if (list) list.push(r);
        else m.set(k, [r]);
      }
      return m;
    };
    const medianOf = (rs: SlaRow[]) => median(rs.map(ackS).filter((x): x is number => x !== null));
    const sorted = <T extends { k: string }>(xs: T[]) => xs.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    const exceptions = rows.filter(isException);
    const reasons = new Map((await this.repo.reasons(exceptions.map((r) => r.id))).map((x) => [x.alert_id, x]));
    const all = counts(rows);
    return {
      from: start.toISOString(),
      to: end.toISOString(),
      timezone: tz,
      targets: this.targets(user.tenantId),
      total: all.total,
      ackWithin60: all.within60,
      ackWithin180: all.within180,
      shareWithin60: rows.length ? all.within60 / rows.length : null,
      shareWithin180: rows.length ? all.within180 / rows.length : null,
      medianAckSeconds: medianOf(rows),
      byDay: sorted(
        [...group((r) => localDate(r.opened_at, tz)).entries()].map(([k, rs]) => ({
          k,
          day: k,
          ...counts(rs),
          medianAckSeconds: medianOf(rs),
        })),
      ).map(({ k: _k, ...x }) => x),
      period: q.period,
      byPeriod: sorted(
        [...group(periodOf).entries()].map(([k, rs]) => ({
          k,
          period: k,
          ...counts(rs),
          medianAckSeconds: medianOf(rs),
        })),
      ).map(({ k: _k, ...x }) => x),
      byDispatcher: [...group((r) => r.acknowledged_by ?? '').entries()]
        .filter(([id]) => id)
        .map(([userId, rs]) => ({ userId, name: rs[0]!.ack_name ?? '', ...counts(rs), medianAckSeconds: medianOf(rs) }))
        .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)),
      byCommunity: byCommunityOf(rows),
      over180: exceptions.map((r) => {
        const reason = reasons.get(r.id);
        return {
          id: r.id,
          seq: Number(r.seq),
          kind: r.kind,
          createdAt: r.created_at.toISOString(),
          openedAt: r.opened_at.toISOString(),
          acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
          ackSeconds: ackS(r),
          residentId: r.resident_id,
          residentName: r.resident_name,
          community: r.community,
          dispatcherName: r.ack_name,
          reason: reason ? { text: reason.note, by: reason.actor_name, at: reason.at.toISOString() } : null,
        };
      }),
    };
  }

  /** Alarms opened in a window and how many were acknowledged within 60 s and 180 s, per community. */
  async counts(tenantId: string, start: Date, end: Date): Promise<SlaCounts> {
    const rows = await this.repo.rows(tenantId, start, end);
    const all = counts(rows);
    return {
      total: all.total,
      ackWithin60: all.within60,
      ackWithin180: all.within180,
      shareWithin60: rows.length ? all.within60 / rows.length : null,
      shareWithin180: rows.length ? all.within180 / rows.length : null,
      byCommunity: byCommunityOf(rows),
    };
  }

  /** A supervisor records why an incident was acknowledged late (kept in its audit trail; the latest counts). */
  async recordReason(user: User, alertId: string, reason: string): Promise<void> {
    if (!can(user.role, 'sla.reasons')) throw forbidden();
    const r = await this.repo.one(user.tenantId, alertId);
    if (!r) throw notFound('incident');
    const opened = r.opened_at as Date | null;
    const waited = opened
      ? ((r.acknowledged_at ?? r.closed_at ?? new Date(this.clock.now())).getTime() - opened.getTime()) / 1000
      : 0;
    const elderCancelled = r.status === 'cancelled' && !r.acknowledged_at;
    if (r.queue !== 'emergency' || !opened || elderCancelled || waited <= SLA_EXCEPTION_SECONDS)
      throw conflict('this incident is not an SLA exception (acknowledged within 180 s)');
    await this.repo.addReason(alertId, user.id, reason, new Date(this.clock.now()));
  }
}
