/**
 * Welfare visits: who may log a visit (planners, and a volunteer for the elders assigned to them),
 * a concern raising an incident, no visit in the future, contacts from other services recorded
 * once, who sees which contacts, days of the contact list in the district's time zone
 * (Asia/Shanghai), and a plan PATCH that changes only what it sends. In-memory repository; the
 * concern's incident and a volunteer's profiles are injected functions.
 */
import type { Alert, User } from '@eldercare/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { asRepo, newId, silentLog, TestClock, type RepoShape } from '../../testing/fakes.js';
import { testUser } from '../../testing/users.js';
import { fakeAuditRepo, type FakeAuditRepo } from '../audit/audit.fakes.js';
import { RegisterAudit } from '../audit/register-audit.js';
import type { ContactInsert, VisitsRepo } from './visits.repo.js';
import { VisitsService } from './visits.service.js';

interface Elder {
  id: string;
  tenantId: string;
  name: string;
  community: string;
  birthDate: string;
  institutionId: string | null;
  createdAt: Date;
}

class Store {
  elders: Elder[] = [];
  contacts: (ContactInsert & { id: string })[] = [];
  plans = new Map<string, { overrideDays: number | null; visitorId: string | null }>();
  volunteers: { id: string; name: string; userId: string }[] = [];
  settings: unknown = null;
  concerns: { residentId: string; note: string }[] = [];
}

function fakeVisitsRepo(s: Store): VisitsRepo {
  const contactRow = (c: Store['contacts'][number]) => ({
    id: c.id,
    resident_id: c.residentId,
    resident_name: s.elders.find((e) => e.id === c.residentId)!.name,
    at: c.at,
    source: c.source,
    method: c.method,
    state: c.state,
    note: c.note,
    concern: c.concern,
    alert_id: c.alertId,
    visitor_id: c.visitorId,
    visitor_name: c.visitorName,
  });
  const fake: RepoShape<VisitsRepo> = {
    async settings() {
      return s.settings;
    },
    async saveSettings(_t, settings) {
      s.settings = structuredClone(settings);
    },
    async savePlan(_t, residentId, p) {
      const before = s.plans.get(residentId) ?? { overrideDays: null, visitorId: null };
      s.plans.set(residentId, {
        overrideDays: p.overrideDays !== undefined ? p.overrideDays : before.overrideDays,
        visitorId: p.visitorId !== undefined ? p.visitorId : before.visitorId,
      });
    },
    async planSources(tenantId, f) {
      return s.elders
        .filter((e) => e.tenantId === tenantId && !e.institutionId)
        .filter(
          (e) => (!f.residentIds || f.residentIds.includes(e.id)) && (!f.community || e.community === f.community),
        )
        .map((e) => {
          const p = s.plans.get(e.id);
          const mine = s.contacts.filter((c) => c.residentId === e.id);
          const last = mine.filter((c) => c.at < f.until).sort((a, b) => +b.at - +a.at)[0];
          return {
            resident_id: e.id,
            name: e.name,
            community: e.community,
            risk_categories: [],
            birth_date: e.birthDate,
            capability_grade: null,
            created_at: e.createdAt,
            institution_id: null,
            override_days: p?.overrideDays ?? null,
            visitor_id: p?.visitorId ?? null,
            visitor_name: s.volunteers.find((v) => v.id === p?.visitorId)?.name ?? null,
            last_contact_at: last?.at ?? null,
            contacted_in_window: mine.some((c) => c.at >= f.from && c.at < f.until),
          };
        });
    },
    async visitorResidentIds(volunteerIds) {
      return [...s.plans.entries()]
        .filter(([, p]) => p.visitorId && volunteerIds.includes(p.visitorId))
        .map(([id]) => id);
    },
    async insertContact(c) {
      // One per (source, sourceId).
      if (c.sourceId && s.contacts.some((x) => x.source === c.source && x.sourceId === c.sourceId)) return null;
      const id = newId();
      s.contacts.push({ ...c, id });
      return id;
    },
    async contacts(tenantId, f) {
      return s.contacts
        .filter((c) => c.tenantId === tenantId && (!f.residentIds || f.residentIds.includes(c.residentId)))
        .filter((c) => (!f.from || c.at >= f.from) && (!f.to || c.at < f.to))
        .sort((a, b) => +b.at - +a.at)
        .slice(0, f.limit)
        .map(contactRow);
    },
    async contact(id) {
      const c = s.contacts.find((x) => x.id === id);
      return c && contactRow(c);
    },
    async resident(id) {
      const e = s.elders.find((x) => x.id === id);
      return e && { id: e.id, tenant_id: e.tenantId, name: e.name, institution_id: e.institutionId };
    },
  };
  return asRepo<VisitsRepo>(fake);
}

// 10:00 on 2 March 2026 in Shanghai.
const START = '2026-03-02T02:00:00.000Z';
const tenantId = newId();
let s: Store;
let clock: TestClock;
let audit: FakeAuditRepo;
let service: VisitsService;
let users: Record<'coordinator' | 'volunteer' | 'otherVolunteer' | 'dispatcher' | 'official' | 'supervisor', User>;
let wang: Elder;
let li: Elder;
let family: User;

const elder = (name: string, o: Partial<Elder> = {}) => {
  const e: Elder = {
    id: newId(),
    tenantId,
    name,
    community: 'East Gate',
    birthDate: '1945-01-01',
    institutionId: null,
    createdAt: new Date('2025-01-01T00:00:00Z'),
    ...o,
  };
  s.elders.push(e);
  return e;
};
const visit = { method: 'home' as const, state: 'well' as const, note: '', concern: false };

beforeEach(() => {
  s = new Store();
  clock = new TestClock(Date.parse(START));
  audit = fakeAuditRepo();
  service = new VisitsService({
    repo: fakeVisitsRepo(s),
    clock,
    log: silentLog(),
    timeZone: () => 'Asia/Shanghai',
    volunteerIds: async (u) => s.volunteers.filter((v) => v.userId === u.id).map((v) => v.id),
    audit: new RegisterAudit(audit.repo, clock, silentLog()),
    raiseConcern: async (c) => {
      s.concerns.push({ residentId: c.residentId, note: c.note });
      return { id: newId() } as Alert;
    },
  });
  wang = elder('Wang Fang');
  li = elder('Li Na');
  users = {
    coordinator: testUser(tenantId, 'coordinator', 'Coordinator'),
    volunteer: testUser(tenantId, 'volunteer', 'Volunteer Zhao'),
    otherVolunteer: testUser(tenantId, 'volunteer', 'Volunteer Sun'),
    dispatcher: testUser(tenantId, 'dispatcher', 'Dispatcher'),
    official: testUser(tenantId, 'official', 'Official'),
    supervisor: testUser(tenantId, 'supervisor', 'Supervisor'),
  };
  family = testUser(tenantId, 'family', 'Wang Family', { residentId: wang.id });
  const profile = { id: newId(), name: 'Volunteer Zhao', userId: users.volunteer.id };
  s.volunteers.push(profile);
  s.plans.set(wang.id, { overrideDays: null, visitorId: profile.id });
});

describe('logging a visit', () => {
  it('lets the assigned volunteer log a visit to their elder, and no other', async () => {
    const c = await service.logVisit(users.volunteer, { residentId: wang.id, ...visit, note: 'tea and a chat' });
    expect(c).toMatchObject({
      residentId: wang.id,
      at: START,
      source: 'visit',
      visitorName: 'Volunteer Zhao',
      alertId: null,
    });
    await expect(service.logVisit(users.volunteer, { residentId: li.id, ...visit })).rejects.toMatchObject({
      status: 403,
    });
    await expect(service.logVisit(users.otherVolunteer, { residentId: wang.id, ...visit })).rejects.toMatchObject({
      status: 403,
    });
    await expect(service.logVisit(users.official, { residentId: wang.id, ...visit })).rejects.toMatchObject({
      status: 403,
    });
    expect(s.contacts).toHaveLength(1);
  });

  it('raises an incident for a concern and keeps its id with the visit', async () => {
    const c = await service.logVisit(users.coordinator, {
      residentId: li.id,
      ...visit,
      state: 'unwell',
      concern: true,
      note: 'did not answer the door at first',
    });
    expect(s.concerns).toEqual([{ residentId: li.id, note: 'did not answer the door at first' }]);
    expect(c.alertId).not.toBeNull();
  });

  it('refuses a visit more than five minutes in the future and an elder of another district', async () => {
    const at = (ms: number) => new Date(Date.parse(START) + ms).toISOString();
    await expect(
      service.logVisit(users.coordinator, { residentId: wang.id, ...visit, at: at(5 * 60_000) }),
    ).resolves.toBeDefined();
    await expect(
      service.logVisit(users.coordinator, { residentId: wang.id, ...visit, at: at(5 * 60_000 + 1000) }),
    ).rejects.toMatchObject({ status: 400, details: [{ path: 'at' }] });
    const stranger = elder('Stranger', { tenantId: newId() });
    await expect(service.logVisit(users.coordinator, { residentId: stranger.id, ...visit })).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'residentId' }],
    });
  });
});

describe('contacts', () => {
  it('records a contact from another service once', async () => {
    const c = {
      tenantId,
      residentId: wang.id,
      at: new Date(START),
      source: 'meal' as const,
      sourceId: newId(),
      visitorId: null,
      visitorName: 'Runner',
    };
    await service.recordContact(c);
    await service.recordContact(c);
    expect(s.contacts).toHaveLength(1);
  });

  it("shows family their elder's contacts only, staff all, and refuses roles without the visit log", async () => {
    await service.logVisit(users.coordinator, { residentId: wang.id, ...visit });
    await service.logVisit(users.coordinator, { residentId: li.id, ...visit });
    expect((await service.contacts(family, { limit: 50 })).map((c) => c.residentName)).toEqual(['Wang Fang']);
    expect(await service.contacts(family, { residentId: li.id, limit: 50 })).toEqual([]);
    expect(await service.contacts(users.dispatcher, { limit: 50 })).toHaveLength(2);
    expect((await service.contacts(users.volunteer, { limit: 50 })).map((c) => c.residentName)).toEqual(['Wang Fang']);
    await expect(service.contacts(users.official, { limit: 50 })).rejects.toMatchObject({ status: 403 });
  });

  it("lists a day's contacts by the Shanghai calendar", async () => {
    const log = (iso: string) => service.logVisit(users.coordinator, { residentId: wang.id, ...visit, at: iso });
    await log('2026-02-28T15:59:00.000Z'); // 23:59 on 28 February in Shanghai
    await log('2026-02-28T16:00:00.000Z'); // 00:00 on 1 March in Shanghai
    await log('2026-03-01T15:59:00.000Z'); // 23:59 on 1 March in Shanghai
    await log('2026-03-01T16:00:00.000Z'); // 00:00 on 2 March in Shanghai
    const day = await service.contacts(users.coordinator, { from: '2026-03-01', to: '2026-03-01', limit: 50 });
    expect(day.map((c) => c.at)).toEqual(['2026-03-01T15:59:00.000Z', '2026-02-28T16:00:00.000Z']);
  });
});

describe('visit plans', () => {
  it('changes only what a PATCH sends, and records it', async () => {
    const p = await service.updatePlan(users.coordinator, wang.id, { overrideDays: 10 });
    expect(p).toMatchObject({ overrideDays: 10, intervalDays: 10, visitorName: 'Volunteer Zhao' });
    const q = await service.updatePlan(users.coordinator, wang.id, { visitorId: null });
    expect(q).toMatchObject({ overrideDays: 10, visitorId: null });
    expect(audit.rows.map((r) => [r.entity, (r.changes as { field: string }[]).map((c) => c.field)])).toEqual([
      ['visit_plan', ['overrideDays']],
      ['visit_plan', ['visitorId']],
    ]);
  });

  it('refuses non-planners, an unknown elder and a resident of a care institution', async () => {
    await expect(service.updatePlan(users.supervisor, wang.id, { overrideDays: 10 })).rejects.toMatchObject({
      status: 403,
    });
    await expect(service.updatePlan(users.coordinator, newId(), { overrideDays: 10 })).rejects.toMatchObject({
      status: 404,
    });
    const resident = elder('In Care', { institutionId: newId() });
    await expect(service.updatePlan(users.coordinator, resident.id, { overrideDays: 10 })).rejects.toMatchObject({
      status: 400,
    });
  });

  it("shows family their elder's plan only", async () => {
    expect((await service.plans(family, { limit: 50 })).map((p) => p.residentName)).toEqual(['Wang Fang']);
    expect(await service.plans(users.coordinator, { limit: 50 })).toHaveLength(2);
  });
});
