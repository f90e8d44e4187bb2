/** SQL of meal assistance: kitchens, menus, routes and their stops, plans, orders, runs and reports. */
import type pg from 'pg';
import type { Db } from '../../db/client.js';
import type { OrderDraft } from './meal-rules.js';
import { col, jsonCol, setClause } from '../../db/set-clause.js';
import { MEAL_SERVED_SQL } from '../../db/sql-fragments.js';

export interface KitchenRow {
  id: string;
  tenant_id: string;
  name: string;
  kind: string;
  address: string;
  phone: string;
  communities: string[];
  supplier_id: string | null;
  meals: string[];
  open_weekdays: number[];
  closed_dates: string[];
  prices: Record<string, number>;
  pickup_until: Record<string, string>;
  created_at: Date;
  retired_at: Date | null;
}

export interface PlanRow {
  id: string;
  tenant_id: string;
  resident_id: string;
  resident_name: string;
  community: string;
  kitchen_id: string;
  kitchen_name: string;
  weekdays: number[];
  meals: string[];
  mode: string;
  route_id: string | null;
  route_name: string | null;
  diets: string[];
  allergies: string[];
  door_note: string;
  subsidy_category: string;
  elder_price_cents: number;
  pickup_code: string;
  start_date: string;
  end_date: string | null;
  paused_from: string | null;
  resume_on: string | null;
  pause_reason: string;
  active: boolean;
  created_at: Date;
}

export interface OrderRow {
  id: string;
  tenant_id: string;
  plan_id: string;
  resident_id: string;
  resident_name: string;
  address: string;
  phone: string;
  kitchen_id: string;
  kitchen_name: string;
  date: string;
  meal: string;
  mode: string;
  diets: string[];
  allergies: string[];
  door_note: string;
  subsidy_category: string;
  full_price_cents: number;
  elder_price_cents: number;
  route_id: string | null;
  run_id: string | null;
  stop_seq: number | null;
  status: string;
  outcome_at: Date | null;
  outcome_by_name: string | null;
  note: string;
  concern: boolean;
  alert_id: string | null;
}

export interface RunRow {
  id: string;
  tenant_id: string;
  route_id: string;
  route_name: string;
  kitchen_name: string;
  date: string;
  meal: string;
  runner_user_id: string | null;
  runner_name: string | null;
  status: string;
  started_at: Date | null;
  completed_at: Date | null;
  minutes: number | null;
  transfer_id: string | null;
  stop_count: number;
  done_count: number;
}

export interface RouteRow {
  id: string;
  tenant_id: string;
  kitchen_id: string;
  kitchen_name: string;
  name: string;
  runner_user_id: string | null;
  runner_name: string | null;
}

export interface StopRow {
  route_id: string;
  resident_id: string;
  resident_name: string;
  address: string;
  seq: number;
}

const KITCHEN_COLS = `k.id, k.tenant_id, k.name, k.kind, k.address, k.phone, k.communities, k.supplier_id, k.meals,
  k.open_weekdays, k.closed_dates::text[] AS closed_dates, k.prices, k.pickup_until, k.created_at, k.retired_at`;

const PLAN_SELECT = `SELECT p.id, p.tenant_id, p.resident_id, r.name AS resident_name, r.community, p.kitchen_id,
    k.name AS kitchen_name, p.weekdays, p.meals, p.mode, p.route_id, rt.name AS route_name, p.diets, p.allergies,
    p.door_note, p.subsidy_category, p.elder_price_cents, p.pickup_code, p.start_date::text AS start_date,
    p.end_date::text AS end_date, p.paused_from::text AS paused_from, p.resume_on::text AS resume_on, p.pause_reason,
    p.active, p.created_at
  FROM meal_plans p JOIN residents r ON r.id = p.resident_id JOIN meal_kitchens k ON k.id = p.kitchen_id
  LEFT JOIN meal_routes rt ON rt.id = p.route_id`;

const ORDER_SELECT = `SELECT o.id, o.tenant_id, o.plan_id, o.resident_id, r.name AS resident_name, r.address, r.phone,
    o.kitchen_id, k.name AS kitchen_name, o.date::text AS date, o.meal, o.mode, o.diets, o.allergies, o.door_note,
    o.subsidy_category, o.full_price_cents, o.elder_price_cents, o.route_id, o.run_id, s.seq AS stop_seq, o.status,
    o.outcome_at, u.name AS outcome_by_name, o.note, o.concern, o.alert_id
  FROM meal_orders o JOIN residents r ON r.id = o.resident_id JOIN meal_kitchens k ON k.id = o.kitchen_id
  LEFT JOIN meal_route_stops s ON s.route_id = o.route_id AND s.resident_id = o.resident_id
  LEFT JOIN users u ON u.id = o.outcome_by`;

const RUN_SELECT = `SELECT ru.id, ru.tenant_id, ru.route_id, rt.name AS route_name, k.name AS kitchen_name,
    ru.date::text AS date, ru.meal, ru.runner_user_id, u.name AS runner_name, ru.status, ru.started_at,
    ru.completed_at, ru.minutes, ru.transfer_id,
    (SELECT count(*) FROM meal_orders o WHERE o.run_id = ru.id AND o.status <> 'cancelled')::int AS stop_count,
    (SELECT count(*) FROM meal_orders o WHERE o.run_id = ru.id AND o.status NOT IN ('planned','cancelled'))::int
      AS done_count
  FROM meal_runs ru JOIN meal_routes rt ON rt.id = ru.route_id JOIN meal_kitchens k ON k.id = rt.kitchen_id
  LEFT JOIN users u ON u.id = ru.runner_user_id`;

export interface KitchenInsert {
  name: string;
  kind: string;
  address: string;
  phone: string;
  communities: string[];
  supplierId: string | null;
  meals: string[];
  openWeekdays: number[];
  closedDates: string[];
  prices: object;
  pickupUntil: object;
}

export interface PlanInsert {
  residentId: string;
  kitchenId: string;
  weekdays: number[];
  meals: string[];
  mode: string;
  routeId: string | null;
  diets: string[];
  allergies: string[];
  doorNote: string;
  subsidyCategory: string;
  elderPriceCents: number;
  startDate: string;
  endDate: string | null;
}

/** A meal order counted as served (delivered, left at the door, picked up), as `o` in the query. */

export class MealsRepo {
  private readonly pool: pg.Pool;
  constructor(db: Db) {
    this.pool = db.$client;
  }

  private async rows<T extends object>(sql: string, params: unknown[]): Promise<T[]> {
    return (await this.pool.query<T>(sql, params)).rows;
  }

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

  runStops(runId: string): Promise<OrderRow[]> {
    return this.rows(
      `${ORDER_SELECT} WHERE o.run_id = $1 AND o.status <> 'cancelled' ORDER BY s.seq NULLS LAST, r.name`,
      [runId],
    );
  }

  async order(id: string): Promise<OrderRow | undefined> {
    return (await this.rows<OrderRow>(`${ORDER_SELECT} WHERE o.id = $1`, [id]))[0];
  }

  /** Records an outcome once: only a planned order changes, so a double tap cannot record twice. */
  async setOutcome(
    id: string,
    o: { status: string; at: Date; by: string | null; note: string; concern: boolean },
    from: readonly string[] = ['planned'],
  ): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE meal_orders SET status = $2, outcome_at = $3, outcome_by = $4, note = $5, concern = $6
        WHERE id = $1 AND status = ANY($7::text[])`,
      [id, o.status, o.at, o.by, o.note, o.concern, from],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async setOrderAlert(id: string, alertId: string): Promise<void> {
    await this.pool.query(`UPDATE meal_orders SET alert_id = $2 WHERE id = $1`, [id, alertId]);
  }

  /** The planned pick-up of an elder (by resident id or card code) at a meal point on a day. */
  async findPickup(tenantId: string, kitchenId: string, date: string, code: string, meal?: string) {
    return (
      await this.rows<{ id: string }>(
        `SELECT o.id FROM meal_orders o JOIN meal_plans p ON p.id = o.plan_id
          WHERE o.tenant_id = $1 AND o.kitchen_id = $2 AND o.date = $3 AND o.mode = 'pickup'
            AND (o.resident_id::text = lower($4) OR p.pickup_code = upper($4))
            AND ($5::text IS NULL OR o.meal = $5)
          ORDER BY (o.status = 'planned') DESC, array_position(ARRAY['breakfast','lunch','dinner'], o.meal)
          LIMIT 1`,
        [tenantId, kitchenId, date, code, meal ?? null],
      )
    )[0];
  }

  /** Misses and concerns since a time that have no welfare check yet (raising it failed): retried by the job. */
  unalerted(since: Date) {
    return this.rows<{ id: string }>(
      `SELECT id FROM meal_orders
        WHERE alert_id IS NULL AND outcome_at >= $1 AND (status IN ('no_answer','missed') OR concern)`,
      [since],
    );
  }

  /** Planned pick-ups up to a day, with the meal point's closing time for that meal. */
  openPickups(upTo: string) {
    return this.rows<{ id: string; tenant_id: string; date: string; until: string }>(
      `SELECT o.id, o.tenant_id, o.date::text AS date, k.pickup_until ->> o.meal AS until
         FROM meal_orders o JOIN meal_kitchens k ON k.id = o.kitchen_id
        WHERE o.mode = 'pickup' AND o.status = 'planned' AND o.date <= $1`,
      [upTo],
    );
  }

  // ---- runs ------------------------------------------------------------------------------------

  runs(tenantId: string, f: { date?: string; runnerUserId?: string }): Promise<RunRow[]> {
    return this.rows(
      `${RUN_SELECT}
        WHERE ru.tenant_id = $1 AND ($2::date IS NULL OR ru.date = $2) AND ($3::uuid IS NULL OR ru.runner_user_id = $3)
        ORDER BY ru.date DESC, array_position(ARRAY['breakfast','lunch','dinner'], ru.meal), rt.name`,
      [tenantId, f.date ?? null, f.runnerUserId ?? null],
    );
  }

  async run(id: string): Promise<RunRow | undefined> {
    return (await this.rows<RunRow>(`${RUN_SELECT} WHERE ru.id = $1`, [id]))[0];
  }

  async assignRun(id: string, runnerUserId: string | null): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE meal_runs SET runner_user_id = $2 WHERE id = $1 AND status <> 'completed'`,
      [id, runnerUserId],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async startRun(id: string, at: Date): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE meal_runs SET status = 'started', started_at = $2 WHERE id = $1 AND status = 'planned'`,
      [id, at],
    );
    return (r.rowCount ?? 0) > 0;
  }

  /** Completes a run once; a run never started counts from its first recorded stop. */
  async completeRun(id: string, at: Date, minutesOf: (startedAt: Date | null) => number): Promise<boolean> {
    const first = await this.rows<{ started: Date | null }>(
      `SELECT COALESCE(ru.started_at, (SELECT min(o.outcome_at) FROM meal_orders o WHERE o.run_id = ru.id)) AS started
         FROM meal_runs ru WHERE ru.id = $1`,
      [id],
    );
    const started = first[0]?.started ?? null;
    const r = await this.pool.query(
      `UPDATE meal_runs SET status = 'completed', started_at = COALESCE(started_at, $3), completed_at = $2, minutes = $4
        WHERE id = $1 AND status <> 'completed'`,
      [id, at, started, minutesOf(started)],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async setRunTransfer(id: string, transferId: string): Promise<void> {
    await this.pool.query(`UPDATE meal_runs SET transfer_id = $2 WHERE id = $1`, [id, transferId]);
  }

  // ---- people and activity ---------------------------------------------------------------------

  async resident(id: string) {
    return (
      await this.rows<{
        id: string;
        tenant_id: string;
        name: string;
        phone: string;
        address: string;
        community: string;
        institution_id: string | null;
        contacts: { name?: string; relation?: string; phone?: string }[];
      }>(
        `SELECT id, tenant_id, name, phone, address, community, institution_id, contacts FROM residents WHERE id = $1`,
        [id],
      )
    )[0];
  }

  async user(id: string) {
    return (
      await this.rows<{ id: string; tenant_id: string; name: string; role: string }>(
        `SELECT id, tenant_id, name, role FROM users WHERE id = $1`,
        [id],
      )
    )[0];
  }

  /** Users of these roles (those who can run deliveries), volunteers first. */
  runners(tenantId: string, roles: readonly string[]) {
    return this.rows<{ id: string; name: string; role: string }>(
      `SELECT id, name, role FROM users WHERE tenant_id = $1 AND role = ANY($2::text[])
        ORDER BY role = 'volunteer' DESC, name`,
      [tenantId, roles],
    );
  }

  /** The elder's last activity at home (from device events) and whether any sensor could report it. */
  async activity(residentId: string, types: readonly string[]) {
    const r = await this.rows<{ last: Date | null; sensors: number }>(
      `SELECT (SELECT max(e.ts) FROM device_events e WHERE e.resident_id = $1 AND e.type = ANY($2::text[])) AS last,
              (SELECT count(*)::int FROM devices d WHERE d.resident_id = $1
                  AND d.type IN ('motion_sensor','door_sensor','bed_sensor')) AS sensors`,
      [residentId, types],
    );
    return { last: r[0]?.last ?? null, sensors: r[0]?.sensors ?? 0 };
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
