/**
 * Oversight against a real hub: the region hierarchy (demo regions adopted from the residents'
 * communities, the level rules, retiring), residents and institutions referring to a region, and
 * capability assessments that set a resident's grade and care level, which the institution board's
 * staffing requirement then follows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ASSESSMENT_SCALE,
  type Assessment,
  type Institution,
  type InstitutionBoard,
  type Region,
  type Resident,
} from '@eldercare/shared';
import { ADMIN, otherDistrictCoordinator, startTestHub, type TestHub } from '../support/hub.js';

let hub: TestHub;
let admin: string;
let coordinator: string;
let staff: string;
let official: string;

const items = ASSESSMENT_SCALE.flatMap((d) => d.items);
/** Every item at its best answer, then points taken off items in order until the total is `total`. */
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

beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login(ADMIN.email, ADMIN.password);
  coordinator = await hub.login('coordinator@demo.local', 'demo-coord-pass');
  staff = await hub.login('staff@demo.local', 'demo-staff-pass');
  official = await hub.login('official@demo.local', 'demo-official-pass');
}, 120_000);

afterAll(async () => {
  await hub?.stop();
});

/** Another district's coordinator (created once per hub). */
let other: Promise<{ tenantId: string; token: string }> | undefined;
const otherDistrict = () => (other ??= otherDistrictCoordinator(hub));

const regions = async (token = admin, q = '') =>
  (await hub.api<{ items: Region[] }>('GET', `/api/regions${q}`, token)).body.items;

describe('regions', () => {
  it('the demo district has two streets whose communities hold every resident, with counts rolled up', async () => {
    const all = await regions();
    const district = all.find((r) => r.level === 'district')!;
    const streets = all.filter((r) => r.level === 'township');
    const communities = all.filter((r) => r.level === 'community');
    expect(streets).toHaveLength(2);
    // The demo's four urban communities and its two villages (of the left-behind register).
    expect(communities.map((c) => c.name).sort()).toEqual(
      ['东风社区', '南湖社区', '幸福里社区', '长青社区', '桃源村', '李家村'].sort(),
    );
    expect(
      communities
        .filter((c) => c.rural)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['桃源村', '李家村'].sort());
    const residents = await hub.api<{ total: number }>('GET', '/api/residents?limit=1', admin);
    expect(district.residents).toBe(residents.body.total);
    expect(streets.reduce((s, r) => s + r.residents, 0)).toBe(district.residents);
    for (const s of streets)
      expect(communities.filter((c) => c.parentId === s.id).reduce((n, c) => n + c.residents, 0)).toBe(s.residents);
    expect(communities[0]!.path.split(' / ')).toHaveLength(3);
    // Residents of a street: the sum of its communities.
    const street = streets[0]!;
    const inStreet = await hub.api<{ total: number; items: Resident[] }>(
      'GET',
      `/api/residents?regionId=${street.id}&limit=500`,
      admin,
    );
    expect(inStreet.body.total).toBe(street.residents);
    const ids = new Set(communities.filter((c) => c.parentId === street.id).map((c) => c.id));
    expect(inStreet.body.items.every((r) => ids.has(r.regionId!))).toBe(true);
    // Nothing is left to adopt.
    const unlinked = await hub.api<{ items: unknown[] }>('GET', '/api/regions/unlinked-communities', admin);
    expect(unlinked.body.items).toEqual([]);
  });

  it('enforces the levels: a township under a district, a community under a township, a district without parent', async () => {
    const all = await regions();
    const district = all.find((r) => r.level === 'district')!;
    const street = all.find((r) => r.level === 'township')!;
    const community = all.find((r) => r.level === 'community')!;
    const post = (body: unknown) =>
      hub.api<{ details?: { path: string }[] }>('POST', '/api/regions', coordinator, body);
    expect((await post({ level: 'community', name: '新村', parentId: district.id })).status).toBe(400);
    expect((await post({ level: 'township', name: '新街道' })).body.details?.[0]?.path).toBe('parentId');
    expect((await post({ level: 'district', name: '另一区', parentId: district.id })).status).toBe(400);
    expect((await post({ level: 'community', name: '新村', parentId: community.id })).status).toBe(400);
    const created = await post({
      level: 'community',
      name: '桃园村',
      parentId: street.id,
      rural: true,
      code: '330102001',
    });
    expect(created.status).toBe(201);
    expect((await post({ level: 'community', name: '桃园村', parentId: street.id })).status).toBe(409);
    // Another district's township is no parent here.
    const elsewhere = await otherDistrict();
    const foreign = await hub.api<{ details?: { path: string }[] }>('POST', '/api/regions', elsewhere.token, {
      level: 'township',
      name: 'x',
      parentId: district.id,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.details?.[0]?.path).toBe('parentId');
    // Dispatchers read regions; they cannot write them.
    const dispatcher = await hub.login('dispatcher@demo.local', 'demo-dispatch-pass');
    expect((await regions(dispatcher)).length).toBeGreaterThan(0);
    expect((await hub.api('POST', '/api/regions', dispatcher, { level: 'district', name: 'y' })).status).toBe(403);
  });

  it('retiring is refused while regions below are in service; a retired community takes no residents', async () => {
    const all = await regions();
    const street = all.find((r) => r.level === 'township')!;
    expect((await hub.api('PATCH', `/api/regions/${street.id}`, admin, { retired: true })).status).toBe(409);
    const village = (
      await hub.api<Region>('POST', '/api/regions', admin, { level: 'community', name: '梨园村', parentId: street.id })
    ).body;
    const retired = await hub.api<Region>('PATCH', `/api/regions/${village.id}`, admin, { retired: true });
    expect(retired.status).toBe(200);
    expect(retired.body.retiredAt).not.toBeNull();
    expect(retired.body.name).toBe('梨园村');
    expect((await regions()).some((r) => r.id === village.id)).toBe(false);
    const resident = (await hub.api<{ items: Resident[] }>('GET', '/api/residents?limit=1', admin)).body.items[0]!;
    const moved = await hub.api<{ details?: { path: string }[] }>('PATCH', `/api/residents/${resident.id}`, admin, {
      regionId: village.id,
    });
    expect(moved.status).toBe(400);
    expect(moved.body.details?.[0]?.path).toBe('regionId');
  });

  it('a resident given a community region takes its name as community; a township is refused for a resident', async () => {
    const all = await regions();
    const target = all.find((r) => r.level === 'community' && r.name === '长青社区')!;
    const resident = (await hub.api<{ items: Resident[] }>('GET', '/api/residents?community=东风社区&limit=1', admin))
      .body.items[0]!;
    const r = await hub.api<Resident>('PATCH', `/api/residents/${resident.id}`, admin, { regionId: target.id });
    expect(r.status).toBe(200);
    expect(r.body.community).toBe('长青社区');
    expect(r.body.regionId).toBe(target.id);
    const street = all.find((x) => x.level === 'township')!;
    expect((await hub.api('PATCH', `/api/residents/${resident.id}`, admin, { regionId: street.id })).status).toBe(400);
  });

  it('adopts free-text communities of old records under a township, creating the missing community regions', async () => {
    const street = (await regions()).find((r) => r.level === 'township')!;
    const created = await hub.api<Resident>('POST', '/api/residents', admin, {
      name: '旧档案 Old Record',
      birthDate: '1940-05-01',
      sex: 'female',
      community: '老街社区',
    });
    expect(created.body.regionId).toBeNull();
    const unlinked = await hub.api<{ items: { name: string; residents: number }[] }>(
      'GET',
      '/api/regions/unlinked-communities',
      admin,
    );
    expect(unlinked.body.items).toEqual([{ name: '老街社区', residents: 1 }]);
    const adopt = await hub.api<{ created: string[]; linked: number }>(
      'POST',
      `/api/regions/${street.id}/adopt-communities`,
      admin,
      {},
    );
    expect(adopt.body).toEqual({ created: ['老街社区'], linked: 1 });
    const after = await hub.api<Resident>('GET', `/api/residents/${created.body.id}`, admin);
    expect((await regions()).find((r) => r.id === after.body.regionId)?.name).toBe('老街社区');
  });

  it('an institution is placed in a township or community', async () => {
    const inst = (await hub.api<Institution[]>('GET', '/api/institutions', admin)).body;
    const list = Array.isArray(inst) ? inst : (inst as unknown as { items: Institution[] }).items;
    const street = (await regions()).find((r) => r.level === 'township')!;
    const r = await hub.api<Institution>('PATCH', `/api/institutions/${list[1]!.id}`, admin, { regionId: street.id });
    expect(r.status).toBe(200);
    expect(r.body.regionId).toBe(street.id);
    const district = (await regions()).find((x) => x.level === 'district')!;
    expect((await hub.api('PATCH', `/api/institutions/${list[1]!.id}`, admin, { regionId: district.id })).status).toBe(
      400,
    );
  });
});

describe('capability assessments', () => {
  it('an assessment grades the elder, sets the care level and the institution’s staffing requirement', async () => {
    const me = await hub.api<{ user: { institutionId: string } }>('GET', '/api/auth/me', staff);
    const institutionId = me.body.user.institutionId;
    const board = async () =>
      (await hub.api<InstitutionBoard>('GET', `/api/institutions/${institutionId}/board`, staff)).body;
    const before = await board();
    const self = before.rooms
      .flatMap((r) => r.beds)
      .map((b) => b.resident)
      .find((r) => r?.careLevel === 'self_care')!;
    expect(self).toBeTruthy();

    const r = await hub.api<Assessment>('POST', `/api/residents/${self.id}/assessments`, staff, {
      reason: 'change',
      scores: scoresFor(40),
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ total: 40, preliminaryGrade: 'severe', grade: 'severe', careLevel: 'full_care' });
    expect(r.body.assessorName).toBe('护士 陈静');
    expect(r.body.domainTotals.self_care).toBe(0);
    const resident = await hub.api<Resident>('GET', `/api/residents/${self.id}`, staff);
    expect(resident.body.careLevel).toBe('full_care');
    expect(resident.body.capabilityGrade).toBe('severe');

    const after = await board();
    expect(after.staffing.byLevel.self_care).toBe(before.staffing.byLevel.self_care - 1);
    expect(after.staffing.byLevel.full_care).toBe(before.staffing.byLevel.full_care + 1);
    const { byLevel } = after.staffing;
    expect(after.staffing.required).toBe(
      Math.ceil((byLevel.full_care + byLevel.semi_care) / 6) + Math.ceil(byLevel.self_care / 10),
    );

    // An earlier assessment entered afterwards goes into the history without changing the grade.
    const older = await hub.api<Assessment>('POST', `/api/residents/${self.id}/assessments`, staff, {
      assessedOn: '2025-01-10',
      reason: 'first',
      scores: scoresFor(90),
    });
    expect(older.body.grade).toBe('intact');
    expect(older.body.nextDueOn).toBe('2026-01-10');
    expect((await hub.api<Resident>('GET', `/api/residents/${self.id}`, staff)).body.capabilityGrade).toBe('severe');
    const history = await hub.api<{ items: Assessment[] }>('GET', `/api/residents/${self.id}/assessments`, staff);
    expect(history.body.items.map((a) => a.grade)).toEqual(['severe', 'intact']);
  });

  it('a coma or a dementia diagnosis change the grade; bad points, future days and wrong roles are refused', async () => {
    const resident = (await hub.api<{ items: Resident[] }>('GET', '/api/residents?limit=3&offset=40', admin)).body
      .items[0]!;
    const post = (body: unknown, token = coordinator) =>
      hub.api<Assessment & { details?: { path: string }[] }>(
        'POST',
        `/api/residents/${resident.id}/assessments`,
        token,
        body,
      );
    const dementia = await post({ scores: scoresFor(90), adjustments: { dementiaOrMentalDisorder: true } });
    expect(dementia.body).toMatchObject({ preliminaryGrade: 'intact', grade: 'mild', careLevel: 'semi_care' });
    const coma = scoresFor(70);
    coma.consciousness = 0;
    const c = await post({ scores: coma, adjustments: { coma: true } });
    expect(c.body.grade).toBe('complete');
    const bad = await post({ scores: { ...scoresFor(90), stairs: 4 } });
    expect(bad.status).toBe(400);
    expect(bad.body.details?.[0]?.path).toBe('scores.stairs');
    const awake = await post({ scores: scoresFor(90), adjustments: { coma: true } });
    expect(awake.body.details?.[0]?.path).toBe('scores.consciousness');
    expect((await post({ scores: scoresFor(90), assessedOn: '2999-01-01' })).status).toBe(400);
    const dispatcher = await hub.login('dispatcher@demo.local', 'demo-dispatch-pass');
    expect((await post({ scores: scoresFor(90) }, dispatcher)).status).toBe(403);
    expect((await post({ scores: scoresFor(90) }, official)).status).toBe(403);
    expect(
      (
        await hub.api('POST', `/api/residents/00000000-0000-4000-8000-000000000000/assessments`, admin, {
          scores: scoresFor(90),
        })
      ).status,
    ).toBe(404);
  });

  it('lists who is due: never assessed first; assessed elders drop out until their next due day', async () => {
    const due = await hub.api<{ items: { residentId: string; nextDueOn: string | null }[]; total: number }>(
      'GET',
      '/api/assessments/due?limit=500',
      admin,
    );
    const residents = await hub.api<{ total: number }>('GET', '/api/residents?limit=1', admin);
    // Two residents were assessed above, and six by the demo data, with a next due day a year from today.
    expect(due.body.total).toBe(residents.body.total - 2 - 6);
    expect(due.body.items.every((i) => i.nextDueOn === null)).toBe(true);
    const later = await hub.api<{ total: number }>('GET', '/api/assessments/due?by=2099-01-01', admin);
    expect(later.body.total).toBe(residents.body.total);
  });
});

describe('institution beds and staffing from a scripted registry', () => {
  it('gives the exact bed shares, occupancy and staffing, and an assessment moves the requirement', async () => {
    const township = (
      await hub.api<Region>('POST', '/api/regions', admin, {
        level: 'township',
        name: '核验镇 Check Town',
        parentId: (await regions()).find((r) => r.level === 'district')!.id,
      })
    ).body;
    const created = await hub.api<Institution>('POST', '/api/institutions', admin, {
      name: '核验护理院 Scripted Home',
      regionId: township.id,
      rooms: [
        { name: 'N1', beds: ['1', '2', '3', '4'], bedKind: 'nursing' },
        { name: 'D1', dementiaZone: true, beds: ['1', '2'] },
        { name: 'O1', beds: ['1', '2', '3', '4', '5'] },
      ],
    });
    expect(created.status).toBe(201);
    const inst = created.body;
    const room = (n: string) => inst.rooms.find((r) => r.name === n)!;
    expect(room('D1').beds.every((b) => b.kind === 'dementia')).toBe(true);
    expect(room('O1').beds.every((b) => b.kind === 'ordinary')).toBe(true);
    // A retired bed is not counted.
    const spare = room('O1').beds[4]!;
    expect(
      (
        await hub.api('PATCH', `/api/institutions/${inst.id}/rooms/${room('O1').id}/beds/${spare.id}`, admin, {
          retired: true,
        })
      ).status,
    ).toBe(200);
    const place = async (bedId: string, careLevel: string) =>
      (
        await hub.api<Resident>('POST', '/api/residents', admin, {
          name: '核验 Check',
          birthDate: '1938-01-01',
          sex: 'male',
          institutionId: inst.id,
          bedId,
          careLevel,
        })
      ).body;
    for (const b of room('N1').beds) await place(b.id, 'full_care');
    for (const b of room('D1').beds) await place(b.id, 'semi_care');
    const selfCare = [];
    for (const b of room('O1').beds.slice(0, 3)) selfCare.push(await place(b.id, 'self_care'));

    type Figures = import('@eldercare/shared').InstitutionOversight;
    const figures = async (token = official) =>
      (await hub.api<Figures>('GET', '/api/oversight/institutions', token)).body;
    let f = await figures();
    const mine = f.institutions.find((i) => i.institutionId === inst.id)!;
    expect(mine.townshipId).toBe(township.id);
    expect(mine.beds).toEqual({
      total: 10,
      nursing: 4,
      dementia: 2,
      ordinary: 4,
      occupied: 9,
      nursingSharePct: 60,
      dementiaSharePct: 20,
      occupancyPct: 90,
      meetsNursingTarget: true,
    });
    // 6 semi/full-care residents need 1 carer (1:6), 3 self-care 1 (1:10); nobody is on shift.
    expect(mine.staffing).toEqual({
      residents: 9,
      required: 2,
      onShift: 0,
      registered: 0,
      institutions: 1,
      compliant: 0,
    });
    const area = f.townships.find((t) => t.townshipId === township.id)!;
    expect(area.beds).toEqual(mine.beds);
    expect(area.staffing).toEqual(mine.staffing);
    // The district adds up every institution.
    expect(f.district.total).toBe(f.institutions.reduce((s, i) => s + i.beds.total, 0));
    expect(f.district.staffing.required).toBe(f.institutions.reduce((s, i) => s + i.staffing.required, 0));

    // The institution board shows the same requirement.
    const board = await hub.api<InstitutionBoard>('GET', `/api/institutions/${inst.id}/board`, admin);
    expect(board.body.staffing.required).toBe(2);

    // A self-care resident assessed as severely disabled becomes full care: 7 care residents need 2, 2 others 1.
    await hub.api('POST', `/api/residents/${selfCare[0]!.id}/assessments`, admin, { scores: scoresFor(35) });
    f = await figures();
    expect(f.institutions.find((i) => i.institutionId === inst.id)!.staffing.required).toBe(3);
    expect(
      (await hub.api<InstitutionBoard>('GET', `/api/institutions/${inst.id}/board`, admin)).body.staffing.required,
    ).toBe(3);
  });
});

describe('the official role', () => {
  it('sees the figures and regions, and no route gives it residents, medication or medical notes', async () => {
    expect((await hub.api('GET', '/api/oversight/institutions', official)).status).toBe(200);
    expect((await regions(official)).length).toBeGreaterThan(0);
    expect((await hub.api('GET', '/api/oversight/institutions', staff)).status).toBe(403);
    const doc = (await (await fetch(`${hub.base}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const resident = (await hub.api<{ items: Resident[] }>('GET', '/api/residents?limit=500', admin)).body.items.find(
      (r) => r.medicationNotes,
    )!;
    expect(resident).toBeTruthy();
    const inst = (await hub.api<Institution[] | { items: Institution[] }>('GET', '/api/institutions', admin)).body;
    const institutionId = (Array.isArray(inst) ? inst : inst.items)[0]!.id;
    const seen: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!('get' in ops)) continue;
      for (const id of [resident.id, institutionId]) {
        const url = path.replace(/\{[^}]+\}/g, id);
        const r = await fetch(`${hub.base}${url}`, { headers: { authorization: `Bearer ${official}` } });
        const text = await r.text();
        if (r.status === 200) seen.push(path);
        expect(text, url).not.toContain(resident.medicationNotes);
        expect(text, url).not.toContain('medicationNotes');
        expect(text, url).not.toContain('keySafe');
        if (resident.conditions[0]) expect(text, url).not.toContain(resident.conditions[0]);
      }
    }
    expect(seen).toContain('/api/oversight/institutions');
    expect(seen).not.toContain('/api/residents');
    expect(seen).not.toContain('/api/residents/{id}');
  }, 120_000);
});

describe('the indicator dashboard', () => {
  it('equals the visit-rate, SLA, meal, oversight and assessment reports, and adds up per township', async () => {
    type Ind = import('@eldercare/shared').Indicators;
    const ind = (await hub.api<Ind>('GET', '/api/oversight/indicators?months=3', official)).body;
    const month = ind.month;
    const d = ind.district;

    const visits = (
      await hub.api<import('@eldercare/shared').VisitReport>('GET', `/api/visits/report?month=${month}`, admin)
    ).body;
    expect(visits.district.keyElders).toBeGreaterThan(0);
    expect(d.keyElders).toBe(visits.district.keyElders);
    expect(d.visited).toBe(visits.district.visited);
    expect(d.visitRatePct).toBe(visits.district.ratePct);
    expect(ind.visitTargetPct).toBe(visits.district.targetPct);
    expect(ind.townships.reduce((n, a) => n + a.keyElders, 0)).toBe(d.keyElders);
    expect(ind.townships.reduce((n, a) => n + a.visited, 0)).toBe(d.visited);

    const [y, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    const from = new Date(`${month}-01T00:00:00+08:00`).toISOString();
    const to = new Date(`${next}-01T00:00:00+08:00`).toISOString();
    const sla = (
      await hub.api<import('@eldercare/shared').SlaReport>(
        'GET',
        `/api/reports/sla?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
        admin,
      )
    ).body;
    expect(d.alarms).toBe(sla.total);
    expect(d.ackWithin180).toBe(sla.ackWithin180);
    expect(d.shareWithin60).toBe(sla.shareWithin60);
    expect(ind.townships.reduce((n, a) => n + a.alarms, 0)).toBe(sla.total);

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const meals = (
      await hub.api<import('@eldercare/shared').MealReport>(
        'GET',
        `/api/meals/reports?from=${month}-01&to=${today}`,
        admin,
      )
    ).body;
    expect(d.mealsServed).toBe(meals.served);
    expect(d.mealsSubsidised).toBe(
      meals.bySubsidy.filter((s) => s.category !== 'none').reduce((n, s) => n + s.served, 0),
    );
    expect(d.subsidyCents).toBe(meals.subsidyCents);

    const inst = (
      await hub.api<import('@eldercare/shared').InstitutionOversight>('GET', '/api/oversight/institutions', admin)
    ).body;
    expect(d.beds).toBe(inst.district.total);
    expect(d.nursingSharePct).toBe(inst.district.nursingSharePct);
    expect(d.staffingCompliant).toBe(inst.district.staffing.compliant);

    const due = (await hub.api<{ total: number }>('GET', '/api/assessments/due?limit=1', admin)).body;
    expect(d.assessmentDue).toBe(due.total);
    expect(ind.townships.reduce((n, a) => n + a.assessmentDue, 0)).toBe(due.total);
    const residents = (await hub.api<{ total: number }>('GET', '/api/residents?limit=1', admin)).body;
    expect(d.elders).toBe(residents.total);

    expect(ind.trend.map((t) => t.month).at(-1)).toBe(month);
    expect(ind.trend).toHaveLength(3);
    expect(ind.trend.at(-1)!.visitRatePct).toBe(d.visitRatePct);
    // Assessments recorded this month by the tests above (dated today).
    expect(ind.trend.at(-1)!.assessments).toBeGreaterThanOrEqual(4);
    // The officials' figures carry no names of elders.
    const names = (await hub.api<{ items: Resident[] }>('GET', '/api/residents?limit=500', admin)).body.items.map(
      (r) => r.name,
    );
    const text = JSON.stringify(ind);
    for (const n of names.slice(0, 50)) expect(text).not.toContain(n);
  });

  it('exports the month as an XLSX workbook whose figures are the dashboard’s', async () => {
    const { default: ExcelJS } = await import('exceljs');
    type Ind = import('@eldercare/shared').Indicators;
    const ind = (await hub.api<Ind>('GET', '/api/oversight/indicators', official)).body;
    const res = await fetch(`${hub.base}/api/oversight/indicators/report.xlsx`, {
      headers: { authorization: `Bearer ${official}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`indicators-${ind.month}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '指标 Summary',
      '街道 Townships',
      '趋势 Trend',
      '机构 Institutions',
    ]);
    const summary = wb.worksheets[0]!;
    const value = (label: string) => {
      let v: unknown;
      summary.eachRow((row) => {
        if (String(row.getCell(1).value).includes(label)) v = row.getCell(2).value;
      });
      return v;
    };
    expect(value('Key elders')).toBe(ind.district.keyElders);
    expect(value('Monthly visit rate')).toBe(ind.district.visitRatePct === null ? '' : ind.district.visitRatePct / 100);
    expect(value('Meals served')).toBe(ind.district.mealsServed);
    expect(value('Due for capability assessment')).toBe(ind.district.assessmentDue);
    expect(wb.worksheets[1]!.rowCount).toBe(ind.townships.length + 1);
    expect(
      (
        await fetch(`${hub.base}/api/oversight/indicators/report.xlsx`, {
          headers: { authorization: `Bearer ${staff}` },
        })
      ).status,
    ).toBe(403);
  });
});

describe('inspections', () => {
  it('an official records findings with a deadline; past it they are overdue until rectified', async () => {
    type Insp = import('@eldercare/shared').Inspection & { details?: { path: string }[] };
    const inst = (await hub.api<Institution[] | { items: Institution[] }>('GET', '/api/institutions', admin)).body;
    const institutionId = (Array.isArray(inst) ? inst : inst.items)[0]!.id;
    const post = (body: unknown, token = official) => hub.api<Insp>('POST', '/api/inspections', token, body);
    const fire = await post({
      institutionId,
      inspectedOn: '2026-01-05',
      kind: 'fire_safety',
      inspector: '区消防检查组',
      findings: '二楼疏散通道堆放杂物',
      rectifyBy: '2026-01-20',
    });
    expect(fire.status).toBe(201);
    expect(fire.body.overdue).toBe(true);
    const star = await post({
      institutionId,
      inspectedOn: '2026-02-01',
      kind: 'star_rating',
      inspector: '评定组',
      starRating: 3,
    });
    expect(star.body).toMatchObject({ starRating: 3, overdue: false, rectifyBy: null });

    let overdue = await hub.api<{ items: Insp[] }>('GET', '/api/inspections?overdue=true', official);
    expect(overdue.body.items.map((i) => i.id)).toEqual([fire.body.id]);
    const fixed = await hub.api<Insp>('PATCH', `/api/inspections/${fire.body.id}`, official, {
      rectifiedOn: '2026-01-18',
    });
    expect(fixed.body).toMatchObject({ overdue: false, rectifiedOn: '2026-01-18', findings: '二楼疏散通道堆放杂物' });
    overdue = await hub.api<{ items: Insp[] }>('GET', '/api/inspections?overdue=true', official);
    expect(overdue.body.items).toEqual([]);
    const all = await hub.api<{ items: Insp[] }>('GET', `/api/inspections?institutionId=${institutionId}`, coordinator);
    expect(all.body.items.map((i) => i.kind)).toEqual(['star_rating', 'fire_safety']);

    const bad = await post({ institutionId, inspectedOn: '2026-01-05', kind: 'hazard', inspector: 'x', starRating: 4 });
    expect(bad.body.details?.[0]?.path).toBe('starRating');
    const late = await post({
      institutionId,
      inspectedOn: '2026-01-05',
      kind: 'hazard',
      inspector: 'x',
      rectifyBy: '2026-01-01',
    });
    expect(late.body.details?.[0]?.path).toBe('rectifyBy');
    const elsewhere = await otherDistrict();
    const foreign = await post(
      { institutionId, inspectedOn: '2026-01-05', kind: 'hazard', inspector: 'x' },
      elsewhere.token,
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.details?.[0]?.path).toBe('institutionId');
    expect(
      (await post({ institutionId, inspectedOn: '2026-01-05', kind: 'hazard', inspector: 'x' }, staff)).status,
    ).toBe(403);
    expect(
      (await hub.api('PATCH', `/api/inspections/00000000-0000-4000-8000-000000000000`, official, { findings: 'x' }))
        .status,
    ).toBe(404);
  });
});
