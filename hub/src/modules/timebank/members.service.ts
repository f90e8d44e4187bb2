/**
 * Time-bank programs, volunteers, organisations and accounts, and who may see which account:
 * volunteers their own, family their own and their elder's, coordinators and admins their tenant's.
 */
import type { Account, AccountKind, Organisation, Program, ProgramPolicy, User, Volunteer } from '@eldercare/shared';
import { can } from '@eldercare/shared';
import type { z } from 'zod';
import type { programBodySchema, programPatchSchema, volunteerBodySchema } from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import { badReference, badRequest, conflict, forbidden, notFound, referenced } from '../../http/errors.js';
import { constraintOf } from '../../db/errors.js';
import { ageOn, floorFor, policyOf } from './policy.js';
import type { AccountRecord, MembersRepo, ProgramRow, VolunteerRow } from './members.repo.js';
import type { RegisterAudit } from '../audit/register-audit.js';

/** What the audit log records of a program: its name and policy (accounts are the ledger's). */
const programSnapshot = (p: Pick<ProgramRow, 'name' | 'policy'>) => ({ name: p.name, policy: policyOf(p.policy) });

export const isStaff = (u: User) => can(u.role, 'timebank.manage');
const NOBODY = '00000000-0000-0000-0000-000000000000';

export function toAccount(a: AccountRecord): Account {
  return {
    id: a.id,
    programId: a.programId,
    kind: a.kind as AccountKind,
    ownerId: a.ownerId,
    name: a.name,
    floorMinutes: a.floorMinutes,
    balanceMinutes: a.balanceMinutes,
    createdAt: a.createdAt.toISOString(),
  };
}

export class MembersService {
  constructor(
    readonly repo: MembersRepo,
    private readonly clock: Clock,
    private readonly audit: RegisterAudit,
  ) {}

  private async toProgram(p: ProgramRow): Promise<Program> {
    const sys = await this.repo.systemAccounts([p.id]);
    return {
      id: p.id,
      name: p.name,
      policy: policyOf(p.policy),
      issuanceAccountId: sys.find((a) => a.kind === 'issuance')!.id,
      fundAccountId: sys.find((a) => a.kind === 'fund')!.id,
      createdAt: p.createdAt.toISOString(),
    };
  }

  async listPrograms(user: User): Promise<Program[]> {
    return Promise.all((await this.repo.programs(user.tenantId)).map((p) => this.toProgram(p)));
  }

  /** A program of the user's tenant, or 404. */
  async programRow(user: User, id: string): Promise<ProgramRow> {
    const p = await this.repo.program(id);
    if (!p || p.tenantId !== user.tenantId) throw notFound('program');
    return p;
  }

  async program(user: User, id: string): Promise<Program> {
    return this.toProgram(await this.programRow(user, id));
  }

  policy = async (programId: string): Promise<ProgramPolicy> => policyOf((await this.repo.program(programId))?.policy);

  async createProgram(user: User, body: z.output<typeof programBodySchema>): Promise<Program> {
    if (!isStaff(user)) throw forbidden();
    const p = await this.repo.createProgram(user.tenantId, body.name, body.policy, floorFor('fund', body.policy));
    await this.audit.record(user, 'timebank_program', p.id, null, programSnapshot(p));
    return this.toProgram(p);
  }

  async updateProgram(user: User, id: string, patch: z.output<typeof programPatchSchema>): Promise<Program> {
    if (!isStaff(user)) throw forbidden();
    const current = await this.programRow(user, id);
    try {
      const p = await this.repo.updateProgram(id, {
        name: patch.name,
        policy: patch.policy && Object.keys(patch.policy).length ? patch.policy : undefined,
        fundFloor: patch.policy?.fundFloorMinutes,
      });
      await this.audit.record(user, 'timebank_program', id, programSnapshot(current), programSnapshot(p));
      return this.toProgram(p);
    } catch (err) {
      if (constraintOf(err) === 'tb_accounts_floor_ck')
        throw conflict('the community fund holds less than this floor', [
          { path: 'policy.fundFloorMinutes', message: 'above what the community fund holds' },
        ]);
      throw err;
    }
  }

  // ---- volunteers and organisations -----------------------------------------------------------

  toVolunteer(v: VolunteerRow, account: AccountRecord): Volunteer {
    return {
      id: v.id,
      programId: v.programId,
      name: v.name,
      phone: v.phone,
      birthDate: v.birthDate,
      age: ageOn(v.birthDate, new Date(this.clock.now())),
      userId: v.userId,
      organisationId: v.organisationId,
      familyResidentIds: v.familyResidentIds,
      accountId: account.id,
      balanceMinutes: account.balanceMinutes,
      createdAt: v.createdAt.toISOString(),
    };
  }

  async registerVolunteer(user: User, b: z.output<typeof volunteerBodySchema>): Promise<Volunteer> {
    if (!isStaff(user)) throw forbidden();
    await referenced('programId', this.programRow(user, b.programId));
    const policy = await this.policy(b.programId);
    const age = ageOn(b.birthDate, new Date(this.clock.now()));
    if (age < policy.minVolunteerAge) {
      throw badRequest(`volunteers must be at least ${policy.minVolunteerAge} years old (this one is ${age})`);
    }
    if (b.userId) {
      const u = await this.repo.user(b.userId);
      if (!u || u.tenantId !== user.tenantId) throw badReference('userId', 'is not a user of this district');
    }
    if (b.organisationId) {
      const o = await this.repo.organisation(b.organisationId);
      if (!o || o.programId !== b.programId)
        throw badReference('organisationId', 'is not an organisation of this program');
    }
    for (const rid of b.familyResidentIds) {
      const r = await this.repo.resident(rid);
      if (!r || r.tenantId !== user.tenantId)
        throw badReference('familyResidentIds', 'is not a resident of this district');
    }
    const v = await this.repo.insertVolunteer({ ...b });
    const account = await this.repo.ensureAccount(b.programId, 'volunteer', v.id, v.name);
    const volunteer = this.toVolunteer(v, account);
    const { balanceMinutes: _balance, ...registered } = volunteer;
    await this.audit.record(user, 'timebank_volunteer', v.id, null, registered);
    return volunteer;
  }

  async listVolunteers(user: User, programId?: string): Promise<Volunteer[]> {
    const ids = await this.visibleProgramIds(user, programId);
    const rows = isStaff(user)
      ? await this.repo.volunteers(ids)
      : (await this.repo.volunteersOfUser(user.id)).filter((v) => ids.includes(v.programId));
    const accounts = await this.repo.accounts({ programIds: ids, kind: 'volunteer', ownerIds: rows.map((v) => v.id) });
    const byOwner = new Map(accounts.map((a) => [a.ownerId, a]));
    return rows.filter((v) => byOwner.has(v.id)).map((v) => this.toVolunteer(v, byOwner.get(v.id)!));
  }

  async createOrganisation(user: User, programId: string, name: string): Promise<Organisation> {
    if (!isStaff(user)) throw forbidden();
    await referenced('programId', this.programRow(user, programId));
    const o = await this.repo.insertOrganisation(programId, name);
    const a = await this.repo.ensureAccount(programId, 'organisation', o.id, o.name);
    const organisation = { id: o.id, programId, name: o.name, accountId: a.id };
    await this.audit.record(user, 'timebank_organisation', o.id, null, organisation);
    return organisation;
  }

  async listOrganisations(user: User, programId?: string): Promise<Organisation[]> {
    const ids = await this.visibleProgramIds(user, programId);
    const orgs = await this.repo.organisations(ids);
    const accounts = await this.repo.accounts({ programIds: ids, kind: 'organisation' });
    const byOwner = new Map(accounts.map((a) => [a.ownerId, a.id]));
    return orgs.map((o) => ({ id: o.id, programId: o.programId, name: o.name, accountId: byOwner.get(o.id)! }));
  }

  /** The volunteer profiles of a logged-in volunteer (one per program). */
  volunteersOf(user: User): Promise<VolunteerRow[]> {
    return this.repo.volunteersOfUser(user.id);
  }

  /** The account of a user's (first) volunteer profile, opened if it has none yet; null for a user who volunteers nowhere. */
  async volunteerAccountOfUser(userId: string): Promise<{ programId: string; accountId: string } | null> {
    const [profile] = await this.repo.volunteersOfUser(userId);
    if (!profile) return null;
    const account = await this.repo.ensureAccount(profile.programId, 'volunteer', profile.id, profile.name);
    return { programId: profile.programId, accountId: account.id };
  }

  // ---- accounts -------------------------------------------------------------------------------

  private async visibleProgramIds(user: User, programId?: string): Promise<string[]> {
    const all = (await this.repo.programs(user.tenantId)).map((p) => p.id);
    if (programId && !all.includes(programId)) throw badReference('programId', 'is not a program of this district');
    return programId ? [programId] : all;
  }

  /** Opens the account of an elder or a family member (coordinators; family for themselves and their elder). */
  async openAccount(user: User, programId: string, kind: 'elder' | 'family', ownerId: string): Promise<Account> {
    await referenced('programId', this.programRow(user, programId));
    if (!isStaff(user)) {
      const own = user.role === 'family' && (kind === 'family' ? ownerId === user.id : ownerId === user.residentId);
      if (!own) throw forbidden();
    }
    if (kind === 'elder') {
      const r = await this.repo.resident(ownerId);
      if (!r || r.tenantId !== user.tenantId) throw badReference('ownerId', 'is not a resident of this district');
      return toAccount(await this.repo.ensureAccount(programId, kind, ownerId, r.name));
    }
    const u = await this.repo.user(ownerId);
    if (!u || u.tenantId !== user.tenantId || u.role !== 'family')
      throw badReference('ownerId', 'is not a family user');
    return toAccount(await this.repo.ensureAccount(programId, kind, ownerId, u.name));
  }

  async listAccounts(user: User, f: { programId?: string; kind?: AccountKind; q?: string }): Promise<Account[]> {
    const programIds = await this.visibleProgramIds(user, f.programId);
    if (isStaff(user)) return (await this.repo.accounts({ programIds, ...f })).map(toAccount);
    const own = await this.ownAccounts(user, programIds);
    return own.filter((a) => !f.kind || a.kind === f.kind).map(toAccount);
  }

  private async ownAccounts(user: User, programIds: string[]): Promise<AccountRecord[]> {
    if (user.role === 'volunteer') {
      const vols = await this.repo.volunteersOfUser(user.id);
      return this.repo.accounts({ programIds, kind: 'volunteer', ownerIds: vols.map((v) => v.id) });
    }
    if (user.role === 'family') {
      const owners = [user.id, user.residentId ?? NOBODY];
      return (await this.repo.accounts({ programIds, ownerIds: owners })).filter(
        (a) => (a.kind === 'family' && a.ownerId === user.id) || (a.kind === 'elder' && a.ownerId === user.residentId),
      );
    }
    return [];
  }

  /** An account the user may see, or 404 (also when it exists but is someone else's). */
  async accountFor(user: User, id: string): Promise<AccountRecord> {
    const programIds = (await this.repo.programs(user.tenantId)).map((p) => p.id);
    const visible = isStaff(user)
      ? await this.repo.accountById(id).then((a) => (a && programIds.includes(a.programId) ? a : undefined))
      : (await this.ownAccounts(user, programIds)).find((a) => a.id === id);
    if (!visible) throw notFound('account');
    return visible;
  }

  /** The people behind an account, for the age and gift policies. */
  async holder(
    a: AccountRecord,
  ): Promise<{ birthDate: string | null; familyResidentIds: string[]; residentId: string | null }> {
    switch (a.kind) {
      case 'volunteer': {
        const v = await this.repo.volunteer(a.ownerId!);
        return { birthDate: v?.birthDate ?? null, familyResidentIds: v?.familyResidentIds ?? [], residentId: null };
      }
      case 'elder': {
        const r = await this.repo.resident(a.ownerId!);
        return { birthDate: r?.birthDate ?? null, familyResidentIds: [a.ownerId!], residentId: a.ownerId };
      }
      case 'family': {
        const u = await this.repo.user(a.ownerId!);
        const rid = u?.residentId ?? null;
        return { birthDate: null, familyResidentIds: rid ? [rid] : [], residentId: rid };
      }
      default:
        return { birthDate: null, familyResidentIds: [], residentId: null };
    }
  }
}
