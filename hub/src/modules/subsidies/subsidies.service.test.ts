/**
 * Subsidy categories and entitlements: who may define categories and read the figures, unique codes
 * and meal categories (also when a retired category comes back), a PATCH that changes only what it
 * sends, an elder's entitlement on the district's day (an 80th birthday in Asia/Shanghai), the
 * recipients of a category and the month's totals joined to the meals paid for. In-memory
 * repository; the real RegionsService over its fake; the elder lookup a typed fake of
 * ResidentsService.get.
 */
import type { BenefitCategoryBody, CapabilityGrade, EconomicStatus, Resident, User } from '@eldercare/shared';
import { benefitCategoryBodySchema } from '@eldercare/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { notFound } from '../../http/errors.js';
import { asRepo, newId, silentLog, TestClock, type RepoShape } from '../../testing/fakes.js';
import { testUser } from '../../testing/users.js';
import { fakeAuditRepo, type FakeAuditRepo } from '../audit/audit.fakes.js';
import { RegisterAudit } from '../audit/register-audit.js';
import { fakeRegionsRepo, type RegionsStore } from '../regions/regions.fakes.js';
import { RegionsService } from '../regions/regions.service.js';
import type { ResidentsService } from '../residents/residents.service.js';
import type { CategoryRow, SubsidiesRepo } from './subsidies.repo.js';
import { SubsidiesService } from './subsidies.service.js';

interface Elder {
  id: string;
  tenantId: string;
  name: string;
  birthDate: string;
  community: string;
  economicStatus: EconomicStatus[];
  /** Assessments: the grade from the day assessed. */
  assessments: { on: string; grade: CapabilityGrade }[];
  regionId: string | null;
  createdAt: Date;
}
interface Meal {
  tenantId: string;
  residentId: string;
  date: string;
  category: string;
  subsidyCents: number;
}

class Store {
  categories: CategoryRow[] = [];
  elders: Elder[] = [];
  meals: Meal[] = [];
  regions: RegionsStore = { regions: [], residents: [], institutions: [] };
  private seq = 0;
  constructor(readonly clock: TestClock) {}
  createdAt() {
    return new Date(this.clock.now() + ++this.seq);
  }
}

function fakeSubsidiesRepo(s: Store): SubsidiesRepo {
  const townshipOf = (regionId: string | null) => {
    const g = s.regions.regions.find((r) => r.id === regionId);
    return g?.level === 'township' ? g.id : g?.level === 'community' ? g.parentId : null;
  };
  const fake: RepoShape<SubsidiesRepo> = {
    async categories(tenantId, includeRetired) {
      return s.categories
        .filter((c) => c.tenantId === tenantId && (includeRetired || !c.retiredAt))
        .sort((a, b) => +a.createdAt - +b.createdAt)
        .map((c) => structuredClone(c));
    },
    async category(tenantId, id) {
      const c = s.categories.find((x) => x.tenantId === tenantId && x.id === id);
      return c && structuredClone(c);
    },
    async insert(v) {
      const row: CategoryRow = {
        id: newId(),
        tenantId: v.tenantId,
        code: v.code,
        name: v.name,
        monthlyCents: v.monthlyCents,
        mealCategory: v.mealCategory ?? null,
        rules: structuredClone(v.rules ?? []),
        createdAt: s.createdAt(),
        retiredAt: v.retiredAt ?? null,
      };
      s.categories.push(row);
      return structuredClone(row);
    },
    async update(tenantId, id, patch) {
      const c = s.categories.find((x) => x.tenantId === tenantId && x.id === id);
      if (!c) return undefined;
      Object.assign(c, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
      return structuredClone(c);
    },
    async subjects(tenantId, day, until, residentId) {
      return s.elders
        .filter((e) => e.tenantId === tenantId && e.createdAt < until && (!residentId || e.id === residentId))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((e) => ({
          id: e.id,
          name: e.name,
          birth_date: e.birthDate,
          community: e.community,
          economic_status: [...e.economicStatus],
          grade: e.assessments.filter((a) => a.on <= day).sort((a, b) => b.on.localeCompare(a.on))[0]?.grade ?? null,
          township_id: townshipOf(e.regionId),
        }));
    },
    async meals(tenantId, from, to) {
      const out = new Map<string, { category: string; township_id: string | null; served: number; subsidy: number }>();
      for (const m of s.meals.filter((x) => x.tenantId === tenantId && x.date >= from && x.date <= to)) {
        const t = townshipOf(s.elders.find((e) => e.id === m.residentId)!.regionId);
        const k = `${m.category}|${t}`;
        const row = out.get(k) ?? { category: m.category, township_id: t, served: 0, subsidy: 0 };
        row.served++;
        row.subsidy += m.subsidyCents;
        out.set(k, row);
      }
      return [...out.values()];
    },
  };
  return asRepo<SubsidiesRepo>(fake);
}

function fakeResidents(s: Store): ResidentsService {
  const fake: Pick<ResidentsService, 'get'> = {
    async get(user, id) {
      const e = s.elders.find((x) => x.tenantId === user.tenantId && x.id === id);
      if (!e) throw notFound('resident');
      return { id: e.id, name: e.name } as Resident;
    },
  };
  return fake as ResidentsService;
}

// 00:30 on 2 March 2026 in Shanghai; 1 March in UTC.
const START = '2026-03-01T16:30:00.000Z';
const tenantId = newId();
let s: Store;
let clock: TestClock;
let audit: FakeAuditRepo;
let service: SubsidiesService;
let users: Record<'admin' | 'coordinator' | 'supervisor' | 'official' | 'dispatcher', User>;
let east: string;
let west: string;

const body = (o: BenefitCategoryBody) => benefitCategoryBodySchema.parse(o);
const gaoling = () =>
  service.create(
    users.coordinator,
    body({
      code: 'gaoling_80',
      name: '高龄津贴',
      monthlyCents: 10_000,
      mealCategory: 'advanced_age',
      rules: [{ name: '80 周岁以上', minAge: 80 }],
    }),
  );
const tekun = () =>
  service.create(
    users.coordinator,
    body({
      code: 'tekun',
      name: '特困供养',
      monthlyCents: 50_000,
      mealCategory: 'extreme_poverty',
      rules: [{ name: '特困', economicStatus: ['extreme_poverty'] }],
    }),
  );
const elder = (name: string, o: Partial<Elder> = {}) => {
  const e: Elder = {
    id: newId(),
    tenantId,
    name,
    birthDate: '1950-01-01',
    community: 'East Gate',
    economicStatus: [],
    assessments: [],
    regionId: east,
    createdAt: new Date(Date.parse('2025-01-01T00:00:00Z')),
    ...o,
  };
  s.elders.push(e);
  return e;
};

beforeEach(() => {
  clock = new TestClock(Date.parse(START));
  s = new Store(clock);
  audit = fakeAuditRepo();
  const registerAudit = new RegisterAudit(audit.repo, clock, silentLog());
  service = new SubsidiesService(
    fakeSubsidiesRepo(s),
    fakeResidents(s),
    new RegionsService(
      fakeRegionsRepo(s.regions, () => new Date(clock.now())),
      registerAudit,
      clock,
    ),
    registerAudit,
    clock,
    () => 'Asia/Shanghai',
  );
  const region = (level: string, name: string, parentId: string | null) => {
    const id = newId();
    s.regions.regions.push({
      id,
      tenantId,
      parentId,
      level,
      name,
      code: '',
      rural: false,
      createdAt: new Date(0),
      retiredAt: null,
    });
    return id;
  };
  const district = region('district', 'River District', null);
  east = region('township', 'East Township', district);
  west = region('township', 'West Township', district);
  users = {
    admin: testUser(tenantId, 'admin', 'Admin'),
    coordinator: testUser(tenantId, 'coordinator', 'Coordinator'),
    supervisor: testUser(tenantId, 'supervisor', 'Supervisor'),
    official: testUser(tenantId, 'official', 'Official'),
    dispatcher: testUser(tenantId, 'dispatcher', 'Dispatcher'),
  };
});

describe('categories', () => {
  it('lets coordinators define a category and records it; supervisors and officials only read', async () => {
    const c = await gaoling();
    expect(c).toMatchObject({
      code: 'gaoling_80',
      monthlyCents: 10_000,
      mealCategory: 'advanced_age',
      retiredAt: null,
    });
    expect(audit.rows).toEqual([
      expect.objectContaining({ entity: 'subsidy_category', entityId: c.id, action: 'create' }),
    ]);
    await expect(
      service.create(users.supervisor, body({ code: 'x', name: 'X', monthlyCents: 0 })),
    ).rejects.toMatchObject({ status: 403 });
    expect((await service.list(users.official)).map((x) => x.code)).toEqual(['gaoling_80']);
    await expect(service.list(users.dispatcher)).rejects.toMatchObject({ status: 403 });
  });

  it('refuses a code in use (also by a retired category) and a meal category another category pays for', async () => {
    const c = await gaoling();
    await service.update(users.coordinator, c.id, { retired: true });
    await expect(gaoling()).rejects.toMatchObject({ status: 409, details: [{ path: 'code' }] });
    await tekun();
    await expect(
      service.create(
        users.coordinator,
        body({ code: 'other', name: 'Other', monthlyCents: 1, mealCategory: 'extreme_poverty' }),
      ),
    ).rejects.toMatchObject({ status: 409, details: [{ path: 'mealCategory' }] });
    // The retired category's meal category is free again ...
    const again = await service.create(
      users.coordinator,
      body({ code: 'gaoling_new', name: '高龄', monthlyCents: 1, mealCategory: 'advanced_age' }),
    );
    expect(again.mealCategory).toBe('advanced_age');
    // ... so the old one cannot come back while it is taken.
    await expect(service.update(users.coordinator, c.id, { retired: false })).rejects.toMatchObject({
      status: 409,
      details: [{ path: 'mealCategory' }],
    });
  });

  it('changes only what a PATCH sends, and keeps the first retirement time', async () => {
    const c = await gaoling();
    const raised = await service.update(users.coordinator, c.id, { monthlyCents: 12_000 });
    expect(raised).toMatchObject({ name: '高龄津贴', mealCategory: 'advanced_age', monthlyCents: 12_000 });
    expect(raised.rules).toEqual(c.rules);
    const retired = await service.update(users.coordinator, c.id, { retired: true });
    expect(retired.retiredAt).toBe(START);
    clock.advance(86_400_000);
    expect((await service.update(users.coordinator, c.id, { retired: true })).retiredAt).toBe(START);
    expect((await service.update(users.coordinator, c.id, { name: '高龄补贴' })).retiredAt).toBe(START);
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'update', 'retire', 'update']);
    await expect(service.update(users.coordinator, newId(), { name: 'x' })).rejects.toMatchObject({ status: 404 });
  });
});

describe('entitlements', () => {
  it("counts an 80th birthday from the district's day, not from UTC's", async () => {
    await gaoling();
    const e = elder('Wang Fang', { birthDate: '1946-03-02' });
    clock.set('2026-03-01T15:30:00.000Z'); // 23:30 on 1 March in Shanghai
    const before = await service.entitlements(users.coordinator, e.id);
    expect(before).toMatchObject({ asOf: '2026-03-01', age: 79, entitlements: [], monthlyCents: 0 });
    clock.set(START); // 00:30 on 2 March in Shanghai, still 1 March in UTC
    const after = await service.entitlements(users.coordinator, e.id);
    expect(after).toMatchObject({
      asOf: '2026-03-02',
      age: 80,
      monthlyCents: 10_000,
      entitlements: [{ code: 'gaoling_80', because: { rule: '80 周岁以上', age: { value: 80, min: 80 } } }],
    });
  });

  it('adds up every category an elder is entitled to, leaving out retired ones, and answers not found', async () => {
    await gaoling();
    const t = await tekun();
    const e = elder('Li Na', { birthDate: '1940-01-01', economicStatus: ['extreme_poverty'] });
    expect((await service.entitlements(users.coordinator, e.id)).monthlyCents).toBe(60_000);
    await service.update(users.coordinator, t.id, { retired: true });
    expect((await service.entitlements(users.coordinator, e.id)).monthlyCents).toBe(10_000);
    await expect(service.entitlements(users.coordinator, newId())).rejects.toMatchObject({ status: 404 });
  });
});

describe('recipients and totals', () => {
  it('lists the recipients with the rule that matched, and refuses a future month and readers of figures only', async () => {
    const c = await gaoling();
    elder('Old', { birthDate: '1930-06-01' });
    elder('Young', { birthDate: '1960-06-01' });
    const r = await service.recipients(users.coordinator, c.id);
    expect(r).toMatchObject({
      asOf: '2026-03-02',
      items: [{ name: 'Old', age: 95, because: { rule: '80 周岁以上' } }],
    });
    expect(r.items).toHaveLength(1);
    await expect(service.recipients(users.coordinator, c.id, '2026-04')).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'month' }],
    });
    await expect(service.recipients(users.official, c.id)).rejects.toMatchObject({ status: 403 });
    await expect(service.recipients(users.coordinator, newId())).rejects.toMatchObject({ status: 404 });
  });

  it('totals a past month on its last day per category and township, with the meals each category paid for', async () => {
    const g = await gaoling();
    const t = await tekun();
    // Turns 80 on 1 March: not entitled in February.
    const a = elder('A', { birthDate: '1946-03-01' });
    const b = elder('B', { birthDate: '1940-01-01', regionId: west });
    const c = elder('C', { birthDate: '1950-01-01', economicStatus: ['extreme_poverty'] });
    // Registered in March: not counted in February.
    elder('D', { birthDate: '1930-01-01', createdAt: new Date(Date.parse('2026-03-01T00:00:00Z')) });
    s.meals.push(
      { tenantId, residentId: b.id, date: '2026-02-10', category: 'advanced_age', subsidyCents: 300 },
      { tenantId, residentId: b.id, date: '2026-02-11', category: 'advanced_age', subsidyCents: 300 },
      { tenantId, residentId: c.id, date: '2026-02-28', category: 'extreme_poverty', subsidyCents: 500 },
      { tenantId, residentId: c.id, date: '2026-03-01', category: 'extreme_poverty', subsidyCents: 500 },
      { tenantId, residentId: a.id, date: '2026-02-12', category: 'low_income', subsidyCents: 100 },
    );
    const feb = await service.totals(users.official, '2026-02');
    expect(feb.asOf).toBe('2026-02-28');
    expect(feb.byCategory).toEqual([
      { categoryId: g.id, elders: 1, amountCents: 10_000, mealsServed: 2, mealSubsidyCents: 600 },
      { categoryId: t.id, elders: 1, amountCents: 50_000, mealsServed: 1, mealSubsidyCents: 500 },
    ]);
    expect(feb.byTownship.map((x) => [x.townshipName, x.elders, x.amountCents])).toEqual([
      ['East Township', 1, 50_000],
      ['West Township', 1, 10_000],
    ]);
    expect(feb.total).toMatchObject({ elders: 2, amountCents: 60_000, mealsServed: 3, mealSubsidyCents: 1100 });
    const mar = await service.totals(users.official);
    expect(mar).toMatchObject({ month: '2026-03', asOf: '2026-03-02', total: { elders: 4 } });
    await expect(service.totals(users.dispatcher)).rejects.toMatchObject({ status: 403 });
  });
});
