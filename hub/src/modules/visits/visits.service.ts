/**
 * Welfare visits (探访): plans by risk tier, the visit log, contacts from other services, the
 * monthly visit rate and the overdue list, all computed live from residents and contacts.
 */
import {
  DEFAULT_VISIT_SETTINGS,
  visitSettingsSchema,
  type Alert,
  type ElderState,
  type User,
  type VisitBody,
  type VisitMethod,
  type VisitPlan,
  type VisitReport,
  type VisitSettings,
  type WelfareContact,
  can,
} from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import { badReference, badRequest, forbidden, invalidField, notFound } from '../../http/errors.js';
import { ageOn } from '../timebank/policy.js';
import { DAY_MS, endOfLocalDay, localMonth, monthBounds, startOfLocalDay } from '@eldercare/shared';
import { daysOverdue, dueAt, intervalDays, tierOf, visitRates } from './visit-rate.js';
import type { ContactRow, PlanSourceRow, VisitsRepo } from './visits.repo.js';

import type { RegisterAudit } from '../audit/register-audit.js';

export interface VisitsDeps {
  repo: VisitsRepo;
  clock: Clock;
  log: Logger;
  timeZone(tenantId: string): string;
  /** The volunteer profile ids of a logged-in volunteer. */
  volunteerIds(user: User): Promise<string[]>;
  /** Changes to visit settings and plans are recorded here. */
  audit: RegisterAudit;
  raiseConcern(c: {
    tenantId: string;
    residentId: string;
    institutionId: string | null;
    note: string;
    actor: { id: string; name: string };
  }): Promise<Alert>;
}

const NOBODY = '00000000-0000-0000-0000-000000000000';

function toContact(r: ContactRow): WelfareContact {
  return {
    id: r.id,
    residentId: r.resident_id,
    residentName: r.resident_name,
    at: r.at.toISOString(),
    source: r.source as WelfareContact['source'],
    method: r.method as VisitMethod,
    state: r.state as ElderState | null,
    note: r.note,
    concern: r.concern,
    alertId: r.alert_id,
    visitorId: r.visitor_id,
    visitorName: r.visitor_name,
  };
}

export class VisitsService {
  constructor(private readonly d: VisitsDeps) {}

  private now = () => new Date(this.d.clock.now());

  async settings(tenantId: string): Promise<VisitSettings> {
    const parsed = visitSettingsSchema.partial().safeParse(await this.d.repo.settings(tenantId));
    return { ...DEFAULT_VISIT_SETTINGS, ...(parsed.success ? JSON.parse(JSON.stringify(parsed.data)) : {}) };
  }

  async updateSettings(user: User, s: VisitSettings): Promise<VisitSettings> {
    if (!can(user.role, 'visits.plan')) throw forbidden();
    const before = await this.settings(user.tenantId);
    await this.d.repo.saveSettings(user.tenantId, s, this.now());
    const after = await this.settings(user.tenantId);
    await this.d.audit.record(user, 'visit_settings', user.tenantId, before, after);
    return after;
  }

  /** Which elders' plans a user may see: all for staff, assigned ones for volunteers, their elder for family. */
  private async residentScope(user: User): Promise<string[] | undefined> {
    if (can(user.role, 'visits.reports')) return undefined;
    if (user.role === 'volunteer') return this.d.repo.visitorResidentIds(await this.d.volunteerIds(user));
    if (user.role === 'family') return [user.residentId ?? NOBODY];
    throw forbidden();
  }

  private toPlan(r: PlanSourceRow, s: VisitSettings, now: Date): VisitPlan {
    const tier = tierOf(r.risk_categories, ageOn(r.birth_date, now), r.capability_grade);
    const days = intervalDays(tier, s, r.override_days);
    const due = dueAt(r.last_contact_at, r.created_at, days);
    const late = daysOverdue(due, now);
    return {
      residentId: r.resident_id,
      residentName: r.name,
      community: r.community,
      tier,
      intervalDays: days,
      overrideDays: r.override_days,
      visitorId: r.visitor_id,
      visitorName: r.visitor_name,
      lastContactAt: r.last_contact_at?.toISOString() ?? null,
      dueAt: due.toISOString(),
      overdue: late > 0,
      daysOverdue: late,
    };
  }

  async plans(
    user: User,
    q: { community?: string; tier?: string; overdue?: 'true' | 'false'; limit: number },
  ): Promise<VisitPlan[]> {
    const now = this.now();
    const s = await this.settings(user.tenantId);
    const rows = await this.d.repo.planSources(user.tenantId, {
      from: now,
      until: new Date(now.getTime() + DAY_MS),
      residentIds: await this.residentScope(user),
      community: q.community,
    });
    return rows
      .map((r) => this.toPlan(r, s, now))
      .filter((p) => (!q.tier || p.tier === q.tier) && (!q.overdue || p.overdue === (q.overdue === 'true')))
      .sort((a, b) => b.daysOverdue - a.daysOverdue || a.dueAt.localeCompare(b.dueAt))
      .slice(0, q.limit);
  }

  async updatePlan(
    user: User,
    residentId: string,
    p: { overrideDays?: number | null; visitorId?: string | null },
  ): Promise<VisitPlan> {
    if (!can(user.role, 'visits.plan')) throw forbidden();
    const r = await this.d.repo.resident(residentId);
    if (!r || r.tenant_id !== user.tenantId) throw notFound('resident');
    if (r.institution_id) throw badRequest('residents of care institutions are visited on site, not planned here');
    const planOf = async () => (await this.plans(user, { limit: 1000 })).find((x) => x.residentId === residentId);
    const snapshot = (v: VisitPlan | undefined) => ({
      overrideDays: v?.overrideDays ?? null,
      visitorId: v?.visitorId ?? null,
    });
    const before = await planOf();
    await this.d.repo.savePlan(user.tenantId, residentId, p, this.now());
    const plan = await planOf();
    await this.d.audit.record(user, 'visit_plan', residentId, snapshot(before), snapshot(plan));
    return plan!;
  }

  /** Logs a welfare visit; a concern raises an incident on the dispatch board. */
  async logVisit(user: User, b: VisitBody & { note: string; concern: boolean }): Promise<WelfareContact> {
    const r = await this.d.repo.resident(b.residentId);
    if (!r || r.tenant_id !== user.tenantId) throw badReference('residentId', 'is not a resident of this district');
    if (!can(user.role, 'visits.plan')) {
      const mine =
        user.role === 'volunteer' ? await this.d.repo.visitorResidentIds(await this.d.volunteerIds(user)) : [];
      if (!mine.includes(r.id)) throw forbidden('you are not the assigned visitor of this elder');
    }
    const at = b.at ? new Date(b.at) : this.now();
    if (at.getTime() > this.d.clock.now() + 5 * 60_000) throw invalidField('at', 'is in the future: a visit cannot be');
    let alertId: string | null = null;
    if (b.concern) {
      const alert = await this.d.raiseConcern({
        tenantId: user.tenantId,
        residentId: r.id,
        institutionId: r.institution_id,
        note: b.note,
        actor: { id: user.id, name: user.name },
      });
      alertId = alert.id;
    }
    const id = await this.d.repo.insertContact({
      tenantId: user.tenantId,
      residentId: r.id,
      at,
      source: 'visit',
      sourceId: null,
      method: b.method,
      state: b.state,
      note: b.note,
      concern: b.concern,
      alertId,
      visitorId: user.id,
      visitorName: user.name,
    });
    this.d.log.info({ contactId: id, concern: b.concern, alertId }, 'welfare visit logged');
    return toContact((await this.d.repo.contact(id!))!);
  }

  /**
   * Records a real contact from another service (a completed time-bank service, a meal handed over
   * in person). Idempotent per (source, sourceId).
   */
  async recordContact(c: {
    tenantId: string;
    residentId: string;
    at: Date;
    source: 'service' | 'meal';
    sourceId: string;
    visitorId: string | null;
    visitorName: string;
  }): Promise<void> {
    await this.d.repo.insertContact({
      ...c,
      method: 'in_person',
      state: null,
      note: '',
      concern: false,
      alertId: null,
    });
  }

  async contacts(
    user: User,
    q: { residentId?: string; from?: string; to?: string; limit: number },
  ): Promise<WelfareContact[]> {
    const scope = await this.residentScope(user);
    const tz = this.d.timeZone(user.tenantId);
    const residentIds = q.residentId ? (scope && !scope.includes(q.residentId) ? [] : [q.residentId]) : scope;
    if (residentIds && !residentIds.length) return [];
    const rows = await this.d.repo.contacts(user.tenantId, {
      residentIds,
      from: q.from ? startOfLocalDay(q.from, tz) : undefined,
      to: q.to ? endOfLocalDay(q.to, tz) : undefined,
      limit: q.limit,
    });
    return rows.map(toContact);
  }

  /** The month's visit rate per community and for the district, with the elders overdue now. */
  async report(user: User, month?: string): Promise<VisitReport> {
    if (!can(user.role, 'visits.reports')) throw forbidden();
    const rates = await this.rates(user.tenantId, month);
    const overdue = await this.plans(user, { overdue: 'true', limit: 1000 });
    return { ...rates, overdue };
  }

  /**
   * The report's rates without its overdue list: counts per community and for the district, no
   * names. What the officials' indicators read.
   */
  async rates(tenantId: string, month?: string): Promise<Omit<VisitReport, 'overdue'>> {
    const tz = this.d.timeZone(tenantId);
    const now = this.now();
    const m = month ?? localMonth(now, tz);
    const { start: from, end: until } = monthBounds(m, tz);
    const s = await this.settings(tenantId);
    const rows = await this.d.repo.planSources(tenantId, { from, until });
    const rates = visitRates(
      rows.map((r) => ({
        community: r.community,
        tier: tierOf(r.risk_categories, ageOn(r.birth_date, now), r.capability_grade),
        visitedThisMonth: r.contacted_in_window,
      })),
      s,
    );
    return { month: m, district: rates.district, communities: rates.communities };
  }

  /** The visit plans of some elders living at home (for registers that show visit status), by resident. */
  async planStatus(tenantId: string, residentIds: string[]): Promise<Map<string, VisitPlan>> {
    if (!residentIds.length) return new Map();
    const now = this.now();
    const s = await this.settings(tenantId);
    const rows = await this.d.repo.planSources(tenantId, {
      from: now,
      until: new Date(now.getTime() + DAY_MS),
      residentIds,
    });
    return new Map(rows.map((r) => [r.resident_id, this.toPlan(r, s, now)]));
  }
}
