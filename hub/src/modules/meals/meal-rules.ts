/**
 * Pure rules of meal assistance: which plans get a meal on a day, diet keys for the production
 * sheet, the stable stop order, run minutes for the time bank, pick-up deadlines, and how urgent a
 * missed meal is. No I/O, unit-tested beside this file.
 */
import {
  DIETS,
  isoWeekday,
  startOfLocalDay,
  type Diet,
  type Meal,
  type MealMode,
  type Severity,
} from '@eldercare/shared';

export interface PlanLike {
  id: string;
  residentId: string;
  kitchenId: string;
  weekdays: number[];
  meals: Meal[];
  mode: MealMode;
  routeId: string | null;
  diets: Diet[];
  allergies: string[];
  doorNote: string;
  subsidyCategory: string;
  elderPriceCents: number;
  startDate: string;
  endDate: string | null;
  pausedFrom: string | null;
  resumeOn: string | null;
  active: boolean;
}

export interface KitchenLike {
  id: string;
  meals: Meal[];
  openWeekdays: number[];
  closedDates: string[];
  prices: Record<Meal, number>;
}

export interface OrderDraft {
  planId: string;
  residentId: string;
  kitchenId: string;
  date: string;
  meal: Meal;
  mode: MealMode;
  routeId: string | null;
  diets: Diet[];
  allergies: string[];
  doorNote: string;
  subsidyCategory: string;
  fullPriceCents: number;
  elderPriceCents: number;
}

/** Paused on [pausedFrom, resumeOn): meals start again on resumeOn without anyone acting. */
export function isPaused(p: Pick<PlanLike, 'pausedFrom' | 'resumeOn'>, date: string): boolean {
  if (!p.resumeOn) return false;
  return (p.pausedFrom ?? '0000-01-01') <= date && date < p.resumeOn;
}

export function planScheduled(p: PlanLike, date: string): boolean {
  return (
    p.active &&
    p.startDate <= date &&
    (p.endDate === null || date <= p.endDate) &&
    p.weekdays.includes(isoWeekday(date))
  );
}

export function kitchenOpen(k: KitchenLike, date: string, meal: Meal): boolean {
  return k.openWeekdays.includes(isoWeekday(date)) && !k.closedDates.includes(date) && k.meals.includes(meal);
}

/**
 * The orders a day gets from the plans: each scheduled meal of an active plan, except while the plan
 * is paused or its kitchen is closed (holiday, closed weekday, meal not served).
 */
export function ordersFor(
  plans: PlanLike[],
  kitchens: Map<string, KitchenLike>,
  date: string,
): { orders: OrderDraft[]; skipped: { paused: number; closed: number } } {
  const orders: OrderDraft[] = [];
  const skipped = { paused: 0, closed: 0 };
  for (const p of plans) {
    if (!planScheduled(p, date)) continue;
    const k = kitchens.get(p.kitchenId);
    for (const meal of p.meals) {
      if (isPaused(p, date)) {
        skipped.paused++;
        continue;
      }
      if (!k || !kitchenOpen(k, date, meal)) {
        skipped.closed++;
        continue;
      }
      const full = k.prices[meal];
      orders.push({
        planId: p.id,
        residentId: p.residentId,
        kitchenId: p.kitchenId,
        date,
        meal,
        mode: p.mode,
        routeId: p.mode === 'delivery' ? p.routeId : null,
        diets: p.diets,
        allergies: p.allergies,
        doorNote: p.doorNote,
        subsidyCategory: p.subsidyCategory,
        fullPriceCents: full,
        elderPriceCents: Math.min(p.elderPriceCents, full),
      });
    }
  }
  return { orders, skipped };
}

/** The production-sheet key of a diet combination: "regular", "diabetic", "diabetic+low_salt". */
export function dietKey(diets: readonly string[]): string {
  const known = DIETS.filter((d) => diets.includes(d));
  return known.length ? known.join('+') : 'regular';
}

/** New stops to append after the existing ones, in the order given; elders already on the route keep their place. */
export function appendStops(
  existing: { residentId: string; seq: number }[],
  residentIds: string[],
): { residentId: string; seq: number }[] {
  const have = new Set(existing.map((s) => s.residentId));
  let next = existing.reduce((m, s) => Math.max(m, s.seq), 0);
  const out: { residentId: string; seq: number }[] = [];
  for (const id of residentIds) {
    if (have.has(id)) continue;
    have.add(id);
    out.push({ residentId: id, seq: ++next });
  }
  return out;
}

/**
 * A new stop order: the elders named first, in that order, then any the request left out in their
 * current order (so nobody falls off a route by mistake). Unknown ids are an error.
 */
export function reorderStops(current: string[], requested: string[]): string[] | { error: string } {
  const known = new Set(current);
  const unknown = requested.filter((id) => !known.has(id));
  if (unknown.length) return { error: `not stops of this route: ${unknown.join(', ')}` };
  const seen = new Set<string>();
  const head = requested.filter((id) => (seen.has(id) ? false : (seen.add(id), true)));
  return [...head, ...current.filter((id) => !seen.has(id))];
}

/** Most minutes one delivery run can credit: a run left open all day is not a day of service. */
export const RUN_CAP_MINUTES = 240;

/** Minutes of a run from start to completion, whole minutes, capped; 0 when it never started. */
export function runMinutes(startedAt: Date | null, completedAt: Date, cap = RUN_CAP_MINUTES): number {
  if (!startedAt) return 0;
  const m = Math.round((completedAt.getTime() - startedAt.getTime()) / 60_000);
  return Math.max(0, Math.min(cap, m));
}

/** The instant pick-up ends at a meal point on a local day (`HH:MM` in the district's zone). */
export function pickupDeadline(date: string, until: string, timeZone: string): Date {
  const [h, m] = until.split(':').map(Number) as [number, number];
  return new Date(startOfLocalDay(date, timeZone).getTime() + (h * 60 + m) * 60_000);
}

/** Hours without any activity at home after which a missed meal becomes critical. */
export const QUIET_HOURS_CRITICAL = 12;

/**
 * How urgent a missed meal is: critical when the elder's activity sensors have been quiet for 12 h
 * or more (or never reported), high otherwise or when there is no sensor to tell.
 */
export function missedMealSeverity(lastActivityAt: Date | null, hasActivitySensor: boolean, now: Date): Severity {
  if (!hasActivitySensor) return 'high';
  if (!lastActivityAt) return 'critical';
  return now.getTime() - lastActivityAt.getTime() >= QUIET_HOURS_CRITICAL * 3600_000 ? 'critical' : 'high';
}

export interface ContactStep {
  step: 'call_elder' | 'emergency_contact' | 'community_worker';
  name: string;
  relation: string;
  phone: string;
}

const WORKER = /community|worker|社区|网格/i;

/** Who the dispatcher calls, in order: the elder, then family and other contacts, then the community worker. */
export function contactLadder(
  elder: { name: string; phone: string },
  contacts: { name?: string; relation?: string; phone?: string }[],
): ContactStep[] {
  const list = contacts.map((c) => ({ name: c.name ?? '', relation: c.relation ?? '', phone: c.phone ?? '' }));
  return [
    { step: 'call_elder', name: elder.name, relation: 'self', phone: elder.phone },
    ...list.filter((c) => !WORKER.test(c.relation)).map((c) => ({ step: 'emergency_contact' as const, ...c })),
    ...list.filter((c) => WORKER.test(c.relation)).map((c) => ({ step: 'community_worker' as const, ...c })),
  ];
}

/** A short pick-up code for an elder's card: 6 characters without look-alikes (0/O, 1/I). */
export function pickupCode(random: () => number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let s = '';
  for (let i = 0; i < 6; i++) s += alphabet[Math.floor(random() * alphabet.length)];
  return s;
}
