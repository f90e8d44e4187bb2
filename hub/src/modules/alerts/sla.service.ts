/** SLA figures of alarm handling: share acknowledged within 60 s and 180 s, per day, dispatcher and community. */
import type { SlaReport, User } from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import type { SlaRepo, SlaRow } from './alerts.repo.js';

const median = (xs: number[]): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export class SlaService {
  constructor(
    private readonly repo: SlaRepo,
    private readonly clock: Clock,
    private readonly timeZone: (tenantId: string) => string,
  ) {}

  async report(user: User, from?: string, to?: string): Promise<SlaReport> {
    const end = to ? new Date(to) : new Date(this.clock.now());
    const start = from ? new Date(from) : new Date(end.getTime() - 30 * 86400_000);
    const tz = this.timeZone(user.tenantId);
    const rows = await this.repo.rows(user.tenantId, start, end);
    const now = this.clock.now();
    const ackS = (r: SlaRow) =>
      r.acknowledged_at ? (r.acknowledged_at.getTime() - r.opened_at.getTime()) / 1000 : null;
    // An alert still unacknowledged counts against the SLA once its time has run out.
    const within = (r: SlaRow, s: number) => {
      const a = ackS(r);
      return a !== null && a <= s;
    };
    const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
    const group = <K extends string>(key: (r: SlaRow) => K) => {
      const m = new Map<K, SlaRow[]>();
      for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
      return m;
    };
    const acked = rows.map(ackS).filter((x): x is number => x !== null);
    const count60 = rows.filter((r) => within(r, 60)).length;
    const count180 = rows.filter((r) => within(r, 180)).length;
    return {
      from: start.toISOString(),
      to: end.toISOString(),
      timezone: tz,
      total: rows.length,
      ackWithin60: count60,
      ackWithin180: count180,
      shareWithin60: rows.length ? count60 / rows.length : null,
      shareWithin180: rows.length ? count180 / rows.length : null,
      medianAckSeconds: median(acked),
      byDay: [...group((r) => dayOf.format(r.opened_at)).entries()].map(([day, rs]) => ({
        day,
        total: rs.length,
        within60: rs.filter((r) => within(r, 60)).length,
        within180: rs.filter((r) => within(r, 180)).length,
        medianAckSeconds: median(rs.map(ackS).filter((x): x is number => x !== null)),
      })),
      byDispatcher: [...group((r) => r.acknowledged_by ?? '').entries()]
        .filter(([id]) => id)
        .map(([userId, rs]) => ({
          userId,
          name: rs[0]!.ack_name ?? '',
          total: rs.length,
          within60: rs.filter((r) => within(r, 60)).length,
          within180: rs.filter((r) => within(r, 180)).length,
        })),
      byCommunity: [...group((r) => r.community ?? '').entries()].map(([community, rs]) => ({
        community,
        total: rs.length,
        within60: rs.filter((r) => within(r, 60)).length,
        within180: rs.filter((r) => within(r, 180)).length,
      })),
      over180: rows
        .filter((r) => {
          const a = ackS(r);
          return a === null ? now - r.opened_at.getTime() > 180_000 : a > 180;
        })
        .map((r) => ({ id: r.id, kind: r.kind, createdAt: r.created_at.toISOString(), ackSeconds: ackS(r) })),
    };
  }
}
