/**
 * Meal assistance catalogue: kitchens and meal points, daily menus, delivery routes with their stable
 * stop order, and elders' meal plans with pauses that end by themselves. Coordinators and admins only.
 */
import { randomInt } from 'node:crypto';
import type {
  DeliveryRoute,
  Kitchen,
  Menu,
  MealPlan,
  Runner,
  User,
  kitchenBodySchema,
  mealPlanBodySchema,
  mealPlanPatchSchema,
  menuBodySchema,
  pauseBodySchema,
  routeBodySchema,
  routePatchSchema,
} from '@eldercare/shared';
import { can, rolesWith } from '@eldercare/shared';
import type { z } from 'zod';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import {
  badReference,
  badRequest,
  conflict,
  forbidden,
  invalidField,
  notFound,
  referenced,
} from '../../http/errors.js';
import { localDate } from '@eldercare/shared';
import { appendStops, pickupCode, reorderStops } from './meal-rules.js';
import { toKitchen, toPlan } from './meals.mappers.js';
import type { KitchenInsert, PlanInsert, PlanRow } from './meals.rows.js';
import type { CatalogRepo } from './catalog.repo.js';
import type { MealPeopleRepo } from './meal-people.repo.js';
import type { RegisterAudit } from '../audit/register-audit.js';

export const isMealStaff = (u: User) => can(u.role, 'meals.manage');

export interface MealsDeps {
  catalog: CatalogRepo;
  people: Pick<MealPeopleRepo, 'user' | 'runners' | 'resident'>;
  clock: Clock;
  log: Logger;
  timeZone(tenantId: string): string;
  /** Every change to kitchens, menus, routes and plans is recorded here. */
  audit: RegisterAudit;
}

export class MealsService {
  constructor(private readonly d: MealsDeps) {}

  private now = () => new Date(this.d.clock.now());
  timeZone = (tenantId: string) => this.d.timeZone(tenantId);
  today = (tenantId: string) => localDate(this.now(), this.d.timeZone(tenantId));

  /** Records the change in the register audit and passes the new state on. */
  private async recorded<T extends object>(
    user: User,
    entity: 'kitchen' | 'menu' | 'meal_route' | 'meal_plan',
    id: string,
    before: object | null,
    after: T,
  ): Promise<T> {
    await this.d.audit.record(
      user,
      entity,
      id,
      before as Record<string, unknown> | null,
      after as Record<string, unknown>,
    );
    return after;
  }

  private staff(user: User): void {
    if (!isMealStaff(user)) throw forbidden();
  }

  // ---- kitchens and menus ----------------------------------------------------------------------

  async kitchens(user: User, includeRetired = false): Promise<Kitchen[]> {
    return (await this.d.catalog.kitchens(user.tenantId, includeRetired)).map(toKitchen);
  }

  /** Retires a kitchen (409 while meal plans still run on it) or puts it back in service. */
  async setKitchenRetired(user: User, id: string, retired: boolean): Promise<Kitchen> {
    this.staff(user);
    const row = await this.kitchenRow(user, id);
    if (retired === !!row.retired_at) return toKitchen(row);
    if (retired && (await this.d.catalog.runningPlansOf(id, this.today(user.tenantId))) > 0)
      throw conflict('meal plans still run on this kitchen: end or move them before retiring it');
    await this.d.catalog.setKitchenRetired(id, retired ? this.now() : null);
    return this.recorded(user, 'kitchen', id, toKitchen(row), toKitchen((await this.d.catalog.kitchen(id))!));
  }

  async kitchenRow(user: User, id: string) {
    const k = await this.d.catalog.kitchen(id);
    if (!k || k.tenant_id !== user.tenantId) throw notFound('kitchen');
    return k;
  }

  private async checkSupplier(user: User, supplierId: string | null, self?: string): Promise<void> {
    if (!supplierId) return;
    if (supplierId === self) throw invalidField('supplierId', 'cannot be the kitchen itself');
    const s = await this.d.catalog.kitchen(supplierId);
    if (!s || s.tenant_id !== user.tenantId || s.kind !== 'central_kitchen')
      throw badReference('supplierId', 'must be a central kitchen of this district');
  }

  async createKitchen(user: User, b: z.output<typeof kitchenBodySchema>): Promise<Kitchen> {
    this.staff(user);
    await this.checkSupplier(user, b.supplierId);
    const id = await this.d.catalog.insertKitchen(user.tenantId, b as KitchenInsert);
    return this.recorded(user, 'kitchen', id, null, toKitchen((await this.d.catalog.kitchen(id))!));
  }

  async updateKitchen(user: User, id: string, patch: Partial<z.output<typeof kitchenBodySchema>>): Promise<Kitchen> {
    this.staff(user);
    const cur = toKitchen(await this.kitchenRow(user, id));
    const next = { ...cur, ...patch };
    await this.checkSupplier(user, next.supplierId, id);
    await this.d.catalog.updateKitchen(id, patch);
    return this.recorded(user, 'kitchen', id, cur, toKitchen((await this.d.catalog.kitchen(id))!));
  }

  async menus(user: User, q: { from?: string; to?: string; kitchenId?: string }): Promise<Menu[]> {
    const from = q.from ?? this.today(user.tenantId);
    const rows = await this.d.catalog.menus(user.tenantId, from, q.to ?? from, q.kitchenId);
    return rows.map((m) => ({
      kitchenId: m.kitchen_id,
      date: m.date,
      meal: m.meal as Menu['meal'],
      items: m.items,
      dietNotes: m.diet_notes,
    }));
  }

  async setMenu(
    user: User,
    kitchenId: string,
    date: string,
    meal: Menu['meal'],
    b: z.output<typeof menuBodySchema>,
  ): Promise<Menu> {
    this.staff(user);
    const k = await this.kitchenRow(user, kitchenId);
    if (!k.meals.includes(meal)) throw badRequest(`${k.name} does not serve ${meal}`);
    const [prev] = (await this.menus(user, { from: date, to: date, kitchenId })).filter((m) => m.meal === meal);
    await this.d.catalog.upsertMenu(kitchenId, date, meal, b.items, b.dietNotes);
    const menu = { kitchenId, date, meal, items: b.items, dietNotes: b.dietNotes };
    return this.recorded(user, 'menu', `${kitchenId}/${date}/${meal}`, prev ?? null, menu);
  }

  // ---- routes ----------------------------------------------------------------------------------

  private async checkRunner(user: User, runnerUserId: string | null): Promise<void> {
    if (!runnerUserId) return;
    const u = await this.d.people.user(runnerUserId);
    if (!u || u.tenant_id !== user.tenantId || !can(u.role, 'meals.run'))
      throw badReference('runnerUserId', 'must be a volunteer, coordinator or admin of this district');
  }

  /** Who can be assigned to a route or run. */
  async runners(user: User): Promise<Runner[]> {
    this.staff(user);
    return (await this.d.people.runners(user.tenantId, rolesWith('meals.run'))).map((u) => ({
      id: u.id,
      name: u.name,
      role: u.role as Runner['role'],
    }));
  }

  async routes(user: User): Promise<DeliveryRoute[]> {
    this.staff(user);
    const routes = await this.d.catalog.routes(user.tenantId);
    const stops = await this.d.catalog.stops(routes.map((r) => r.id));
    return routes.map((r) => ({
      id: r.id,
      kitchenId: r.kitchen_id,
      kitchenName: r.kitchen_name,
      name: r.name,
      runnerUserId: r.runner_user_id,
      runnerName: r.runner_name,
      stops: stops
        .filter((s) => s.route_id === r.id)
        .map((s) => ({ residentId: s.resident_id, residentName: s.resident_name, address: s.address, seq: s.seq })),
    }));
  }

  private async route(user: User, id: string): Promise<DeliveryRoute> {
    const r = (await this.routes(user)).find((x) => x.id === id);
    if (!r) throw notFound('route');
    return r;
  }

  async createRoute(user: User, b: z.output<typeof routeBodySchema>): Promise<DeliveryRoute> {
    this.staff(user);
    await referenced('kitchenId', this.kitchenRow(user, b.kitchenId));
    await this.checkRunner(user, b.runnerUserId);
    const id = await this.d.catalog.insertRoute(user.tenantId, b.kitchenId, b.name, b.runnerUserId);
    return this.recorded(user, 'meal_route', id, null, await this.route(user, id));
  }

  async updateRoute(user: User, id: string, b: z.output<typeof routePatchSchema>): Promise<DeliveryRoute> {
    const cur = await this.route(user, id);
    if (b.runnerUserId !== undefined) await this.checkRunner(user, b.runnerUserId);
    await this.d.catalog.updateRoute(cur.id, b);
    return this.recorded(user, 'meal_route', id, cur, await this.route(user, id));
  }

  /** Puts the named elders first in that order; the rest keep their order after them. */
  async reorderStops(user: User, id: string, residentIds: string[]): Promise<DeliveryRoute> {
    const cur = await this.route(user, id);
    const order = reorderStops(
      cur.stops.map((s) => s.residentId),
      residentIds,
    );
    if ('error' in order) throw badRequest(order.error);
    await this.d.catalog.setStopOrder(id, order);
    return this.recorded(user, 'meal_route', id, cur, await this.route(user, id));
  }

  /** Appends elders to routes they are not on yet (new elders go last; nobody else moves). */
  async appendToRoute(routeId: string, residentIds: string[]): Promise<void> {
    const existing = await this.d.catalog.stops([routeId]);
    const add = appendStops(
      existing.map((s) => ({ residentId: s.resident_id, seq: s.seq })),
      residentIds,
    );
    await this.d.catalog.insertStops(routeId, add);
  }

  // ---- plans -----------------------------------------------------------------------------------

  async plans(user: User, q: { residentId?: string; kitchenId?: string; routeId?: string }): Promise<MealPlan[]> {
    this.staff(user);
    const today = this.today(user.tenantId);
    return (await this.d.catalog.plans(user.tenantId, q)).map((p) => toPlan(p, today));
  }

  private async planRow(user: User, id: string): Promise<PlanRow> {
    this.staff(user);
    const p = await this.d.catalog.plan(id);
    if (!p || p.tenant_id !== user.tenantId) throw notFound('meal plan');
    return p;
  }

  /** Checks a plan's references: a home elder, a kitchen serving its meals, a route of that kitchen for delivery. */
  private async checkPlan(user: User, p: PlanInsert): Promise<void> {
    const r = await this.d.people.resident(p.residentId);
    if (!r || r.tenant_id !== user.tenantId) throw badReference('residentId', 'is not a resident of this district');
    if (r.institution_id)
      throw invalidField('residentId', 'lives in a care institution: fed on site, not by a meal plan');
    const k = await this.kitchenRow(user, p.kitchenId).catch(() => {
      throw badReference('kitchenId', 'is not a kitchen of this district');
    });
    if (k.retired_at) throw badRequest('kitchenId: that kitchen is retired');
    const missing = p.meals.filter((m) => !k.meals.includes(m));
    if (missing.length) throw badRequest(`${k.name} does not serve ${missing.join(', ')}`);
    if (p.mode === 'delivery') {
      if (!p.routeId) throw invalidField('routeId', 'is required for home delivery (the delivery route)');
      const route = await this.d.catalog.route(p.routeId);
      if (!route || route.tenant_id !== user.tenantId || route.kitchen_id !== p.kitchenId)
        throw badReference('routeId', 'must be a delivery route of the same kitchen');
    }
    if (p.endDate && p.endDate < p.startDate) throw invalidField('endDate', 'must be on or after startDate');
  }

  async createPlan(user: User, b: z.output<typeof mealPlanBodySchema>): Promise<MealPlan> {
    this.staff(user);
    const p: PlanInsert = {
      ...b,
      routeId: b.mode === 'delivery' ? b.routeId : null,
      startDate: b.startDate ?? this.today(user.tenantId),
    };
    await this.checkPlan(user, p);
    let id: string | null = null;
    for (let i = 0; !id && i < 5; i++)
      id = await this.d.catalog.insertPlan(
        user.tenantId,
        p,
        pickupCode(() => randomInt(1 << 30) / (1 << 30)),
      );
    if (!id) throw conflict('could not allot a pick-up code; try again');
    if (p.routeId) await this.appendToRoute(p.routeId, [p.residentId]);
    this.d.log.info({ planId: id, mode: p.mode }, 'meal plan created');
    return this.recorded(
      user,
      'meal_plan',
      id,
      null,
      toPlan((await this.d.catalog.plan(id))!, this.today(user.tenantId)),
    );
  }

  async updatePlan(user: User, id: string, patch: z.output<typeof mealPlanPatchSchema>): Promise<MealPlan> {
    const cur = toPlan(await this.planRow(user, id), this.today(user.tenantId));
    const next = { ...cur, ...patch, residentId: cur.residentId };
    // A pick-up plan has no delivery route.
    const change = next.mode === 'pickup' && next.routeId !== null ? { ...patch, routeId: null } : patch;
    if (next.mode === 'pickup') next.routeId = null;
    await this.checkPlan(user, { ...next, startDate: next.startDate });
    await this.d.catalog.updatePlan(id, change, this.now());
    if (next.routeId) await this.appendToRoute(next.routeId, [next.residentId]);
    if (patch.active === false) await this.d.catalog.cancelPlannedOrders(id, this.today(user.tenantId), null);
    return this.recorded(
      user,
      'meal_plan',
      id,
      cur,
      toPlan((await this.d.catalog.plan(id))!, this.today(user.tenantId)),
    );
  }

  /** Pauses meals (a hospital stay) until `resumeOn`, when they start again by themselves. */
  async pause(user: User, id: string, b: z.output<typeof pauseBodySchema>): Promise<MealPlan> {
    const today = this.today(user.tenantId);
    const cur = toPlan(await this.planRow(user, id), today);
    const from = b.from ?? today;
    if (b.resumeOn <= from) throw invalidField('resumeOn', 'must be after the first paused day');
    await this.d.catalog.setPause(id, from, b.resumeOn, b.reason, this.now());
    const cancelled = await this.d.catalog.cancelPlannedOrders(id, from, b.resumeOn);
    this.d.log.info({ planId: id, cancelled }, 'meal plan paused');
    return this.recorded(user, 'meal_plan', id, cur, toPlan((await this.d.catalog.plan(id))!, today));
  }

  /** Ends a pause now (back from hospital early). Orders for today come with the next generation. */
  async resume(user: User, id: string): Promise<MealPlan> {
    const cur = toPlan(await this.planRow(user, id), this.today(user.tenantId));
    await this.d.catalog.setPause(id, null, null, '', this.now());
    return this.recorded(
      user,
      'meal_plan',
      id,
      cur,
      toPlan((await this.d.catalog.plan(id))!, this.today(user.tenantId)),
    );
  }
}
