/**
 * In-memory fakes of the time-bank repositories for unit tests, over one shared store (the tables
 * the three repositories read). They keep the rules the database keeps: a posting once per
 * idempotency key, account floors, balanced transfers, one reversal per transfer, conditional
 * request steps. The real-database behaviour stays covered by test/integration/timebank-*.test.ts.
 */
import { DEFAULT_POLICY, MEMBER_KINDS, type ProgramPolicy, type User } from '@eldercare/shared';
import { conflict } from '../../http/errors.js';
import { TestClock, asRepo, constraintError, newId, silentLog, type RepoShape } from '../../testing/fakes.js';
import { fakeAuditRepo } from '../audit/audit.fakes.js';
import { RegisterAudit } from '../audit/register-audit.js';
import { LedgerService } from './ledger.service.js';
import { MembersService } from './members.service.js';
import { RequestsService, type RecordContact } from './requests.service.js';
import type { AccountRow, LedgerRepo, Posting, StatementLineRow, TransferRow } from './ledger.repo.js';
import type { AccountRecord, MembersRepo, OrganisationRow, ProgramRow, VolunteerRow } from './members.repo.js';
import type { RequestFilter, RequestRow, RequestsRepo } from './requests.repo.js';

interface UserRecord {
  id: string;
  tenantId: string;
  role: string;
  name: string;
  residentId: string | null;
}
interface ResidentRecord {
  id: string;
  tenantId: string;
  name: string;
  birthDate: string;
  community: string;
}
interface TransferRecord extends Omit<Posting, 'entries'> {
  id: string;
  idempotencyKey: string;
  postedAt: number;
}
interface EntryRecord {
  id: number;
  transferId: string;
  accountId: string;
  amount: number;
}
type RequestRecord = Omit<RequestRow, 'resident_name' | 'community' | 'volunteer_name' | 'organisation_name'>;

export class TimebankStore {
  programs: ProgramRow[] = [];
  accounts: AccountRecord[] = [];
  organisations: OrganisationRow[] = [];
  volunteers: VolunteerRow[] = [];
  users: UserRecord[] = [];
  residents: ResidentRecord[] = [];
  transfers: TransferRecord[] = [];
  entries: EntryRecord[] = [];
  requests: RequestRecord[] = [];
  private seq = 0;

  constructor(private readonly now: () => Date) {}

  next(): number {
    return ++this.seq;
  }
  at(): Date {
    return this.now();
  }
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const copy = <T extends object>(o: T): T => ({ ...o });

export function fakeMembersRepo(s: TimebankStore): MembersRepo {
  const fake: RepoShape<MembersRepo> = {
    async programs(tenantId) {
      return s.programs
        .filter((p) => p.tenantId === tenantId)
        .sort((a, b) => +a.createdAt - +b.createdAt)
        .map(copy);
    },
    async allPrograms() {
      return s.programs.map(copy);
    },
    async program(id) {
      const p = s.programs.find((x) => x.id === id);
      return p && copy(p);
    },
    async createProgram(tenantId, name, policy, fundFloor) {
      const p: ProgramRow = { id: newId(), tenantId, name, policy, createdAt: s.at() };
      s.programs.push(p);
      const sys = (kind: string, n: string, floor: number | null): AccountRecord => ({
        id: newId(),
        programId: p.id,
        kind,
        ownerId: null,
        name: n,
        floorMinutes: floor,
        balanceMinutes: 0,
        createdAt: s.at(),
      });
      s.accounts.push(sys('issuance', `${name} · issuance`, null), sys('fund', `${name} · community fund`, fundFloor));
      return copy(p);
    },
    async updateProgram(id, c) {
      const p = s.programs.find((x) => x.id === id)!;
      if (c.fundFloor !== undefined) {
        const fund = s.accounts.find((a) => a.programId === id && a.kind === 'fund')!;
        if (c.fundFloor !== null && fund.balanceMinutes < c.fundFloor)
          throw constraintError('tb_accounts_floor_ck', '23514');
        fund.floorMinutes = c.fundFloor;
      }
      if (c.name !== undefined) p.name = c.name;
      if (c.policy) p.policy = { ...(p.policy as object), ...c.policy };
      return copy(p);
    },
    async systemAccounts(programIds) {
      return s.accounts.filter((a) => programIds.includes(a.programId) && a.ownerId === null).map(copy);
    },
    async ensureAccount(programId, kind, ownerId, name) {
      let a = s.accounts.find((x) => x.programId === programId && x.kind === kind && x.ownerId === ownerId);
      if (!a) {
        a = { id: newId(), programId, kind, ownerId, name, floorMinutes: 0, balanceMinutes: 0, createdAt: s.at() };
        s.accounts.push(a);
      }
      return copy(a);
    },
    async accountById(id) {
      const a = s.accounts.find((x) => x.id === id);
      return a && copy(a);
    },
    async accounts(f) {
      return s.accounts
        .filter(
          (a) =>
            f.programIds.includes(a.programId) &&
            (!f.kind || a.kind === f.kind) &&
            (!f.ownerIds || (a.ownerId !== null && f.ownerIds.includes(a.ownerId))) &&
            (!f.q || a.name.toLowerCase().includes(f.q.toLowerCase())),
        )
        .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : byName(a, b)))
        .slice(0, 1000)
        .map(copy);
    },
    async giftCandidates(f) {
      const residentOf = (a: AccountRecord) =>
        a.kind === 'elder'
          ? a.ownerId
          : a.kind === 'family'
            ? (s.users.find((u) => u.id === a.ownerId)?.residentId ?? null)
            : null;
      return s.accounts
        .filter(
          (a) =>
            a.programId === f.programId &&
            (MEMBER_KINDS as readonly string[]).includes(a.kind) &&
            a.id !== f.exceptId &&
            (!f.residentIds || f.residentIds.includes(residentOf(a) ?? '')) &&
            (!f.accountId || a.id === f.accountId) &&
            (!f.name || a.name.toLowerCase().includes(f.name.toLowerCase())),
        )
        .sort((a, b) => byName(a, b) || (a.id < b.id ? -1 : 1))
        .slice(0, f.limit)
        .map((a) => ({ id: a.id, name: a.name, kind: a.kind, ownerId: a.ownerId, residentId: residentOf(a) }));
    },
    async organisations(programIds) {
      return s.organisations
        .filter((o) => programIds.includes(o.programId))
        .sort(byName)
        .map(copy);
    },
    async organisation(id) {
      const o = s.organisations.find((x) => x.id === id);
      return o && copy(o);
    },
    async insertOrganisation(programId, name) {
      if (s.organisations.some((o) => o.programId === programId && o.name === name))
        throw constraintError('tb_organisations_name_uq');
      const o: OrganisationRow = { id: newId(), programId, name, createdAt: s.at() };
      s.organisations.push(o);
      return copy(o);
    },
    async volunteers(programIds) {
      return s.volunteers
        .filter((v) => programIds.includes(v.programId))
        .sort(byName)
        .map(copy);
    },
    async volunteer(id) {
      const v = s.volunteers.find((x) => x.id === id);
      return v && copy(v);
    },
    async volunteersOfUser(userId) {
      return s.volunteers.filter((v) => v.userId === userId).map(copy);
    },
    async insertVolunteer(v) {
      if (v.userId && s.volunteers.some((x) => x.programId === v.programId && x.userId === v.userId))
        throw constraintError('tb_volunteers_user_uq');
      const row: VolunteerRow = {
        id: v.id ?? newId(),
        programId: v.programId,
        userId: v.userId ?? null,
        organisationId: v.organisationId ?? null,
        name: v.name,
        phone: v.phone ?? '',
        birthDate: v.birthDate,
        familyResidentIds: v.familyResidentIds ?? [],
        createdAt: s.at(),
      };
      s.volunteers.push(row);
      return copy(row);
    },
    async user(id) {
      const u = s.users.find((x) => x.id === id);
      return u && { id: u.id, tenantId: u.tenantId, role: u.role, name: u.name, residentId: u.residentId };
    },
    async resident(id) {
      const r = s.residents.find((x) => x.id === id);
      return r && { id: r.id, tenantId: r.tenantId, name: r.name, birthDate: r.birthDate };
    },
  };
  return asRepo<MembersRepo>(fake);
}

export function fakeLedgerRepo(s: TimebankStore): LedgerRepo {
  const accountRow = (a: AccountRecord): AccountRow => ({
    id: a.id,
    program_id: a.programId,
    kind: a.kind,
    owner_id: a.ownerId,
    name: a.name,
    floor_minutes: a.floorMinutes,
    balance_minutes: a.balanceMinutes,
    created_at: a.createdAt,
  });
  const account = (id: string) => s.accounts.find((a) => a.id === id)!;
  const transferRow = (t: TransferRecord): TransferRow => ({
    id: t.id,
    program_id: t.programId,
    kind: t.kind,
    idempotency_key: t.idempotencyKey,
    memo: t.memo,
    reverses_id: t.reversesId,
    reversed_by_id: s.transfers.find((r) => r.reversesId === t.id)?.id ?? null,
    reason: t.reason,
    actor_id: t.actorId,
    actor_name: s.users.find((u) => u.id === t.actorId)?.name ?? null,
    request_id: t.requestId,
    created_at: t.createdAt,
    entries: s.entries
      .filter((e) => e.transferId === t.id)
      .map((e) => ({
        accountId: e.accountId,
        accountName: account(e.accountId).name,
        accountKind: account(e.accountId).kind,
        amountMinutes: e.amount,
      })),
  });
  const transfersOf = (programId: string) => s.transfers.filter((t) => t.programId === programId);
  const entriesOf = (transferId: string) => s.entries.filter((e) => e.transferId === transferId);

  const fake: RepoShape<LedgerRepo> = {
    async post(idempotencyKey, accountIds, plan) {
      const seen = s.transfers.find((t) => t.idempotencyKey === idempotencyKey);
      if (seen) return { transferId: seen.id, created: false };
      const accounts = new Map(
        s.accounts.filter((a) => accountIds.includes(a.id)).map((a) => [a.id, accountRow(a)] as const),
      );
      const p = plan(accounts);
      const delta = new Map<string, number>();
      for (const e of p.entries) delta.set(e.accountId, (delta.get(e.accountId) ?? 0) + e.amount);
      for (const [id, d] of delta) {
        const a = accounts.get(id);
        if (!a) throw new Error(`posting touches account ${id} that was not locked`);
        if (d === 0) delta.delete(id);
        else if (a.floor_minutes !== null && a.balance_minutes + d < a.floor_minutes) {
          throw conflict(`insufficient balance: ${a.name} holds ${a.balance_minutes} minutes`);
        }
      }
      // What the database refuses (a trigger and unique indexes).
      if (delta.size < 2 || [...delta.values()].reduce((x, y) => x + y, 0) !== 0)
        throw constraintError('tb_transfers_balanced', '23514');
      if (p.reversesId && s.transfers.some((t) => t.reversesId === p.reversesId))
        throw conflict('this transfer has already been reversed');
      const id = newId();
      s.transfers.push({ ...p, id, idempotencyKey, postedAt: s.next() });
      for (const [accountId, amount] of delta) {
        s.entries.push({ id: s.next(), transferId: id, accountId, amount });
        account(accountId).balanceMinutes += amount;
      }
      return { transferId: id, created: true };
    },
    async transfer(id) {
      const t = s.transfers.find((x) => x.id === id);
      return t && transferRow(t);
    },
    async transfers(f) {
      const rows = s.transfers
        .filter(
          (t) =>
            f.programIds.includes(t.programId) &&
            (!f.kind || t.kind === f.kind) &&
            (!f.accountIds || entriesOf(t.id).some((e) => f.accountIds!.includes(e.accountId))),
        )
        .sort((a, b) => +b.createdAt - +a.createdAt || b.postedAt - a.postedAt);
      return { rows: rows.slice(f.offset, f.offset + f.limit).map(transferRow), total: rows.length };
    },
    async account(id) {
      const a = s.accounts.find((x) => x.id === id);
      return a && accountRow(a);
    },
    async balanceAt(accountId, before) {
      return s.entries
        .filter((e) => e.accountId === accountId)
        .filter((e) => !before || s.transfers.find((t) => t.id === e.transferId)!.createdAt < before)
        .reduce((sum, e) => sum + e.amount, 0);
    },
    async statementLines(accountId, from, to) {
      const lines: (StatementLineRow & { entryId: number })[] = [];
      for (const e of s.entries) {
        if (e.accountId !== accountId) continue;
        const t = s.transfers.find((x) => x.id === e.transferId)!;
        if ((from && t.createdAt < from) || (to && t.createdAt >= to)) continue;
        const others = entriesOf(t.id)
          .filter((o) => o.accountId !== accountId)
          .map((o) => account(o.accountId).name)
          .sort();
        lines.push({
          entryId: e.id,
          transfer_id: t.id,
          created_at: t.createdAt,
          kind: t.kind,
          memo: t.memo,
          reason: t.reason,
          reverses_id: t.reversesId,
          amount: e.amount,
          counterparty: others.join(', '),
        });
      }
      return lines
        .sort((a, b) => +a.created_at - +b.created_at || a.entryId - b.entryId)
        .map(({ entryId: _e, ...l }) => l);
    },
    async reconcile(programId) {
      const sumOf = (accountId: string) =>
        s.entries.filter((e) => e.accountId === accountId).reduce((x, e) => x + e.amount, 0);
      const own = s.accounts.filter((a) => a.programId === programId);
      const transfers = transfersOf(programId);
      return {
        drift: own
          .filter((a) => a.balanceMinutes !== sumOf(a.id))
          .map((a) => ({ id: a.id, name: a.name, cached: a.balanceMinutes, entries: sumOf(a.id) })),
        accounts: own.length,
        sum: transfers.flatMap((t) => entriesOf(t.id)).reduce((x, e) => x + e.amount, 0),
        unbalanced: transfers
          .filter((t) => entriesOf(t.id).length < 2 || entriesOf(t.id).reduce((x, e) => x + e.amount, 0) !== 0)
          .map((t) => t.id),
      };
    },
    async totals(programId) {
      const byKind = new Map<string, { kind: string; transfers: number; minutes: number }>();
      for (const t of transfersOf(programId)) {
        const k = byKind.get(t.kind) ?? { kind: t.kind, transfers: 0, minutes: 0 };
        k.transfers++;
        k.minutes += entriesOf(t.id)
          .filter((e) => e.amount > 0)
          .reduce((x, e) => x + e.amount, 0);
        byKind.set(t.kind, k);
      }
      const accounts = new Map<string, { kind: string; count: number; minutes: number }>();
      for (const a of s.accounts.filter((x) => x.programId === programId)) {
        const k = accounts.get(a.kind) ?? { kind: a.kind, count: 0, minutes: 0 };
        k.count++;
        k.minutes += a.balanceMinutes;
        accounts.set(a.kind, k);
      }
      const organisations = s.organisations
        .filter((o) => o.programId === programId)
        .sort(byName)
        .map((o) => {
          const mine = (r: RequestRecord) =>
            r.organisation_id === o.id ||
            s.volunteers.some((v) => v.id === r.volunteer_id && v.organisationId === o.id);
          return {
            id: o.id,
            name: o.name,
            volunteers: s.volunteers.filter((v) => v.organisationId === o.id).length,
            served: s.requests
              .filter((r) => r.status === 'confirmed' && mine(r))
              .reduce((x, r) => x + (r.minutes ?? 0), 0),
          };
        });
      return { byKind: [...byKind.values()], accounts: [...accounts.values()], organisations };
    },
    async expiryCandidates(programId, since) {
      return s.accounts
        .filter((a) => a.programId === programId && (MEMBER_KINDS as readonly string[]).includes(a.kind))
        .filter((a) => a.balanceMinutes > 0)
        .map((a) => ({
          id: a.id,
          balance: a.balanceMinutes,
          recent: s.entries
            .filter((e) => e.accountId === a.id && e.amount > 0)
            .filter((e) => s.transfers.find((t) => t.id === e.transferId)!.createdAt >= since)
            .reduce((x, e) => x + e.amount, 0),
        }));
    },
  };
  return asRepo<LedgerRepo>(fake);
}

/** The columns a request step may set (as the real repository's list). */
const STEP_COLUMNS = new Set<string>([
  'status',
  'volunteer_id',
  'organisation_id',
  'dispatched_at',
  'accepted_at',
  'check_in_at',
  'check_out_at',
  'confirmed_at',
  'confirmed_by',
  'auto_confirmed',
  'rating',
  'comment',
  'minutes',
  'dispute_reason',
  'resolution',
  'transfer_id',
]);

export function fakeRequestsRepo(s: TimebankStore): RequestsRepo {
  const joined = (q: RequestRecord): RequestRow => {
    const r = s.residents.find((x) => x.id === q.resident_id)!;
    return {
      ...q,
      resident_name: r.name,
      community: r.community,
      volunteer_name: s.volunteers.find((v) => v.id === q.volunteer_id)?.name ?? null,
      organisation_name: s.organisations.find((o) => o.id === q.organisation_id)?.name ?? null,
    };
  };
  const fake: RepoShape<RequestsRepo> = {
    async insert(v) {
      const q: RequestRecord = {
        id: newId(),
        tenant_id: v.tenantId,
        program_id: v.programId,
        resident_id: v.residentId,
        type: v.type,
        status: 'requested',
        scheduled_at: v.scheduledAt,
        place: v.place,
        notes: v.notes,
        requested_by: v.requestedBy,
        volunteer_id: null,
        organisation_id: null,
        dispatched_at: null,
        accepted_at: null,
        check_in_at: null,
        check_out_at: null,
        confirmed_at: null,
        confirmed_by: null,
        auto_confirmed: false,
        rating: null,
        comment: '',
        minutes: null,
        dispute_reason: '',
        resolution: '',
        transfer_id: null,
        created_at: v.at,
        updated_at: v.at,
      };
      s.requests.push(q);
      return joined(q);
    },
    async get(id) {
      const q = s.requests.find((x) => x.id === id);
      return q && joined(q);
    },
    async list(f: RequestFilter) {
      const rows = s.requests
        .filter(
          (q) =>
            q.tenant_id === f.tenantId &&
            (!f.status || q.status === f.status) &&
            (!f.type || q.type === f.type) &&
            (!f.residentId || q.resident_id === f.residentId) &&
            (!f.volunteerIds || (q.volunteer_id !== null && f.volunteerIds.includes(q.volunteer_id))),
        )
        .sort((a, b) => +b.scheduled_at - +a.scheduled_at || (a.id < b.id ? -1 : 1));
      return { rows: rows.slice(f.offset, f.offset + f.limit).map(joined), total: rows.length };
    },
    async transition(id, from, set, at) {
      for (const c of Object.keys(set)) if (!STEP_COLUMNS.has(c)) throw new Error(`unknown column ${c}`);
      const q = s.requests.find((x) => x.id === id);
      if (!q || !from.includes(q.status)) return null;
      Object.assign(q, set, { updated_at: at });
      return joined(q);
    },
    async unconfirmed(programId, before) {
      return s.requests
        .filter((q) => q.program_id === programId && q.status === 'completed' && q.check_out_at! < before)
        .sort((a, b) => +a.check_out_at! - +b.check_out_at!)
        .map(joined);
    },
    async uncredited() {
      return s.requests
        .filter((q) => q.status === 'confirmed' && q.transfer_id === null && (q.minutes ?? 0) > 0)
        .map(joined);
    },
  };
  return asRepo<RequestsRepo>(fake);
}

// ---- a small district for the services' unit tests ------------------------------------------

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
