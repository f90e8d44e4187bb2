/**
 * The day's meal orders around their rules (meal-rules.test.ts covers which plan orders what): who
 * may generate, list and report; the days allowed, counted in the district's time zone
 * (Asia/Shanghai); tomorrow's orders for every district; new elders appended to their routes; the
 * report's window and sums. In-memory fakes (typed `Pick`s of the repositories and of the meals
 * service method it calls); test/integration covers the SQL.
 */
import type { User } from '@eldercare/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { newId, silentLog, TestClock } from '../../testing/fakes.js';
import { testUser } from '../../testing/users.js';
import type { CatalogRepo } from './catalog.repo.js';
import type { MealsService } from './meals.service.js';
import type { OrdersRepo } from './orders.repo.js';
import { OrdersService } from './orders.service.js';

type OrdersUsed = Pick<
  OrdersRepo,
  'insertOrders' | 'missingStops' | 'ensureRuns' | 'countOrders' | 'orders' | 'subsidyTotals' | 'report'
>;
type Served = Awaited<ReturnType<OrdersRepo['subsidyTotals']>>;

class Store {
  /** Each call the service made, in order. */
  calls: { what: string; tenantId: string; date: string }[] = [];
  missing: { route_id: string; resident_id: string }[] = [];
  appended: { routeId: string; residentIds: string[] }[] = [];
  served: Served = [];
  reportWindows: [string, string][] = [];
}

function fakeOrdersRepo(s: Store): OrdersRepo {
  const fake: OrdersUsed = {
    async insertOrders(tenantId, drafts) {
      s.calls.push({ what: 'insert', tenantId, date: drafts[0]?.date ?? '' });
      return drafts.length;
    },
    async missingStops(tenantId, date) {
      s.calls.push({ what: 'missingStops', tenantId, date });
      return s.missing;
    },
    async ensureRuns(tenantId, date) {
      s.calls.push({ what: 'runs', tenantId, date });
      return 2;
    },
    async countOrders() {
      return 0;
    },
    async orders(tenantId, f) {
      s.calls.push({ what: 'orders', tenantId, date: f.date });
      return [];
    },
    async subsidyTotals() {
      return s.served;
    },
    async report(_tenantId, from, to) {
      s.reportWindows.push([from, to]);
      return { byDay: [], byDiet: [], bySubsidy: s.served, missed: [] };
    },
  };
  return fake as OrdersRepo;
}

const catalog: Pick<CatalogRepo, 'plans' | 'kitchens'> = {
  async plans() {
    return [];
  },
  async kitchens() {
    return [];
  },
};

// 00:30 on 2 March 2026 in Shanghai; 1 March in UTC.
const START = '2026-03-01T16:30:00.000Z';
const tenantId = newId();
const otherTenant = newId();
let s: Store;
let clock: TestClock;
let service: OrdersService;
let users: Record<'coordinator' | 'volunteer' | 'supervisor' | 'official', User>;

beforeEach(() => {
  s = new Store();
  clock = new TestClock(Date.parse(START));
  const meals: Pick<MealsService, 'appendToRoute'> = {
    async appendToRoute(routeId, residentIds) {
      s.appended.push({ routeId, residentIds });
    },
  };
  service = new OrdersService({
    catalog,
    orders: fakeOrdersRepo(s),
    meals: meals as MealsService,
    clock,
    log: silentLog(),
    timeZone: (t) => (t === otherTenant ? 'UTC' : 'Asia/Shanghai'),
    tenantIds: () => [tenantId, otherTenant],
  });
  users = {
    coordinator: testUser(tenantId, 'coordinator', 'Coordinator'),
    volunteer: testUser(tenantId, 'volunteer', 'Volunteer'),
    supervisor: testUser(tenantId, 'supervisor', 'Supervisor'),
    official: testUser(tenantId, 'official', 'Official'),
  };
});

describe('generating orders', () => {
  it("allows a week back to 60 days ahead of the district's today, not UTC's", async () => {
    // Today is 2 March in Shanghai: 23 February is a week back, 22 February is not (it would be in UTC).
    await expect(service.generateFor(users.coordinator, '2026-02-23')).resolves.toMatchObject({ date: '2026-02-23' });
    await expect(service.generateFor(users.coordinator, '2026-02-22')).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'date' }],
    });
    await expect(service.generateFor(users.coordinator, '2026-05-01')).resolves.toMatchObject({ runs: 2 });
    await expect(service.generateFor(users.coordinator, '2026-05-02')).rejects.toMatchObject({ status: 400 });
  });

  it('lets only meal staff generate and list orders', async () => {
    await expect(service.generateFor(users.volunteer, '2026-03-02')).rejects.toMatchObject({ status: 403 });
    await expect(service.generateFor(users.supervisor, '2026-03-02')).rejects.toMatchObject({ status: 403 });
    await expect(service.orders(users.volunteer, {})).rejects.toMatchObject({ status: 403 });
    expect(s.calls).toEqual([]);
  });

  it("generates tomorrow for every district by its own calendar, and lists today's by default", async () => {
    await service.generateTomorrow();
    expect(s.calls.filter((c) => c.what === 'runs')).toEqual([
      { what: 'runs', tenantId, date: '2026-03-03' },
      { what: 'runs', tenantId: otherTenant, date: '2026-03-02' },
    ]);
    await service.orders(users.coordinator, {});
    expect(s.calls.at(-1)).toEqual({ what: 'orders', tenantId, date: '2026-03-02' });
  });

  it('appends the elders missing from their routes, once per route', async () => {
    const [r1, r2] = [newId(), newId()];
    const [a, b, c] = [newId(), newId(), newId()];
    s.missing = [
      { route_id: r1, resident_id: a },
      { route_id: r2, resident_id: b },
      { route_id: r1, resident_id: c },
    ];
    await service.generate(tenantId, '2026-03-03');
    expect(s.appended).toEqual([
      { routeId: r1, residentIds: [a, c] },
      { routeId: r2, residentIds: [b] },
    ]);
  });
});

describe('the report', () => {
  it("covers the district's month to date by default and sums what was served, subsidised and paid", async () => {
    s.served = [
      { category: 'none', served: 10, subsidy: 0, paid: 10_000 },
      { category: 'advanced_age', served: 4, subsidy: 1_200, paid: 2_800 },
    ];
    const r = await service.report(users.supervisor, {});
    expect(r).toMatchObject({
      from: '2026-03-01',
      to: '2026-03-02',
      served: 14,
      subsidyCents: 1_200,
      elderPaidCents: 12_800,
    });
    expect(s.reportWindows).toEqual([['2026-03-01', '2026-03-02']]);
    expect(await service.totals(tenantId, '2026-03-01', '2026-03-02')).toEqual({
      served: 14,
      subsidised: 4,
      subsidyCents: 1_200,
    });
  });

  it('refuses a window ending before it starts or longer than a year, and readers without the report', async () => {
    await expect(service.report(users.coordinator, { from: '2026-03-02', to: '2026-03-01' })).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'to' }],
    });
    await expect(service.report(users.coordinator, { from: '2025-01-01', to: '2026-03-01' })).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'to' }],
    });
    await expect(service.report(users.coordinator, { from: '2025-03-01', to: '2026-03-01' })).resolves.toBeDefined();
    await expect(service.report(users.volunteer, {})).rejects.toMatchObject({ status: 403 });
    await expect(service.report(users.official, {})).rejects.toMatchObject({ status: 403 });
  });
});
