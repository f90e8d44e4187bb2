/**
 * The admission waiting list: its order and who sees which list, applying (today in the district's
 * time zone, once per elder and institution), a PATCH that changes only what it sends, and the
 * admit and withdraw decisions — no free bed, an occupied bed, passing over someone ahead without
 * a reason. The repository is an in-memory fake; the institutions and residents it consults are
 * typed fakes of the two services' methods it calls.
 */
import type { CapabilityGrade, EconomicStatus, Institution, Resident, User } from '@eldercare/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { notFound } from '../../http/errors.js';
import { asRepo, constraintError, newId, silentLog, TestClock, type RepoShape } from '../../testing/fakes.js';
import { testUser } from '../../testing/users.js';
import { fakeAuditRepo, type FakeAuditRepo } from '../audit/audit.fakes.js';
import { RegisterAudit } from '../audit/register-audit.js';
import type { InstitutionsService } from '../institutions/institutions.service.js';
import type { ResidentsService } from '../residents/residents.service.js';
import type { ApplicationRow, WaitingListRepo } from './waiting-list.repo.js';
import { WaitingListService } from './waiting-list.service.js';

interface Elder {
  id: string;
  tenantId: string;
  name: string;
  birthDate: string;
  community: string;
  grade: CapabilityGrade | null;
  economicStatus: EconomicStatus[];
  institutionId: string | null;
  bedId: string | null;
}

class Store {
  applications: ApplicationRow[] = [];
  institutions: (Institution & { tenantId: string })[] = [];
  elders: Elder[] = [];
  users: User[] = [];
  private seq = 0;
  constructor(readonly clock: TestClock) {}
  /** Registration times strictly increasing, as the database's default would give. */
  createdAt() {
    return new Date(this.clock.now() + ++this.seq);
  }
}

function fakeWaitingListRepo(s: Store): WaitingListRepo {
  const fake: RepoShape<WaitingListRepo> = {
    async list(tenantId, f) {
      return s.applications
        .filter((a) => a.tenantId === tenantId && (!f.institutionId || a.institutionId === f.institutionId))
        .filter((a) => !f.id || a.id === f.id)
        .sort((a, b) => +a.createdAt - +b.createdAt)
        .map((a) => {
          const r = s.elders.find((e) => e.id === a.residentId)!;
          return {
            id: a.id,
            institution_id: a.institutionId,
            institution_name: s.institutions.find((i) => i.id === a.institutionId)!.name,
            resident_id: a.residentId,
            resident_name: r.name,
            birth_date: r.birthDate,
            community: r.community,
            capability_grade: r.grade,
            economic_status: [...r.economicStatus],
            applied_on: a.appliedOn,
            status: a.status,
            note: a.note,
            bed_id: a.bedId,
            decision_reason: a.decisionReason,
            decided_at: a.decidedAt,
            decided_by_name: s.users.find((u) => u.id === a.decidedBy)?.name ?? null,
            created_at: a.createdAt,
          };
        });
    },
    async get(tenantId, id) {
      const a = s.applications.find((x) => x.tenantId === tenantId && x.id === id);
      return a && { ...a };
    },
    async insert(v) {
      if (
        s.applications.some(
          (a) => a.institutionId === v.institutionId && a.residentId === v.residentId && a.status === 'waiting',
        )
      )
        throw constraintError('admission_applications_waiting_uq');
      const row: ApplicationRow = {
        id: newId(),
        tenantId: v.tenantId,
        institutionId: v.institutionId,
        residentId: v.residentId,
        appliedOn: v.appliedOn,
        status: v.status ?? 'waiting',
        note: v.note ?? '',
        bedId: v.bedId ?? null,
        decisionReason: v.decisionReason ?? '',
        decidedAt: v.decidedAt ?? null,
        decidedBy: v.decidedBy ?? null,
        createdBy: v.createdBy,
        createdAt: s.createdAt(),
      };
      s.applications.push(row);
      return { ...row };
    },
    async update(tenantId, id, patch) {
      const a = s.applications.find((x) => x.tenantId === tenantId && x.id === id);
      if (!a) return undefined;
      Object.assign(a, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
      return { ...a };
    },
  };
  return asRepo<WaitingListRepo>(fake);
}

/** What the waiting list asks of the institutions: an institution with its rooms and beds, scoped to the tenant. */
function fakeInstitutions(s: Store): InstitutionsService {
  const view = ({ tenantId: _t, ...i }: Store['institutions'][number]): Institution => structuredClone(i);
  const fake: Pick<InstitutionsService, 'get' | 'list'> = {
    async list(user) {
      return s.institutions.filter((i) => i.tenantId === user.tenantId).map(view);
    },
    async get(user, id) {
      const i = s.institutions.find((x) => x.tenantId === user.tenantId && x.id === id);
      if (!i) throw notFound('institution');
      return view(i);
    },
  };
  return fake as InstitutionsService;
}

/** What it asks of the residents: the elder, and moving the elder into a bed (which the bed then shows). */
function fakeResidents(s: Store): ResidentsService {
  const view = (e: Elder) => ({ id: e.id, name: e.name, institutionId: e.institutionId, bedId: e.bedId }) as Resident;
  const fake: Pick<ResidentsService, 'get' | 'update'> = {
    async get(user, id) {
      const e = s.elders.find((x) => x.tenantId === user.tenantId && x.id === id);
      if (!e) throw notFound('resident');
      return view(e);
    },
    async update(user, id, patch) {
      const e = s.elders.find((x) => x.tenantId === user.tenantId && x.id === id);
      if (!e) throw notFound('resident');
      for (const b of s.institutions.flatMap((i) => i.rooms.flatMap((r) => r.beds)))
        if (b.residentId === e.id) b.residentId = null;
        else if (b.id === patch.bedId) b.residentId = e.id;
      Object.assign(e, { institutionId: patch.institutionId ?? e.institutionId, bedId: patch.bedId ?? e.bedId });
      return view(e);
    },
  };
  return fake as ResidentsService;
}

// 00:30 on 2 March in Shanghai, still 1 March in UTC.
const START = '2026-03-01T16:30:00.000Z';
let s: Store;
let clock: TestClock;
let audit: FakeAuditRepo;
let service: WaitingListService;
const tenantId = newId();
let users: Record<'coordinator' | 'staff' | 'otherStaff' | 'official' | 'dispatcher' | 'elsewhere', User>;
let home: Institution;
let other: Institution;
let privateHome: Institution;

const institution = (name: string, beds: number, ownership: 'public' | 'private' = 'public', tenant = tenantId) => {
  const i: Institution & { tenantId: string } = {
    id: newId(),
    tenantId: tenant,
    name,
    kind: 'nursing_home',
    address: '',
    phone: '',
    regionId: null,
    ownership,
    retiredAt: null,
    rooms: [
      {
        id: newId(),
        name: '101',
        floor: 1,
        dementiaZone: false,
        retiredAt: null,
        beds: Array.from({ length: beds }, (_, n) => ({
          id: newId(),
          label: String.fromCharCode(65 + n),
          kind: 'ordinary' as const,
          residentId: null,
          retiredAt: null,
        })),
      },
    ],
  };
  s.institutions.push(i);
  return i;
};
const elder = (name: string, o: Partial<Elder> = {}) => {
  const e: Elder = {
    id: newId(),
    tenantId,
    name,
    birthDate: '1940-05-01',
    community: 'East Gate',
    grade: null,
    economicStatus: [],
    institutionId: null,
    bedId: null,
    ...o,
  };
  s.elders.push(e);
  return e;
};
const bedsOf = (i: Institution) => s.institutions.find((x) => x.id === i.id)!.rooms[0]!.beds;
const apply = (e: Elder, i: Institution, appliedOn: string, note = '') =>
  service.create(users.coordinator, { institutionId: i.id, residentId: e.id, appliedOn, note });

beforeEach(() => {
  clock = new TestClock(Date.parse(START));
  s = new Store(clock);
  audit = fakeAuditRepo();
  service = new WaitingListService(
    fakeWaitingListRepo(s),
    fakeInstitutions(s),
    fakeResidents(s),
    new RegisterAudit(audit.repo, clock, silentLog()),
    clock,
    () => 'Asia/Shanghai',
  );
  home = institution('East Gate Home', 2);
  other = institution('West Lake Home', 1);
  privateHome = institution('Private Rest', 3, 'private');
  const add = (u: User) => (s.users.push(u), u);
  users = {
    coordinator: add(testUser(tenantId, 'coordinator', 'Coordinator')),
    staff: add(testUser(tenantId, 'institution_staff', 'Carer', { institutionId: home.id })),
    otherStaff: add(testUser(tenantId, 'institution_staff', 'Other Carer', { institutionId: other.id })),
    official: add(testUser(tenantId, 'official', 'Official')),
    dispatcher: add(testUser(tenantId, 'dispatcher', 'Dispatcher')),
    elsewhere: add(testUser(newId(), 'coordinator', 'Coordinator Elsewhere')),
  };
});

describe('the order of the list', () => {
  it('puts extreme poverty first, then the more severe grade, then the earlier day, and numbers the waiting', async () => {
    const general = elder('General Early', { grade: 'complete' });
    const mild = elder('Subsistence Mild', { economicStatus: ['subsistence'], grade: 'mild' });
    const severe = elder('Subsistence Severe', { economicStatus: ['subsistence'], grade: 'severe' });
    const poorLate = elder('Poverty Late', { economicStatus: ['extreme_poverty'] });
    await apply(general, home, '2026-01-01');
    await apply(mild, home, '2026-01-02');
    await apply(severe, home, '2026-02-01');
    await apply(poorLate, home, '2026-03-01');
    const list = await service.list(users.coordinator, { status: 'waiting' });
    expect(list.items.map((a) => [a.residentName, a.position])).toEqual([
      ['Poverty Late', 1],
      ['Subsistence Severe', 2],
      ['Subsistence Mild', 3],
      ['General Early', 4],
    ]);
    expect(list.institutions).toEqual([
      expect.objectContaining({ name: 'East Gate Home', beds: 2, occupied: 0, free: 2, waiting: 4 }),
      expect.objectContaining({ name: 'West Lake Home', beds: 1, free: 1, waiting: 0 }),
    ]);
  });

  it("shows institution staff their own institution's list only, and refuses roles without the list", async () => {
    await apply(elder('Wang Fang'), home, '2026-02-01');
    await apply(elder('Li Na'), other, '2026-02-01');
    const mine = await service.list(users.staff, { status: 'all' });
    expect(mine.items.map((a) => a.residentName)).toEqual(['Wang Fang']);
    expect(mine.institutions.map((i) => i.name)).toEqual(['East Gate Home']);
    await expect(service.list(users.staff, { status: 'all', institutionId: other.id })).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'institutionId' }],
    });
    await expect(service.list(users.official, { status: 'all' })).rejects.toMatchObject({ status: 403 });
    await expect(service.list(users.dispatcher, { status: 'all' })).rejects.toMatchObject({ status: 403 });
    expect((await service.list(users.elsewhere, { status: 'all' })).items).toEqual([]);
  });
});

describe('applying', () => {
  it("dates an application today in the district's time zone, and refuses tomorrow", async () => {
    const a = await service.create(users.coordinator, {
      institutionId: home.id,
      residentId: elder('Wang Fang').id,
      note: '',
    });
    expect(a).toMatchObject({ appliedOn: '2026-03-02', status: 'waiting', position: 1 });
    await expect(apply(elder('Li Na'), home, '2026-03-02')).resolves.toMatchObject({ appliedOn: '2026-03-02' });
    await expect(apply(elder('Zhao Lei'), home, '2026-03-03')).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'appliedOn' }],
    });
    expect(audit.rows.map((r) => [r.entity, r.action])).toEqual([
      ['admission_application', 'create'],
      ['admission_application', 'create'],
    ]);
  });

  it('refuses a second waiting application, a private institution, and an elder who lives there already', async () => {
    const e = elder('Wang Fang');
    await apply(e, home, '2026-02-01');
    await expect(apply(e, home, '2026-02-02')).rejects.toMatchObject({
      status: 409,
      details: [{ path: 'residentId' }],
    });
    await expect(apply(e, privateHome, '2026-02-02')).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'institutionId' }],
    });
    const resident = elder('Li Na', { institutionId: home.id, bedId: bedsOf(home)[0]!.id });
    await expect(apply(resident, home, '2026-02-02')).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'residentId' }],
    });
    await expect(
      service.create(users.coordinator, { institutionId: newId(), residentId: e.id, note: '' }),
    ).rejects.toMatchObject({ status: 400, details: [{ path: 'institutionId' }] });
    expect(s.applications).toHaveLength(1);
  });

  it('lets only the register keepers apply', async () => {
    const e = elder('Wang Fang');
    await expect(
      service.create(users.staff, { institutionId: home.id, residentId: e.id, note: '' }),
    ).rejects.toMatchObject({ status: 403 });
    expect(s.applications).toHaveLength(0);
  });
});

describe('changing an application', () => {
  it('changes only what a PATCH sends', async () => {
    const a = await apply(elder('Wang Fang'), home, '2026-02-01', 'daughter abroad');
    const noted = await service.update(users.coordinator, a.id, { note: 'daughter moved back' });
    expect(noted).toMatchObject({ note: 'daughter moved back', appliedOn: '2026-02-01' });
    const redated = await service.update(users.coordinator, a.id, { appliedOn: '2026-01-15' });
    expect(redated).toMatchObject({ note: 'daughter moved back', appliedOn: '2026-01-15' });
    expect(audit.rows.at(-1)!.changes).toEqual([
      expect.objectContaining({ field: 'appliedOn', before: '2026-02-01', after: '2026-01-15' }),
    ]);
  });

  it('refuses a future day, an unknown application and one decided already', async () => {
    const a = await apply(elder('Wang Fang'), home, '2026-02-01');
    await expect(service.update(users.coordinator, a.id, { appliedOn: '2026-03-03' })).rejects.toMatchObject({
      status: 400,
    });
    await expect(service.update(users.coordinator, newId(), { note: 'x' })).rejects.toMatchObject({ status: 404 });
    await expect(service.update(users.elsewhere, a.id, { note: 'x' })).rejects.toMatchObject({ status: 404 });
    await service.withdraw(users.coordinator, a.id, { reason: 'moved away' });
    await expect(service.update(users.coordinator, a.id, { note: 'x' })).rejects.toMatchObject({ status: 409 });
  });
});

describe('admitting', () => {
  it('places the first in the order in the bed and withdraws their other applications', async () => {
    const e = elder('Wang Fang', { economicStatus: ['extreme_poverty'] });
    const a = await apply(e, home, '2026-02-01');
    const elsewhereToo = await apply(e, other, '2026-02-01');
    clock.advance(3600_000);
    const bed = bedsOf(home)[1]!;
    const admitted = await service.admit(users.coordinator, a.id, { bedId: bed.id, reason: '' });
    expect(admitted).toMatchObject({
      status: 'admitted',
      bedId: bed.id,
      position: null,
      decidedAt: '2026-03-01T17:30:00.000Z',
      decidedByName: 'Coordinator',
    });
    expect(s.elders.find((x) => x.id === e.id)).toMatchObject({ institutionId: home.id, bedId: bed.id });
    const rest = (await service.list(users.coordinator, { status: 'all' })).items.find((x) => x.id === elsewhereToo.id);
    expect(rest).toMatchObject({ status: 'withdrawn', decisionReason: 'admitted to East Gate Home' });
  });

  it('needs a reason to pass over someone ahead in the order, and keeps it with the decision', async () => {
    await apply(elder('First', { economicStatus: ['extreme_poverty'] }), home, '2026-02-01');
    const second = await apply(elder('Second'), home, '2026-01-01');
    const bed = bedsOf(home)[0]!;
    await expect(service.admit(users.coordinator, second.id, { bedId: bed.id, reason: '' })).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'reason' }],
    });
    expect(bed.residentId).toBeNull();
    expect(s.applications.find((x) => x.id === second.id)!.status).toBe('waiting');
    const admitted = await service.admit(users.coordinator, second.id, {
      bedId: bed.id,
      reason: 'First declined the room',
    });
    expect(admitted).toMatchObject({ status: 'admitted', decisionReason: 'First declined the room' });
  });

  it('refuses an institution with no free bed, an occupied bed and a bed of another institution', async () => {
    const [a, b] = bedsOf(home);
    const waiting = await apply(elder('Wang Fang'), home, '2026-02-01');
    elder('Resident A', { institutionId: home.id, bedId: a!.id });
    a!.residentId = s.elders.at(-1)!.id;
    await expect(service.admit(users.coordinator, waiting.id, { bedId: a!.id, reason: '' })).rejects.toMatchObject({
      status: 409,
      details: [{ path: 'bedId' }],
    });
    await expect(
      service.admit(users.coordinator, waiting.id, { bedId: bedsOf(other)[0]!.id, reason: '' }),
    ).rejects.toMatchObject({ status: 400, details: [{ path: 'bedId' }] });
    b!.residentId = newId();
    await expect(service.admit(users.coordinator, waiting.id, { bedId: b!.id, reason: '' })).rejects.toMatchObject({
      status: 409,
      message: 'the institution has no free bed',
    });
    expect(s.applications.find((x) => x.id === waiting.id)!.status).toBe('waiting');
  });

  it('refuses institution staff, and an application decided already', async () => {
    const a = await apply(elder('Wang Fang'), home, '2026-02-01');
    const bed = bedsOf(home)[0]!;
    await expect(service.admit(users.staff, a.id, { bedId: bed.id, reason: '' })).rejects.toMatchObject({
      status: 403,
    });
    await service.admit(users.coordinator, a.id, { bedId: bed.id, reason: '' });
    await expect(
      service.admit(users.coordinator, a.id, { bedId: bedsOf(home)[1]!.id, reason: '' }),
    ).rejects.toMatchObject({
      status: 409,
    });
    await expect(service.withdraw(users.coordinator, a.id, { reason: 'x' })).rejects.toMatchObject({ status: 409 });
  });
});

describe('withdrawing', () => {
  it('keeps the reason, takes the application out of the order and renumbers the rest', async () => {
    const first = await apply(elder('First', { economicStatus: ['extreme_poverty'] }), home, '2026-02-01');
    const second = await apply(elder('Second'), home, '2026-01-01');
    const w = await service.withdraw(users.coordinator, first.id, { reason: 'family will care at home' });
    expect(w).toMatchObject({ status: 'withdrawn', decisionReason: 'family will care at home', position: null });
    const list = await service.list(users.coordinator, { status: 'waiting' });
    expect(list.items.map((a) => [a.id, a.position])).toEqual([[second.id, 1]]);
    expect(audit.rows.at(-1)).toMatchObject({ entityId: first.id, action: 'update' });
  });
});
