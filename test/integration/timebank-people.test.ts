/**
 * Finding people in the time bank through the HTTP API: whom an account may give hours to under its
 * program's gift policy (only what the caller may see, never another district's accounts), the
 * district's users as a coordinator sees them to link a volunteer's login, and reversals carrying
 * their reason and original on statements so screens can tell them in the reader's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, GiftRecipient, Program, Resident, Statement, Transfer, Volunteer } from '@eldercare/shared';
import { ADMIN, startTestHub, type TestHub, otherDistrictCoordinator } from '../support/hub.js';

type List<T> = { items: T[] };
let hub: TestHub;
let admin: string;
let coord: string;
let vol: string;
let family: string;
let staff: string;
let coord2: string;
let tenantId: string;
let program: Program;
let me: Volunteer;
let others: Volunteer[];
let mother: Resident;
let motherAccount: Account;
let siblingAccount: Account;
let strangerFamilyAccount: Account;
let program2: Program;
let tenant2Account: Account;

const recipients = (token: string, accountId: string, query = '') =>
  hub.api<List<GiftRecipient> & { error?: string }>(
    'GET',
    `/api/timebank/accounts/${accountId}/gift-recipients${query}`,
    token,
  );
const ids = (r: { body: List<GiftRecipient> }) => r.body.items.map((x) => x.accountId).sort();
const setGiftPolicy = async (giftRecipients: string) => {
  const r = await hub.api('PATCH', `/api/timebank/programs/${program.id}`, coord, { policy: { giftRecipients } });
  expect(r.status).toBe(200);
};
let keyN = 0;
const gift = (token: string, fromAccountId: string, toAccountId: string) =>
  hub.api<Transfer & { error: string }>('POST', '/api/timebank/gifts', token, {
    fromAccountId,
    toAccountId,
    minutes: 1,
    idempotencyKey: `people-gift-${++keyN}`,
  });

async function familyUser(tenant: string, email: string, residentId: string) {
  const u = await hub.services.auth.createUser(tenant, {
    email,
    name: `家属 ${email.split('@')[0]}`,
    password: 'family-pass-123',
    role: 'family',
    residentId,
  });
  return u;
}

beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login(ADMIN.email, ADMIN.password);
  coord = await hub.login('coordinator@demo.local', 'demo-coord-pass');
  vol = await hub.login('volunteer@demo.local', 'demo-volunteer-pass');
  staff = await hub.login('staff@demo.local', 'demo-staff-pass');
  tenantId = (await hub.api<{ user: { tenantId: string } }>('GET', '/api/auth/me', coord)).body.user.tenantId;
  program = (await hub.api<List<Program>>('GET', '/api/timebank/programs', coord)).body.items[0]!;
  expect(program.policy.giftRecipients).toBe('family_only');
  const vols = (await hub.api<List<Volunteer>>('GET', '/api/timebank/volunteers', coord)).body.items;
  me = vols.find((v) => v.userId)!;
  others = vols.filter((v) => v.id !== me.id);
  const residents = (await hub.api<List<Resident>>('GET', '/api/residents?limit=500', coord)).body.items;
  mother = residents.find((r) => r.id === me.familyResidentIds[0])!;
  const stranger = residents.find((r) => !r.institutionId && r.id !== mother.id)!;
  const open = async (kind: 'elder' | 'family', ownerId: string) => {
    const r = await hub.api<Account>('POST', '/api/timebank/accounts', coord, { programId: program.id, kind, ownerId });
    expect(r.status).toBe(201);
    return r.body;
  };
  motherAccount = await open('elder', mother.id);
  // The volunteer's sibling (family of the same mother) and the family member of another elder.
  const sibling = await familyUser(tenantId, 'sibling@demo.local', mother.id);
  siblingAccount = await open('family', sibling.id);
  family = await hub.login('sibling@demo.local', 'family-pass-123');
  const strangerFamily = await familyUser(tenantId, 'stranger-family@demo.local', stranger.id);
  strangerFamilyAccount = await open('family', strangerFamily.id);
  // The volunteer has hours to give.
  expect(me.balanceMinutes).toBeGreaterThan(10);

  // Another district with its own program and members.
  coord2 = (await otherDistrictCoordinator(hub)).token;
  program2 = (
    await hub.api<Program>('POST', '/api/timebank/programs', coord2, {
      name: 'Other time bank',
      policy: { giftRecipients: 'anyone' },
    })
  ).body;
  const v2 = await hub.api<Volunteer>('POST', '/api/timebank/volunteers', coord2, {
    programId: program2.id,
    name: '志愿者 刘洋',
    birthDate: '1990-01-01',
  });
  expect(v2.status).toBe(201);
  tenant2Account = (await hub.api<Account>('GET', `/api/timebank/accounts/${v2.body.accountId}`, coord2)).body;
}, 120_000);
afterAll(async () => {
  await hub?.stop();
});

describe('gift recipients', () => {
  it("offers a volunteer under family_only just their own family: the elder and the elder's family", async () => {
    const r = await recipients(vol, me.accountId);
    expect(r.status).toBe(200);
    expect(ids(r)).toEqual([motherAccount.id, siblingAccount.id].sort());
    // Name, account number and kind: no balances, owners or anything else.
    for (const x of r.body.items) expect(Object.keys(x).sort()).toEqual(['accountId', 'kind', 'name']);
    expect(r.body.items.find((x) => x.accountId === motherAccount.id)).toEqual({
      accountId: motherAccount.id,
      name: mother.name,
      kind: 'elder',
    });
  });

  it('lists exactly whom the gift rule accepts: every one listed can be given to, others are refused', async () => {
    for (const x of (await recipients(vol, me.accountId)).body.items)
      expect((await gift(vol, me.accountId, x.accountId)).status, x.name).toBe(201);
    for (const outsider of [others[0]!.accountId, strangerFamilyAccount.id]) {
      const refused = await gift(vol, me.accountId, outsider);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatch(/giver's own family only/);
    }
  });

  it('finds by part of the name or by a whole account number, and never outside the policy', async () => {
    expect(ids(await recipients(vol, me.accountId, `?q=${encodeURIComponent(mother.name.slice(1))}`))).toContain(
      motherAccount.id,
    );
    expect(ids(await recipients(vol, me.accountId, '?q=stranger'))).toEqual([]); // a member, but not family
    expect(ids(await recipients(vol, me.accountId, `?q=${encodeURIComponent('家属 sibling')}`))).toEqual([
      siblingAccount.id,
    ]);
    expect(ids(await recipients(vol, me.accountId, `?q=${siblingAccount.id.toUpperCase()}`))).toEqual([
      siblingAccount.id,
    ]);
    // Someone else's account number: not a recipient under this policy, so not found.
    expect(ids(await recipients(vol, me.accountId, `?q=${strangerFamilyAccount.id}`))).toEqual([]);
    expect(ids(await recipients(vol, me.accountId, `?q=${others[0]!.accountId}`))).toEqual([]);
    expect(ids(await recipients(vol, me.accountId, '?q=%25'))).toEqual([]); // a literal %, not a wildcard
    expect((await recipients(vol, me.accountId, `?q=${'x'.repeat(101)}`)).status).toBe(400);
    expect((await recipients(vol, me.accountId, '?limit=0')).status).toBe(400);
  });

  it('answers only for accounts the caller may use: 404 for others, 400 for the fund', async () => {
    for (const id of [others[0]!.accountId, motherAccount.id, program.fundAccountId, tenant2Account.id])
      expect((await recipients(vol, id)).status, id).toBe(404);
    expect((await recipients(family, me.accountId)).status).toBe(404);
    // A coordinator may give out of any member account of the district, under the same policy.
    const forMe = await recipients(coord, me.accountId);
    expect(ids(forMe)).toEqual([motherAccount.id, siblingAccount.id].sort());
    const fund = await recipients(coord, program.fundAccountId);
    expect(fund.status).toBe(400);
    // Another district's coordinator sees nothing of this one.
    expect((await recipients(coord2, me.accountId)).status).toBe(404);
    expect((await recipients(coord, tenant2Account.id)).status).toBe(404);
  });

  it("offers family their elder and the elder's account to the family member", async () => {
    const r = await recipients(family, siblingAccount.id);
    expect(r.status).toBe(200);
    expect(ids(r)).toEqual([motherAccount.id]);
    expect((await recipients(family, strangerFamilyAccount.id)).status).toBe(404);
  });

  it('follows the policy: anyone lists every member of the program but no system account; none lists nobody', async () => {
    await setGiftPolicy('anyone');
    try {
      const r = await recipients(vol, me.accountId, '?limit=200');
      expect(r.status).toBe(200);
      const all = (await hub.api<List<Account>>('GET', `/api/timebank/accounts?programId=${program.id}`, coord)).body
        .items;
      const members = all.filter((a) => ['volunteer', 'elder', 'family', 'organisation'].includes(a.kind));
      expect(ids(r)).toEqual(
        members
          .filter((a) => a.id !== me.accountId)
          .map((a) => a.id)
          .sort(),
      );
      expect(ids(r)).not.toContain(program.fundAccountId);
      expect(ids(r)).not.toContain(program.issuanceAccountId);
      expect(ids(r)).not.toContain(tenant2Account.id);
      // The same name in another district is not found.
      const named = await recipients(vol, me.accountId, `?q=${encodeURIComponent('刘洋')}`);
      expect(ids(named)).toEqual([]);
      expect((await recipients(vol, me.accountId, '?limit=2')).body.items).toHaveLength(2);
      expect((await gift(vol, me.accountId, others[0]!.accountId)).status).toBe(201);

      await setGiftPolicy('none');
      expect((await recipients(vol, me.accountId)).body.items).toEqual([]);
      expect((await recipients(coord, me.accountId)).body.items).toEqual([]);
    } finally {
      await setGiftPolicy('family_only');
    }
  });
});

describe('users, as a coordinator sees them', () => {
  it("lists the district's users to a coordinator with only id, email, name and role", async () => {
    const r = await hub.api<List<Record<string, unknown>>>('GET', '/api/users', coord);
    expect(r.status).toBe(200);
    for (const u of r.body.items) expect(Object.keys(u).sort()).toEqual(['email', 'id', 'name', 'role']);
    const volunteerLogin = r.body.items.find((u) => u.email === 'volunteer@demo.local');
    expect(volunteerLogin).toMatchObject({ id: me.userId, role: 'volunteer', name: '志愿者 刘洋' });
    expect(r.body.items.some((u) => u.email === 'coord2@other.local')).toBe(false);
    // Admins still get whole users.
    const full = await hub.api<List<Record<string, unknown>>>('GET', '/api/users', admin);
    expect(full.body.items.length).toBe(r.body.items.length);
    expect(full.body.items[0]).toHaveProperty('tenantId', tenantId);
    // The other district's coordinator sees theirs only.
    const other = await hub.api<List<{ email: string }>>('GET', '/api/users', coord2);
    expect(other.body.items.map((u) => u.email)).toEqual(['coord2@other.local']);
  });

  it('refuses everyone else, and creating users stays with admins', async () => {
    const dispatcher = await hub.login('dispatcher@demo.local', 'demo-dispatch-pass');
    const supervisor = await hub.login('supervisor@demo.local', 'demo-supervisor-pass');
    for (const [role, token] of Object.entries({ staff, vol, family, dispatcher, supervisor }))
      expect((await hub.api('GET', '/api/users', token)).status, role).toBe(403);
    const created = await hub.api('POST', '/api/users', coord, {
      email: 'made-by-coord@demo.local',
      name: 'x',
      password: 'password-123',
      role: 'volunteer',
    });
    expect(created.status).toBe(403);
    const list = await hub.api<List<{ email: string }>>('GET', '/api/users', coord);
    expect(list.body.items.some((u) => u.email === 'made-by-coord@demo.local')).toBe(false);
  });

  it('lets a coordinator link a new volunteer profile to a listed login', async () => {
    const logins = (await hub.api<List<{ id: string; role: string }>>('GET', '/api/users', coord)).body.items;
    const login = logins.find((u) => u.role === 'volunteer')!;
    const p2 = await hub.api<Program>('POST', '/api/timebank/programs', coord, { name: 'Second program' });
    const v = await hub.api<Volunteer>('POST', '/api/timebank/volunteers', coord, {
      programId: p2.body.id,
      name: '志愿者 刘洋',
      birthDate: '1990-05-12',
      userId: login.id,
    });
    expect(v.status).toBe(201);
    expect(v.body.userId).toBe(login.id);
  });
});

describe('reversals on statements', () => {
  it('carry the reason and the original, next to the memo kept as posted for API and CSV clients', async () => {
    const given = await gift(vol, me.accountId, motherAccount.id);
    expect(given.status).toBe(201);
    const rev = await hub.api<Transfer>('POST', `/api/timebank/transfers/${given.body.id}/reverse`, coord, {
      reason: '记错账户 wrong account',
      idempotencyKey: 'people-reverse-1',
    });
    expect(rev.status).toBe(201);
    expect(rev.body).toMatchObject({ kind: 'correction', reversesId: given.body.id, reason: '记错账户 wrong account' });
    expect(rev.body.memo).toBe(`reversal of gift ${given.body.id}`);
    const st = await hub.api<Statement>('GET', `/api/timebank/accounts/${me.accountId}/statement`, vol);
    const line = st.body.lines.find((l) => l.transferId === rev.body.id)!;
    expect(line).toMatchObject({
      kind: 'correction',
      reason: '记错账户 wrong account',
      reversesId: given.body.id,
      memo: rev.body.memo,
      amountMinutes: 1,
    });
    const original = st.body.lines.find((l) => l.transferId === given.body.id)!;
    expect(original).toMatchObject({ kind: 'gift', reason: '', reversesId: null });
    const csv = await hub.api<string>('GET', `/api/timebank/accounts/${me.accountId}/statement.csv`, vol);
    expect(csv.body).toContain(`correction,reversal of gift ${given.body.id},`);
  });
});
