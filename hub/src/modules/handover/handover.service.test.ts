/**
 * Shift handover: who may read and write one, who it may be addressed to, who acknowledges it and
 * only once, what the draft carries (the shift since the last handover, or the default twelve
 * hours), and who is on duty. The repository is an in-memory fake; test/integration covers the SQL.
 */
import type { HandoverIncident } from '@eldercare/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { asRepo, newId, TestClock, type RepoShape } from '../../testing/fakes.js';
import { testUser } from '../../testing/users.js';
import type { HandoverRepo, HandoverRow, IncidentRow } from './handover.repo.js';
import { DEFAULT_SHIFT_MS, HandoverService, type ConnectedScreen } from './handover.service.js';

interface StoredHandover {
  id: string;
  tenantId: string;
  fromUserId: string;
  toUserId: string | null;
  createdAt: Date;
  note: string;
  openIncidents: HandoverIncident[];
  summary: unknown;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  acknowledgeNote: string;
}
type StoredIncident = Omit<IncidentRow, 'over_sla'> & { tenantId: string; over_sla: boolean };

class Store {
  users: { id: string; tenantId: string; role: string; name: string }[] = [];
  handovers: StoredHandover[] = [];
  incidents: StoredIncident[] = [];
}

/** The repository's rules in memory: tenant scoping, newest first, acknowledge only once. */
function fakeHandoverRepo(s: Store): HandoverRepo {
  const name = (id: string | null) => (id ? (s.users.find((u) => u.id === id)?.name ?? null) : null);
  const row = (h: StoredHandover): HandoverRow => ({
    id: h.id,
    from_user_id: h.fromUserId,
    from_name: name(h.fromUserId) ?? '',
    to_user_id: h.toUserId,
    to_name: name(h.toUserId),
    created_at: h.createdAt,
    note: h.note,
    open_incidents: h.openIncidents,
    summary: h.summary,
    acknowledged_at: h.acknowledgedAt,
    acknowledged_by: h.acknowledgedBy,
    ack_name: name(h.acknowledgedBy),
    acknowledge_note: h.acknowledgeNote,
  });
  const ofTenant = (tenantId: string) =>
    s.handovers.filter((h) => h.tenantId === tenantId).sort((a, b) => +b.createdAt - +a.createdAt);
  const incident = ({ tenantId: _t, ...r }: StoredIncident): IncidentRow => ({ ...r });
  const fake: RepoShape<HandoverRepo> = {
    async openIncidents(tenantId) {
      return s.incidents.filter((i) => i.tenantId === tenantId && !i.closed_at && i.status !== 'pending').map(incident);
    },
    async shiftIncidents(tenantId, from, to) {
      const within = (d: Date | null) => d !== null && d >= from && d < to;
      return s.incidents
        .filter((i) => i.tenantId === tenantId && (within(i.created_at) || within(i.closed_at)))
        .map(incident);
    },
    async latest(tenantId) {
      const h = ofTenant(tenantId)[0];
      return h ? row(h) : null;
    },
    async latestAcknowledged(tenantId) {
      const h = ofTenant(tenantId)
        .filter((x) => x.acknowledgedAt)
        .sort((a, b) => +b.acknowledgedAt! - +a.acknowledgedAt!)[0];
      return h ? row(h) : null;
    },
    async get(tenantId, id) {
      const h = s.handovers.find((x) => x.tenantId === tenantId && x.id === id);
      return h ? row(h) : null;
    },
    async list(tenantId, limit, offset) {
      const all = ofTenant(tenantId);
      return { rows: all.slice(offset, offset + limit).map(row), total: all.length };
    },
    async insert(h) {
      const id = newId();
      s.handovers.push({
        id,
        tenantId: h.tenantId,
        fromUserId: h.fromUserId,
        toUserId: h.toUserId,
        createdAt: h.at,
        note: h.note,
        openIncidents: structuredClone(h.openIncidents),
        summary: structuredClone(h.summary),
        acknowledgedAt: null,
        acknowledgedBy: null,
        acknowledgeNote: '',
      });
      return id;
    },
    async acknowledge(tenantId, id, userId, at, note) {
      const h = s.handovers.find((x) => x.tenantId === tenantId && x.id === id && !x.acknowledgedAt);
      if (!h) return false;
      Object.assign(h, { acknowledgedAt: at, acknowledgedBy: userId, acknowledgeNote: note });
      return true;
    },
    async userRole(tenantId, userId) {
      return s.users.find((u) => u.tenantId === tenantId && u.id === userId)?.role ?? null;
    },
  };
  return asRepo<HandoverRepo>(fake);
}

const START = '2026-03-02T08:00:00.000Z';
let s: Store;
let clock: TestClock;
let screens: ConnectedScreen[];
let service: HandoverService;
const tenantId = newId();
const add = (role: Parameters<typeof testUser>[1], name: string, tenant = tenantId) => {
  const u = testUser(tenant, role, name);
  s.users.push({ id: u.id, tenantId: tenant, role, name });
  return u;
};
let users: Record<
  'day' | 'night' | 'late' | 'supervisor' | 'coordinator' | 'staff' | 'elsewhere',
  ReturnType<typeof add>
>;

const incident = (o: Partial<StoredIncident> & { created_at: Date }): StoredIncident => ({
  tenantId,
  id: newId(),
  seq: String(s.incidents.length + 1),
  queue: 'emergency',
  kind: 'fall',
  severity: 'high',
  status: 'acknowledged',
  title: 'Fall detected',
  resident_name: 'Wang Fang',
  closed_at: null,
  ack_name: null,
  outcome: null,
  escalation_level: 0,
  over_sla: false,
  ...o,
});

beforeEach(() => {
  s = new Store();
  clock = new TestClock(Date.parse(START));
  screens = [];
  service = new HandoverService(fakeHandoverRepo(s), clock, async (t) => (t === tenantId ? screens : []));
  users = {
    day: add('dispatcher', 'Day Dispatcher'),
    night: add('dispatcher', 'Night Dispatcher'),
    late: add('dispatcher', 'Late Dispatcher'),
    supervisor: add('supervisor', 'Supervisor'),
    coordinator: add('coordinator', 'Coordinator'),
    staff: add('institution_staff', 'Carer'),
    elsewhere: add('dispatcher', 'Dispatcher Elsewhere', newId()),
  };
});

describe('writing a handover', () => {
  it('carries the note, the incidents open now and the shift since the default twelve hours', async () => {
    const now = Date.parse(START);
    s.incidents.push(
      incident({ created_at: new Date(now - 3600_000), title: 'Still open' }),
      incident({
        created_at: new Date(now - 5 * 3600_000),
        closed_at: new Date(now - 4 * 3600_000),
        status: 'closed',
        outcome: 'false_alarm',
      }),
      incident({ created_at: new Date(now - DEFAULT_SHIFT_MS - 60_000), title: 'From the shift before' }),
      incident({ created_at: new Date(now - 600_000), status: 'pending', title: 'Not yet confirmed' }),
    );
    const h = await service.create(users.day, { note: 'Room 12 needs a look', toUserId: users.night.id });
    expect(h).toMatchObject({
      fromUserId: users.day.id,
      fromUserName: 'Day Dispatcher',
      toUserId: users.night.id,
      toUserName: 'Night Dispatcher',
      note: 'Room 12 needs a look',
      createdAt: START,
      acknowledgedAt: null,
    });
    expect(h.openIncidents.map((i) => i.title)).toEqual(['Still open', 'From the shift before']);
    expect(h.summary).toMatchObject({
      from: new Date(now - DEFAULT_SHIFT_MS).toISOString(),
      to: START,
      raised: 3,
      closed: 1,
      falseAlarms: 1,
    });
  });

  it('counts the next shift from the last handover, not from twelve hours before', async () => {
    await service.create(users.day, { note: 'morning' });
    clock.advance(2 * 3600_000);
    s.incidents.push(incident({ created_at: new Date(Date.parse(START) - 60_000), title: 'Before the handover' }));
    s.incidents.push(incident({ created_at: new Date(Date.parse(START) + 60_000), title: 'After the handover' }));
    const draft = await service.draft(users.night);
    expect(draft.summary).toMatchObject({ from: START, raised: 1 });
  });

  it('refuses coordinators and institution staff, who read but do not take alarms', async () => {
    await expect(service.create(users.coordinator, { note: 'x' })).rejects.toMatchObject({ status: 403 });
    await expect(service.create(users.staff, { note: 'x' })).rejects.toMatchObject({ status: 403 });
    await expect(service.draft(users.staff)).rejects.toMatchObject({ status: 403 });
    expect(s.handovers).toHaveLength(0);
  });

  it('refuses a handover addressed to a coordinator, to another district or to oneself', async () => {
    for (const toUserId of [users.coordinator.id, users.elsewhere.id, users.day.id, newId()])
      await expect(service.create(users.day, { note: 'x', toUserId })).rejects.toMatchObject({
        status: 400,
        details: [{ path: 'toUserId' }],
      });
    expect(s.handovers).toHaveLength(0);
  });
});

describe('acknowledging a handover', () => {
  it('records who took the shift, when and with what note; the next shift is on duty from then', async () => {
    const h = await service.create(users.day, { note: 'quiet', toUserId: users.night.id });
    expect((await service.onDuty(users.night)).pendingHandoverId).toBe(h.id);
    clock.advance(5 * 60_000);
    const acked = await service.acknowledge(users.night, h.id, 'got it');
    expect(acked).toMatchObject({
      acknowledgedBy: users.night.id,
      acknowledgedByName: 'Night Dispatcher',
      acknowledgeNote: 'got it',
      acknowledgedAt: '2026-03-02T08:05:00.000Z',
    });
    const duty = await service.onDuty(users.coordinator);
    expect(duty.shift).toEqual({ userId: users.night.id, name: 'Night Dispatcher', since: acked.acknowledgedAt });
    expect(duty.pendingHandoverId).toBeNull();
  });

  it('refuses a second acknowledgement, the author, and a dispatcher it is not addressed to', async () => {
    const h = await service.create(users.day, { note: 'quiet', toUserId: users.night.id });
    await expect(service.acknowledge(users.day, h.id, '')).rejects.toMatchObject({ status: 409 });
    await expect(service.acknowledge(users.late, h.id, '')).rejects.toMatchObject({ status: 403 });
    await expect(service.acknowledge(users.coordinator, h.id, '')).rejects.toMatchObject({ status: 403 });
    await service.acknowledge(users.night, h.id, 'mine');
    await expect(service.acknowledge(users.supervisor, h.id, '')).rejects.toMatchObject({ status: 409 });
    expect((await service.get(users.day, h.id)).acknowledgeNote).toBe('mine');
  });

  it('lets a supervisor acknowledge a handover addressed to a dispatcher', async () => {
    const h = await service.create(users.day, { note: 'quiet', toUserId: users.night.id });
    await expect(service.acknowledge(users.supervisor, h.id, 'covering')).resolves.toMatchObject({
      acknowledgedBy: users.supervisor.id,
    });
  });

  it("answers not found for another district's handover", async () => {
    const h = await service.create(users.day, { note: 'quiet' });
    await expect(service.acknowledge(users.elsewhere, h.id, '')).rejects.toMatchObject({ status: 404 });
    await expect(service.get(users.elsewhere, h.id)).rejects.toMatchObject({ status: 404 });
    expect((await service.list(users.elsewhere, 10, 0)).total).toBe(0);
  });
});

describe('who is on duty', () => {
  it('lists dispatchers on screen once with their earliest screen, leaving out coordinators', async () => {
    const at = (min: number) => Date.parse(START) + min * 60_000;
    screens = [
      { userId: users.night.id, name: 'Night Dispatcher', role: 'dispatcher', connectedAt: at(10) },
      { userId: users.day.id, name: 'Day Dispatcher', role: 'dispatcher', connectedAt: at(5) },
      { userId: users.night.id, name: 'Night Dispatcher', role: 'dispatcher', connectedAt: at(1) },
      { userId: users.coordinator.id, name: 'Coordinator', role: 'coordinator', connectedAt: at(0) },
    ];
    const duty = await service.onDuty(users.supervisor);
    expect(duty.connected).toEqual([
      {
        userId: users.night.id,
        name: 'Night Dispatcher',
        role: 'dispatcher',
        screens: 2,
        since: new Date(at(1)).toISOString(),
      },
      {
        userId: users.day.id,
        name: 'Day Dispatcher',
        role: 'dispatcher',
        screens: 1,
        since: new Date(at(5)).toISOString(),
      },
    ]);
    expect(duty.shift).toBeNull();
    await expect(service.onDuty(users.staff)).rejects.toMatchObject({ status: 403 });
  });
});
