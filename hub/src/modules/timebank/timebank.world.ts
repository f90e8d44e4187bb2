/**
 * A small district for the time-bank services' unit tests: the real services over the in-memory
 * repositories (timebank.fakes.ts, ledger.fakes.ts) and a clock the test moves.
 */
import { DEFAULT_POLICY, type ProgramPolicy, type User } from '@eldercare/shared';
import { TestClock, newId, silentLog } from '../../testing/fakes.js';
import { fakeAuditRepo } from '../audit/audit.fakes.js';
import { RegisterAudit } from '../audit/register-audit.js';
import { fakeLedgerRepo } from './ledger.fakes.js';
import { LedgerService } from './ledger.service.js';
import { MembersService } from './members.service.js';
import { RequestsService, type RecordContact } from './requests.service.js';
import { TimebankStore, fakeMembersRepo, fakeRequestsRepo } from './timebank.fakes.js';

const role = (tenantId: string, r: User['role'], name: string, residentId: string | null = null): User => ({
  id: newId(),
  email: `${name.toLowerCase().replace(/\s+/g, '.')}@test.local`,
  name,
  role: r,
  tenantId,
  institutionId: null,
  residentId,
});

/**
 * The real time-bank services over the fakes, a clock the test moves, and a district: an admin, a
 * coordinator, two elders, a family login for the first, a volunteer login, and a coordinator of
 * another district. `program()` creates a program through the members service.
 */
export function timebankWorld(start = '2026-03-02T02:00:00.000Z') {
  const clock = new TestClock(Date.parse(start));
  const store = new TimebankStore(() => new Date(clock.now()));
  const log = silentLog();
  const nameOf = (id: string) => store.users.find((u) => u.id === id)?.name ?? null;
  const audit = fakeAuditRepo(nameOf);
  const members = new MembersService(fakeMembersRepo(store), clock, new RegisterAudit(audit.repo, clock, log));
  const ledger = new LedgerService(fakeLedgerRepo(store), members, clock, log, () => 'Asia/Shanghai');
  const contacts: Parameters<RecordContact>[0][] = [];
  const requests = new RequestsService(fakeRequestsRepo(store), members, ledger, clock, log, async (c) => {
    contacts.push(c);
  });

  const tenantId = newId();
  const addResident = (name: string, birthDate = '1940-05-01', tenant = tenantId) => {
    const r = { id: newId(), tenantId: tenant, name, birthDate, community: 'East Gate' };
    store.residents.push(r);
    return r;
  };
  const addUser = (u: User) => {
    store.users.push({ id: u.id, tenantId: u.tenantId, role: u.role, name: u.name, residentId: u.residentId });
    return u;
  };
  const elder = addResident('Wang Fang');
  const otherElder = addResident('Li Na', '1938-11-20');
  const users = {
    admin: addUser(role(tenantId, 'admin', 'Admin')),
    coordinator: addUser(role(tenantId, 'coordinator', 'Coordinator')),
    family: addUser(role(tenantId, 'family', 'Wang Family', elder.id)),
    otherFamily: addUser(role(tenantId, 'family', 'Li Family', otherElder.id)),
    volunteerLogin: addUser(role(tenantId, 'volunteer', 'Zhao Volunteer')),
    otherVolunteerLogin: addUser(role(tenantId, 'volunteer', 'Sun Volunteer')),
    dispatcher: addUser(role(tenantId, 'dispatcher', 'Dispatcher')),
    elsewhere: addUser(role(newId(), 'coordinator', 'Coordinator Elsewhere')),
  };

  return {
    clock,
    store,
    audit,
    members,
    ledger,
    requests,
    contacts,
    tenantId,
    elder,
    otherElder,
    users,
    addResident,
    addUser,
    /** A program (policy over the defaults) with a volunteer for each volunteer login. */
    async program(policy: Partial<ProgramPolicy> = {}) {
      const p = await members.createProgram(users.coordinator, {
        name: `Program ${store.programs.length + 1}`,
        policy: { ...DEFAULT_POLICY, ...policy },
      });
      const volunteer = await members.registerVolunteer(users.coordinator, {
        programId: p.id,
        name: 'Zhao Volunteer',
        phone: '',
        birthDate: '1990-01-01',
        userId: users.volunteerLogin.id,
        organisationId: null,
        familyResidentIds: [],
      });
      const otherVolunteer = await members.registerVolunteer(users.coordinator, {
        programId: p.id,
        name: 'Sun Volunteer',
        phone: '',
        birthDate: '1985-06-15',
        userId: users.otherVolunteerLogin.id,
        organisationId: null,
        familyResidentIds: [],
      });
      return { ...p, volunteer, otherVolunteer };
    },
    /** The current balance of an account, in minutes. */
    balance: (accountId: string) => store.accounts.find((a) => a.id === accountId)!.balanceMinutes,
  };
}

export type TimebankWorld = ReturnType<typeof timebankWorld>;
