/**
 * The SLA report of alarm handling: acknowledged within 60 s and 180 s, days and months counted in
 * the district's time zone (Asia/Shanghai), the exceptions over 180 s with the latest reason a
 * supervisor gave, and who may give one. In-memory repository, a clock the test sets.
 */
import { DEFAULT_SLA_TARGETS, type User } from '@eldercare/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { asRepo, newId, TestClock, type RepoShape } from '../../testing/fakes.js';
import { testUser } from '../../testing/users.js';
import type { SlaRepo, SlaRow } from './sla.repo.js';
import { SlaService } from './sla.service.js';

type Stored = SlaRow & { tenantId: string; queue: string };

class Store {
  alerts: Stored[] = [];
  reasons: { id: number; alertId: string; actorId: string; note: string; at: Date }[] = [];
  users: User[] = [];
}

function fakeSlaRepo(s: Store): SlaRepo {
  const view = ({ tenantId: _t, ...r }: Stored): SlaRow => ({ ...r });
  const fake: RepoShape<SlaRepo> = {
    async rows(tenantId, from, to) {
      return s.alerts
        .filter((a) => a.tenantId === tenantId && a.queue === 'emergency' && a.opened_at >= from && a.opened_at < to)
        .filter((a) => !(a.status === 'cancelled' && !a.acknowledged_at))
        .sort((a, b) => +a.opened_at - +b.opened_at)
        .map(view);
    },
    async reasons(alertIds) {
      return alertIds.flatMap((id) => {
        const r = s.reasons.filter((x) => x.alertId === id).sort((a, b) => b.id - a.id)[0];
        return r
          ? [
              {
                alert_id: id,
                note: r.note,
                at: r.at,
                actor_name: s.users.find((u) => u.id === r.actorId)?.name ?? null,
              },
            ]
          : [];
      });
    },
    async one(tenantId, alertId) {
      const a = s.alerts.find((x) => x.tenantId === tenantId && x.id === alertId);
      return a ? view(a) : null;
    },
    async addReason(alertId, actorId, note, at) {
      s.reasons.push({ id: s.reasons.length + 1, alertId, actorId, note, at });
    },
  };
  return asRepo<SlaRepo>(fake);
}

const tenantId = newId();
let s: Store;
let clock: TestClock;
let service: SlaService;
let users: Record<'supervisor' | 'dispatcher' | 'coordinator', User>;

/** A UTC instant from a Shanghai wall-clock time (UTC+8). */
const sh = (local: string) => new Date(`${local}+08:00`);
const alarm = (openedLocal: string, ackAfterS: number | null, o: Partial<Stored> = {}) => {
  const opened = sh(openedLocal);
  const a: Stored = {
    tenantId,
    id: newId(),
    queue: 'emergency',
    seq: String(s.alerts.length + 1),
    kind: 'sos',
    status: ackAfterS === null ? 'open' : 'acknowledged',
    created_at: opened,
    opened_at: opened,
    acknowledged_at: ackAfterS === null ? null : new Date(opened.getTime() + ackAfterS * 1000),
    acknowledged_by: ackAfterS === null ? null : users.dispatcher.id,
    ack_name: ackAfterS === null ? null : 'Dispatcher',
    closed_at: null,
    resident_id: null,
    resident_name: null,
    community: 'East Gate',
    ...o,
  };
  s.alerts.push(a);
  return a;
};

beforeEach(() => {
  s = new Store();
  clock = new TestClock(sh('2026-03-10T12:00:00').getTime());
  service = new SlaService(
    fakeSlaRepo(s),
    clock,
    () => 'Asia/Shanghai',
    () => DEFAULT_SLA_TARGETS,
  );
  users = {
    supervisor: testUser(tenantId, 'supervisor', 'Supervisor'),
    dispatcher: testUser(tenantId, 'dispatcher', 'Dispatcher'),
    coordinator: testUser(tenantId, 'coordinator', 'Coordinator'),
  };
  s.users.push(...Object.values(users));
});

describe('the report', () => {
  it('counts a month and its days in Shanghai: 00:30 on 1 March is March, 23:30 on 28 February is not', async () => {
    alarm('2026-02-28T23:30:00', 30);
    alarm('2026-03-01T00:30:00', 30);
    alarm('2026-03-01T23:59:00', 120);
    alarm('2026-03-02T09:00:00', 200);
    const r = await service.report(users.supervisor, { month: '2026-03', period: 'day' });
    expect(r).toMatchObject({
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-31T16:00:00.000Z',
      timezone: 'Asia/Shanghai',
      total: 3,
      ackWithin60: 1,
      ackWithin180: 2,
      medianAckSeconds: 120,
    });
    expect(r.byDay.map((d) => [d.day, d.total, d.within60])).toEqual([
      ['2026-03-01', 2, 1],
      ['2026-03-02', 1, 0],
    ]);
    expect(r.shareWithin60).toBeCloseTo(1 / 3);
  });

  it('groups weeks from Monday and months in the district’s calendar', async () => {
    alarm('2026-03-01T10:00:00', 10); // a Sunday
    alarm('2026-03-02T10:00:00', 10); // the Monday after
    const weeks = await service.report(users.supervisor, { month: '2026-03', period: 'week' });
    expect(weeks.byPeriod.map((p) => [p.period, p.total])).toEqual([
      ['2026-02-23', 1],
      ['2026-03-02', 1],
    ]);
    const months = await service.report(users.supervisor, { month: '2026-03', period: 'month' });
    expect(months.byPeriod.map((p) => [p.period, p.total])).toEqual([['2026-03', 2]]);
  });

  it('lists as exceptions the alarms over 180 s, and the unacknowledged once 180 s have run out', async () => {
    const slow = alarm('2026-03-10T09:00:00', 181);
    alarm('2026-03-10T09:10:00', 180);
    const waiting = alarm('2026-03-10T11:56:00', null);
    alarm('2026-03-10T11:58:30', null); // 90 s by now: not yet
    const r = await service.report(users.supervisor, { period: 'day' });
    expect(r.over180.map((x) => [x.id, x.ackSeconds])).toEqual([
      [slow.id, 181],
      [waiting.id, null],
    ]);
    expect(r.total).toBe(4);
    expect(r.ackWithin180).toBe(1);
    expect(r.byDispatcher).toEqual([
      expect.objectContaining({ name: 'Dispatcher', total: 2, within60: 0, within180: 1 }),
    ]);
  });
});

describe('reasons for exceptions', () => {
  it('lets a supervisor give the reason, the latest one showing in the report', async () => {
    const slow = alarm('2026-03-10T09:00:00', 400);
    await service.recordReason(users.supervisor, slow.id, 'two calls at once');
    clock.advance(60_000);
    await service.recordReason(users.supervisor, slow.id, 'two calls at once; the second was a fall');
    const r = await service.report(users.dispatcher, { period: 'day' });
    expect(r.over180[0]!.reason).toEqual({
      text: 'two calls at once; the second was a fall',
      by: 'Supervisor',
      at: '2026-03-10T04:01:00.000Z',
    });
  });

  it('refuses dispatchers and coordinators, an unknown incident, and an incident within 180 s', async () => {
    const slow = alarm('2026-03-10T09:00:00', 400);
    const quick = alarm('2026-03-10T09:10:00', 100);
    const cancelled = alarm('2026-03-10T09:20:00', null, {
      status: 'cancelled',
      closed_at: sh('2026-03-10T09:30:00'),
    });
    const device = alarm('2026-03-10T09:30:00', 900, { queue: 'device_health' });
    await expect(service.recordReason(users.dispatcher, slow.id, 'x')).rejects.toMatchObject({ status: 403 });
    await expect(service.recordReason(users.coordinator, slow.id, 'x')).rejects.toMatchObject({ status: 403 });
    await expect(service.recordReason(users.supervisor, newId(), 'x')).rejects.toMatchObject({ status: 404 });
    for (const a of [quick, cancelled, device])
      await expect(service.recordReason(users.supervisor, a.id, 'x')).rejects.toMatchObject({ status: 409 });
    expect(s.reasons).toEqual([]);
  });
});
