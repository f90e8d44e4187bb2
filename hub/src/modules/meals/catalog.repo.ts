/** SQL of the meal catalogue: kitchens and menus, routes and their stops, plans (and the orders a pause cancels). */
import { col, jsonCol, setClause } from '../../db/set-clause.js';
import {
  KITCHEN_COLS,
  MealsSql,
  PLAN_SELECT,
  type KitchenInsert,
  type KitchenRow,
  type PlanInsert,
  type PlanRow,
  type RouteRow,
  type StopRow,
} from './meals.rows.js';

export class CatalogRepo extends MealsSql {
  // ---- kitchens and menus ----------------------------------------------------------------------

  /** The tenant's kitchens in service; retired ones too with `includeRetired`. */
  kitchens(tenantId: string, includeRetired = false): Promise<KitchenRow[]> {
    return this.rows(
      `SELECT ${KITCHEN_COLS} FROM meal_kitchens k WHERE k.tenant_id = $1 AND ($2 OR k.retired_at IS NULL)
       ORDER BY k.kind, k.name`,
      [tenantId, includeRetired],
    );
  }

  async setKitchenRetired(id: string, retiredAt: Date | null): Promise<void> {
    await this.pool.query(`UPDATE meal_kitchens SET retired_at = $2 WHERE id = $1`, [id, retiredAt]);
  }

  /** Plans still running on a kitchen (active, not ended before `today`). */
  async runningPlansOf(kitchenId: string, today: string): Promise<number> {
    const r = await this.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM meal_plans WHERE kitchen_id = $1 AND active AND (end_date IS NULL OR end_date >= $2)`,
      [kitchenId, today],
    );
    return r[0]!.n;
  }

  async kitchen(id: string): Promise<KitchenRow | undefined> {
    return (await this.rows<KitchenRow>(`SELECT ${KITCHEN_COLS} FROM meal_kitchens k WHERE k.id = $1`, [id]))[0];
  }

  async insertKitchen(tenantId: string, k: KitchenInsert): Promise<string> {
    const r = await this.rows<{ id: string }>(
      `INSERT INTO meal_kitchens (tenant_id, name, kind, address, phone, communities, supplier_id, meals, open_weekdays,
                                  closed_dates, prices, pickup_until)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10::date[],$11,$12) RETURNING id`,
      [
        tenantId,
        k.name,
        k.kind,
        k.address,
        k.phone,
        k.communities,
        k.supplierId,
        k.meals,
        k.openWeekdays,
        k.closedDates,
        JSON.stringify(k.prices),
        JSON.stringify(k.pickupUntil),
      ],
    );
    return r[0]!.id;
  }

  /** Changes only the fields given (a PATCH keeps what it was not sent). */
  async updateKitchen(id: string, k: Partial<KitchenInsert>): Promise<void> {
    const set = setClause(
      {
        name: col(k.name),
        kind: col(k.kind),
        address: col(k.address),
        phone: col(k.phone),
        communities: col(k.communities),
        supplier_id: col(k.supplierId),
        meals: col(k.meals),
        open_weekdays: col(k.openWeekdays),
        closed_dates: col(k.closedDates, '::date[]'),
        prices: jsonCol(k.prices),
        pickup_until: jsonCol(k.pickupUntil),
      },
      2,
    );
    if (set.sql) await this.pool.query(`UPDATE meal_kitchens SET ${set.sql} WHERE id = $1`, [id, ...set.values]);
  }

  async upsertMenu(kitchenId: string, date: string, meal: string, items: string[], dietNotes: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO meal_menus (kitchen_id, date, meal, items, diet_notes) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (kitchen_id, date, meal) DO UPDATE SET items = EXCLUDED.items, diet_notes = EXCLUDED.diet_notes`,
      [kitchenId, date, meal, items, dietNotes],
    );
  }

  menus(tenantId: string, from: string, to: string, kitchenId?: string) {
    return this.rows<{ kitchen_id: string; date: string; meal: string; items: string[]; diet_notes: string }>(
      `SELECT m.kitchen_id, m.date::text AS date, m.meal, m.items, m.diet_notes
         FROM meal_menus m JOIN meal_kitchens k ON k.id = m.kitchen_id
        WHERE k.tenant_id = $1 AND m.date BETWEEN $2 AND $3 AND ($4::uuid IS NULL OR m.kitchen_id = $4)
        ORDER BY m.date, m.kitchen_id, array_position(ARRAY['breakfast','lunch','dinner'], m.meal)`,
      [tenantId, from, to, kitchenId ?? null],
    );
  }

  // ---- routes and stops ------------------------------------------------------------------------

  routes(tenantId: string): Promise<RouteRow[]> {
    return this.rows(
      `SELECT rt.id, rt.tenant_id, rt.kitchen_id, k.name AS kitchen_name, rt.name, rt.runner_user_id, u.name AS runner_name
         FROM meal_routes rt JOIN meal_kitchens k ON k.id = rt.kitchen_id LEFT JOIN users u ON u.id = rt.runner_user_id
        WHERE rt.tenant_id = $1 ORDER BY k.name, rt.name`,
      [tenantId],
    );
  }

  async route(id: string): Promise<RouteRow | undefined> {
    return (
      await this.rows<RouteRow>(
        `SELECT rt.id, rt.tenant_id, rt.kitchen_id, k.name AS kitchen_name, rt.name, rt.runner_user_id, u.name AS runner_name
           FROM meal_routes rt JOIN meal_kitchens k ON k.id = rt.kitchen_id LEFT JOIN users u ON u.id = rt.runner_user_id
          WHERE rt.id = $1`,
        [id],
      )
    )[0];
  }

  async insertRoute(tenantId: string, kitchenId: string, name: string, runnerUserId: string | null): Promise<string> {
    const r = await this.rows<{ id: string }>(
      `INSERT INTO meal_routes (tenant_id, kitchen_id, name, runner_user_id) VALUES ($1,$2,$3,$4) RETURNING id`,
      [tenantId, kitchenId, name, runnerUserId],
    );
    return r[0]!.id;
  }

  async updateRoute(id: string, r: { name?: string; runnerUserId?: string | null }): Promise<void> {
    const set = setClause({ name: col(r.name), runner_user_id: col(r.runnerUserId) }, 2);
    if (set.sql) await this.pool.query(`UPDATE meal_routes SET ${set.sql} WHERE id = $1`, [id, ...set.values]);
  }

  stops(routeIds: string[]): Promise<StopRow[]> {
    return this.rows(
      `SELECT s.route_id, s.resident_id, r.name AS resident_name, r.address, s.seq
         FROM meal_route_stops s JOIN residents r ON r.id = s.resident_id
        WHERE s.route_id = ANY($1::uuid[]) ORDER BY s.route_id, s.seq`,
      [routeIds],
    );
  }

  async insertStops(routeId: string, stops: { residentId: string; seq: number }[]): Promise<void> {
    if (!stops.length) return;
    await this.pool.query(
      `INSERT INTO meal_route_stops (route_id, resident_id, seq)
       SELECT $1, x.rid, x.seq FROM unnest($2::uuid[], $3::int[]) AS x(rid, seq)
       ON CONFLICT (route_id, resident_id) DO NOTHING`,
      [routeId, stops.map((s) => s.residentId), stops.map((s) => s.seq)],
    );
  }

  /** Renumbers a route's stops 1…n in the given order, in one statement. */
  async setStopOrder(routeId: string, residentIds: string[]): Promise<void> {
    await this.pool.query(
      `UPDATE meal_route_stops s SET seq = x.ord
         FROM unnest($2::uuid[]) WITH ORDINALITY AS x(rid, ord)
        WHERE s.route_id = $1 AND s.resident_id = x.rid`,
      [routeId, residentIds],
    );
  }

  // ---- plans -----------------------------------------------------------------------------------

  plans(tenantId: string, f: { residentId?: string; kitchenId?: string; routeId?: string; activeOnly?: boolean }) {
    return this.rows<PlanRow>(
      `${PLAN_SELECT}
        WHERE p.tenant_id = $1 AND ($2::uuid IS NULL OR p.resident_id = $2) AND ($3::uuid IS NULL OR p.kitchen_id = $3)
          AND ($4::uuid IS NULL OR p.route_id = $4) AND (NOT $5 OR p.active)
        ORDER BY p.active DESC, r.community, r.name, p.created_at`,
      [tenantId, f.residentId ?? null, f.kitchenId ?? null, f.routeId ?? null, f.activeOnly ?? false],
    );
  }

  async plan(id: string): Promise<PlanRow | undefined> {
    return (await this.rows<PlanRow>(`${PLAN_SELECT} WHERE p.id = $1`, [id]))[0];
  }

  async insertPlan(tenantId: string, p: PlanInsert, code: string): Promise<string | null> {
    const r = await this.rows<{ id: string }>(
      `INSERT INTO meal_plans (tenant_id, resident_id, kitchen_id, weekdays, meals, mode, route_id, diets, allergies,
                               door_note, subsidy_category, elder_price_cents, pickup_code, start_date, end_date)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)
       ON CONFLICT (tenant_id, pickup_code) DO NOTHING RETURNING id`,
      [
        tenantId,
        p.residentId,
        p.kitchenId,
        p.weekdays,
        p.meals,
        p.mode,
        p.routeId,
        p.diets,
        p.allergies,
        p.doorNote,
        p.subsidyCategory,
        p.elderPriceCents,
        code,
        p.startDate,
        p.endDate,
      ],
    );
    return r[0]?.id ?? null;
  }

  /** Changes only the fields given (a PATCH keeps what it was not sent). */
  async updatePlan(
    id: string,
    p: Partial<Omit<PlanInsert, 'residentId'> & { active: boolean }>,
    at: Date,
  ): Promise<void> {
    const set = setClause(
      {
        kitchen_id: col(p.kitchenId),
        weekdays: col(p.weekdays),
        meals: col(p.meals),
        mode: col(p.mode),
        route_id: col(p.routeId),
        diets: col(p.diets),
        allergies: col(p.allergies),
        door_note: col(p.doorNote),
        subsidy_category: col(p.subsidyCategory),
        elder_price_cents: col(p.elderPriceCents),
        start_date: col(p.startDate),
        end_date: col(p.endDate),
        active: col(p.active),
        updated_at: col(at),
      },
      2,
    );
    await this.pool.query(`UPDATE meal_plans SET ${set.sql} WHERE id = $1`, [id, ...set.values]);
  }

  async setPause(id: string, from: string | null, resumeOn: string | null, reason: string, at: Date): Promise<void> {
    await this.pool.query(
      `UPDATE meal_plans SET paused_from = $2, resume_on = $3, pause_reason = $4, updated_at = $5 WHERE id = $1`,
      [id, from, resumeOn, reason, at],
    );
  }

  /** Planned orders of a plan from a day on are cancelled (a pause or an end that starts now). */
  async cancelPlannedOrders(planId: string, from: string, until: string | null): Promise<number> {
    const r = await this.pool.query(
      `UPDATE meal_orders SET status = 'cancelled'
        WHERE plan_id = $1 AND status = 'planned' AND date >= $2 AND ($3::date IS NULL OR date < $3)`,
      [planId, from, until],
    );
    return r.rowCount ?? 0;
  }
}
