/**
 * The shift roster of an institution: care staff start and end their own shift, managers anyone's
 * at the institution; one open shift per person; a shift ends once; other institutions' shifts are
 * not found. In-memory repository; the institution lookup (and its scope) is a typed fake of the
 * one InstitutionsService method the roster calls.
 */
import type { Institution, User } from '@eldercare/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { notFound } from '../../http/errors.js';
import { asRepo, newId, TestClock, type RepoShape } from '../../testing/fakes.js';
import { testUser } from '../../testing/users.js';
import type { InstitutionsService } from './institutions.service.js';
import type { ShiftsRepo } from './shifts.repo.js';
import { ShiftsService } from './shifts.service.js';

interface StoredShift {
  id: string;
  tenantId: string;
  institutionId: string;
  userId: string;
  startedAt: Date;
  endedAt: Date | null;
  startedBy: string;
  endedBy: string | null;
}

class Store {
  users: User[] = [];
  institutions: { id: string; tenantId: string }[] = [];
  shifts: StoredShift[] = [];
}

function fakeShiftsRepo(s: Store): ShiftsRepo {
  const name = (id: string) => s.users.find((u) => u.id === id)!.name;
  const row = (x: StoredShift) => ({
    id: x.id,
    institution_id: x.institutionId,
    user_id: x.userId,
    user_name: name(x.userId),
    started_at: x.startedAt,
    ended_at: x.endedAt,
    started_by: x.startedBy,
    started_by_name: name(x.startedBy),
    ended_by: x.endedBy,
  });
  const of = (tenantId: string, institutionId: string) =>
    s.shifts.filter((x) => x.tenantId === tenantId && x.institutionId === institutionId);
  const fake: RepoShape<ShiftsRepo> = {
    async user(tenantId, userId) {
      const u = s.users.find((x) => x.tenantId === tenantId && x.id === userId);
      return u ? { id: u.id, role: u.role, institution_id: u.institutionId } : null;
    },
    async get(tenantId, id) {
      const x = s.shifts.find((y) => y.tenantId === tenantId && y.id === id);
      return x ? row(x) : null;
    },
    async openOf(tenantId, userId) {
      const x = s.shifts.find((y) => y.tenantId === tenantId && y.userId === userId && !y.endedAt);
      return x ? row(x) : null;
    },
    async start(tenantId, institutionId, userId, startedBy, at) {
      // The partial unique index: one open shift per user.
      if (s.shifts.some((y) => y.userId === userId && !y.endedAt)) return null;
      const id = newId();
      s.shifts.push({ id, tenantId, institutionId, userId, startedAt: at, endedAt: null, startedBy, endedBy: null });
      return id;
    },
    async end(tenantId, id, endedBy, at) {
      const x = s.shifts.find((y) => y.tenantId === tenantId && y.id === id && !y.endedAt);
      if (!x) return false;
      x.endedAt = at > x.startedAt ? at : x.startedAt;
      x.endedBy = endedBy;
      return true;
    },
    async open(tenantId, institutionId) {
      return of(tenantId, institutionId)
        .filter((x) => !x.endedAt)
        .sort((a, b) => +a.startedAt - +b.startedAt)
        .map(row);
    },
    async recent(tenantId, institutionId, limit) {
      return of(tenantId, institutionId)
        .sort((a, b) => Number(!b.endedAt) - Number(!a.endedAt) || +b.startedAt - +a.startedAt)
        .slice(0, limit)
        .map(row);
    },
  };
  return asRepo<ShiftsRepo>(fake);
}

/** The institution, as the real service scopes it: staff see only their own institution. */
function fakeInstitutions(s: Store): InstitutionsService {
  const fake: Pick<InstitutionsService, 'get'> = {
    async get(user, id) {
      const i = s.institutions.find((x) => x.tenantId === user.tenantId && x.id === id);
      if (!i || (user.role === 'institution_staff' && user.institutionId !== id)) throw notFound('institution');
      return { id } as Institution;
    },
  };
  return fake as InstitutionsService;
}

const START = '2026-03-02T06:00:00.000Z';
const tenantId = newId();
let s: Store;
let clock: TestClock;
let service: ShiftsService;
let home: string;
let other: string;
let users: Record<'carer' | 'colleague' | 'otherCarer' | 'supervisor' | 'dispatcher' | 'coordinator', User>;

beforeEach(() => {
  s = new Store();
  clock = new TestClock(Date.parse(START));
  service = new ShiftsService(fakeShiftsRepo(s), fakeInstitutions(s), clock);
  home = newId();
  other = newId();
  s.institutions.push({ id: home, tenantId }, { id: other, tenantId });
  const add = (u: User) => (s.users.push(u), u);
  users = {
    carer: add(testUser(tenantId, 'institution_staff', 'Carer Wang', { institutionId: home })),
    colleague: add(testUser(tenantId, 'institution_staff', 'Carer Li', { institutionId: home })),
    otherCarer: add(testUser(tenantId, 'institution_staff', 'Carer Zhao', { institutionId: other })),
    supervisor: add(testUser(tenantId, 'supervisor', 'Supervisor')),
    dispatcher: add(testUser(tenantId, 'dispatcher', 'Dispatcher')),
    coordinator: add(testUser(tenantId, 'coordinator', 'Coordinator')),
  };
});

describe('starting a shift', () => {
  it('lets care staff start their own shift at the hour of the hub clock, and shows them on shift', async () => {
    const shift = await service.start(users.carer, home, {});
    expect(shift).toMatchObject({
      userId: users.carer.id,
      userName: 'Carer Wang',
      startedAt: START,
      endedAt: null,
      startedByName: 'Carer Wang',
    });
    expect((await service.onShift(tenantId, home)).map((x) => x.userName)).toEqual(['Carer Wang']);
  });

  it('lets a supervisor start a carer’s shift, and refuses a carer starting a colleague’s', async () => {
    await expect(service.start(users.supervisor, home, { userId: users.colleague.id })).resolves.toMatchObject({
      userId: users.colleague.id,
      startedByName: 'Supervisor',
    });
    await expect(service.start(users.carer, home, { userId: users.otherCarer.id })).rejects.toMatchObject({
      status: 403,
    });
    await expect(service.start(users.dispatcher, home, {})).rejects.toMatchObject({ status: 403 });
  });

  it('refuses someone who is not care staff of the institution, or not of the district', async () => {
    for (const userId of [users.otherCarer.id, users.coordinator.id])
      await expect(service.start(users.supervisor, home, { userId })).rejects.toMatchObject({
        status: 400,
        details: [{ path: 'userId' }],
      });
    await expect(service.start(users.supervisor, home, { userId: newId() })).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'userId' }],
    });
    await expect(service.start(users.otherCarer, home, {})).rejects.toMatchObject({ status: 404 });
    expect(s.shifts).toHaveLength(0);
  });

  it('refuses a second open shift, saying since when the first runs', async () => {
    await service.start(users.carer, home, {});
    clock.advance(3600_000);
    await expect(service.start(users.supervisor, home, { userId: users.carer.id })).rejects.toMatchObject({
      status: 409,
      message: `already on shift since ${START}`,
    });
  });
});

describe('ending a shift', () => {
  it('ends the caller’s own shift once, and lists it after the open ones', async () => {
    await service.start(users.carer, home, {});
    await service.start(users.colleague, home, {});
    clock.advance(8 * 3600_000);
    const ended = await service.endMine(users.carer, home);
    expect(ended).toMatchObject({ endedAt: '2026-03-02T14:00:00.000Z', endedBy: users.carer.id });
    await expect(service.endMine(users.carer, home)).rejects.toMatchObject({ status: 404 });
    await expect(service.end(users.supervisor, home, ended.id)).rejects.toMatchObject({ status: 409 });
    const recent = await service.list(users.supervisor, home, { limit: 10 });
    expect(recent.items.map((x) => x.userName)).toEqual(['Carer Li', 'Carer Wang']);
    expect((await service.list(users.supervisor, home, { active: 'true', limit: 10 })).items).toHaveLength(1);
  });

  it('refuses a carer ending a colleague’s shift, and a shift of another institution', async () => {
    const mine = await service.start(users.carer, home, {});
    const theirs = await service.start(users.otherCarer, other, {});
    await expect(service.end(users.colleague, home, mine.id)).rejects.toMatchObject({ status: 403 });
    await expect(service.end(users.supervisor, home, theirs.id)).rejects.toMatchObject({ status: 404 });
    await expect(service.end(users.supervisor, home, mine.id)).resolves.toMatchObject({ endedBy: users.supervisor.id });
  });
});
