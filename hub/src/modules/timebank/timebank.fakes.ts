/**
 * In-memory fakes of the time-bank repositories for unit tests, over one shared store (the tables
 * the repositories read; the ledger's fake is in ledger.fakes.ts). They keep the rules the database
 * keeps: a posting once per idempotency key, account floors, balanced transfers, one reversal per
 * transfer, conditional request steps. The real-database behaviour stays covered by
 * test/integration/timebank-*.test.ts.
 */
import { MEMBER_KINDS } from '@eldercare/shared';
import { asRepo, constraintError, newId, type RepoShape } from '../../testing/fakes.js';
import type { AccountRecord, MembersRepo, OrganisationRow, ProgramRow, VolunteerRow } from './members.repo.js';
import type { Posting } from './ledger.repo.js';
import { requestColumns, type RequestFilter, type RequestRow, type RequestsRepo } from './requests.repo.js';

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
export interface TransferRecord extends Omit<Posting, 'entries'> {
  id: string;
  idempotencyKey: string;
  postedAt: number;
}
export interface EntryRecord {
  id: number;
  transferId: string;
  accountId: string;
  amount: number;
}
export type RequestRecord = Omit<RequestRow, 'resident_name' | 'community' | 'volunteer_name' | 'organisation_name'>;

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

export const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
export const copy = <T extends object>(o: T): T => ({ ...o });

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

/** Service requests in memory; a step's patch maps to columns as in the real repository. */
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
    async transition(id, from, patch, at) {
      const q = s.requests.find((x) => x.id === id);
      if (!q || !from.includes(q.status)) return null;
      Object.assign(q, requestColumns(patch), { updated_at: at });
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
