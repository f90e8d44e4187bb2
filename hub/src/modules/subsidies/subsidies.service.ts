/**
 * Subsidy categories and their rules, an elder's entitlements (which rule matched), the recipients
 * of a category, and the monthly totals per category and township, joined to the meals each
 * category paid for. Entitlements are computed from the register on the day asked, never stored.
 */
import {
  entitlementOf,
  entitlements,
  type CapabilityGrade,
  type EconomicStatus,
  type ResidentEntitlements,
  type BenefitCategory,
  type BenefitCategoryPatch,
  type SubsidyRecipients,
  type SubsidySubject,
  type SubsidyTotals,
  type User,
  type benefitCategoryBodySchema,
  can,
  type Capability,
} from '@eldercare/shared';
import type { z } from 'zod';
import type { Clock } from '../../clock.js';
import { conflict, forbidden, invalidField, notFound } from '../../http/errors.js';
import type { RegisterAudit } from '../audit/register-audit.js';
import type { RegionsService } from '../regions/regions.service.js';
import { ageOn, type ResidentsService } from '../residents/residents.service.js';
import { endOfLocalDay, lastDayOfMonth, localDate } from '@eldercare/shared';
import type { CategoryRow, SubjectRow, SubsidiesRepo } from './subsidies.repo.js';

const toCategory = (r: CategoryRow): BenefitCategory => ({
  id: r.id,
  code: r.code,
  name: r.name,
  monthlyCents: r.monthlyCents,
  mealCategory: r.mealCategory,
  rules: r.rules as BenefitCategory['rules'],
  createdAt: r.createdAt.toISOString(),
  retiredAt: r.retiredAt?.toISOString() ?? null,
});
const snapshot = (c: BenefitCategory) => ({
  code: c.code,
  name: c.name,
  monthlyCents: c.monthlyCents,
  mealCategory: c.mealCategory,
  rules: c.rules,
  retiredAt: c.retiredAt,
});
const subjectOf = (r: SubjectRow, day: string): SubsidySubject => ({
  age: ageOn(r.birth_date, new Date(`${day}T00:00:00Z`)),
  grade: r.grade as CapabilityGrade | null,
  economicStatus: r.economic_status as EconomicStatus[],
});

export class SubsidiesService {
  constructor(
    private readonly repo: SubsidiesRepo,
    private readonly residents: ResidentsService,
    private readonly regions: RegionsService,
    private readonly audit: RegisterAudit,
    private readonly clock: Clock,
    private readonly timeZone: (tenantId: string) => string,
  ) {}

  private today(tenantId: string): string {
    return localDate(new Date(this.clock.now()), this.timeZone(tenantId));
  }

  private assert(user: User, capability: Capability): void {
    if (!can(user.role, capability)) throw forbidden();
  }

  async list(user: User, includeRetired = false): Promise<BenefitCategory[]> {
    this.assert(user, 'subsidies.figures');
    return (await this.repo.categories(user.tenantId, includeRetired)).map(toCategory);
  }

  private async get(user: User, id: string): Promise<BenefitCategory> {
    const row = await this.repo.category(user.tenantId, id);
    if (!row) throw notFound('subsidy category');
    return toCategory(row);
  }

  /** A meal category is paid for by at most one category in service (409 naming mealCategory). */
  private async checkMeal(user: User, meal: string | null | undefined, self?: string): Promise<void> {
    if (!meal) return;
    const taken = (await this.repo.categories(user.tenantId, false)).find(
      (c) => c.mealCategory === meal && c.id !== self,
    );
    if (taken)
      throw conflict(`meal category ${meal} is already paid for by ${taken.code}`, [
        { path: 'mealCategory', message: `already paid for by ${taken.code}` },
      ]);
  }

  private async checkCode(user: User, code: string | undefined, self?: string): Promise<void> {
    if (!code) return;
    if ((await this.repo.categories(user.tenantId, true)).some((c) => c.code === code && c.id !== self))
      throw conflict(`a category with code ${code} exists`, [{ path: 'code', message: 'is taken' }]);
  }

  async create(user: User, body: z.output<typeof benefitCategoryBodySchema>): Promise<BenefitCategory> {
    this.assert(user, 'subsidies.write');
    await this.checkCode(user, body.code);
    await this.checkMeal(user, body.mealCategory);
    const created = toCategory(await this.repo.insert({ ...body, tenantId: user.tenantId }));
    await this.audit.record(user, 'subsidy_category', created.id, null, snapshot(created));
    return created;
  }

  async update(user: User, id: string, patch: BenefitCategoryPatch): Promise<BenefitCategory> {
    this.assert(user, 'subsidies.write');
    const before = await this.get(user, id);
    const { retired, ...fields } = patch;
    await this.checkCode(user, fields.code, id);
    const reinstating = retired === false && before.retiredAt !== null;
    if (fields.mealCategory !== undefined || reinstating)
      await this.checkMeal(user, fields.mealCategory !== undefined ? fields.mealCategory : before.mealCategory, id);
    const row = await this.repo.update(user.tenantId, id, {
      ...(fields as Partial<CategoryRow>),
      ...(retired === undefined
        ? {}
        : { retiredAt: retired ? (before.retiredAt ? new Date(before.retiredAt) : new Date(this.clock.now())) : null }),
    });
    const after = toCategory(row!);
    await this.audit.record(user, 'subsidy_category', id, snapshot(before), snapshot(after));
    return after;
  }

  /** The categories an elder is entitled to today, each with the rule that matched and why. */
  async entitlements(user: User, residentId: string): Promise<ResidentEntitlements> {
    await this.residents.get(user, residentId);
    const day = this.today(user.tenantId);
    const until = endOfLocalDay(day, this.timeZone(user.tenantId));
    const [row] = await this.repo.subjects(user.tenantId, day, until, residentId);
    if (!row) throw notFound('resident');
    const s = subjectOf(row, day);
    const list = entitlements((await this.repo.categories(user.tenantId, false)).map(toCategory), s);
    return {
      residentId,
      asOf: day,
      age: s.age,
      grade: s.grade,
      economicStatus: [...s.economicStatus],
      entitlements: list,
      monthlyCents: list.reduce((n, e) => n + e.monthlyCents, 0),
    };
  }

  /** The day a month's entitlements are evaluated on: its last day, or today for the current month. */
  private asOf(tenantId: string, month: string): { day: string; until: Date; from: string; to: string } {
    const today = this.today(tenantId);
    if (month > today.slice(0, 7)) throw invalidField('month', 'is in the future');
    const last = lastDayOfMonth(month);
    const day = last < today ? last : today;
    const until = endOfLocalDay(day, this.timeZone(tenantId));
    return { day, until, from: `${month}-01`, to: day };
  }

  async recipients(user: User, categoryId: string, month?: string): Promise<SubsidyRecipients> {
    this.assert(user, 'subsidies.write');
    const category = await this.get(user, categoryId);
    const b = this.asOf(user.tenantId, month ?? this.today(user.tenantId).slice(0, 7));
    const items: SubsidyRecipients['items'] = [];
    for (const r of await this.repo.subjects(user.tenantId, b.day, b.until)) {
      const s = subjectOf(r, b.day);
      const because = entitlementOf(category, s);
      if (because) items.push({ residentId: r.id, name: r.name, age: s.age, community: r.community, because });
    }
    return { categoryId, asOf: b.day, items };
  }

  /**
   * The month's totals per category and township: elders entitled on the day evaluated and their
   * monthly amount, and the meals served that month under each category's meal subsidy category.
   */
  async totals(user: User, month?: string): Promise<SubsidyTotals> {
    this.assert(user, 'subsidies.figures');
    return this.totalsOf(user, month ?? this.today(user.tenantId).slice(0, 7));
  }

  private async totalsOf(user: User, month: string): Promise<SubsidyTotals> {
    const b = this.asOf(user.tenantId, month);
    const categories = (await this.repo.categories(user.tenantId, false)).map(toCategory);
    const townships = new Map(
      (await this.regions.list(user, { includeRetired: true }))
        .filter((r) => r.level === 'township')
        .map((r) => [r.id, r.name]),
    );
    type Fig = { elders: number; amountCents: number; mealsServed: number; mealSubsidyCents: number };
    const zero = (): Fig => ({ elders: 0, amountCents: 0, mealsServed: 0, mealSubsidyCents: 0 });
    const cells = new Map<string, Fig>();
    const cell = (categoryId: string, townshipId: string | null) => {
      const k = `${categoryId}|${townshipId ?? ''}`;
      let f = cells.get(k);
      if (!f) cells.set(k, (f = zero()));
      return f;
    };
    const entitledElders = new Map<string | null, Set<string>>();
    for (const r of await this.repo.subjects(user.tenantId, b.day, b.until)) {
      const s = subjectOf(r, b.day);
      for (const c of categories) {
        if (!entitlementOf(c, s)) continue;
        const f = cell(c.id, r.township_id);
        f.elders++;
        f.amountCents += c.monthlyCents;
        let set = entitledElders.get(r.township_id);
        if (!set) entitledElders.set(r.township_id, (set = new Set()));
        set.add(r.id);
      }
    }
    const byMeal = new Map(categories.filter((c) => c.mealCategory).map((c) => [c.mealCategory!, c.id]));
    for (const m of await this.repo.meals(user.tenantId, b.from, b.to)) {
      const categoryId = byMeal.get(m.category);
      if (!categoryId) continue;
      const f = cell(categoryId, m.township_id);
      f.mealsServed += m.served;
      f.mealSubsidyCents += m.subsidy;
    }
    const add = (a: Fig, x: Fig): Fig => ({
      elders: a.elders + x.elders,
      amountCents: a.amountCents + x.amountCents,
      mealsServed: a.mealsServed + x.mealsServed,
      mealSubsidyCents: a.mealSubsidyCents + x.mealSubsidyCents,
    });
    const nameOf = (id: string | null) => (id ? (townships.get(id) ?? '') : '');
    const rows = [...cells.entries()].map(([k, f]) => {
      const [categoryId, t] = k.split('|') as [string, string];
      const townshipId = t || null;
      return { categoryId, townshipId, townshipName: nameOf(townshipId), ...f };
    });
    const order = new Map(categories.map((c, i) => [c.id, i]));
    const byName = (a: { townshipId: string | null; townshipName: string }, z: typeof a) =>
      a.townshipId === null ? 1 : z.townshipId === null ? -1 : a.townshipName.localeCompare(z.townshipName, 'zh');
    rows.sort((a, z) => order.get(a.categoryId)! - order.get(z.categoryId)! || byName(a, z));
    const byCategory = categories.map((c) => ({
      categoryId: c.id,
      ...rows.filter((r) => r.categoryId === c.id).reduce(add, zero()),
    }));
    const townshipIds = [...new Set([...townships.keys(), ...rows.map((r) => r.townshipId)])];
    const byTownship = townshipIds
      .map((id) => {
        const f = rows.filter((r) => r.townshipId === id).reduce(add, zero());
        return { townshipId: id, townshipName: nameOf(id), ...f, elders: entitledElders.get(id)?.size ?? 0 };
      })
      .sort(byName);
    const total = { ...byTownship.reduce(add, zero()) };
    return {
      month,
      asOf: b.day,
      categories: categories.map(({ id, code, name, monthlyCents, mealCategory }) => ({
        id,
        code,
        name,
        monthlyCents,
        mealCategory,
      })),
      rows,
      byCategory,
      byTownship,
      total,
    };
  }
}
