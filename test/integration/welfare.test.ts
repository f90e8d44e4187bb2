/**
 * Subsidies, the rural left-behind register and the admission waiting list against a real hub and
 * database: eligibility with exact amounts from a scripted township, monthly totals reconciling with
 * the meal report and the recipients, the waiting-list order and its admit/withdraw decisions with
 * audit and free-bed checks, PATCH changing only what it was sent, and what an official may see.
 * The hub's clock is offset so the last test can move five weeks on and find visits overdue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ASSESSMENT_SCALE,
  type Application,
  type BenefitCategory,
  type Indicators,
  type Institution,
  type LeftBehindElder,
  type LeftBehindList,
  type MealReport,
  type Region,
  type Resident,
  type ResidentEntitlements,
  type SubsidyRecipients,
  type SubsidyTotals,
  type WaitingList,
} from '@eldercare/shared';
import { DEMO_SUBSIDY_CATEGORIES } from '../../hub/src/demo/seed-welfare.js';
import { ADMIN, startTestHub, type TestHub } from '../support/hub.js';

let offset = 0;
const clock = { now: () => Date.now() + offset };
let hub: TestHub;
let admin: string;
let coordinator: string;
let official: string;
const tz = 'Asia/Shanghai';
const dayOf = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(new Date(ms));
const today = () => dayOf(clock.now());

const items = ASSESSMENT_SCALE.flatMap((d) => d.items);
function scoresFor(total: number): Record<string, number> {
  const s = Object.fromEntries(items.map((i) => [i.key, Math.max(...i.options.map((o) => o.points))]));
  let lose = 90 - total;
  for (const i of items) {
    const take = Math.min(lose, s[i.key]!);
    s[i.key] = s[i.key]! - take;
    lose -= take;
  }
  return s;
}
/** A birth day `years` before `day` (YYYY-MM-DD), same month and day. */
const yearsBefore = (day: string, years: number) => `${Number(day.slice(0, 4)) - years}${day.slice(4)}`;

let township: Region;
let community: Region;
let village: Region;
const elders: Record<string, Resident> = {};

async function elder(name: string, body: Record<string, unknown>, assess?: number): Promise<Resident> {
  const r = await hub.api<Resident>('POST', '/api/residents', coordinator, {
    name,
    sex: 'female',
    regionId: community.id,
    ...body,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  if (assess !== undefined)
    expect(
      (await hub.api('POST', `/api/residents/${r.body.id}/assessments`, coordinator, { scores: scoresFor(assess) }))
        .status,
    ).toBe(201);
  return (elders[name] = r.body);
}

beforeAll(async () => {
  hub = await startTestHub({}, undefined, { clock });
  admin = await hub.login(ADMIN.email, ADMIN.password);
  coordinator = await hub.login('coordinator@demo.local', 'demo-coord-pass');
  official = await hub.login('official@demo.local', 'demo-official-pass');
  const district = (await hub.api<{ items: Region[] }>('GET', '/api/regions?level=district', admin)).body.items[0]!;
  township = (
    await hub.api<Region>('POST', '/api/regions', coordinator, {
      level: 'township',
      name: '核验乡 Check Township',
      parentId: district.id,
    })
  ).body;
  community = (
    await hub.api<Region>('POST', '/api/regions', coordinator, {
      level: 'community',
      name: '核验社区',
      parentId: township.id,
    })
  ).body;
  village = (
    await hub.api<Region>('POST', '/api/regions', coordinator, {
      level: 'community',
      name: '核验村',
      parentId: township.id,
      rural: true,
    })
  ).body;
}, 180_000);

afterAll(async () => {
  await hub?.stop();
});

describe('subsidies', () => {
  let test: BenefitCategory;

  it('defines a category with rules; PATCH changes only what it was sent; bad rules are refused', async () => {
    const cats = (await hub.api<{ items: BenefitCategory[] }>('GET', '/api/subsidies/categories', official)).body.items;
    expect(cats.map((c) => c.code)).toEqual(DEMO_SUBSIDY_CATEGORIES.map((c) => c.code));
    const post = (body: unknown, token = coordinator) =>
      hub.api<BenefitCategory & { details?: { path: string }[] }>('POST', '/api/subsidies/categories', token, body);
    const created = await post({
      code: 'test_shineng',
      name: '核验失能补贴',
      monthlyCents: 12_345,
      rules: [
        { name: '80 周岁以上重度/完全失能', minAge: 80, grades: ['severe', 'complete'] },
        { name: '低保中度失能', economicStatus: ['subsistence'], grades: ['moderate'] },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    test = created.body;
    expect(test.rules[0]).toEqual({
      name: '80 周岁以上重度/完全失能',
      minAge: 80,
      maxAge: null,
      grades: ['severe', 'complete'],
      economicStatus: [],
    });
    const bad = await post({ code: 'x', name: 'x', monthlyCents: 1, rules: [{ name: 'x', minAge: 90, maxAge: 80 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.details?.[0]?.path).toContain('maxAge');
    // A meal category is paid for by one category only; codes are unique.
    expect((await post({ code: 'y', name: 'y', monthlyCents: 1, mealCategory: 'low_income' })).status).toBe(409);
    expect((await post({ code: 'test_shineng', name: 'y', monthlyCents: 1 })).status).toBe(409);
    expect((await post({ code: 'z', name: 'z', monthlyCents: 1 }, official)).status).toBe(403);

    const patched = await hub.api<BenefitCategory>('PATCH', `/api/subsidies/categories/${test.id}`, coordinator, {
      name: '核验失能护理补贴',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ ...test, name: '核验失能护理补贴' });
    test = patched.body;
    expect((await hub.api('PATCH', `/api/subsidies/categories/${test.id}`, coordinator, { rules: null })).status).toBe(
      400,
    );
    const audit = await hub.api<{ items: { action: string }[] }>(
      'GET',
      `/api/audit?entity=subsidy_category&entityId=${test.id}`,
      admin,
    );
    expect(audit.body.items.map((e) => e.action).sort()).toEqual(['create', 'update']);
  });

  it('gives each scripted elder exactly the categories whose rules match, with the rule that matched', async () => {
    const t = today();
    const tomorrow = dayOf(clock.now() + 86_400_000);
    await elder('核验甲', { birthDate: yearsBefore(t, 85) }, 35); // 85, 重度失能
    await elder('核验乙', { birthDate: yearsBefore(t, 70), economicStatus: ['subsistence'] }, 50); // 70, 中度, 低保
    await elder('核验丙', { birthDate: yearsBefore(t, 92), economicStatus: ['extreme_poverty', 'entitled_group'] });
    await elder('核验丁', { birthDate: yearsBefore(tomorrow, 80) }, 20); // 80 tomorrow: 79 today, 完全失能
    await elder('核验戊', { birthDate: yearsBefore(t, 80), economicStatus: ['family_planning_special'] }); // 80 today
    const ent = async (name: string) =>
      (await hub.api<ResidentEntitlements>('GET', `/api/residents/${elders[name]!.id}/entitlements`, coordinator)).body;
    const codes = (e: ResidentEntitlements) => e.entitlements.map((x) => x.code);

    const a = await ent('核验甲');
    expect(a.age).toBe(85);
    expect(a.grade).toBe('severe');
    expect(codes(a)).toEqual(['gaoling_80', 'test_shineng']);
    expect(a.monthlyCents).toBe(10_000 + 12_345);
    expect(a.entitlements[1]!.because).toEqual({
      rule: '80 周岁以上重度/完全失能',
      ruleIndex: 0,
      age: { value: 85, min: 80, max: null },
      grade: { value: 'severe', anyOf: ['severe', 'complete'] },
      economicStatus: null,
    });
    const b = await ent('核验乙');
    expect(codes(b)).toEqual(['dibao', 'dishouru_shineng', 'test_shineng']);
    expect(b.entitlements[2]!.because.rule).toBe('低保中度失能');
    expect(b.entitlements[2]!.because.economicStatus).toEqual({ value: ['subsistence'], anyOf: ['subsistence'] });
    expect(b.monthlyCents).toBe(20_000 + 30_000 + 12_345);
    const c = await ent('核验丙');
    expect(codes(c)).toEqual(['tekun', 'youfu', 'gaoling_90']);
    expect(c.monthlyCents).toBe(150_000 + 30_000 + 30_000);
    const d = await ent('核验丁');
    expect(d.age).toBe(79);
    expect(codes(d)).toEqual([]);
    expect(d.monthlyCents).toBe(0);
    const e = await ent('核验戊');
    expect(e.age).toBe(80);
    expect(codes(e)).toEqual(['jisheng_tebie', 'gaoling_80']);
    expect(e.monthlyCents).toBe(50_000 + 10_000);

    // Of the scripted elders, the test category's recipients are exactly the two its rules name.
    const rec = await hub.api<SubsidyRecipients>('GET', `/api/subsidies/categories/${test.id}/recipients`, coordinator);
    expect(
      rec.body.items
        .filter((r) => r.community === community.name)
        .map((r) => r.name)
        .sort(),
    ).toEqual(['核验乙', '核验甲'].sort());
  });

  it('adds the month up per category and township, reconciling with entitlements and the meal report', async () => {
    const month = today().slice(0, 7);
    const totals = (await hub.api<SubsidyTotals>('GET', `/api/subsidies/totals?month=${month}`, official)).body;
    expect(totals.asOf).toBe(today());
    const mine = totals.byTownship.find((x) => x.townshipId === township.id)!;
    expect(mine.elders).toBe(4);
    expect(mine.amountCents).toBe(22_345 + 62_345 + 210_000 + 60_000);
    expect(mine.mealsServed).toBe(0);
    const cell = (code: string) => {
      const id = totals.categories.find((c) => c.code === code)!.id;
      return totals.rows.find((r) => r.categoryId === id && r.townshipId === township.id);
    };
    expect(cell('gaoling_80')).toMatchObject({ elders: 2, amountCents: 20_000 });
    expect(cell('test_shineng')).toMatchObject({ elders: 2, amountCents: 24_690 });
    expect(cell('tekun')).toMatchObject({ elders: 1, amountCents: 150_000 });
    // Rows add up to the categories, the townships and the total.
    const sum = (xs: { amountCents: number }[]) => xs.reduce((n, x) => n + x.amountCents, 0);
    expect(sum(totals.byCategory)).toBe(sum(totals.rows));
    expect(sum(totals.byTownship)).toBe(totals.total.amountCents);
    expect(totals.total.elders).toBe(totals.byTownship.reduce((n, x) => n + x.elders, 0));
    // Each category's count equals its recipient list (all townships).
    for (const c of totals.categories) {
      const rec = await hub.api<SubsidyRecipients>(
        'GET',
        `/api/subsidies/categories/${c.id}/recipients?month=${month}`,
        coordinator,
      );
      expect(totals.byCategory.find((x) => x.categoryId === c.id)!.elders, c.code).toBe(rec.body.items.length);
    }
    // Meals: each category's meals are the meal report's meals of its meal category.
    const meals = (await hub.api<MealReport>('GET', `/api/meals/reports?from=${month}-01&to=${today()}`, coordinator))
      .body;
    expect(meals.served).toBeGreaterThan(0);
    for (const c of totals.categories.filter((x) => x.mealCategory)) {
      const m = meals.bySubsidy.find((s) => s.category === c.mealCategory);
      const t = totals.byCategory.find((x) => x.categoryId === c.id)!;
      expect(t.mealsServed, c.code).toBe(m?.served ?? 0);
      expect(t.mealSubsidyCents, c.code).toBe(m?.subsidyCents ?? 0);
    }
    expect(totals.total.mealsServed).toBe(
      meals.bySubsidy.filter((s) => s.category !== 'none').reduce((n, s) => n + s.served, 0),
    );
    // Last month the scripted elders were not registered yet; a future month is refused.
    const [y, m] = month.split('-').map(Number) as [number, number];
    const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    const before = (await hub.api<SubsidyTotals>('GET', `/api/subsidies/totals?month=${prev}`, official)).body;
    expect(before.byTownship.find((x) => x.townshipId === township.id)?.elders ?? 0).toBe(0);
    expect((await hub.api('GET', `/api/subsidies/totals?month=${y + 1}-01`, official)).status).toBe(400);
  });

  it('shows officials the totals and categories only: no entitlements of an elder, no recipients, no names', async () => {
    const id = elders['核验甲']!.id;
    expect((await hub.api('GET', `/api/residents/${id}/entitlements`, official)).status).toBe(403);
    const cat = (await hub.api<{ items: BenefitCategory[] }>('GET', '/api/subsidies/categories', official)).body
      .items[0]!;
    expect((await hub.api('GET', `/api/subsidies/categories/${cat.id}/recipients`, official)).status).toBe(403);
    const text = JSON.stringify((await hub.api('GET', '/api/subsidies/totals', official)).body);
    for (const name of Object.keys(elders)) expect(text).not.toContain(name);
    // Institution staff see the entitlements of their own residents only.
    const staff = await hub.login('staff@demo.local', 'demo-staff-pass');
    expect((await hub.api('GET', `/api/residents/${id}/entitlements`, staff)).status).toBe(404);
  });
});

describe('the admission waiting list', () => {
  let home: Institution;
  const apps: Record<string, Application> = {};

  it('orders applications: 特困, then 低保, then the more severe grade, then the earlier application', async () => {
    const inst = await hub.api<Institution>('POST', '/api/institutions', coordinator, {
      name: '核验公办养老院',
      kind: 'welfare_home',
      ownership: 'public',
      regionId: township.id,
      rooms: [{ name: '101', beds: ['A', 'B'], bedKind: 'nursing' }],
    });
    expect(inst.status, JSON.stringify(inst.body)).toBe(201);
    home = inst.body;
    expect(home.ownership).toBe('public');
    const t = today();
    await elder('轮候一', { birthDate: yearsBefore(t, 81) }, 20); // 完全失能, general
    await elder('轮候二', { birthDate: yearsBefore(t, 75), economicStatus: ['subsistence'] }); // 低保, not assessed
    await elder('轮候三', { birthDate: yearsBefore(t, 77), economicStatus: ['extreme_poverty'] }, 75); // 特困, 轻度
    await elder('轮候四', { birthDate: yearsBefore(t, 88) }, 25); // 完全失能, general, earlier
    await elder('轮候五', { birthDate: yearsBefore(t, 66), economicStatus: ['low_income'] }); // general
    const applied: Record<string, string> = {
      轮候一: '2025-01-10',
      轮候二: '2025-03-01',
      轮候三: '2025-05-01',
      轮候四: '2025-01-05',
      轮候五: '2024-12-01',
    };
    for (const [name, appliedOn] of Object.entries(applied)) {
      const r = await hub.api<Application>('POST', '/api/waiting-list', coordinator, {
        institutionId: home.id,
        residentId: elders[name]!.id,
        appliedOn,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      apps[name] = r.body;
    }
    const list = (await hub.api<WaitingList>('GET', `/api/waiting-list?institutionId=${home.id}`, coordinator)).body;
    expect(list.items.map((a) => [a.position, a.residentName])).toEqual([
      [1, '轮候三'],
      [2, '轮候二'],
      [3, '轮候四'],
      [4, '轮候一'],
      [5, '轮候五'],
    ]);
    expect(list.items[0]!.priorityGroup).toBe('extreme_poverty');
    expect(list.institutions).toEqual([
      { institutionId: home.id, name: '核验公办养老院', beds: 2, occupied: 0, free: 2, waiting: 5 },
    ]);
    // Refused: a private home, a duplicate, a day in the future, an official.
    const demoHomes = (await hub.api<Institution[] | { items: Institution[] }>('GET', '/api/institutions', admin)).body;
    const privateHome = (Array.isArray(demoHomes) ? demoHomes : demoHomes.items).find(
      (i) => i.ownership === 'private',
    )!;
    const post = (body: unknown, token = coordinator) =>
      hub.api<{ details?: { path: string }[] }>('POST', '/api/waiting-list', token, body);
    const bad = await post({ institutionId: privateHome.id, residentId: elders['轮候一']!.id });
    expect(bad.status).toBe(400);
    expect(bad.body.details?.[0]?.path).toBe('institutionId');
    expect((await post({ institutionId: home.id, residentId: elders['轮候一']!.id })).status).toBe(409);
    expect(
      (await post({ institutionId: home.id, residentId: elders['核验甲']!.id, appliedOn: '2099-01-01' })).status,
    ).toBe(400);
    expect((await hub.api('GET', '/api/waiting-list', official)).status).toBe(403);
  });

  it('is visible to the institution applied to, not to another institution’s staff', async () => {
    expect(
      (
        await hub.api('POST', '/api/users', admin, {
          email: 'home-staff@check.local',
          name: '核验院 护理员',
          password: 'check-staff-pass-1',
          role: 'institution_staff',
          institutionId: home.id,
        })
      ).status,
    ).toBe(201);
    const mine = await hub.login('home-staff@check.local', 'check-staff-pass-1');
    const seen = (await hub.api<WaitingList>('GET', '/api/waiting-list', mine)).body;
    expect(seen.items.map((a) => a.position)).toEqual([1, 2, 3, 4, 5]);
    expect(
      (await hub.api('POST', `/api/waiting-list/${apps['轮候三']!.id}/withdraw`, mine, { reason: 'x' })).status,
    ).toBe(403);
    const other = await hub.login('staff@demo.local', 'demo-staff-pass');
    const theirs = (await hub.api<WaitingList>('GET', '/api/waiting-list', other)).body;
    expect(theirs.items.some((a) => a.institutionId === home.id)).toBe(false);
    expect((await hub.api('GET', `/api/waiting-list?institutionId=${home.id}`, other)).status).toBe(400);
  });

  it('admits to a free bed with audit, needs a reason to pass someone over, and refuses without a free bed', async () => {
    const [bedA, bedB] = home.rooms[0]!.beds;
    // PATCH changes only what it was sent.
    const p = await hub.api<Application>('PATCH', `/api/waiting-list/${apps['轮候一']!.id}`, coordinator, {
      note: '家属已签字',
    });
    expect(p.body.note).toBe('家属已签字');
    expect(p.body.appliedOn).toBe('2025-01-10');
    expect(p.body.position).toBe(4);
    const admit = (name: string, body: unknown) =>
      hub.api<Application & { details?: { path: string }[] }>(
        'POST',
        `/api/waiting-list/${apps[name]!.id}/admit`,
        coordinator,
        body,
      );
    const skipped = await admit('轮候二', { bedId: bedA!.id });
    expect(skipped.status).toBe(400);
    expect(skipped.body.details?.[0]?.path).toBe('reason');
    const ok = await admit('轮候二', { bedId: bedA!.id, reason: '特困老人本人暂缓入住' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: 'admitted', bedId: bedA!.id, position: null });
    const placed = (await hub.api<Resident>('GET', `/api/residents/${elders['轮候二']!.id}`, coordinator)).body;
    expect(placed).toMatchObject({ institutionId: home.id, bedId: bedA!.id });
    // The bed is taken; the first in line takes the other one.
    expect((await admit('轮候三', { bedId: bedA!.id })).status).toBe(409);
    expect((await admit('轮候三', { bedId: bedB!.id })).status).toBe(200);
    const full = await admit('轮候四', { bedId: bedB!.id });
    expect(full.status).toBe(409);
    expect(JSON.stringify(full.body)).toContain('no free bed');
    expect((await admit('轮候三', { bedId: bedB!.id })).status).toBe(409);
    const w = await hub.api<Application>('POST', `/api/waiting-list/${apps['轮候五']!.id}/withdraw`, coordinator, {
      reason: '家属接回',
    });
    expect(w.body).toMatchObject({ status: 'withdrawn', decisionReason: '家属接回' });
    const list = (await hub.api<WaitingList>('GET', `/api/waiting-list?institutionId=${home.id}`, coordinator)).body;
    expect(list.items.map((a) => [a.position, a.residentName])).toEqual([
      [1, '轮候四'],
      [2, '轮候一'],
    ]);
    expect(list.institutions[0]).toMatchObject({ beds: 2, occupied: 2, free: 0, waiting: 2 });
    const all = (
      await hub.api<WaitingList>('GET', `/api/waiting-list?institutionId=${home.id}&status=all`, coordinator)
    ).body;
    expect(all.items).toHaveLength(5);
    const audit = await hub.api<{ items: { action: string; changes: { field: string; after: unknown }[] }[] }>(
      'GET',
      `/api/audit?entity=admission_application&entityId=${apps['轮候二']!.id}`,
      admin,
    );
    expect(audit.body.items.map((e) => e.action).sort()).toEqual(['create', 'update']);
    const decision = audit.body.items.find((e) => e.action === 'update')!;
    expect(decision.changes.find((c) => c.field === 'status')?.after).toBe('admitted');
    expect(decision.changes.find((c) => c.field === 'decisionReason')?.after).toBe('特困老人本人暂缓入住');
  });
});

describe('the rural left-behind register', () => {
  let registered: LeftBehindElder;

  it('registers elders of villages only, with care contacts; PATCH changes only what it was sent', async () => {
    const t = today();
    const urban = await elder('留守甲', { birthDate: yearsBefore(t, 72) });
    const rural = await elder('留守乙', { birthDate: yearsBefore(t, 74), regionId: village.id });
    await elder('留守丙', { birthDate: yearsBefore(t, 83), regionId: village.id });
    const post = (body: unknown, token = coordinator) =>
      hub.api<LeftBehindElder & { details?: { path: string }[] }>('POST', '/api/left-behind', token, body);
    const refused = await post({ residentId: urban.id });
    expect(refused.status).toBe(400);
    expect(refused.body.details?.[0]?.path).toBe('residentId');
    const contacts = [
      { name: '儿子 张强', relation: '儿子', phone: '13900000001', kind: 'family', note: '在杭州务工' },
      { name: '村委 王主任', relation: '村干部', phone: '0571-86000000', kind: 'helper' },
    ];
    const r = await post({ residentId: rural.id, careContacts: contacts });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    registered = r.body;
    expect(registered).toMatchObject({
      villageId: village.id,
      villageName: '核验村',
      townshipId: township.id,
      registeredOn: t,
      visit: { tier: 'key', intervalDays: 30, overdue: false, lastContactAt: null },
    });
    expect(registered.careContacts[1]).toEqual({ ...contacts[1], note: '' });
    expect((await post({ residentId: rural.id })).status).toBe(409);
    expect((await post({ residentId: elders['留守丙']!.id })).status).toBe(201);
    const res = (await hub.api<Resident>('GET', `/api/residents/${rural.id}`, coordinator)).body;
    expect(res.riskCategories).toContain('left_behind');
    const p = await hub.api<LeftBehindElder>('PATCH', `/api/left-behind/${rural.id}`, coordinator, {
      careContacts: [contacts[0]],
    });
    expect(p.status).toBe(200);
    expect(p.body.registeredOn).toBe(t);
    expect(p.body.careContacts).toHaveLength(1);
    expect(
      (await hub.api('PATCH', `/api/left-behind/${rural.id}`, coordinator, { registeredOn: '2099-01-01' })).status,
    ).toBe(400);
    expect((await post({ residentId: rural.id }, official)).status).toBe(403);
    expect((await hub.api('GET', '/api/left-behind', official)).status).toBe(403);
  });

  it('lists per village with counts; the indicator dashboard counts them per township', async () => {
    const list = (await hub.api<LeftBehindList>('GET', `/api/left-behind?regionId=${village.id}`, coordinator)).body;
    expect(list.items.map((e) => e.name).sort()).toEqual(['留守丙', '留守乙'].sort());
    expect(list.villages).toEqual([
      {
        villageId: village.id,
        villageName: '核验村',
        townshipId: township.id,
        townshipName: township.name,
        elders: 2,
        overdue: 0,
        withoutHelper: 2,
      },
    ]);
    const all = (await hub.api<LeftBehindList>('GET', '/api/left-behind', coordinator)).body;
    const ind = (await hub.api<Indicators>('GET', '/api/oversight/indicators?months=1', official)).body;
    expect(ind.townships.find((a) => a.townshipId === township.id)).toMatchObject({
      leftBehind: 2,
      leftBehindOverdue: 0,
    });
    expect(ind.district.leftBehind).toBe(all.items.length);
    expect(ind.district.leftBehindOverdue).toBe(all.items.filter((e) => e.visit?.overdue).length);
  });

  it('five weeks on, the unvisited one is overdue on the register and the dashboard; a visit clears it', async () => {
    offset = 35 * 86_400_000;
    coordinator = await hub.login('coordinator@demo.local', 'demo-coord-pass');
    official = await hub.login('official@demo.local', 'demo-official-pass');
    const visit = await hub.api('POST', '/api/visits', coordinator, {
      residentId: elders['留守丙']!.id,
      method: 'home',
      state: 'well',
    });
    expect(visit.status).toBe(201);
    const list = (await hub.api<LeftBehindList>('GET', `/api/left-behind?regionId=${township.id}`, coordinator)).body;
    const byName = Object.fromEntries(list.items.map((e) => [e.name, e]));
    // Registered 35 days (and the seconds since) ago, due after 30 (the key tier): into the 6th day overdue.
    expect(byName['留守乙']!.visit).toMatchObject({ overdue: true, daysOverdue: 6 });
    expect(byName['留守丙']!.visit).toMatchObject({ overdue: false });
    expect(byName['留守丙']!.visit!.lastContactAt).not.toBeNull();
    const overdue = (await hub.api<LeftBehindList>('GET', '/api/left-behind?overdue=true', coordinator)).body;
    expect(overdue.items.map((e) => e.name)).toContain('留守乙');
    expect(overdue.items.map((e) => e.name)).not.toContain('留守丙');
    const ind = (await hub.api<Indicators>('GET', '/api/oversight/indicators?months=1', official)).body;
    expect(ind.townships.find((a) => a.townshipId === township.id)).toMatchObject({
      leftBehind: 2,
      leftBehindOverdue: 1,
    });
    // Taking an elder out of the register removes the risk category and the count.
    const out = await hub.api<LeftBehindElder>('PATCH', `/api/left-behind/${registered.residentId}`, coordinator, {
      retired: true,
    });
    expect(out.body.retiredAt).not.toBeNull();
    const res = (await hub.api<Resident>('GET', `/api/residents/${registered.residentId}`, coordinator)).body;
    expect(res.riskCategories).not.toContain('left_behind');
    const after = (await hub.api<Indicators>('GET', '/api/oversight/indicators?months=1', official)).body;
    expect(after.townships.find((a) => a.townshipId === township.id)!.leftBehind).toBe(1);
  });
});
