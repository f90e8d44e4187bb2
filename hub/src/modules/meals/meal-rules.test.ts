import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from '@eldercare/shared';
import {
  appendStops,
  contactLadder,
  dietKey,
  isPaused,
  missedMealSeverity,
  ordersFor,
  pickupCode,
  pickupDeadline,
  reorderStops,
  runMinutes,
  type KitchenLike,
  type PlanLike,
} from './meal-rules.js';
import { productionSheet, reportCsv } from './meals.mappers.js';

const kitchen: KitchenLike = {
  id: 'k1',
  meals: ['lunch', 'dinner'],
  openWeekdays: [1, 2, 3, 4, 5, 6],
  closedDates: ['2026-10-01'],
  prices: { breakfast: 500, lunch: 1500, dinner: 1200 },
};
const plan = (o: Partial<PlanLike> = {}): PlanLike => ({
  id: 'p1',
  residentId: 'r1',
  kitchenId: 'k1',
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  meals: ['lunch'],
  mode: 'delivery',
  routeId: 'route1',
  diets: [],
  allergies: [],
  doorNote: '',
  subsidyCategory: 'none',
  elderPriceCents: 800,
  startDate: '2026-01-01',
  endDate: null,
  pausedFrom: null,
  resumeOn: null,
  active: true,
  ...o,
});
const kitchens = new Map([['k1', kitchen]]);
// 2026-09-28 is a Monday; 2026-10-04 a Sunday (the kitchen is closed on Sundays).
const MONDAY = '2026-09-28';

describe('order generation', () => {
  it('knows ISO weekdays and adds days across months', () => {
    expect(isoWeekday(MONDAY)).toBe(1);
    expect(isoWeekday('2026-10-04')).toBe(7);
    expect(addDays('2026-09-30', 1)).toBe('2026-10-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('orders each scheduled meal with the price capped at the full price and the diet copied', () => {
    const { orders } = ordersFor(
      [plan({ meals: ['lunch', 'dinner'], diets: ['diabetic'], elderPriceCents: 1300 })],
      kitchens,
      MONDAY,
    );
    expect(orders.map((o) => [o.meal, o.fullPriceCents, o.elderPriceCents, o.diets])).toEqual([
      ['lunch', 1500, 1300, ['diabetic']],
      ['dinner', 1200, 1200, ['diabetic']],
    ]);
  });

  it('skips paused days and resumes on the resume date by itself', () => {
    const p = plan({ pausedFrom: '2026-09-28', resumeOn: '2026-09-30' });
    expect(isPaused(p, '2026-09-27')).toBe(false);
    expect(ordersFor([p], kitchens, '2026-09-28')).toMatchObject({ orders: [], skipped: { paused: 1 } });
    expect(ordersFor([p], kitchens, '2026-09-29').orders).toHaveLength(0);
    expect(ordersFor([p], kitchens, '2026-09-30').orders).toHaveLength(1);
  });

  it('skips holidays, closed weekdays and meals the kitchen does not serve', () => {
    expect(ordersFor([plan()], kitchens, '2026-10-01')).toMatchObject({ orders: [], skipped: { closed: 1 } });
    expect(ordersFor([plan()], kitchens, '2026-10-04').orders).toHaveLength(0);
    expect(ordersFor([plan({ meals: ['breakfast'] })], kitchens, MONDAY).skipped.closed).toBe(1);
  });

  it("follows the plan's own days, start, end and active flag", () => {
    expect(ordersFor([plan({ weekdays: [2] })], kitchens, MONDAY).orders).toHaveLength(0);
    expect(ordersFor([plan({ startDate: '2026-09-29' })], kitchens, MONDAY).orders).toHaveLength(0);
    expect(ordersFor([plan({ endDate: '2026-09-27' })], kitchens, MONDAY).orders).toHaveLength(0);
    expect(ordersFor([plan({ active: false })], kitchens, MONDAY).orders).toHaveLength(0);
    expect(ordersFor([plan({ mode: 'pickup' })], kitchens, MONDAY).orders[0]!.routeId).toBeNull();
  });
});

describe('stop order', () => {
  it('appends new elders after the existing stops and leaves the others where they are', () => {
    const existing = [
      { residentId: 'a', seq: 1 },
      { residentId: 'b', seq: 2 },
    ];
    expect(appendStops(existing, ['b', 'c', 'a', 'd', 'c'])).toEqual([
      { residentId: 'c', seq: 3 },
      { residentId: 'd', seq: 4 },
    ]);
  });

  it('reorders with the named elders first and keeps everyone on the route', () => {
    expect(reorderStops(['a', 'b', 'c', 'd'], ['c', 'a'])).toEqual(['c', 'a', 'b', 'd']);
    expect(reorderStops(['a', 'b'], ['x'])).toEqual({ error: 'not stops of this route: x' });
  });
});

describe('runs and pick-ups', () => {
  it('counts run minutes from start to completion, capped at four hours', () => {
    const t = new Date('2026-09-28T03:00:00Z');
    expect(runMinutes(t, new Date(t.getTime() + 95 * 60_000))).toBe(95);
    expect(runMinutes(t, new Date(t.getTime() + 10 * 3600_000))).toBe(240);
    expect(runMinutes(null, t)).toBe(0);
  });

  it("puts the pick-up deadline at the meal point's local closing time", () => {
    expect(pickupDeadline(MONDAY, '13:00', 'Asia/Shanghai').toISOString()).toBe('2026-09-28T05:00:00.000Z');
  });

  it('makes a missed meal critical when the sensors have been quiet for 12 hours', () => {
    const now = new Date('2026-09-28T05:00:00Z');
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
    expect(missedMealSeverity(hoursAgo(2), true, now)).toBe('high');
    expect(missedMealSeverity(hoursAgo(13), true, now)).toBe('critical');
    expect(missedMealSeverity(null, true, now)).toBe('critical');
    expect(missedMealSeverity(null, false, now)).toBe('high');
  });

  it('orders the calls: the elder, family, then the community worker', () => {
    const ladder = contactLadder({ name: 'Wang', phone: '1' }, [
      { name: 'Grid worker', relation: 'community worker', phone: '3' },
      { name: 'Son', relation: 'son', phone: '2' },
    ]);
    expect(ladder.map((s) => [s.step, s.phone])).toEqual([
      ['call_elder', '1'],
      ['emergency_contact', '2'],
      ['community_worker', '3'],
    ]);
  });

  it('makes six-character pick-up codes without look-alike characters', () => {
    const code = pickupCode(Math.random);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
  });
});

describe('production sheet and report', () => {
  it('counts per cooking kitchen, meal and diet combination, with allergies listed', () => {
    const o = (kitchenId: string, diets: string[], mode: 'delivery' | 'pickup', allergies: string[] = []) => ({
      kitchenId,
      meal: 'lunch' as const,
      mode,
      diets: diets as never,
      allergies,
      residentName: 'X',
      status: 'planned' as const,
    });
    const sheet = productionSheet(
      MONDAY,
      [
        o('central', [], 'delivery'),
        o('central', ['low_salt', 'diabetic'], 'delivery', ['peanuts']),
        o('point', ['diabetic', 'low_salt'], 'pickup'),
        { ...o('point', [], 'pickup'), status: 'cancelled' as const },
      ],
      [
        { id: 'central', name: 'Central', supplierId: null },
        { id: 'point', name: 'Point', supplierId: 'central' },
      ],
    );
    expect(sheet.kitchens).toHaveLength(1);
    expect(sheet.kitchens[0]!.meals[0]).toEqual({
      meal: 'lunch',
      total: 3,
      delivery: 2,
      pickup: 1,
      byDiet: { regular: 1, 'diabetic+low_salt': 2 },
      allergies: [{ residentName: 'X', allergies: ['peanuts'] }],
    });
    expect(dietKey(['renal', 'soft'])).toBe('soft+renal');
  });

  it('writes the report as CSV with a BOM and money in yuan', () => {
    const csv = reportCsv({
      from: '2026-09-01',
      to: '2026-09-30',
      served: 2,
      subsidyCents: 1500,
      elderPaidCents: 1500,
      byDay: [{ date: MONDAY, kitchenId: 'k', kitchenName: 'Central, east', meal: 'lunch', served: 2 }],
      byDiet: [{ diet: 'regular', served: 2 }],
      bySubsidy: [{ category: 'low_income', served: 2, subsidyCents: 1500, elderPaidCents: 1500 }],
      missed: [],
    });
    expect(csv.startsWith('\uFEFFsection,')).toBe(true);
    expect(csv).toContain('served,2026-09-28,"Central, east",lunch,,2');
    expect(csv).toContain('subsidy,,,,low_income,2,15.00,15.00');
  });
});
