/**
 * Every PATCH keeps what it was not sent. For each PATCH operation of /api/openapi.json (a new one
 * without an entry below fails the test): create an object with every optional field set, then
 * fast-check sends many random single- and multi-field patches (values generated from the
 * operation's own request schema, ids from the register), reads the object back after each and
 * asserts that every field not sent (nor derived from one sent) is unchanged, and that a refused
 * patch (4xx) changed nothing at all. Never a 5xx.
 * Reproduce a failure with PATCH_FUZZ_SEED=<seed from the report>.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestHub, type TestHub } from '../support/hub.js';
import { loadDoc, operations, valueFor, type OpenApiDoc } from '../support/openapi.js';

let hub: TestHub;
let token: string;
let doc: OpenApiDoc;
const seed = process.env.PATCH_FUZZ_SEED ? Number(process.env.PATCH_FUZZ_SEED) : undefined;

type Obj = Record<string, unknown>;
const api = async <T = Obj>(method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> =>
  hub.api<T>(method, url, token, body);
async function ok<T = Obj>(method: string, url: string, body?: unknown): Promise<T> {
  const r = await api<T>(method, url, body);
  if (r.status >= 300) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
const items = async (url: string) => (await ok<{ items: Obj[] }>('GET', url)).items;

interface Target {
  /** Creates the object with every optional field of the PATCH set; returns its PATCH url. */
  create(): Promise<string>;
  read(url: string): Promise<Obj>;
  /** Generators for fields whose values must be real ids or coherent with the register. */
  values?: Record<string, fc.Arbitrary<unknown>>;
  /** Read-model fields that follow from a field sent (e.g. kitchenId → kitchenName). */
  derived?: Record<string, string[]>;
  /** Fields of the PATCH body that the creation did not set (with the reason). */
  notSetOnCreate?: string[];
  /** The object in the PATCH answer, where that is its parent (a room's PATCH answers the institution). */
  answered?(body: Obj, url: string): Obj;
}

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function homeResident(extra: Obj = {}): Promise<Obj> {
  return ok('POST', '/api/residents', {
    name: `Patch Elder ${uniq()}`,
    birthDate: '1938-04-02',
    sex: 'female',
    address: '12 Garden Road, flat 3',
    community: 'Fuzz Community',
    phone: '13800000000',
    riskCategories: ['living_alone', 'age_80_plus'],
    ...extra,
  });
}

async function targets(): Promise<Record<string, Target>> {
  const institutions = await items('/api/institutions');
  const beds = institutions.flatMap((i) =>
    (i.rooms as { beds: { id: string; residentId: string | null }[] }[]).flatMap((r) =>
      r.beds.filter((b) => !b.residentId).map((b) => ({ institutionId: i.id as string, bedId: b.id })),
    ),
  );
  expect(beds.length).toBeGreaterThan(2);
  const kitchens = await items('/api/meals/kitchens');
  const central = kitchens.filter((k) => k.kind === 'central_kitchen').map((k) => k.id as string);
  expect(central.length).toBeGreaterThan(0);
  const users = await items('/api/users');
  const runners = users.filter((u) => ['volunteer', 'coordinator', 'admin'].includes(u.role as string));
  const programs = await items('/api/timebank/programs');
  const volunteers = await items(`/api/timebank/volunteers?programId=${programs[0]!.id as string}`);
  expect(volunteers.length).toBeGreaterThan(1);
  const routes = await items('/api/meals/routes');
  expect(routes.length).toBeGreaterThan(0);
  const kitchenIds = kitchens.map((k) => k.id as string);
  const institutionIds = institutions.map((i) => i.id as string);
  const roomIds = institutions.flatMap((i) => (i.rooms as Obj[]).map((r) => r.id as string));
  // Residents a device or a family login may name: two at home, one placed in an institution bed.
  const placed = beds.pop()!;
  const residentIds = [
    (await homeResident()).id as string,
    (await homeResident()).id as string,
    (await homeResident({ institutionId: placed.institutionId, bedId: placed.bedId })).id as string,
  ];
  const profiles = (await items('/api/dc09/profiles')).map((p) => p.name as string);
  const allRegions = await items('/api/regions');
  const communityIds = allRegions.filter((r) => r.level === 'community').map((r) => r.id as string);
  const townshipIds = allRegions.filter((r) => r.level === 'township').map((r) => r.id as string);
  const districtId = allRegions.find((r) => r.level === 'district')!.id as string;
  /** A fresh institution with one room of two beds (nobody placed). */
  const institution = async () =>
    ok('POST', '/api/institutions', {
      name: `Patch home ${uniq()}`,
      kind: 'welfare_home',
      address: '3 Elm Street',
      phone: '02100000001',
      regionId: townshipIds[0],
      rooms: [{ name: 'R101', floor: 2, dementiaZone: true, beds: ['A', 'B'] }],
    });
  const readInstitution = (url: string) => ok('GET', `${url.split('/rooms/')[0]!}?includeRetired=true`);
  const roomOf = (i: Obj, url: string) => (i.rooms as Obj[]).find((r) => url.includes(`/rooms/${r.id as string}`))!;
  /** My notification settings as one object: the preferences, and whether they are still the role's. */
  const settings = (r: Obj) => ({ ...(r.preferences as Obj), usingRoleDefaults: r.usingRoleDefaults, role: r.role });
  const bedOf = (i: Obj, url: string) =>
    (roomOf(i, url).beds as Obj[]).find((b) => url.endsWith(`/beds/${b.id as string}`))!;

  return {
    'PATCH /api/residents/{id}': {
      async create() {
        const bed = beds.pop()!;
        const r = await homeResident({
          institutionId: bed.institutionId,
          bedId: bed.bedId,
          careLevel: 'semi_care',
          conditions: ['hypertension', 'diabetes'],
          medicationNotes: 'metformin 500 mg twice a day',
          keySafe: 'key safe by the door, code 4711',
          contacts: [{ name: 'Li Ming', relation: 'son', phone: '13900000000' }],
          location: { lat: 31.23, lon: 121.47 },
          thresholds: { heartRateLow: 45, heartRateHigh: 120, spo2Low: 90 },
          regionId: communityIds[0],
        });
        return `/api/residents/${r.id as string}`;
      },
      read: (url) => ok('GET', url),
      values: {
        institutionId: fc.constantFrom(null, ...institutions.map((i) => i.id as string)),
        bedId: fc.constantFrom(null, ...beds.map((b) => b.bedId)),
        regionId: fc.constantFrom(null, ...communityIds, townshipIds[0]!),
      },
      // A community region sets the community to its name.
      derived: { birthDate: ['age'], regionId: ['community'] },
    },
    'PATCH /api/timebank/programs/{id}': {
      async create() {
        const p = await ok('POST', '/api/timebank/programs', {
          name: `Patch program ${uniq()}`,
          policy: {
            minVolunteerAge: 18,
            minRedeemAge: 60,
            capMinutes: 12_000,
            expiryDays: 365,
            giftRecipients: 'family_only',
            autoConfirmDays: 5,
            fundFloorMinutes: -600,
          },
        });
        return `/api/timebank/programs/${p.id as string}`;
      },
      read: async (url) => (await items('/api/timebank/programs')).find((p) => url.endsWith(p.id as string))!,
    },
    'PATCH /api/visits/plans/{residentId}': {
      async create() {
        const r = await homeResident();
        const url = `/api/visits/plans/${r.id as string}`;
        await ok('PATCH', url, { overrideDays: 10, visitorId: volunteers[0]!.id });
        return url;
      },
      read: async (url) =>
        (await items('/api/visits/plans?limit=1000')).find((p) => url.endsWith(p.residentId as string))!,
      values: { visitorId: fc.constantFrom(null, ...volunteers.map((v) => v.id as string)) },
      derived: { overrideDays: ['intervalDays', 'dueAt', 'overdue', 'daysOverdue'], visitorId: ['visitorName'] },
    },
    'PATCH /api/meals/kitchens/{id}': {
      async create() {
        const k = await ok('POST', '/api/meals/kitchens', {
          name: `Patch meal point ${uniq()}`,
          kind: 'meal_point',
          address: '8 Canteen Lane',
          phone: '02100000000',
          communities: ['Fuzz Community', 'East'],
          supplierId: central[0],
          meals: ['lunch', 'dinner'],
          openWeekdays: [1, 2, 3, 4, 5],
          closedDates: [day(30), day(31)],
          prices: { breakfast: 400, lunch: 1600, dinner: 1300 },
          pickupUntil: { breakfast: '09:00', lunch: '12:30', dinner: '18:00' },
        });
        return `/api/meals/kitchens/${k.id as string}`;
      },
      read: async (url) =>
        (await items('/api/meals/kitchens?includeRetired=true')).find((k) => url.endsWith(k.id as string))!,
      values: { supplierId: fc.constantFrom(null, ...central) },
      derived: { retired: ['retiredAt'] },
      notSetOnCreate: ['retired'], // a new kitchen is in service
    },
    'PATCH /api/meals/routes/{id}': {
      async create() {
        const r = await ok('POST', '/api/meals/routes', {
          kitchenId: central[0],
          name: `Patch route ${uniq()}`,
          runnerUserId: runners[0]!.id,
        });
        return `/api/meals/routes/${r.id as string}`;
      },
      read: async (url) => (await items('/api/meals/routes')).find((r) => url.endsWith(r.id as string))!,
      values: { runnerUserId: fc.constantFrom(null, ...runners.map((u) => u.id as string)) },
      derived: { runnerUserId: ['runnerName'] },
    },
    'PATCH /api/meals/plans/{id}': {
      async create() {
        const r = await homeResident();
        const route = routes[0]!;
        const p = await ok('POST', '/api/meals/plans', {
          residentId: r.id,
          kitchenId: route.kitchenId,
          weekdays: [1, 3, 5, 6],
          meals: ['lunch', 'dinner'],
          mode: 'delivery',
          routeId: route.id,
          diets: ['diabetic', 'low_salt'],
          allergies: ['peanut'],
          doorNote: 'knock loudly, hard of hearing',
          subsidyCategory: 'low_income',
          elderPriceCents: 500,
          startDate: day(1),
          endDate: day(200),
        });
        return `/api/meals/plans/${p.id as string}`;
      },
      read: async (url) => (await items('/api/meals/plans')).find((p) => url.endsWith(p.id as string))!,
      values: {
        kitchenId: fc.constantFrom(...kitchenIds),
        routeId: fc.constantFrom(null, ...routes.map((r) => r.id as string)),
        startDate: fc.integer({ min: 0, max: 60 }).map(day),
        endDate: fc.oneof(fc.constant(null), fc.integer({ min: 61, max: 400 }).map(day)),
      },
      derived: {
        kitchenId: ['kitchenName'],
        routeId: ['routeName'],
        mode: ['routeId', 'routeName'],
        active: ['paused'],
        startDate: ['paused'],
        endDate: ['paused'],
      },
      notSetOnCreate: ['active'], // a new plan is active; ending it is one of the patches
    },
    'PATCH /api/institutions/{id}': {
      async create() {
        return `/api/institutions/${(await institution()).id as string}`;
      },
      read: readInstitution,
      values: { regionId: fc.constantFrom(null, ...townshipIds, ...communityIds, districtId) },
      derived: { retired: ['retiredAt'] },
      notSetOnCreate: ['retired'], // a new institution is in service; retiring it is one of the patches
    },
    'PATCH /api/inspections/{id}': {
      async create() {
        const r = await ok<Obj>('POST', '/api/inspections', {
          institutionId: institutionIds[0],
          inspectedOn: '2026-01-05',
          kind: 'hazard',
          inspector: 'Patch inspector',
          findings: 'loose handrail on the stairs',
          rectifyBy: '2026-02-01',
        });
        await ok('PATCH', `/api/inspections/${r.id as string}`, { rectifiedOn: '2026-01-20' });
        return `/api/inspections/${r.id as string}`;
      },
      read: async (url) => (await items('/api/inspections?limit=500')).find((i) => url.endsWith(i.id as string))!,
      values: {
        rectifyBy: fc.constantFrom(null, '2026-01-10', '2026-03-01'),
        rectifiedOn: fc.constantFrom(null, '2026-01-06', '2026-01-25'),
      },
      derived: { rectifyBy: ['overdue'], rectifiedOn: ['overdue'] },
    },
    'PATCH /api/subsidies/categories/{id}': {
      async create() {
        const c = await ok<Obj>('POST', '/api/subsidies/categories', {
          code: `pk_${uniq()}`.toLowerCase(),
          name: 'Patch subsidy',
          monthlyCents: 12_000,
          rules: [{ name: 'old and poor', minAge: 70, economicStatus: ['subsistence'] }],
        });
        return `/api/subsidies/categories/${c.id as string}`;
      },
      read: async (url) =>
        (await items('/api/subsidies/categories?all=true')).find((c) => url.endsWith(c.id as string))!,
      values: {
        code: fc.constantFrom(`pka_${uniq()}`, `pkb_${uniq()}`),
        // Every meal category is paid for by a demo category: another would be refused (409).
        mealCategory: fc.constant(null),
        rules: fc.constantFrom(
          [],
          [{ name: 'eighty', minAge: 80 }],
          [
            { name: 'grade', grades: ['severe', 'complete'] },
            { name: 'status', economicStatus: ['extreme_poverty'], maxAge: 120 },
          ],
        ),
      },
      derived: { retired: ['retiredAt'] },
      notSetOnCreate: ['retired'], // a new category is in service
    },
    'PATCH /api/left-behind/{residentId}': {
      async create() {
        const village = await ok<Obj>('POST', '/api/regions', {
          level: 'community',
          name: `Patch hamlet ${uniq()}`,
          parentId: townshipIds[0],
          rural: true,
        });
        const r = await homeResident({ regionId: village.id, community: '' });
        await ok('POST', '/api/left-behind', {
          residentId: r.id,
          registeredOn: '2026-01-02',
          careContacts: [{ name: 'Son', relation: 'son', phone: '13900000000', kind: 'family', note: 'in the city' }],
        });
        return `/api/left-behind/${r.id as string}`;
      },
      read: async (url) =>
        (await ok<{ items: Obj[] }>('GET', '/api/left-behind?all=true')).items.find((e) =>
          url.endsWith(e.residentId as string),
        )!,
      values: {
        registeredOn: fc.constantFrom('2025-03-01', '2026-01-05'),
        careContacts: fc.constantFrom(
          [],
          [{ name: 'Cadre', relation: 'village cadre', phone: '0571-1234', kind: 'helper', note: '' }],
        ),
      },
      // Leaving the register takes away the left_behind risk category, so the visit tier may change.
      derived: { retired: ['retiredAt', 'visit'] },
      notSetOnCreate: ['retired'],
    },
    'PATCH /api/waiting-list/{id}': {
      async create() {
        const home = await ok<Obj>('POST', '/api/institutions', {
          name: `Patch public home ${uniq()}`,
          ownership: 'public',
          rooms: [{ name: '1', beds: ['A'] }],
        });
        const r = await homeResident();
        const a = await ok<Obj>('POST', '/api/waiting-list', {
          institutionId: home.id,
          residentId: r.id,
          appliedOn: '2026-01-03',
          note: 'daughter abroad',
        });
        return `/api/waiting-list/${a.id as string}`;
      },
      read: async (url) =>
        (await ok<{ items: Obj[] }>('GET', '/api/waiting-list?status=all')).items.find((a) =>
          url.endsWith(a.id as string),
        )!,
      values: { appliedOn: fc.constantFrom('2025-03-01', '2026-01-05') },
    },
    'PATCH /api/regions/{id}': {
      async create() {
        const r = await ok<Obj>('POST', '/api/regions', {
          level: 'community',
          name: `Patch village ${uniq()}`,
          parentId: townshipIds[0],
          code: '330102001001',
          rural: true,
        });
        return `/api/regions/${r.id as string}`;
      },
      read: (url) => ok('GET', url),
      values: { name: fc.constantFrom(`Renamed ${uniq()}`, `Other ${uniq()}`) },
      derived: { name: ['path'], retired: ['retiredAt'] },
      notSetOnCreate: ['retired'], // a new region is in service
    },
    'PATCH /api/institutions/{id}/rooms/{roomId}': {
      async create() {
        const i = await institution();
        return `/api/institutions/${i.id as string}/rooms/${(i.rooms as Obj[])[0]!.id as string}`;
      },
      read: async (url) => roomOf(await readInstitution(url), url),
      answered: roomOf,
      derived: { retired: ['retiredAt'] },
      notSetOnCreate: ['retired'], // a new room is in service
    },
    'PATCH /api/institutions/{id}/rooms/{roomId}/beds/{bedId}': {
      async create() {
        const i = await institution();
        const room = (i.rooms as Obj[])[0]!;
        const bed = (room.beds as Obj[])[0]!;
        // Somebody sleeps in it: `retired: true` is refused (409) and must change nothing.
        await homeResident({ institutionId: i.id, bedId: bed.id });
        return `/api/institutions/${i.id as string}/rooms/${room.id as string}/beds/${bed.id as string}`;
      },
      read: async (url) => bedOf(await readInstitution(url), url),
      answered: bedOf,
      derived: { retired: ['retiredAt'] },
      notSetOnCreate: ['retired', 'kind'], // kind: the room's default (a dementia zone's beds)
    },
    'PATCH /api/devices/{id}': {
      async create() {
        const room = institutions[0]!.rooms as Obj[];
        const r = await ok<{ device: Obj }>('POST', '/api/devices', {
          type: 'bed_sensor',
          label: 'bed sensor by the window',
          residentId: residentIds[2],
          institutionId: institutions[0]!.id,
          roomId: room[0]!.id,
        });
        return `/api/devices/${r.device.id as string}`;
      },
      read: (url) => ok('GET', url),
      values: {
        residentId: fc.constantFrom(null, ...residentIds),
        institutionId: fc.constantFrom(null, ...institutionIds),
        roomId: fc.constantFrom(null, ...roomIds),
      },
      // A device is in one place: a move names the new place whole, and what it leaves out of
      // residentId / institutionId / roomId is cleared (the institution is filled in from the
      // resident or the room). Documented in the operation and docs/security.md.
      derived: {
        residentId: ['institutionId', 'roomId'],
        institutionId: ['residentId', 'roomId'],
        roomId: ['residentId', 'institutionId'],
        retired: ['retiredAt'],
      },
      notSetOnCreate: ['retired'], // a new device is in service
    },
    'PATCH /api/users/{id}': {
      async create() {
        const u = await ok('POST', '/api/users', {
          email: `patch-${uniq()}@example.org`,
          name: 'Patch Family',
          password: 'Patch-keeps-2026!',
          role: 'family',
          institutionId: placed.institutionId,
          residentId: residentIds[2],
        });
        return `/api/users/${u.id as string}`;
      },
      read: async (url) => (await items('/api/users?includeDisabled=true')).find((u) => url.endsWith(u.id as string))!,
      values: {
        institutionId: fc.constantFrom(null, ...institutionIds),
        residentId: fc.constantFrom(null, ...residentIds),
      },
      derived: { disabled: ['disabledAt'] },
      notSetOnCreate: ['disabled'], // a new account is enabled; disabling it is one of the patches
    },
    'PATCH /api/notifications/preferences': {
      // The caller's own settings: "created" by setting every field once (they stop being the role's defaults).
      async create() {
        const url = '/api/notifications/preferences';
        await ok('PATCH', url, {
          channels: ['web_push', 'email'],
          purposes: ['test'],
          kinds: [],
          minSeverity: 'high',
          quietHours: { start: '22:00', end: '07:00' },
          email: 'duty@example.org',
          phone: '13700000000',
        });
        return url;
      },
      read: async (url) => settings(await ok('GET', url)),
      answered: settings,
    },
    'PATCH /api/notifications/webhooks/{id}': {
      async create() {
        const w = await ok('POST', '/api/notifications/webhooks', {
          name: `Patch hook ${uniq()}`,
          format: 'standard',
          url: 'https://hooks.example.org/eldercare',
          secret: 'whsec_cGF0Y2gta2VlcHMtc2VjcmV0LXNpeHRlZW4=',
          purposes: ['test'],
          kinds: [],
          minSeverity: 'medium',
          enabled: false,
        });
        return `/api/notifications/webhooks/${w.id as string}`;
      },
      read: async (url) => (await items('/api/notifications/webhooks')).find((w) => url.endsWith(w.id as string))!,
      derived: { secret: ['hasSecret'] }, // never returned after creation (null): hasSecret tells
    },
    'PATCH /api/dc09/accounts/{id}': {
      async create() {
        const a = await ok('POST', '/api/dc09/accounts', {
          residentId: residentIds[0],
          receiver: 'A1',
          line: '7',
          account: `${Math.floor(Math.random() * 0xffffff).toString(16)}F`,
          vendor: profiles.at(-1),
          key: '00112233445566778899AABBCCDDEEFF',
          supervisionSeconds: 3600,
        });
        return `/api/dc09/accounts/${a.id as string}`;
      },
      read: (url) => ok('GET', url),
      values: { vendor: fc.constantFrom(...profiles) },
      derived: { key: ['encrypted'] },
      notSetOnCreate: ['key'], // it is set, but never returned: `encrypted` says whether there is one
    },
  };
}

/** Flattens nested objects to `a.b` paths (arrays are values). */
function flat(o: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (o && typeof o === 'object' && !Array.isArray(o)) {
    for (const [k, v] of Object.entries(o)) flat(v, prefix ? `${prefix}.${k}` : k, out);
  } else out[prefix] = o;
  return out;
}

beforeAll(async () => {
  hub = await startTestHub();
  token = await hub.login(ADMIN.email, ADMIN.password);
  doc = await loadDoc(hub.base);
});
afterAll(async () => {
  await hub?.stop();
});

describe('PATCH keeps what it was not sent (every PATCH operation)', () => {
  it('random single- and multi-field patches change only the fields sent', async () => {
    const table = await targets();
    const patchOps = operations(doc).filter((o) => o.method === 'PATCH');
    expect(patchOps.map((o) => `PATCH ${o.path}`).sort()).toEqual(Object.keys(table).sort());
    const report: string[] = [];
    for (const op of patchOps) {
      const t = table[`PATCH ${op.path}`]!;
      const fields = Object.keys(op.body?.properties ?? {});
      expect(fields.length, `${op.path} has a body schema`).toBeGreaterThan(0);
      const url = await t.create();
      const created = flat(await t.read(url));
      for (const f of fields)
        if (!t.notSetOnCreate?.includes(f))
          expect(
            Object.keys(created).some((k) => k === f || k.startsWith(`${f}.`)),
            `${op.path}: ${f} is read back`,
          ).toBe(true);
      let applied = 0;
      let refused = 0;
      const value = (f: string) => t.values?.[f] ?? valueFor(op.body!.properties![f]!, doc);
      const patch = fc
        .uniqueArray(fc.constantFrom(...fields), { minLength: 1, maxLength: Math.min(3, fields.length) })
        .chain((keys) => fc.tuple(...keys.map((k) => value(k).map((v) => [k, v] as const))))
        .map((pairs) => Object.fromEntries(pairs) as Obj);
      await fc.assert(
        fc.asyncProperty(patch, async (body) => {
          const before = flat(await t.read(url));
          const res = await api('PATCH', url, body);
          expect(res.status, `${op.path} ${JSON.stringify(body)}`).toBeLessThan(500);
          const after = flat(await t.read(url));
          if (res.status !== 200) {
            refused++;
            expect([400, 404, 409], JSON.stringify(res.body)).toContain(res.status);
            expect(after, `a refused PATCH ${JSON.stringify(body)} changed nothing`).toEqual(before);
            return;
          }
          applied++;
          const sent = Object.keys(body).flatMap((k) => {
            const v = body[k];
            // A nested object built with patchOf (a program's policy: its description says so)
            // changes only the fields sent in it; any other (thresholds, prices) is replaced whole.
            const merged = op.body!.properties![k]!.description?.startsWith('Send only the fields') ?? false;
            const own = merged && v && typeof v === 'object' ? Object.keys(flat(v, k)) : [k];
            return [...own, ...(t.derived?.[k] ?? [])];
          });
          // The field itself too: `location` was null (one path), now an object (two).
          const touched = (path: string) => path in body || sent.some((s) => path === s || path.startsWith(`${s}.`));
          for (const [path, was] of Object.entries(before))
            if (!touched(path))
              expect(after[path], `${op.path}: PATCH ${JSON.stringify(body)} changed ${path}`).toEqual(was);
          // What was sent is what is stored (as the PATCH answered it).
          const answered = flat(t.answered ? t.answered(res.body, url) : res.body);
          for (const path of Object.keys(answered))
            if (touched(path)) expect(after[path], `${op.path}: ${path} stored`).toEqual(answered[path]);
        }),
        { numRuns: 30, seed, endOnFailure: true },
      );
      report.push(`${op.path}: ${applied} applied, ${refused} refused`);
      // Most random patches are valid: the property is not only checked on refusals.
      expect(applied, `${op.path}: patches applied`).toBeGreaterThan(5);
    }
    console.log(report.join('\n'));
  }, 300_000);
});
