/** The rows of meal assistance as the repositories return them, and the SELECTs they share. */
import type { Db } from '../../db/client.js';

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

export const KITCHEN_COLS = `k.id, k.tenant_id, k.name, k.kind, k.address, k.phone, k.communities, k.supplier_id, k.meals,
  k.open_weekdays, k.closed_dates::text[] AS closed_dates, k.prices, k.pickup_until, k.created_at, k.retired_at`;

export const PLAN_SELECT = `SELECT p.id, p.tenant_id, p.resident_id, r.name AS resident_name, r.community, p.kitchen_id,
    k.name AS kitchen_name, p.weekdays, p.meals, p.mode, p.route_id, rt.name AS route_name, p.diets, p.allergies,
    p.door_note, p.subsidy_category, p.elder_price_cents, p.pickup_code, p.start_date::text AS start_date,
    p.end_date::text AS end_date, p.paused_from::text AS paused_from, p.resume_on::text AS resume_on, p.pause_reason,
    p.active, p.created_at
  FROM meal_plans p JOIN residents r ON r.id = p.resident_id JOIN meal_kitchens k ON k.id = p.kitchen_id
  LEFT JOIN meal_routes rt ON rt.id = p.route_id`;

export const ORDER_SELECT = `SELECT o.id, o.tenant_id, o.plan_id, o.resident_id, r.name AS resident_name, r.address, r.phone,
    o.kitchen_id, k.name AS kitchen_name, o.date::text AS date, o.meal, o.mode, o.diets, o.allergies, o.door_note,
    o.subsidy_category, o.full_price_cents, o.elder_price_cents, o.route_id, o.run_id, s.seq AS stop_seq, o.status,
    o.outcome_at, u.name AS outcome_by_name, o.note, o.concern, o.alert_id
  FROM meal_orders o JOIN residents r ON r.id = o.resident_id JOIN meal_kitchens k ON k.id = o.kitchen_id
  LEFT JOIN meal_route_stops s ON s.route_id = o.route_id AND s.resident_id = o.resident_id
  LEFT JOIN users u ON u.id = o.outcome_by`;

export const RUN_SELECT = `SELECT ru.id, ru.tenant_id, ru.route_id, rt.name AS route_name, k.name AS kitchen_name,
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

/** A repository of meal assistance: plain SQL on the pool, rows as the database returns them. */
export abstract class MealsSql {
  protected readonly pool: Db['$client'];
  constructor(db: Db) {
    this.pool = db.$client;
  }

  protected async rows<T extends object>(sql: string, params: unknown[]): Promise<T[]> {
    return (await this.pool.query<T>(sql, params)).rows;
  }
}
