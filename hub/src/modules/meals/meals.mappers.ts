/** Rows to API shapes, and the pure production sheet and report CSV built from them. */
import {
  MEALS,
  type Diet,
  type Kitchen,
  type Meal,
  type MealMode,
  type MealOrder,
  type MealPlan,
  type MealReport,
  type MealRun,
  type OrderStatus,
  type ProductionSheet,
  type SubsidyCategory,
} from '@eldercare/shared';
import { cell } from '../timebank/statement.js';
import { dietKey, isPaused, type KitchenLike, type PlanLike } from './meal-rules.js';
import type { KitchenRow, OrderRow, PlanRow, RunRow } from './meals.rows.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toKitchen(k: KitchenRow): Kitchen {
  return {
    id: k.id,
    name: k.name,
    kind: k.kind as Kitchen['kind'],
    address: k.address,
    phone: k.phone,
    communities: k.communities,
    supplierId: k.supplier_id,
    meals: k.meals as Meal[],
    openWeekdays: k.open_weekdays,
    closedDates: k.closed_dates,
    prices: k.prices as Kitchen['prices'],
    pickupUntil: k.pickup_until as Kitchen['pickupUntil'],
    createdAt: k.created_at.toISOString(),
    retiredAt: k.retired_at?.toISOString() ?? null,
  };
}

export const kitchenLike = (k: KitchenRow): KitchenLike => ({
  id: k.id,
  meals: k.meals as Meal[],
  openWeekdays: k.open_weekdays,
  closedDates: k.closed_dates,
  prices: k.prices as Record<Meal, number>,
});

export const planLike = (p: PlanRow): PlanLike => ({
  id: p.id,
  residentId: p.resident_id,
  kitchenId: p.kitchen_id,
  weekdays: p.weekdays,
  meals: p.meals as Meal[],
  mode: p.mode as MealMode,
  routeId: p.route_id,
  diets: p.diets as Diet[],
  allergies: p.allergies,
  doorNote: p.door_note,
  subsidyCategory: p.subsidy_category,
  elderPriceCents: p.elder_price_cents,
  startDate: p.start_date,
  endDate: p.end_date,
  pausedFrom: p.paused_from,
  resumeOn: p.resume_on,
  active: p.active,
});

export function toPlan(p: PlanRow, today: string): MealPlan {
  return {
    id: p.id,
    residentId: p.resident_id,
    residentName: p.resident_name,
    community: p.community,
    kitchenId: p.kitchen_id,
    kitchenName: p.kitchen_name,
    weekdays: p.weekdays,
    meals: p.meals as Meal[],
    mode: p.mode as MealMode,
    routeId: p.route_id,
    routeName: p.route_name,
    diets: p.diets as Diet[],
    allergies: p.allergies,
    doorNote: p.door_note,
    subsidyCategory: p.subsidy_category as SubsidyCategory,
    elderPriceCents: p.elder_price_cents,
    pickupCode: p.pickup_code,
    startDate: p.start_date,
    endDate: p.end_date,
    // A pause that has ended is not shown any more: the plan resumed by itself.
    pausedFrom: p.resume_on && p.resume_on > today ? p.paused_from : null,
    resumeOn: p.resume_on && p.resume_on > today ? p.resume_on : null,
    pauseReason: p.resume_on && p.resume_on > today ? p.pause_reason : '',
    paused: isPaused({ pausedFrom: p.paused_from, resumeOn: p.resume_on }, today),
    active: p.active,
    createdAt: p.created_at.toISOString(),
  };
}

export function toOrder(o: OrderRow): MealOrder {
  return {
    id: o.id,
    planId: o.plan_id,
    residentId: o.resident_id,
    residentName: o.resident_name,
    address: o.address,
    phone: o.phone,
    kitchenId: o.kitchen_id,
    kitchenName: o.kitchen_name,
    date: o.date,
    meal: o.meal as Meal,
    mode: o.mode as MealMode,
    diets: o.diets as Diet[],
    allergies: o.allergies,
    doorNote: o.door_note,
    subsidyCategory: o.subsidy_category as SubsidyCategory,
    fullPriceCents: o.full_price_cents,
    elderPriceCents: o.elder_price_cents,
    routeId: o.route_id,
    runId: o.run_id,
    stopSeq: o.stop_seq,
    status: o.status as OrderStatus,
    outcomeAt: iso(o.outcome_at),
    outcomeByName: o.outcome_by_name,
    note: o.note,
    concern: o.concern,
    alertId: o.alert_id,
  };
}

export function toRun(r: RunRow): MealRun {
  return {
    id: r.id,
    routeId: r.route_id,
    routeName: r.route_name,
    kitchenName: r.kitchen_name,
    date: r.date,
    meal: r.meal as Meal,
    runnerUserId: r.runner_user_id,
    runnerName: r.runner_name,
    status: r.status as MealRun['status'],
    startedAt: iso(r.started_at),
    completedAt: iso(r.completed_at),
    minutes: r.minutes,
    transferId: r.transfer_id,
    stopCount: r.stop_count,
    doneCount: r.done_count,
  };
}

/**
 * What each kitchen cooks on a day: counts per meal and diet combination, delivery vs pick-up, and
 * who has allergies. A meal point supplied by a central kitchen is cooked by that kitchen.
 */
export function productionSheet(
  date: string,
  orders: Pick<MealOrder, 'kitchenId' | 'meal' | 'mode' | 'diets' | 'allergies' | 'residentName' | 'status'>[],
  kitchens: Pick<Kitchen, 'id' | 'name' | 'supplierId'>[],
): ProductionSheet {
  const byId = new Map(kitchens.map((k) => [k.id, k]));
  const sheet = new Map<string, Map<Meal, ProductionSheet['kitchens'][number]['meals'][number]>>();
  for (const o of orders) {
    if (o.status === 'cancelled') continue;
    const cook = byId.get(o.kitchenId)?.supplierId ?? o.kitchenId;
    const meals = sheet.get(cook) ?? new Map();
    sheet.set(cook, meals);
    const m = meals.get(o.meal) ?? { meal: o.meal, total: 0, delivery: 0, pickup: 0, byDiet: {}, allergies: [] };
    meals.set(o.meal, m);
    m.total++;
    m[o.mode]++;
    const key = dietKey(o.diets);
    m.byDiet[key] = (m.byDiet[key] ?? 0) + 1;
    if (o.allergies.length) m.allergies.push({ residentName: o.residentName, allergies: o.allergies });
  }
  return {
    date,
    kitchens: [...sheet.entries()]
      .map(([id, meals]) => ({
        kitchenId: id,
        kitchenName: byId.get(id)?.name ?? '',
        meals: MEALS.filter((m) => meals.has(m)).map((m) => meals.get(m)!),
      }))
      .sort((a, b) => a.kitchenName.localeCompare(b.kitchenName)),
  };
}

const yuan = (cents: number) => (cents / 100).toFixed(2);

/** The report as CSV (UTF-8 with BOM): served per day, kitchen and meal; by diet; by subsidy; missed meals. */
export function reportCsv(r: MealReport): string {
  const rows: (string | number)[][] = [
    ['section', 'date', 'kitchen', 'meal', 'key', 'served', 'subsidy_yuan', 'elder_paid_yuan', 'status', 'outcome'],
  ];
  for (const d of r.byDay) rows.push(['served', d.date, d.kitchenName, d.meal, '', d.served, '', '', '', '']);
  for (const d of r.byDiet) rows.push(['diet', '', '', '', d.diet, d.served, '', '', '', '']);
  for (const s of r.bySubsidy)
    rows.push(['subsidy', '', '', '', s.category, s.served, yuan(s.subsidyCents), yuan(s.elderPaidCents), '', '']);
  rows.push(['total', r.from, '', '', r.to, r.served, yuan(r.subsidyCents), yuan(r.elderPaidCents), '', '']);
  for (const m of r.missed) {
    rows.push([
      'missed',
      m.date,
      m.kitchenName,
      m.meal,
      m.residentName,
      '',
      '',
      '',
      m.concern && m.status !== 'no_answer' && m.status !== 'missed' ? `${m.status}+concern` : m.status,
      m.outcome ?? m.alertStatus ?? '',
    ]);
  }
  return '\uFEFF' + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
