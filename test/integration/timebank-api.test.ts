/**
 * The time bank and welfare visits through the HTTP API: who may see what, the four-orders flow
 * end to end with auto-confirmation on an injected clock, a visit concern reaching dispatch, and
 * the monthly visit rate with the overdue list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Account,
  Alert,
  Program,
  Resident,
  ServiceRequest,
  Statement,
  Transfer,
  Volunteer,
  VisitPlan,
  VisitReport,
  WelfareContact,
} from '@eldercare/shared';
import { residentBodySchema } from '@eldercare/shared';
import { startTestHub, type TestHub, otherDistrictCoordinator } from '../support/hub.js';

const DAY = 86_400_000;
let now = Date.now();
const clock = { now: () => now };
let hub: TestHub;
let coord: string;
let vol: string;
let program: Program;
let myVolunteer: Volunteer;
let otherVolunteer: Volunteer;
let homes: Resident[];
let family: string;
let familyElder: Resident;
let coord2: string;

type List<T> = { items: T[]; total?: number };

beforeAll(async () => {
  // Sessions must outlive the weeks this test moves the clock forward.
  hub = await startTestHub({ SESSION_TTL_HOURS: '720' }, undefined, { clock });
  coord = await hub.login('coordinator@demo.local', 'demo-coord-pass');
  vol = await hub.login('volunteer@demo.local', 'demo-volunteer-pass');
  program = (await hub.api<List<Program>>('GET', '/api/timebank/programs', coord)).body.items[0]!;
  const vols = (await hub.api<List<Volunteer>>('GET', '/api/timebank/volunteers', coord)).body.items;
  myVolunteer = vols.find((v) => v.userId)!;
  otherVolunteer = vols.find((v) => !v.userId)!;
  homes = (await hub.api<List<Resident>>('GET', '/api/residents?limit=500', coord)).body.items.filter(
    (r) => !r.institutionId,
  );
  familyElder = homes[homes.length - 1]!;
  const admin = (await hub.services.auth.listUsers((await hub.services.auth.authenticate(coord))!.tenantId)).find(
    (u) => u.role === 'admin',
  )!;
  await hub.services.auth.createUser(admin.tenantId, {
    email: 'family-test@demo.local',
    name: 'Family',
    password: 'family-test-pass',
    role: 'family',
    residentId: familyElder.id,
  });
  family = await hub.login('family-test@demo.local', 'family-test-pass');

  ({ token: coord2 } = await otherDistrictCoordinator(hub));
});
afterAll(async () => {
  await hub?.stop();
});

describe('time-bank authorization', () => {
  it('shows a volunteer only their own account, statement and transfers', async () => {
    const mine = await hub.api<List<Account>>('GET', '/api/timebank/accounts', vol);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((a) => a.id)).toEqual([myVolunteer.accountId]);
    for (const url of [
      `/api/timebank/accounts/${otherVolunteer.accountId}`,
      `/api/timebank/accounts/${otherVolunteer.accountId}/statement`,
      `/api/timebank/accounts/${otherVolunteer.accountId}/statement.csv`,
      `/api/timebank/accounts/${program.issuanceAccountId}`,
    ]) {
      expect((await hub.api('GET', url, vol)).status, url).toBe(404);
    }
    // Someone else's account in the query: 400 naming the field, as an unknown one (the API's rule).
    const theirs = await hub.api<{ details: { path: string }[] }>(
      'GET',
      `/api/timebank/transfers?accountId=${otherVolunteer.accountId}`,
      vol,
    );
    expect([theirs.status, theirs.body.details[0]!.path]).toEqual([400, 'accountId']);
    const own = await hub.api<Statement>('GET', `/api/timebank/accounts/${myVolunteer.accountId}/statement`, vol);
    expect(own.status).toBe(200);
    expect(own.body.closingMinutes).toBe(own.body.account.balanceMinutes);
    const transfers = await hub.api<List<Transfer>>('GET', '/api/timebank/transfers', vol);
    for (const t of transfers.body.items)
      expect(t.entries.some((e) => e.accountId === myVolunteer.accountId)).toBe(true);
    expect((await hub.api('GET', `/api/timebank/programs/${program.id}/totals`, vol)).status).toBe(403);
    expect((await hub.api('GET', `/api/timebank/programs/${program.id}/reconciliation`, vol)).status).toBe(403);
    const someTransfer = (await hub.api<List<Transfer>>('GET', '/api/timebank/transfers', coord)).body.items[0]!;
    const rev = await hub.api('POST', `/api/timebank/transfers/${someTransfer.id}/reverse`, vol, {
      reason: 'mine now',
      idempotencyKey: 'vol-reverse-1',
    });
    expect(rev.status).toBe(403);
    const steal = await hub.api('POST', '/api/timebank/gifts', vol, {
      fromAccountId: otherVolunteer.accountId,
      toAccountId: myVolunteer.accountId,
      minutes: 10,
      idempotencyKey: 'steal-attempt-1',
    });
    // Someone else's account, named in the body: 400 naming the field, as an unknown one.
    expect(steal.status).toBe(400);
    expect((steal.body as { details: { path: string }[] }).details[0]!.path).toBe('fromAccountId');
  });

  it("keeps a coordinator to their own district's program", async () => {
    const progs = await hub.api<List<Program>>('GET', '/api/timebank/programs', coord2);
    expect(progs.body.items).toEqual([]);
    expect((await hub.api('GET', `/api/timebank/programs/${program.id}/totals`, coord2)).status).toBe(404);
    expect((await hub.api('GET', `/api/timebank/accounts/${myVolunteer.accountId}`, coord2)).status).toBe(404);
    expect((await hub.api<List<Account>>('GET', '/api/timebank/accounts', coord2)).body.items).toEqual([]);
    expect((await hub.api<List<ServiceRequest>>('GET', '/api/service-requests', coord2)).body.items).toEqual([]);
    const t = (await hub.api<List<Transfer>>('GET', '/api/timebank/transfers', coord)).body.items[0]!;
    expect((await hub.api('GET', `/api/timebank/transfers/${t.id}`, coord2)).status).toBe(404);
    const rev = await hub.api('POST', `/api/timebank/transfers/${t.id}/reverse`, coord2, {
      reason: 'not mine',
      idempotencyKey: 'coord2-reverse',
    });
    expect(rev.status).toBe(404);
  });
});

describe('service requests (four orders)', () => {
  const order = (token: string) =>
    hub.api<ServiceRequest>('POST', '/api/service-requests', token, {
      programId: program.id,
      residentId: familyElder.id,
      type: 'cleaning',
      scheduledAt: new Date(now + DAY).toISOString(),
      place: familyElder.address,
      notes: '厨房 kitchen',
    });
  const step = (token: string, id: string, name: string, body?: unknown) =>
    hub.api<ServiceRequest>('POST', `/api/service-requests/${id}/${name}`, token, body ?? {});
  const balance = async () =>
    (await hub.api<Account>('GET', `/api/timebank/accounts/${myVolunteer.accountId}`, vol)).body.balanceMinutes;

  it('runs order → dispatch → accept → check in/out → rate → hours credited', async () => {
    const before = await balance();
    const created = await order(family);
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('requested');
    const id = created.body.id;
    expect((await step(family, id, 'dispatch', { volunteerId: myVolunteer.id })).status).toBe(403);
    expect((await step(vol, id, 'accept')).status).toBe(404); // not dispatched to them yet
    expect((await step(coord, id, 'dispatch', { volunteerId: myVolunteer.id })).body.status).toBe('dispatched');
    const tasks = await hub.api<{ tasks: ServiceRequest[] }>('GET', '/api/timebank/me', vol);
    expect(tasks.body.tasks.map((t) => t.id)).toContain(id);
    expect((await step(vol, id, 'check-in')).status).toBe(409);
    expect((await step(vol, id, 'accept')).body.status).toBe('accepted');
    expect((await step(vol, id, 'check-in')).body.status).toBe('in_progress');
    now += 90 * 60_000;
    const out = await step(vol, id, 'check-out');
    expect(out.body).toMatchObject({ status: 'completed', minutes: 90 });
    expect((await step(vol, id, 'confirm', { rating: 5 })).status).toBe(403);
    const rated = await step(family, id, 'confirm', { rating: 5, comment: '很好 great' });
    expect(rated.body).toMatchObject({ status: 'confirmed', rating: 5, autoConfirmed: false });
    expect(rated.body.transferId).toBeTruthy();
    expect(await balance()).toBe(before + 90);
    const t = await hub.api<Transfer>('GET', `/api/timebank/transfers/${rated.body.transferId}`, vol);
    expect(t.body).toMatchObject({ kind: 'service', requestId: id });
    // Being there counts as a welfare contact for the elder.
    const contacts = await hub.api<List<WelfareContact>>('GET', `/api/visits?residentId=${familyElder.id}`, coord);
    expect(contacts.body.items.some((c) => c.source === 'service')).toBe(true);
    // Rating twice changes nothing.
    expect((await step(family, id, 'confirm', { rating: 1 })).status).toBe(409);
    expect(await balance()).toBe(before + 90);
  });

  it('confirms by itself after the configured days when nobody rates or disputes', async () => {
    const before = await balance();
    const id = (await order(coord)).body.id;
    await step(coord, id, 'dispatch', { volunteerId: myVolunteer.id });
    await step(vol, id, 'accept');
    await step(vol, id, 'check-in');
    now += 45 * 60_000;
    await step(vol, id, 'check-out');
    now += (program.policy.autoConfirmDays - 1) * DAY;
    await hub.runTimebankJobs();
    expect((await hub.api<ServiceRequest>('GET', `/api/service-requests/${id}`, coord)).body.status).toBe('completed');
    now += 2 * DAY;
    await hub.runTimebankJobs();
    const r = await hub.api<ServiceRequest>('GET', `/api/service-requests/${id}`, coord);
    expect(r.body).toMatchObject({ status: 'confirmed', autoConfirmed: true, minutes: 45 });
    expect(await balance()).toBe(before + 45);
    await hub.runTimebankJobs(); // a second run credits nothing more
    expect(await balance()).toBe(before + 45);
  });

  it('sends a dispute to the coordinator, who confirms corrected minutes or rejects', async () => {
    const before = await balance();
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const id = (await order(family)).body.id;
      await step(coord, id, 'dispatch', { volunteerId: myVolunteer.id });
      await step(vol, id, 'accept');
      await step(vol, id, 'check-in');
      now += 120 * 60_000;
      await step(vol, id, 'check-out');
      expect((await step(family, id, 'dispute', { reason: 'only stayed one hour' })).body.status).toBe('disputed');
      ids.push(id);
    }
    expect((await step(family, ids[0]!, 'resolve', { decision: 'confirm', resolution: 'fine by me' })).status).toBe(
      403,
    );
    const ok = await step(coord, ids[0]!, 'resolve', {
      decision: 'confirm',
      resolution: 'checked: one hour',
      minutes: 60,
    });
    expect(ok.body).toMatchObject({ status: 'confirmed', minutes: 60 });
    const no = await step(coord, ids[1]!, 'resolve', { decision: 'reject', resolution: 'never came' });
    expect(no.body.status).toBe('rejected');
    expect(await balance()).toBe(before + 60);
    now += 10 * DAY;
    await hub.runTimebankJobs();
    expect(await balance()).toBe(before + 60);
  });

  it('shows family only their own elder and refuses orders for other elders', async () => {
    const list = await hub.api<List<ServiceRequest>>('GET', '/api/service-requests', family);
    expect(list.body.items.length).toBeGreaterThan(0);
    for (const r of list.body.items) expect(r.residentId).toBe(familyElder.id);
    const other = await hub.api('POST', '/api/service-requests', family, {
      programId: program.id,
      residentId: homes[0]!.id,
      type: 'meals',
      scheduledAt: new Date(now).toISOString(),
    });
    expect(other.status).toBe(403);
    const bad = await hub.api<{ error: string }>('POST', '/api/service-requests', family, {
      programId: program.id,
      residentId: familyElder.id,
      type: 'juggling',
      scheduledAt: 'tomorrow',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/type/);
  });
});

describe('welfare visits', () => {
  it('raises a welfare-concern incident on the dispatch board for a visit with a concern', async () => {
    const elder = homes[5]!;
    const v = await hub.api<WelfareContact>('POST', '/api/visits', coord, {
      residentId: elder.id,
      method: 'home',
      state: 'unwell',
      note: '老人发烧，无人照顾 fever, alone',
      concern: true,
    });
    expect(v.status).toBe(201);
    expect(v.body.alertId).toBeTruthy();
    const dispatcher = await hub.login('dispatcher@demo.local', 'demo-dispatch-pass');
    const alerts = await hub.api<List<Alert>>('GET', `/api/alerts?residentId=${elder.id}`, dispatcher);
    const a = alerts.body.items.find((x) => x.id === v.body.alertId);
    expect(a).toMatchObject({ queue: 'emergency', residentId: elder.id, status: 'open' });
    expect(alerts.body.items.some((x) => x.kind === 'welfare_concern')).toBe(true);
    // Volunteers log visits only for the elders assigned to them.
    const refused = await hub.api('POST', '/api/visits', vol, { residentId: elder.id, method: 'phone', state: 'well' });
    expect(refused.status).toBe(403);
  });

  it('computes the monthly visit rate per community and the overdue list, live', async () => {
    now = Date.now(); // back to real time: residents are registered at the database's clock
    const mk = async (name: string, community: string, riskCategories: string[], birthDate = '1950-01-01') => {
      const r = await hub.api<Resident>(
        'POST',
        '/api/residents',
        coord2,
        residentBodySchema.parse({ name, birthDate, sex: 'female', community, riskCategories }),
      );
      expect(r.status).toBe(201);
      return r.body;
    };
    const a = await mk('A', '东社区', ['dementia']);
    await mk('B', '东社区', ['living_alone'], '1940-01-01');
    const c = await mk('C', '西社区', ['empty_nest']);
    const d = await mk('D', '西社区', []);
    await hub.api('PUT', '/api/visits/settings', coord2, { communityTargets: { 东社区: 100 } });
    const log = (residentId: string, at?: number) =>
      hub.api('POST', '/api/visits', coord2, {
        residentId,
        method: 'phone',
        state: 'well',
        ...(at ? { at: new Date(at).toISOString() } : {}),
      });
    expect((await log(a.id)).status).toBe(201);
    expect((await log(c.id, now - 40 * DAY)).status).toBe(201);
    expect((await log(d.id)).status).toBe(201);

    const report = await hub.api<VisitReport>('GET', '/api/visits/report', coord2);
    expect(report.status).toBe(200);
    expect(report.body.district).toMatchObject({
      keyElders: 3,
      visited: 1,
      ratePct: 33.3,
      targetPct: 90,
      meetsTarget: false,
    });
    expect(report.body.communities).toEqual([
      { community: '东社区', keyElders: 2, visited: 1, ratePct: 50, targetPct: 100, meetsTarget: false },
      { community: '西社区', keyElders: 1, visited: 0, ratePct: 0, targetPct: 90, meetsTarget: false },
    ]);
    expect(report.body.overdue.map((p) => p.residentName)).toEqual(['C']);
    expect(report.body.overdue[0]).toMatchObject({ tier: 'key', intervalDays: 30, daysOverdue: 10 });

    const plans = await hub.api<List<VisitPlan>>('GET', '/api/visits/plans', coord2);
    expect(Object.fromEntries(plans.body.items.map((p) => [p.residentName, p.tier]))).toEqual({
      A: 'high',
      B: 'high',
      C: 'key',
      D: 'other',
    });
    now += 8 * DAY;
    const later = await hub.api<List<VisitPlan>>('GET', '/api/visits/plans?overdue=true', coord2);
    expect(later.body.items.map((p) => p.residentName).sort()).toEqual(['A', 'B', 'C']);
    // The other district's coordinator sees none of these.
    const mine = await hub.api<List<VisitPlan>>('GET', '/api/visits/plans', coord);
    expect(mine.body.items.some((p) => p.residentId === a.id)).toBe(false);
  });
});
