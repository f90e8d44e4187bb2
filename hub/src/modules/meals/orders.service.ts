/**
 * The day's meal orders: generated from the plans (idempotent), listed, turned into kitchen
 * production sheets, and reported (served, diets, subsidies, missed meals).
 */
import type {
  GenerateResult,
  Meal,
  MealOrder,
  MealReport,
  OrderStatus,
  ProductionSheet,
  User,
} from '@eldercare/shared';
import { can } from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import { forbidden, invalidField } from '../../http/errors.js';
import { addDays, localDate } from '@eldercare/shared';
import { ordersFor } from './meal-rules.js';
import { kitchenLike, planLike, productionSheet, toKitchen, toOrder } from './meals.mappers.js';
import type { CatalogRepo } from './catalog.repo.js';
import type { OrdersRepo } from './orders.repo.js';
import { isMealStaff, type MealsService } from './meals.service.js';

export interface OrdersDeps {
  /** The plans and kitchens a day's orders come from. */
  catalog: Pick<CatalogRepo, 'plans' | 'kitchens'>;
  orders: OrdersRepo;
  meals: MealsService;
  clock: Clock;
  log: Logger;
  timeZone(tenantId: string): string;
  tenantIds(): string[];
}

export class OrdersService {
  constructor(private readonly d: OrdersDeps) {}

  private today = (tenantId: string) => localDate(new Date(this.d.clock.now()), this.d.timeZone(tenantId));

  /**
   * Creates a day's orders from the plans, appends new elders to their routes and opens the day's
   * runs. Running it again for the same day creates nothing new (unique plan, day and meal).
   */
  async generate(tenantId: string, date: string): Promise<GenerateResult> {
    const [plans, kitchens] = await Promise.all([
      this.d.catalog.plans(tenantId, { activeOnly: true }),
      this.d.catalog.kitchens(tenantId),
    ]);
    const { orders, skipped } = ordersFor(
      plans.map(planLike),
      new Map(kitchens.map((k) => [k.id, kitchenLike(k)])),
      date,
    );
    const created = await this.d.orders.insertOrders(tenantId, orders);
    const missing = await this.d.orders.missingStops(tenantId, date);
    for (const routeId of new Set(missing.map((m) => m.route_id))) {
      await this.d.meals.appendToRoute(
        routeId,
        missing.filter((m) => m.route_id === routeId).map((m) => m.resident_id),
      );
    }
    const runs = await this.d.orders.ensureRuns(tenantId, date);
    const total = await this.d.orders.countOrders(tenantId, date);
    if (created) this.d.log.info({ date, created, total, runs }, 'meal orders generated');
    return { date, created, total, runs, skipped };
  }

  async generateFor(user: User, date: string): Promise<GenerateResult> {
    if (!isMealStaff(user)) throw forbidden();
    const today = this.today(user.tenantId);
    if (date < addDays(today, -7) || date > addDays(today, 60))
      throw invalidField('date', 'must be from a week back to 60 days ahead');
    return this.generate(user.tenantId, date);
  }

  /** The scheduled job: tomorrow's orders for every district. */
  async generateTomorrow(): Promise<number> {
    let created = 0;
    for (const tenantId of this.d.tenantIds()) {
      created += (await this.generate(tenantId, addDays(this.today(tenantId), 1))).created;
    }
    return created;
  }

  async orders(
    user: User,
    q: { date?: string; kitchenId?: string; meal?: string; status?: string },
  ): Promise<MealOrder[]> {
    if (!isMealStaff(user)) throw forbidden();
    const rows = await this.d.orders.orders(user.tenantId, { ...q, date: q.date ?? this.today(user.tenantId) });
    return rows.map(toOrder);
  }

  async production(user: User, date?: string): Promise<ProductionSheet> {
    if (!isMealStaff(user)) throw forbidden();
    const day = date ?? this.today(user.tenantId);
    const [orders, kitchens] = await Promise.all([
      this.d.orders.orders(user.tenantId, { date: day }),
      this.d.catalog.kitchens(user.tenantId, true),
    ]);
    return productionSheet(day, orders.map(toOrder), kitchens.map(toKitchen));
  }

  /**
   * Meals served between two days (inclusive) and of them those subsidised, with the subsidy: the
   * report's sums without its missed-meal list (no names). What the officials' indicators read.
   */
  async totals(
    tenantId: string,
    from: string,
    to: string,
  ): Promise<{ served: number; subsidised: number; subsidyCents: number }> {
    const rows = await this.d.orders.subsidyTotals(tenantId, from, to);
    return {
      served: rows.reduce((n, s) => n + s.served, 0),
      subsidised: rows.filter((s) => s.category !== 'none').reduce((n, s) => n + s.served, 0),
      subsidyCents: rows.reduce((n, s) => n + s.subsidy, 0),
    };
  }

  async report(user: User, q: { from?: string; to?: string }): Promise<MealReport> {
    if (!can(user.role, 'meals.reports')) throw forbidden();
    const today = this.today(user.tenantId);
    const from = q.from ?? `${today.slice(0, 7)}-01`;
    const to = q.to ?? today;
    if (from > to) throw invalidField('to', 'must be on or after from');
    if (addDays(from, 366) < to)
      throw invalidField('to', 'is more than a year after from (a report covers at most a year)');
    const r = await this.d.orders.report(user.tenantId, from, to);
    const bySubsidy = r.bySubsidy.map((s) => ({
      category: s.category as MealReport['bySubsidy'][number]['category'],
      served: s.served,
      subsidyCents: s.subsidy,
      elderPaidCents: s.paid,
    }));
    return {
      from,
      to,
      served: bySubsidy.reduce((n, s) => n + s.served, 0),
      subsidyCents: bySubsidy.reduce((n, s) => n + s.subsidyCents, 0),
      elderPaidCents: bySubsidy.reduce((n, s) => n + s.elderPaidCents, 0),
      byDay: r.byDay.map((d) => ({
        date: d.date,
        kitchenId: d.kitchen_id,
        kitchenName: d.kitchen_name,
        meal: d.meal as Meal,
        served: d.served,
      })),
      byDiet: r.byDiet,
      bySubsidy,
      missed: r.missed.map((m) => ({
        orderId: m.id,
        date: m.date,
        meal: m.meal as Meal,
        residentId: m.resident_id,
        residentName: m.resident_name,
        kitchenName: m.kitchen_name,
        status: m.status as OrderStatus,
        concern: m.concern,
        alertId: m.alert_id,
        alertStatus: m.alert_status,
        outcome: m.outcome,
      })),
    };
  }
}
