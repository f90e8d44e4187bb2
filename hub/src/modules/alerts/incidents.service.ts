/** Incidents per day for the overview chart: every calendar day of the period in the tenant's time zone. */
import {
  DAY_MS,
  ALERT_SOURCES,
  OUTCOMES,
  isFalseAlarm,
  lastDays,
  type IncidentsPerDay,
  type OutcomesReport,
  type User,
} from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import type { IncidentsRepo } from './incidents.repo.js';

export class IncidentsService {
  constructor(
    private readonly repo: IncidentsRepo,
    private readonly clock: Clock,
    private readonly timeZone: (tenantId: string) => string,
  ) {}

  async perDay(user: User, days: number): Promise<IncidentsPerDay> {
    const tz = this.timeZone(user.tenantId);
    const list = lastDays(days, tz, this.clock.now());
    const rows = await this.repo.perDay(user.tenantId, list[0]!, list.at(-1)!, tz);
    const byDay = new Map(rows.map((r) => [r.day, r]));
    return {
      timezone: tz,
      items: list.map((day) => {
        const r = byDay.get(day);
        return { day, total: r?.total ?? 0, critical: r?.critical ?? 0, deviceHealth: r?.device_health ?? 0 };
      }),
    };
  }

  /** How incidents closed in [from, to) ended (default: the last 30 days). */
  async outcomes(user: User, from?: string, to?: string): Promise<OutcomesReport> {
    const end = to ? new Date(to) : new Date(this.clock.now());
    const start = from ? new Date(from) : new Date(end.getTime() - 30 * DAY_MS);
    const rows = await this.repo.outcomes(user.tenantId, start, end);
    const count = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((n, r) => n + r.n, 0);
    const extra = [...new Set(rows.map((r) => r.outcome ?? 'none'))].filter(
      (o) => !(OUTCOMES as readonly string[]).includes(o),
    );
    return {
      from: start.toISOString(),
      to: end.toISOString(),
      total: count(() => true),
      falseAlarms: count((r) => isFalseAlarm(r.outcome)),
      byOutcome: [...OUTCOMES, ...extra].map((o) => ({
        outcome: o,
        count: count((r) => (r.outcome ?? 'none') === o),
      })),
      bySource: ALERT_SOURCES.map((source) => ({
        source,
        total: count((r) => r.source === source),
        falseAlarms: count((r) => r.source === source && isFalseAlarm(r.outcome)),
      })),
    };
  }
}
