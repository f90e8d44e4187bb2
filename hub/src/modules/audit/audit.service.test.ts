/**
 * Reading the register's audit log: who may read it, what coordinators do not see (user
 * accounts), and day filters in the district's time zone. The entries are written by the real
 * RegisterAudit into an in-memory log (audit.fakes.ts); test/integration/register-audit.test.ts
 * runs it on the real database.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { auditQuerySchema, type AuditEntity, type User } from '@eldercare/shared';
import { TestClock, newId, silentLog } from '../../testing/fakes.js';
import { fakeAuditRepo, type FakeAuditRepo } from './audit.fakes.js';
import { AuditService } from './audit.service.js';
import { RegisterAudit } from './register-audit.js';

const tenantId = newId();
const user = (role: User['role'], tenant = tenantId): User => ({
  id: newId(),
  email: `${role}@test.local`,
  name: `The ${role}`,
  role,
  tenantId: tenant,
  institutionId: null,
  residentId: null,
});
const admin = user('admin');
const coordinator = user('coordinator');

let clock: TestClock;
let log: FakeAuditRepo;
let audit: RegisterAudit;
let service: AuditService;
const q = (o: Record<string, unknown> = {}) => auditQuerySchema.parse(o);

beforeEach(() => {
  // 23:30 UTC on 2 March is 07:30 on 3 March in Shanghai.
  clock = new TestClock(Date.parse('2026-03-02T23:30:00.000Z'));
  log = fakeAuditRepo((id) => [admin, coordinator].find((u) => u.id === id)?.name ?? null);
  audit = new RegisterAudit(log.repo, clock, silentLog());
  service = new AuditService(log.repo, () => 'Asia/Shanghai');
});

const record = (actor: User, entity: AuditEntity, before: object | null, after: object | null) =>
  audit.record(actor, entity, newId(), before as Record<string, unknown>, after as Record<string, unknown>);

describe('register audit', () => {
  it('records field changes with who made them, and nothing for an update that changed nothing', async () => {
    await record(coordinator, 'resident', null, { name: 'Wang Fang', room: '101' });
    await record(coordinator, 'resident', { name: 'Wang Fang', room: '101' }, { name: 'Wang Fang', room: '102' });
    await record(coordinator, 'resident', { room: '102' }, { room: '102' });
    const page = await service.search(admin, q());
    expect(page.total).toBe(2);
    expect(page.items[0]).toMatchObject({
      action: 'update',
      actorName: 'The coordinator',
      actorRole: 'coordinator',
      changes: [{ field: 'room', before: '101', after: '102' }],
    });
  });

  it('shows admins everything and coordinators everything but user accounts', async () => {
    await record(admin, 'user', null, { name: 'New Dispatcher', role: 'dispatcher' });
    await record(coordinator, 'device', null, { label: 'pendant' });
    expect((await service.search(admin, q())).items.map((e) => e.entity).sort()).toEqual(['device', 'user']);
    expect((await service.search(coordinator, q())).items.map((e) => e.entity)).toEqual(['device']);
    expect(await service.search(coordinator, q({ entity: 'user' }))).toEqual({ items: [], total: 0 });
    for (const role of ['dispatcher', 'family', 'volunteer', 'institution_staff', 'supervisor', 'official'] as const)
      await expect(service.search(user(role), q())).rejects.toMatchObject({ status: 403 });
  });

  it("keeps each district's log to itself", async () => {
    await record(coordinator, 'device', null, { label: 'pendant' });
    expect((await service.search(user('admin', newId()), q())).total).toBe(0);
  });

  it("filters by the district's local days", async () => {
    await record(coordinator, 'device', null, { label: 'on the 3rd, local' });
    clock.set('2026-03-02T15:00:00.000Z'); // 23:00 on the 2nd in Shanghai
    await record(coordinator, 'device', null, { label: 'on the 2nd, local' });
    const day = async (d: string) => (await service.search(admin, q({ from: d, to: d }))).total;
    expect([await day('2026-03-02'), await day('2026-03-03'), await day('2026-03-04')]).toEqual([1, 1, 0]);
  });
});
