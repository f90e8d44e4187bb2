/**
 * Time-bank programs, volunteers and accounts: who may create and change them, what a PATCH
 * changes, the age and reference checks, who sees which account, and the audit trail. In-memory
 * repositories (timebank.fakes.ts, ledger.fakes.ts); test/integration/timebank-people.test.ts runs them on the real
 * database.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '@eldercare/shared';
import { newId } from '../../testing/fakes.js';
import { timebankWorld, type TimebankWorld } from './timebank.world.js';

let w: TimebankWorld;
beforeEach(() => {
  w = timebankWorld();
});

const volunteerBody = (programId: string, o: Partial<{ birthDate: string; userId: string | null }> = {}) => ({
  programId,
  name: 'Qian Volunteer',
  phone: '',
  birthDate: o.birthDate ?? '1995-04-04',
  userId: o.userId ?? null,
  organisationId: null,
  familyResidentIds: [],
});

describe('programs', () => {
  it('lets coordinators create a program with its issuance and fund accounts, and records it', async () => {
    const p = await w.members.createProgram(w.users.coordinator, { name: 'East Gate', policy: DEFAULT_POLICY });
    expect(p).toMatchObject({ name: 'East Gate', policy: DEFAULT_POLICY });
    expect(w.balance(p.issuanceAccountId)).toBe(0);
    expect(w.balance(p.fundAccountId)).toBe(0);
    expect(w.audit.rows).toEqual([
      expect.objectContaining({ entity: 'timebank_program', entityId: p.id, action: 'create' }),
    ]);
    await expect(
      w.members.createProgram(w.users.volunteerLogin, { name: 'Mine', policy: DEFAULT_POLICY }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('changes only what a PATCH sends: the name keeps the policy, a policy field keeps the others', async () => {
    const p = await w.members.createProgram(w.users.coordinator, {
      name: 'East Gate',
      policy: { ...DEFAULT_POLICY, capMinutes: 600 },
    });
    const renamed = await w.members.updateProgram(w.users.coordinator, p.id, { name: 'East Gate Street' });
    expect(renamed).toMatchObject({ name: 'East Gate Street', policy: { capMinutes: 600 } });
    const changed = await w.members.updateProgram(w.users.coordinator, p.id, { policy: { expiryDays: 365 } });
    expect(changed.policy).toEqual({ ...DEFAULT_POLICY, capMinutes: 600, expiryDays: 365 });
    expect(changed.name).toBe('East Gate Street');
    expect(w.audit.rows.map((r) => r.action)).toEqual(['create', 'update', 'update']);
  });

  it('refuses a fund floor above what the fund holds, naming the field', async () => {
    const p = await w.members.createProgram(w.users.coordinator, { name: 'East Gate', policy: DEFAULT_POLICY });
    await expect(
      w.members.updateProgram(w.users.coordinator, p.id, { policy: { fundFloorMinutes: 60 } }),
    ).rejects.toMatchObject({ status: 409, details: [{ path: 'policy.fundFloorMinutes' }] });
  });

  it("hides another district's programs", async () => {
    const p = await w.members.createProgram(w.users.coordinator, { name: 'East Gate', policy: DEFAULT_POLICY });
    await expect(w.members.program(w.users.elsewhere, p.id)).rejects.toMatchObject({ status: 404 });
    await expect(w.members.updateProgram(w.users.elsewhere, p.id, { name: 'x' })).rejects.toMatchObject({
      status: 404,
    });
    expect(await w.members.listPrograms(w.users.elsewhere)).toEqual([]);
  });
});

describe('volunteers', () => {
  it('registers a volunteer with an empty account and records who did it, without the balance', async () => {
    const p = await w.members.createProgram(w.users.coordinator, { name: 'East Gate', policy: DEFAULT_POLICY });
    const v = await w.members.registerVolunteer(w.users.coordinator, volunteerBody(p.id));
    expect(v).toMatchObject({ name: 'Qian Volunteer', age: 30, balanceMinutes: 0 });
    expect(w.balance(v.accountId)).toBe(0);
    const entry = w.audit.rows.find((r) => r.entity === 'timebank_volunteer')!;
    expect(entry).toMatchObject({ entityId: v.id, action: 'create', actorId: w.users.coordinator.id });
    expect(JSON.stringify(entry.changes)).not.toContain('balanceMinutes');
  });

  it("refuses a volunteer under the program's minimum age, a login of another district and a foreign organisation", async () => {
    const p = await w.members.createProgram(w.users.coordinator, {
      name: 'East Gate',
      policy: { ...DEFAULT_POLICY, minVolunteerAge: 18 },
    });
    const other = await w.members.createProgram(w.users.coordinator, { name: 'West', policy: DEFAULT_POLICY });
    const org = await w.members.createOrganisation(w.users.coordinator, other.id, 'Red Cross West');
    await expect(
      w.members.registerVolunteer(w.users.coordinator, volunteerBody(p.id, { birthDate: '2010-01-01' })),
    ).rejects.toMatchObject({ status: 400, message: 'volunteers must be at least 18 years old (this one is 16)' });
    await expect(
      w.members.registerVolunteer(w.users.coordinator, volunteerBody(p.id, { userId: w.users.elsewhere.id })),
    ).rejects.toMatchObject({ status: 400, details: [{ path: 'userId' }] });
    await expect(
      w.members.registerVolunteer(w.users.coordinator, { ...volunteerBody(p.id), organisationId: org.id }),
    ).rejects.toMatchObject({ status: 400, details: [{ path: 'organisationId' }] });
    await expect(w.members.registerVolunteer(w.users.family, volunteerBody(p.id))).rejects.toMatchObject({
      status: 403,
    });
    expect(w.store.volunteers).toEqual([]);
  });

  it('shows a volunteer only their own profile', async () => {
    const p = await w.program();
    expect((await w.members.listVolunteers(w.users.volunteerLogin)).map((v) => v.id)).toEqual([p.volunteer.id]);
    expect((await w.members.listVolunteers(w.users.coordinator)).map((v) => v.name).sort()).toEqual([
      'Sun Volunteer',
      'Zhao Volunteer',
    ]);
  });
});

describe('accounts', () => {
  it("lets family open their own and their elder's account, not someone else's", async () => {
    const p = await w.program();
    const own = await w.members.openAccount(w.users.family, p.id, 'family', w.users.family.id);
    const elder = await w.members.openAccount(w.users.family, p.id, 'elder', w.elder.id);
    expect([own.kind, elder.kind, elder.name]).toEqual(['family', 'elder', 'Wang Fang']);
    await expect(w.members.openAccount(w.users.family, p.id, 'elder', w.otherElder.id)).rejects.toMatchObject({
      status: 403,
    });
    await expect(w.members.openAccount(w.users.family, p.id, 'family', w.users.otherFamily.id)).rejects.toMatchObject({
      status: 403,
    });
    // Opening again answers with the same account.
    expect((await w.members.openAccount(w.users.coordinator, p.id, 'elder', w.elder.id)).id).toBe(elder.id);
  });

  it('refuses an owner that is not a resident or family login of the district', async () => {
    const p = await w.program();
    const stranger = w.addResident('Far Away', '1939-02-02', w.users.elsewhere.tenantId);
    await expect(w.members.openAccount(w.users.coordinator, p.id, 'elder', stranger.id)).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'ownerId' }],
    });
    await expect(
      w.members.openAccount(w.users.coordinator, p.id, 'family', w.users.volunteerLogin.id),
    ).rejects.toMatchObject({ status: 400, details: [{ path: 'ownerId' }] });
    await expect(w.members.openAccount(w.users.coordinator, newId(), 'elder', w.elder.id)).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'programId' }],
    });
  });

  it('lists each user the accounts they may see', async () => {
    const p = await w.program();
    const fam = await w.members.openAccount(w.users.family, p.id, 'family', w.users.family.id);
    const elder = await w.members.openAccount(w.users.family, p.id, 'elder', w.elder.id);
    const other = await w.members.openAccount(w.users.coordinator, p.id, 'elder', w.otherElder.id);
    const ids = async (u: typeof w.users.admin) => (await w.members.listAccounts(u, {})).map((a) => a.id).sort();
    expect(await ids(w.users.family)).toEqual([fam.id, elder.id].sort());
    expect(await ids(w.users.volunteerLogin)).toEqual([p.volunteer.accountId]);
    expect((await ids(w.users.coordinator)).length).toBe(7); // issuance, fund, two volunteers, three members
    await expect(w.members.accountFor(w.users.family, other.id)).rejects.toMatchObject({ status: 404 });
    await expect(w.members.accountFor(w.users.elsewhere, elder.id)).rejects.toMatchObject({ status: 404 });
    expect((await w.members.accountFor(w.users.coordinator, other.id)).id).toBe(other.id);
  });
});
