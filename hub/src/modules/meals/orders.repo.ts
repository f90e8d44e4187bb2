/** SQL of the daily orders: generating a day's orders and runs, the order lists and the served-meal reports. */
import type { OrderDraft } from './meal-rules.js';
import { MEAL_SERVED_SQL } from '../../db/sql-fragments.js';
import { MealsSql, ORDER_SELECT, type OrderRow } from './meals.rows.js';

export class OrdersRepo extends MealsSql {
  // ---- orders ----------------------------------------------------------------------------------

  /** Inserts the day's orders; one per (plan, day, meal), so running it again inserts nothing. */
  async insertOrders(tenantId: string, drafts: OrderDraft[]): Promise<number> {
    if (!drafts.length) return 0;
    const r = await this.pool.query(
      `INSERT INTO meal_orders (tenant_id, plan_id, resident_id, kitchen_id, date, meal, mode, diets, allergies, door_note,
                                subsidy_category, full_price_cents, elder_price_cents, route_id)
       SELECT $1, x."planId", x."residentId", x."kitchenId", x.date, x.meal, x.mode,
              ARRAY(SELECT jsonb_array_elements_text(x.diets)), ARRAY(SELECT jsonb_array_elements_text(x.allergies)),
              x."doorNote", x."subsidyCategory", x."fullPriceCents", x."elderPriceCents", x."routeId"
         FROM jsonb_to_recordset($2::jsonb) AS x("planId" uuid, "residentId" uuid, "kitchenId" uuid, date date,
              meal text, mode text, diets jsonb, allergies jsonb, "doorNote" text, "subsidyCategory" text,
              "fullPriceCents" int, "elderPriceCents" int, "routeId" uuid)
       ON CONFLICT (plan_id, date, meal) DO NOTHING`,
      [tenantId, JSON.stringify(drafts)],
    );
    return r.rowCount ?? 0;
  }

  /** Creates the day's runs (one per route and meal, with the route's runner) and links the orders to them. */
  async ensureRuns(tenantId: string, date: string): Promise<number> {
    await this.pool.query(
      `INSERT INTO meal_runs (tenant_id, route_id, date, meal, runner_user_id)
       SELECT DISTINCT o.tenant_id, o.route_id, o.date, o.meal, rt.runner_user_id
         FROM meal_orders o JOIN meal_routes rt ON rt.id = o.route_id
        WHERE o.tenant_id = $1 AND o.date = $2 AND o.mode = 'delivery'
       ON CONFLICT (route_id, date, meal) DO NOTHING`,
      [tenantId, date],
    );
    await this.pool.query(
      `UPDATE meal_orders o SET run_id = ru.id FROM meal_runs ru
        WHERE o.tenant_id = $1 AND o.date = $2 AND o.run_id IS NULL AND o.mode = 'delivery'
          AND ru.route_id = o.route_id AND ru.date = o.date AND ru.meal = o.meal`,
      [tenantId, date],
    );
    const r = await this.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM meal_runs WHERE tenant_id = $1 AND date = $2`,
      [tenantId, date],
    );
    return r[0]!.n;
  }

  /** Residents with delivery orders on the day whose route does not list them yet, oldest plan first. */
  missingStops(tenantId: string, date: string) {
    return this.rows<{ route_id: string; resident_id: string }>(
      `SELECT DISTINCT ON (o.route_id, o.resident_id) o.route_id, o.resident_id, p.created_at
         FROM meal_orders o JOIN meal_plans p ON p.id = o.plan_id
        WHERE o.tenant_id = $1 AND o.date = $2 AND o.route_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM meal_route_stops s WHERE s.route_id = o.route_id AND s.resident_id = o.resident_id)
        ORDER BY o.route_id, o.resident_id, p.created_at`,
      [tenantId, date],
    );
  }

  async countOrders(tenantId: string, date: string): Promise<number> {
    const r = await this.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM meal_orders WHERE tenant_id = $1 AND date = $2 AND status <> 'cancelled'`,
      [tenantId, date],
    );
    return r[0]!.n;
  }

  orders(tenantId: string, f: { date: string; kitchenId?: string; meal?: string; status?: string; runId?: string }) {
    return this.rows<OrderRow>(
      `${ORDER_SELECT}
        WHERE o.tenant_id = $1 AND o.date = $2 AND ($3::uuid IS NULL OR o.kitchen_id = $3)
          AND ($4::text IS NULL OR o.meal = $4) AND ($5::text IS NULL OR o.status = $5)
          AND ($6::uuid IS NULL OR o.run_id = $6)
        ORDER BY k.name, array_position(ARRAY['breakfast','lunch','dinner'], o.meal), o.route_id NULLS LAST,
                 s.seq NULLS LAST, r.name`,
      [tenantId, f.date, f.kitchenId ?? null, f.meal ?? null, f.status ?? null, f.runId ?? null],
    );
  }

  // ---- reports ---------------------------------------------------------------------------------

  /** Meals served between two days (inclusive) per subsidy category: count, subsidy and what elders paid. */
  subsidyTotals(tenantId: string, from: string, to: string) {
    return this.rows<{ category: string; served: number; subsidy: number; paid: number }>(
      `SELECT o.subsidy_category AS category, count(*)::int AS served,
              sum(o.full_price_cents - o.elder_price_cents)::int AS subsidy, sum(o.elder_price_cents)::int AS paid
         FROM meal_orders o WHERE o.tenant_id = $1 AND o.date BETWEEN $2 AND $3 AND ${MEAL_SERVED_SQL}
        GROUP BY 1 ORDER BY 1`,
      [tenantId, from, to],
    );
  }

  async report(tenantId: string, from: string, to: string) {
    const served = MEAL_SERVED_SQL;
    const p = [tenantId, from, to];
    const where = `o.tenant_id = $1 AND o.date BETWEEN $2 AND $3`;
    const [byDay, byDiet, bySubsidy, missed] = await Promise.all([
      this.rows<{ date: string; kitchen_id: string; kitchen_name: string; meal: string; served: number }>(
        `SELECT o.date::text AS date, o.kitchen_id, k.name AS kitchen_name, o.meal, count(*)::int AS served
           FROM meal_orders o JOIN meal_kitchens k ON k.id = o.kitchen_id
          WHERE ${where} AND ${served}
          GROUP BY o.date, o.kitchen_id, k.name, o.meal
          ORDER BY o.date, k.name, array_position(ARRAY['breakfast','lunch','dinner'], o.meal)`,
        p,
      ),
      this.rows<{ diet: string; served: number }>(
        `SELECT COALESCE(NULLIF(array_to_string(o.diets, '+'), ''), 'regular') AS diet, count(*)::int AS served
           FROM meal_orders o WHERE ${where} AND ${served} GROUP BY 1 ORDER BY 2 DESC, 1`,
        p,
      ),
      this.subsidyTotals(tenantId, from, to),
      this.rows<{
        id: string;
        date: string;
        meal: string;
        resident_id: string;
        resident_name: string;
        kitchen_name: string;
        status: string;
        concern: boolean;
        alert_id: string | null;
        alert_status: string | null;
        outcome: string | null;
      }>(
        `SELECT o.id, o.date::text AS date, o.meal, o.resident_id, r.name AS resident_name, k.name AS kitchen_name,
                o.status, o.concern, o.alert_id, a.status AS alert_status, a.outcome
           FROM meal_orders o JOIN residents r ON r.id = o.resident_id JOIN meal_kitchens k ON k.id = o.kitchen_id
           LEFT JOIN alerts a ON a.id = o.alert_id
          WHERE ${where} AND (o.status IN ('no_answer','missed') OR o.concern)
          ORDER BY o.date DESC, o.outcome_at DESC NULLS LAST`,
        p,
      ),
    ]);
    return { byDay, byDiet, bySubsidy, missed };
  }
}
