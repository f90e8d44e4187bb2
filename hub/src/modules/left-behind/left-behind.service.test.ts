/**
 * The rural left-behind elders register: who may read and change it, who can be registered (at
 * home, in a village), the day of registration in the district's time zone, the `left_behind` risk
 * category that follows the entry, a PATCH that changes only what it sends, and the village
 * figures. In-memory repositories; the real RegionsService over its fake; typed fakes of the
 * residents and visits services' methods the register calls.
 */
import type { LeftBehindContact, Resident, User, VisitPlan } from '@eldercare/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { notFound } from '../../http/errors.js';
import { asRepo, newId, silentLog, TestClock, type RepoShape } from '../../testing/fakes.js';
import { testUser } from '../../testing/users.js';
import { fakeAuditRepo, type FakeAuditRepo } from '../audit/audit.fakes.js';
import { RegisterAudit } from '../audit/register-audit.js';
import { fakeRegionsRepo, type RegionsStore } from '../regions/regions.fakes.js';
import { RegionsService } from '../regions/regions.service.js';
import type { ResidentsService } from '../residents/residents.service.js';
import type { VisitsService } from '../visits/visits.service.js';
import type { LeftBehindRepo, LeftBehindRow } from './left-behind.repo.js';
import { LeftBehindService } from './left-behind.service.js';

type RegionRow = RegionsStore['regions'][number];

interface Elder {
  id: string;
  tenantId: string;
  name: string;
  birthDate: string;
  regionId: string | null;
  institutionId: string | null;
  riskCategories: Resident['riskCategories'];
}

class Store {
  entries: LeftBehindRow[] = [];
  elders: Elder[] = [];
  regions: RegionsStore = { regions: [], residents: [], institutions: [] };
  plans = new Map<string, VisitPlan>();
  constructor(readonly clock: TestClock) {}
}

function fakeLeftBehindRepo(s: Store): LeftBehindRepo {
  const region = (id: string | null | undefined) => s.regions.regions.find((r) => r.id === id);
  const fake: RepoShape<LeftBehindRepo> = {
    async entries(tenantId, includeRetired) {
      return s.entries
        .filter((l) => l.tenantId === tenantId && (includeRetired || !l.retiredAt))
        .map((l) => {
          const e = s.elders.find((x) => x.id === l.residentId)!;
          const v = region(e.regionId);
          const village = v?.level === 'community' ? v : undefined;
          const township = region(village?.parentId);
          return {
            resident_id: l.residentId,
            name: e.name,
            birth_date: e.birthDate,
            institution_id: e.institutionId,
            registered_on: l.registeredOn,
            care_contacts: structuredClone(l.careContacts),
            retired_at: l.retiredAt,
            village_id: village?.id ?? null,
            village_name: village?.name ?? null,
            township_id: township?.id ?? null,
            township_name: township?.name ?? null,
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    async get(tenantId, residentId) {
      const l = s.entries.find((x) => x.tenantId === tenantId && x.residentId === residentId);
      return l && structuredClone(l);
    },
    async upsert(v) {
      const l = s.entries.find((x) => x.residentId === v.residentId);
      if (l) Object.assign(l, { registeredOn: v.registeredOn, careContacts: v.careContacts, retiredAt: null });
      else s.entries.push({ ...v, createdAt: new Date(s.clock.now()), retiredAt: null });
    },
    async update(tenantId, residentId, patch) {
      const l = s.entries.find((x) => x.tenantId === tenantId && x.residentId === residentId);
      if (l) Object.assign(l, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
    },
  };
  return asRepo<LeftBehindRepo>(fake);
}

function fakeResidents(s: Store): ResidentsService {
  const find = (user: User, id: string) => {
    const e = s.elders.find((x) => x.tenantId === user.tenantId && x.id === id);
    if (!e) throw notFound('resident');
    return e;
  };
  const view = (e: Elder) =>
    ({ ...e, riskCategories: [...e.riskCategories] }) as Pick<Resident, 'id' | 'riskCategories'> as Resident;
  const fake: Pick<ResidentsService, 'get' | 'update'> = {
    async get(user, id) {
      return view(find(user, id));
    },
    async update(user, id, patch) {
      const e = find(user, id);
      if (patch.riskCategories) e.riskCategories = [...patch.riskCategories];
      return view(e);
    },
  };
  return fake as ResidentsService;
}

function fakeVisits(s: Store): VisitsService {
  const fake: Pick<VisitsService, 'planStatus'> = {
    async planStatus(_tenantId, ids) {
      return new Map(ids.filter((id) => s.plans.has(id)).map((id) => [id, s.plans.get(id)!]));
    },
  };
  return fake as VisitsService;
}

// 07:30 on 2 March in Shanghai, still 1 March in UTC.
const START = '2026-03-01T23:30:00.000Z';
const tenantId = newId();
let s: Store;
let clock: TestClock;
let audit: FakeAuditRepo;
let service: LeftBehindService;
let users: Record<'coordinator' | 'supervisor' | 'dispatcher' | 'official' | 'elsewhere', User>;
let village: RegionRow;
let otherVillage: RegionRow;
let town: RegionRow;

const region = (level: string, name: string, parentId: string | null, rural = false): RegionRow => {
  const r: RegionRow = {
    id: newId(),
    tenantId,
    parentId,
    level,
    name,
    code: '',
    rural,
    createdAt: new Date(clock.now()),
    retiredAt: null,
  };
  s.regions.regions.push(r);
  return r;
};
const elder = (name: string, o: Partial<Elder> = {}) => {
  const e: Elder = {
    id: newId(),
    tenantId,
    name,
    birthDate: '1940-05-01',
    regionId: village.id,
    institutionId: null,
    riskCategories: [],
    ...o,
  };
  s.elders.push(e);
  return e;
};
const helper: LeftBehindContact = {
  name: 'Neighbour Li',
  relation: '邻居',
  phone: '13800000000',
  kind: 'helper',
  note: '',
};
const son: LeftBehindContact = {
  name: 'Son',
  relation: '儿子',
  phone: '13900000000',
  kind: 'family',
  note: '杭州打工',
};
const plan = (residentId: string, overdue: boolean): VisitPlan => ({
  residentId,
  residentName: '',
  community: '',
  tier: 'key',
  intervalDays: 30,
  overrideDays: null,
  visitorId: null,
  visitorName: null,
  lastContactAt: null,
  dueAt: START,
  overdue,
  daysOverdue: overdue ? 3 : 0,
});

beforeEach(() => {
  clock = new TestClock(Date.parse(START));
  s = new Store(clock);
  audit = fakeAuditRepo();
  const registerAudit = new RegisterAudit(audit.repo, clock, silentLog());
  service = new LeftBehindService(
    fakeLeftBehindRepo(s),
    fakeResidents(s),
    new RegionsService(
      fakeRegionsRepo(s.regions, () => new Date(clock.now())),
      registerAudit,
      clock,
    ),
    fakeVisits(s),
    registerAudit,
    clock,
    () => 'Asia/Shanghai',
  );
  const district = region('district', 'Hill County', null);
  town = region('township', 'Stone Bridge', district.id, true);
  village = region('community', 'Willow Village', town.id, true);
  otherVillage = region('community', 'Pine Village', town.id, true);
  users = {
    coordinator: testUser(tenantId, 'coordinator', 'Coordinator'),
    supervisor: testUser(tenantId, 'supervisor', 'Supervisor'),
    dispatcher: testUser(tenantId, 'dispatcher', 'Dispatcher'),
    official: testUser(tenantId, 'official', 'Official'),
    elsewhere: testUser(newId(), 'coordinator', 'Coordinator Elsewhere'),
  };
});

describe('registering', () => {
  it("enters an elder on the district's today, with the left_behind risk category, and records it", async () => {
    const e = elder('Wang Fang', { riskCategories: ['living_alone'] });
    const entry = await service.register(users.coordinator, { residentId: e.id, careContacts: [son] });
    expect(entry).toMatchObject({
      residentId: e.id,
      registeredOn: '2026-03-02',
      villageName: 'Willow Village',
      townshipName: 'Stone Bridge',
      careContacts: [son],
      retiredAt: null,
    });
    expect(e.riskCategories).toEqual(['living_alone', 'left_behind']);
    expect(audit.rows).toEqual([expect.objectContaining({ entity: 'left_behind', entityId: e.id, action: 'create' })]);
  });

  it('refuses tomorrow, an elder in an institution, in an urban community or without a region, and a second entry', async () => {
    const body = (residentId: string, registeredOn?: string) => ({ residentId, registeredOn, careContacts: [] });
    await expect(service.register(users.coordinator, body(elder('A').id, '2026-03-03'))).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'registeredOn' }],
    });
    const urban = region('community', 'Market Street', town.id, false);
    for (const e of [
      elder('B', { institutionId: newId() }),
      elder('C', { regionId: urban.id }),
      elder('D', { regionId: null }),
    ])
      await expect(service.register(users.coordinator, body(e.id))).rejects.toMatchObject({
        status: 400,
        details: [{ path: 'residentId' }],
      });
    await expect(service.register(users.coordinator, body(newId()))).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'residentId' }],
    });
    const e = elder('E');
    await service.register(users.coordinator, body(e.id, '2026-03-02'));
    await expect(service.register(users.coordinator, body(e.id))).rejects.toMatchObject({ status: 409 });
    expect(s.entries).toHaveLength(1);
  });

  it('lets only coordinators and admins write, and supervisors read', async () => {
    const e = elder('Wang Fang');
    await expect(service.register(users.supervisor, { residentId: e.id, careContacts: [] })).rejects.toMatchObject({
      status: 403,
    });
    await service.register(users.coordinator, { residentId: e.id, careContacts: [] });
    await expect(service.list(users.supervisor, {})).resolves.toMatchObject({ items: [{ residentId: e.id }] });
    await expect(service.list(users.dispatcher, {})).rejects.toMatchObject({ status: 403 });
    await expect(service.list(users.official, {})).rejects.toMatchObject({ status: 403 });
    await expect(service.update(users.supervisor, e.id, { retired: true })).rejects.toMatchObject({ status: 403 });
    expect((await service.list(users.elsewhere, {})).items).toEqual([]);
  });
});

describe('changing an entry', () => {
  it('changes only what a PATCH sends', async () => {
    const e = elder('Wang Fang');
    await service.register(users.coordinator, { residentId: e.id, registeredOn: '2026-01-10', careContacts: [son] });
    const changed = await service.update(users.coordinator, e.id, { careContacts: [son, helper] });
    expect(changed).toMatchObject({ registeredOn: '2026-01-10', careContacts: [son, helper], retiredAt: null });
    const redated = await service.update(users.coordinator, e.id, { registeredOn: '2026-01-05' });
    expect(redated).toMatchObject({ registeredOn: '2026-01-05', careContacts: [son, helper] });
    expect(e.riskCategories).toEqual(['left_behind']);
    await expect(service.update(users.coordinator, e.id, { registeredOn: '2026-03-03' })).rejects.toMatchObject({
      status: 400,
    });
    await expect(service.update(users.coordinator, newId(), { careContacts: [] })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('takes an elder out with the risk category, keeps the first retirement time, and registers them again', async () => {
    const e = elder('Wang Fang');
    await service.register(users.coordinator, { residentId: e.id, careContacts: [son] });
    const out = await service.update(users.coordinator, e.id, { retired: true });
    expect(out.retiredAt).toBe(START);
    expect(e.riskCategories).toEqual([]);
    clock.advance(3600_000);
    expect((await service.update(users.coordinator, e.id, { retired: true })).retiredAt).toBe(START);
    expect((await service.list(users.coordinator, {})).items).toEqual([]);
    expect((await service.list(users.coordinator, { all: 'true' })).items).toHaveLength(1);
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'retire']);
    const back = await service.register(users.coordinator, { residentId: e.id, careContacts: [helper] });
    expect(back).toMatchObject({ retiredAt: null, careContacts: [helper] });
    expect(e.riskCategories).toEqual(['left_behind']);
    expect(audit.rows.at(-1)!.action).toBe('reinstate');
  });
});

describe('the register by village', () => {
  it('counts elders, the overdue and those without a local helper per village, and filters by township or village', async () => {
    const a = elder('A');
    const b = elder('B');
    const c = elder('C', { regionId: otherVillage.id });
    await service.register(users.coordinator, { residentId: a.id, careContacts: [helper] });
    await service.register(users.coordinator, { residentId: b.id, careContacts: [son] });
    await service.register(users.coordinator, { residentId: c.id, careContacts: [helper] });
    s.plans.set(b.id, plan(b.id, true));
    s.plans.set(c.id, plan(c.id, false));
    const all = await service.list(users.coordinator, {});
    expect(all.villages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ villageName: 'Willow Village', elders: 2, overdue: 1, withoutHelper: 1 }),
        expect.objectContaining({ villageName: 'Pine Village', elders: 1, overdue: 0, withoutHelper: 0 }),
      ]),
    );
    expect((await service.list(users.coordinator, { regionId: otherVillage.id })).items.map((x) => x.name)).toEqual([
      'C',
    ]);
    expect((await service.list(users.coordinator, { regionId: town.id })).items).toHaveLength(3);
    expect((await service.list(users.coordinator, { overdue: 'true' })).items.map((x) => x.name)).toEqual(['B']);
    expect((await service.list(users.coordinator, { overdue: 'false' })).items.map((x) => x.name)).toEqual(['A', 'C']);
    expect(await service.countsByTownship(tenantId)).toEqual(new Map([[town.id, { elders: 3, overdue: 1 }]]));
  });
});
