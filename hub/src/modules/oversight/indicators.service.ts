/**
 * The officials' indicator dashboard. Every figure comes from the report that already computes it —
 * the visit-rate report, the alarm SLA report, the meal report, the time-bank program totals, the
 * institution oversight figures and the assessment due list — and is only added up per township
 * (a community's township from the region hierarchy), so the dashboard always equals those reports.
 * Each report is read through its aggregate-only form (counts and sums, no names), so the personal
 * detail of the full reports (overdue elders, missed meals, late incidents) never reaches this service.
 */
import {
  lastDayOfMonth,
  localDate,
  monthBounds,
  monthsEnding,
  nextMonth,
  type IndicatorArea,
  type Indicators,
  type User,
  can,
} from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import { forbidden } from '../../http/errors.js';
import type { AssessmentsService } from '../assessments/assessments.service.js';
import type { SlaService } from '../alerts/sla.service.js';
import type { OrdersService } from '../meals/orders.service.js';
import type { RegionsService } from '../regions/regions.service.js';
import type { LedgerService } from '../timebank/ledger.service.js';
import type { LeftBehindService } from '../left-behind/left-behind.service.js';
import type { VisitsService } from '../visits/visits.service.js';
import { ratePct } from '../visits/visit-rate.js';
import type { OversightService } from './oversight.service.js';

export interface IndicatorsDeps {
  visits: VisitsService;
  sla: SlaService;
  meals: OrdersService;
  ledger: LedgerService;
  leftBehind: LeftBehindService;
  oversight: OversightService;
  regions: RegionsService;
  assessments: Pick<AssessmentsService, 'eldersByCommunity' | 'dueInDistrict' | 'countBetween'>;
  clock: Clock;
  timeZone(tenantId: string): string;
}

type Area = IndicatorArea;
const emptyArea = (townshipId: string | null, name: string): Area => ({
  townshipId,
  name,
  keyElders: 0,
  visited: 0,
  visitRatePct: null,
  meetsVisitTarget: true,
  alarms: 0,
  ackWithin60: 0,
  ackWithin180: 0,
  beds: 0,
  nursingSharePct: null,
  staffingCompliant: 0,
  institutions: 0,
  elders: 0,
  assessmentDue: 0,
  leftBehind: 0,
  leftBehindOverdue: 0,
});

export class IndicatorsService {
  constructor(private readonly d: IndicatorsDeps) {}

  private bounds(tenantId: string, month: string): { from: Date; until: Date; fromDay: string; untilDay: string } {
    const { start, end } = monthBounds(month, this.d.timeZone(tenantId));
    return { from: start, until: end, fromDay: `${month}-01`, untilDay: `${nextMonth(month)}-01` };
  }

  /** Meals served and subsidised in a month (the meal report over the month's days). */
  private async meals(tenantId: string, month: string, today: string) {
    const b = this.bounds(tenantId, month);
    const last = lastDayOfMonth(month);
    if (b.fromDay > today) return { served: 0, subsidised: 0, subsidyCents: 0 };
    return this.d.meals.totals(tenantId, b.fromDay, last < today ? last : today);
  }

  async indicators(user: User, q: { month?: string; months: number }): Promise<Indicators> {
    if (!can(user.role, 'oversight.read')) throw forbidden();
    const t = user.tenantId;
    const tz = this.d.timeZone(user.tenantId);
    const now = new Date(this.d.clock.now());
    const today = localDate(now, tz);
    const month = q.month ?? today.slice(0, 7);
    const b = this.bounds(user.tenantId, month);

    // The township of each community (by the name residents and reports carry).
    const regions = await this.d.regions.list(user, { includeRetired: true });
    const townshipOfCommunity = new Map<string, string>();
    for (const r of regions) if (r.level === 'community' && r.parentId) townshipOfCommunity.set(r.name, r.parentId);
    const areas = new Map<string | null, Area>();
    for (const r of regions) if (r.level === 'township' && !r.retiredAt) areas.set(r.id, emptyArea(r.id, r.name));
    const areaOf = (townshipId: string | null): Area => {
      let a = areas.get(townshipId);
      if (!a) areas.set(townshipId, (a = emptyArea(townshipId, '')));
      return a;
    };
    const areaOfCommunity = (community: string) => areaOf(townshipOfCommunity.get(community) ?? null);

    const visit = await this.d.visits.rates(t, month);
    for (const c of visit.communities) {
      const a = areaOfCommunity(c.community);
      a.keyElders += c.keyElders;
      a.visited += c.visited;
    }
    const sla = await this.d.sla.counts(t, b.from, b.until);
    for (const c of sla.byCommunity) {
      const a = areaOfCommunity(c.community);
      a.alarms += c.total;
      a.ackWithin60 += c.within60;
      a.ackWithin180 += c.within180;
    }
    const inst = await this.d.oversight.institutionFigures(user);
    for (const t of inst.townships) {
      const a = areaOf(t.townshipId);
      a.beds = t.beds.total;
      a.nursingSharePct = t.beds.nursingSharePct;
      a.staffingCompliant = t.staffing.compliant;
      a.institutions = t.staffing.institutions;
    }
    for (const e of await this.d.assessments.eldersByCommunity(user.tenantId))
      areaOfCommunity(e.community).elders += e.n;
    const due = await this.d.assessments.dueInDistrict({ tenantId: user.tenantId, by: today, limit: 1_000_000 });
    for (const r of due.rows) areaOfCommunity(r.community).assessmentDue++;
    const leftBehind = await this.d.leftBehind.countsByTownship(t);
    for (const [townshipId, n] of leftBehind) {
      const a = areaOf(townshipId);
      a.leftBehind += n.elders;
      a.leftBehindOverdue += n.overdue;
    }
    for (const a of areas.values()) {
      a.visitRatePct = ratePct(a.visited, a.keyElders);
      a.meetsVisitTarget = a.visitRatePct === null || a.visitRatePct >= visit.district.targetPct;
    }

    const meals = await this.meals(t, month, today);
    const serviceMinutes = await this.d.ledger.serviceMinutes(t);

    const trend: Indicators['trend'] = [];
    for (const m of monthsEnding(month, q.months)) {
      const mb = this.bounds(user.tenantId, m);
      const v = m === month ? visit : await this.d.visits.rates(t, m);
      const s = m === month ? sla : await this.d.sla.counts(t, mb.from, mb.until);
      const ml = m === month ? meals : await this.meals(t, m, today);
      trend.push({
        month: m,
        visitRatePct: v.district.ratePct,
        alarms: s.total,
        shareWithin180: s.shareWithin180,
        mealsServed: ml.served,
        mealsSubsidised: ml.subsidised,
        assessments: await this.d.assessments.countBetween(user.tenantId, mb.fromDay, mb.untilDay),
      });
    }

    const townships = [...areas.values()].sort((x, y) =>
      x.townshipId === null ? 1 : y.townshipId === null ? -1 : x.name.localeCompare(y.name, 'zh'),
    );
    return {
      month,
      generatedAt: now.toISOString(),
      visitTargetPct: visit.district.targetPct,
      nursingTargetPct: inst.nursingTargetPct,
      district: {
        townshipId: null,
        name: '',
        keyElders: visit.district.keyElders,
        visited: visit.district.visited,
        visitRatePct: visit.district.ratePct,
        meetsVisitTarget: visit.district.meetsTarget,
        alarms: sla.total,
        ackWithin60: sla.ackWithin60,
        ackWithin180: sla.ackWithin180,
        shareWithin60: sla.shareWithin60,
        shareWithin180: sla.shareWithin180,
        beds: inst.district.total,
        nursingSharePct: inst.district.nursingSharePct,
        staffingCompliant: inst.district.staffing.compliant,
        institutions: inst.district.staffing.institutions,
        elders: townships.reduce((n, a) => n + a.elders, 0),
        assessmentDue: due.total,
        leftBehind: townships.reduce((n, a) => n + a.leftBehind, 0),
        leftBehindOverdue: townships.reduce((n, a) => n + a.leftBehindOverdue, 0),
        mealsServed: meals.served,
        mealsSubsidised: meals.subsidised,
        subsidyCents: meals.subsidyCents,
        timebankServiceHours: Math.round((serviceMinutes / 60) * 10) / 10,
      },
      townships,
      trend,
    };
  }
}
