/**
 * Sessions, roles and scoping over HTTP against a real hub: every private route needs a session,
 * registry writes need a registry role, bad bodies get `400 { error, details }`, institution staff
 * see only their institution, logins lock after repeated failures; the admin registration flow
 * ends with a device that connects over MQTT with the credentials it was given once.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestHub, type TestHub } from '../support/hub.js';
import { TOPIC, connectDevice, connectRefusal, waitForCount } from '../support/devices.js';
import { apiDocument } from '../../hub/src/tools/openapi-document.js';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppType } from '../../hub/src/http/app.js';
import type { AppEnv } from '../../hub/src/http/types.js';

/** A path of the API as the app's type has it (`/api/alerts/:id`). */
type ApiPath = AppType extends OpenAPIHono<AppEnv, infer S, '/'> ? Extract<keyof S, string> : never;

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown[] }>>;
}
interface Resident {
  id: string;
  institutionId: string | null;
  bedId: string | null;
  riskCategories: string[];
}
interface Institution {
  id: string;
  name: string;
  rooms: { id: string; name: string; beds: { id: string; label: string; residentId: string | null }[] }[];
}

let hub: TestHub;
let admin: string;
let volunteer: string;
let staff: string;
let staffUser: { institutionId: string };
let openapi: OpenApi;

beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login(ADMIN.email, ADMIN.password);
  volunteer = await hub.login('volunteer@demo.local', 'demo-volunteer-pass');
  staff = await hub.login('staff@demo.local', 'demo-staff-pass');
  staffUser = (await hub.api<{ user: { institutionId: string } }>('GET', '/api/auth/me', staff)).body.user;
  openapi = (await hub.api<OpenApi>('GET', '/api/openapi.json')).body;
});
afterAll(async () => {
  await hub?.stop();
});

// The signed-link replies of responders need no session: their single-use token is the credential
// (a forged, altered or reused one is refused: test/integration/notifications.test.ts).
const PUBLIC = new Set([
  'POST /api/auth/login',
  // The session probe answers 200 with user null (tested below).
  'GET /api/auth/session',
  'GET /api/openapi.json',
  'GET /api/respond/{token}',
  'POST /api/respond/{token}',
  'POST /api/respond/{token}/step',
]);
const routes = () =>
  Object.entries(openapi.paths).flatMap(([p, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path: p.replace(/\{[^}]+\}/g, randomUUID()), template: p })),
  );

describe('OpenAPI document', () => {
  it('is public and lists the API', async () => {
    const res = await fetch(`${hub.base}/api/openapi.json`);
    expect(res.status).toBe(200);
    expect(openapi.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/auth/login',
      '/api/auth/me',
      '/api/residents',
      '/api/residents/{id}',
      '/api/institutions',
      '/api/devices',
      '/api/devices/{id}',
      '/api/devices/export/mosquitto',
      '/api/residents/{id}/vitals',
      '/api/dead-letters',
      '/api/users',
    ]) {
      expect(Object.keys(openapi.paths), p).toContain(p);
    }
  });

  it('is the document built without a hub, from which the dashboard API types come', () => {
    expect(openapi).toEqual(JSON.parse(JSON.stringify(apiDocument())));
  });

  it("has the routes the app's type describes (a typed client, `hc<AppType>`, is built from it)", () => {
    const typed: ApiPath[] = [
      '/api/auth/login',
      '/api/alerts/:id',
      '/api/institutions/:id/board',
      '/api/dc09/accounts',
    ];
    for (const p of typed) expect(Object.keys(openapi.paths), p).toContain(p.replace(/:(\w+)/g, '{$1}'));
  });
});

describe('sessions', () => {
  it('every /api route without a session is 401 with an error body', async () => {
    const list = routes().filter((r) => !PUBLIC.has(`${r.method} ${r.template}`));
    expect(list.length).toBeGreaterThan(12);
    for (const r of list) {
      const res = await hub.api<{ error: string }>(r.method, r.path, undefined, r.method === 'GET' ? undefined : {});
      expect(res.status, `${r.method} ${r.template}`).toBe(401);
      expect(res.body.error, `${r.method} ${r.template}`).toBeTruthy();
    }
    expect((await hub.api('GET', '/api/no-such-thing')).status).toBe(401);
    // The public reply links without a valid token reach nothing.
    for (const r of routes().filter((x) => x.template.startsWith('/api/respond/')))
      expect(
        (await hub.api(r.method, r.path, undefined, r.method === 'GET' ? undefined : {})).status,
        `${r.method} ${r.template}`,
      ).toBeGreaterThanOrEqual(400);
  });

  it('the session probe answers 200 with the user or null, never 401', async () => {
    expect(await hub.api('GET', '/api/auth/session')).toEqual({ status: 200, body: { user: null } });
    expect(await hub.api('GET', '/api/auth/session', 'not-a-token')).toEqual({ status: 200, body: { user: null } });
    const t = await hub.login(ADMIN.email, ADMIN.password);
    const me = await hub.api<{ user: { email: string } }>('GET', '/api/auth/session', t);
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(ADMIN.email);
    await hub.api('POST', '/api/auth/logout', t);
    expect(await hub.api('GET', '/api/auth/session', t)).toEqual({ status: 200, body: { user: null } });
  });

  it('a bogus, overlong or logged-out token is 401', async () => {
    expect((await hub.api('GET', '/api/residents', 'not-a-token')).status).toBe(401);
    expect((await hub.api('GET', '/api/residents', 'x'.repeat(500))).status).toBe(401);
    const t = await hub.login(ADMIN.email, ADMIN.password);
    expect((await hub.api('GET', '/api/auth/me', t)).status).toBe(200);
    expect((await hub.api('POST', '/api/auth/logout', t)).status).toBe(204);
    expect((await hub.api('GET', '/api/auth/me', t)).status).toBe(401);
  });

  it('the session cookie works like the Bearer token and is httpOnly', async () => {
    const res = await fetch(`${hub.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/eh_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    const me = await fetch(`${hub.base}/api/auth/me`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(me.status).toBe(200);
  });

  it('refuses cookie requests from another site (CSRF); same-origin cookies and Bearer tokens pass', async () => {
    const cookie = async () => {
      const res = await fetch(`${hub.base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
      });
      return res.headers.get('set-cookie')!.split(';')[0]!;
    };
    const logout = async (headers: Record<string, string>) =>
      (await fetch(`${hub.base}/api/auth/logout`, { method: 'POST', headers })).status;
    const host = new URL(hub.base).host;
    expect(await logout({ cookie: await cookie(), origin: 'https://evil.example' })).toBe(403);
    expect(await logout({ cookie: await cookie(), 'sec-fetch-site': 'cross-site' })).toBe(403);
    // X-Forwarded-Host counts only from TRUSTED_PROXIES (none here): it cannot make a foreign origin "same".
    expect(
      await logout({ cookie: await cookie(), origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' }),
    ).toBe(403);
    expect(await logout({ cookie: await cookie(), origin: `http://${host}` })).toBeLessThan(300);
    const token = await hub.login(ADMIN.email, ADMIN.password);
    expect(await logout({ authorization: `Bearer ${token}`, origin: 'https://evil.example' })).toBeLessThan(300);
  });

  it('wrong password and unknown email are the same 401', async () => {
    const a = await hub.api<{ error: string }>('POST', '/api/auth/login', undefined, {
      email: ADMIN.email,
      password: 'wrong-password',
    });
    const b = await hub.api<{ error: string }>('POST', '/api/auth/login', undefined, {
      email: 'nobody@demo.local',
      password: 'wrong-password',
    });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body.error).toBe(b.body.error);
  });

  it('locks a login after 5 bad passwords (423), even for the right password', async () => {
    const email = `lock-${Date.now()}@demo.local`;
    const created = await hub.api('POST', '/api/users', admin, {
      email,
      name: 'Lock Test',
      password: 'right-password-1',
      role: 'dispatcher',
    });
    expect(created.status).toBe(201);
    for (let i = 0; i < 5; i++) {
      expect(
        (await hub.api('POST', '/api/auth/login', undefined, { email, password: `wrong-${i}-password` })).status,
      ).toBe(401);
    }
    const locked = await hub.api<{ error: string }>('POST', '/api/auth/login', undefined, {
      email,
      password: 'right-password-1',
    });
    expect(locked.status).toBe(423);
    expect(locked.body.error).toMatch(/locked/);
    // Other accounts are unaffected.
    expect((await hub.api('POST', '/api/auth/login', undefined, ADMIN)).status).toBe(200);
  });

  it('a good password resets the failure count', async () => {
    const email = `reset-${Date.now()}@demo.local`;
    await hub.api('POST', '/api/users', admin, {
      email,
      name: 'Reset Test',
      password: 'right-password-2',
      role: 'dispatcher',
    });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++)
        await hub.api('POST', '/api/auth/login', undefined, { email, password: 'nope-nope-nope' });
      expect(
        (await hub.api('POST', '/api/auth/login', undefined, { email, password: 'right-password-2' })).status,
      ).toBe(200);
    }
  });
});

describe('roles', () => {
  it('volunteers get 403 on registry writes and reads', async () => {
    const anyResident = (await hub.api<{ items: Resident[] }>('GET', '/api/residents?limit=1', admin)).body.items[0]!;
    const attempts: [string, string, unknown?][] = [
      ['POST', '/api/institutions', { name: 'Nope Home' }],
      ['POST', '/api/residents', { name: '张三', birthDate: '1940-01-01', sex: 'male' }],
      ['PATCH', `/api/residents/${anyResident.id}`, { phone: '123' }],
      ['POST', '/api/devices', { type: 'sos_pendant', residentId: anyResident.id }],
      ['GET', '/api/devices/export/mosquitto'],
      ['POST', '/api/users', { email: 'v2@demo.local', name: 'x', password: 'password-123', role: 'admin' }],
      ['GET', '/api/users'],
      ['GET', '/api/residents'],
      ['GET', `/api/residents/${anyResident.id}`],
      ['GET', '/api/dead-letters'],
    ];
    for (const [method, url, body] of attempts) {
      const res = await hub.api<{ error: string }>(method, url, volunteer, body);
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(res.body.error).toBeTruthy();
    }
    const devices = (await hub.api<{ items: { id: string }[] }>('GET', '/api/devices', admin)).body.items;
    expect((await hub.api('POST', `/api/devices/${devices[0]!.id}/credentials`, volunteer)).status).toBe(403);
  });

  it('institution staff cannot register devices, institutions or users', async () => {
    expect((await hub.api('POST', '/api/institutions', staff, { name: 'Mine Now' })).status).toBe(403);
    expect((await hub.api('GET', '/api/devices/export/mosquitto', staff)).status).toBe(403);
    expect((await hub.api('GET', '/api/users', staff)).status).toBe(403);
  });
});

describe('institution staff scoping', () => {
  it('staff see only their institution and its residents; others are 404', async () => {
    const all = (await hub.api<{ items: Institution[] }>('GET', '/api/institutions', admin)).body.items;
    expect(all.length).toBeGreaterThanOrEqual(2);
    const other = all.find((i) => i.id !== staffUser.institutionId)!;

    const mine = await hub.api<{ items: Institution[] }>('GET', '/api/institutions', staff);
    expect(mine.body.items.map((i) => i.id)).toEqual([staffUser.institutionId]);
    expect((await hub.api('GET', `/api/institutions/${other.id}`, staff)).status).toBe(404);

    const residents = await hub.api<{ items: Resident[]; total: number }>('GET', '/api/residents?limit=500', staff);
    expect(residents.status).toBe(200);
    expect(residents.body.items.length).toBeGreaterThan(0);
    for (const r of residents.body.items) expect(r.institutionId).toBe(staffUser.institutionId);
    // Asking for the other institution's residents gives their own, never the others.
    const sneaky = await hub.api<{ items: Resident[] }>('GET', `/api/residents?institutionId=${other.id}`, staff);
    for (const r of sneaky.body.items) expect(r.institutionId).toBe(staffUser.institutionId);

    const theirs = (
      await hub.api<{ items: Resident[] }>('GET', `/api/residents?institutionId=${other.id}&limit=5`, admin)
    ).body.items;
    expect(theirs.length).toBeGreaterThan(0);
    const at = (await hub.api<{ items: Resident[] }>('GET', `/api/residents?limit=500`, admin)).body.items.find(
      (r) => r.institutionId === null,
    )!;
    for (const r of [theirs[0]!, at]) {
      expect((await hub.api('GET', `/api/residents/${r.id}`, staff)).status).toBe(404);
      expect((await hub.api('GET', `/api/residents/${r.id}/vitals`, staff)).status).toBe(404);
      expect((await hub.api('PATCH', `/api/residents/${r.id}`, staff, { phone: '110' })).status).toBe(404);
    }
    expect((await hub.api('GET', `/api/residents/${residents.body.items[0]!.id}`, staff)).status).toBe(200);

    const devices = await hub.api<{ items: { institutionId: string | null }[] }>('GET', '/api/devices', staff);
    expect(devices.body.items.length).toBeGreaterThan(0);
    for (const d of devices.body.items) expect(d.institutionId).toBe(staffUser.institutionId);
  });

  it('staff cannot place a resident in another institution', async () => {
    const all = (await hub.api<{ items: Institution[] }>('GET', '/api/institutions', admin)).body.items;
    const other = all.find((i) => i.id !== staffUser.institutionId)!;
    const res = await hub.api('POST', '/api/residents', staff, {
      name: '李四',
      birthDate: '1938-05-05',
      sex: 'female',
      institutionId: other.id,
    });
    expect(res.status).toBe(403);
    const home = await hub.api('POST', '/api/residents', staff, {
      name: '李四',
      birthDate: '1938-05-05',
      sex: 'female',
    });
    expect(home.status).toBe(403); // an elder at home is not theirs to register
  });
});

describe('registry flow (admin)', () => {
  it('institution with rooms and beds → resident in a bed → device with one-time credentials → MQTT', async () => {
    const inst = await hub.api<Institution>('POST', '/api/institutions', admin, {
      name: `测试养老院 Test Home ${Date.now()}`,
      kind: 'nursing_home',
      rooms: [
        { name: '101', floor: 1, beds: ['A', 'B'] },
        { name: '201', floor: 2, dementiaZone: true, beds: ['A'] },
      ],
    });
    expect(inst.status).toBe(201);
    expect(inst.body.rooms.map((r) => [r.name, r.beds.map((b) => b.label)])).toEqual([
      ['101', ['A', 'B']],
      ['201', ['A']],
    ]);
    const bed = inst.body.rooms[0]!.beds[1]!;

    const resident = await hub.api<Resident>('POST', '/api/residents', admin, {
      name: '王秀英',
      birthDate: '1941-03-08',
      sex: 'female',
      institutionId: inst.body.id,
      bedId: bed.id,
      riskCategories: ['age_80_plus', 'dementia'],
      careLevel: 'full_care',
      contacts: [{ name: '王伟', relation: '儿子 son', phone: '13800000000' }],
    });
    expect(resident.status).toBe(201);
    expect(resident.body).toMatchObject({
      institutionId: inst.body.id,
      bedId: bed.id,
      riskCategories: ['age_80_plus', 'dementia'],
    });
    // The bed is now taken, and a second resident cannot have it.
    const again = await hub.api<Institution>('GET', `/api/institutions/${inst.body.id}`, admin);
    expect(again.body.rooms[0]!.beds[1]!.residentId).toBe(resident.body.id);
    const clash = await hub.api('POST', '/api/residents', admin, {
      name: 'x',
      birthDate: '1940-01-01',
      sex: 'male',
      institutionId: inst.body.id,
      bedId: bed.id,
    });
    expect(clash.status).toBe(409);

    const created = await hub.api<{
      device: { id: string; institutionId: string; residentId: string };
      credentials: { username: string; clientId: string; password: string; topics: Record<string, string> };
    }>('POST', '/api/devices', admin, { type: 'smartwatch', label: 'watch', residentId: resident.body.id });
    expect(created.status).toBe(201);
    const { device, credentials } = created.body;
    expect(device.residentId).toBe(resident.body.id);
    expect(device.institutionId).toBe(inst.body.id);
    expect(credentials.username).toBe(device.id);
    expect(credentials.clientId).toBe(device.id);
    expect(credentials.password.length).toBeGreaterThanOrEqual(20);
    expect(credentials.topics.telemetry).toBe(TOPIC(device.id, 'telemetry'));

    // Shown once: never again in any read.
    for (const url of [`/api/devices/${device.id}`, '/api/devices', `/api/devices?residentId=${resident.body.id}`]) {
      const text = JSON.stringify((await hub.api('GET', url, admin)).body);
      expect(text).not.toContain(credentials.password);
      expect(text).not.toContain('$7$');
      expect(text).not.toMatch(/secret/i);
    }

    const client = await connectDevice(hub.mqttUrl, { deviceId: device.id, password: credentials.password });
    await client.publishAsync(
      credentials.topics.telemetry!,
      JSON.stringify({ ts: Date.now(), readings: { heartRate: 64 } }),
      { qos: 1 },
    );
    await client.endAsync();
    await waitForCount(
      hub,
      'SELECT count(*) AS n FROM readings WHERE device_id = $1 AND resident_id = $2',
      [device.id, resident.body.id],
      1,
    );

    // Rotating the credentials: the old password stops working, the new one works.
    const rotated = await hub.api<{ credentials: { password: string } }>(
      'POST',
      `/api/devices/${device.id}/credentials`,
      admin,
    );
    expect(rotated.status).toBe(200);
    expect(
      (await connectRefusal(hub.mqttUrl, { clientId: device.id, username: device.id, password: credentials.password }))
        .code,
    ).toBe(4);
    const c2 = await connectDevice(hub.mqttUrl, { deviceId: device.id, password: rotated.body.credentials.password });
    await c2.endAsync();

    // A device id is unique; the hub's own MQTT user is reserved.
    expect(
      (
        await hub.api('POST', '/api/devices', admin, {
          id: device.id,
          type: 'smartwatch',
          residentId: resident.body.id,
        })
      ).status,
    ).toBe(409);
    expect(
      (await hub.api('POST', '/api/devices', admin, { id: 'hub', type: 'smartwatch', residentId: resident.body.id }))
        .status,
    ).toBe(400);
  });

  it('bad bodies are 400 with error and details', async () => {
    const cases: [string, string, unknown][] = [
      ['POST', '/api/institutions', { name: '' }],
      ['POST', '/api/institutions', { name: 'x', rooms: 'many' }],
      ['POST', '/api/institutions', { name: 'x', rooms: [{ name: '1', beds: ['A'], wings: 2 }] }],
      ['POST', '/api/residents', { name: '张三' }],
      ['POST', '/api/residents', { name: '张三', birthDate: '1940-02-30', sex: 'male' }],
      ['POST', '/api/residents', { name: '张三', birthDate: '1940-01-01', sex: 'male', riskCategories: ['rich'] }],
      ['POST', '/api/residents', { name: '张三', birthDate: '1940-01-01', sex: 'male', institutionId: 'not-a-uuid' }],
      ['POST', '/api/devices', { type: 'toaster', residentId: randomUUID() }],
      ['POST', '/api/devices', { type: 'smartwatch' }],
      ['POST', '/api/devices', { type: 'smartwatch', residentId: randomUUID(), id: 'bad id with spaces' }],
      ['POST', '/api/users', { email: 'not-an-email', name: 'x', password: 'password-123', role: 'admin' }],
      ['POST', '/api/users', { email: 'short@demo.local', name: 'x', password: 'short', role: 'admin' }],
      ['POST', '/api/auth/login', { email: 'admin@demo.local' }],
      ['GET', '/api/residents?limit=100000', undefined],
      ['GET', '/api/residents/not-a-uuid', undefined],
    ];
    for (const [method, url, body] of cases) {
      const res = await hub.api<{ error: string; details: unknown[]; requestId: string }>(method, url, admin, body);
      expect(res.status, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(typeof res.body.error).toBe('string');
      expect(Array.isArray(res.body.details), `${method} ${url}`).toBe(true);
      expect(res.body.details.length).toBeGreaterThan(0);
      expect(res.body.requestId).toBeTruthy();
    }
    // Not JSON at all: still a clear 400.
    const raw = await hub.api<{ error: string }>('POST', '/api/residents', admin, '{"name": ');
    expect(raw.status).toBe(400);
    expect(raw.body.error).toBeTruthy();
    // Placement that does not exist.
    const ghost = await hub.api<{ error: string }>('POST', '/api/residents', admin, {
      name: 'x',
      birthDate: '1940-01-01',
      sex: 'male',
      institutionId: randomUUID(),
    });
    // Unknown ids in the body: 400 naming the field (an unknown id in the path is a 404).
    expect(ghost.status).toBe(400);
    expect((ghost.body as unknown as { details: { path: string }[] }).details[0]!.path).toBe('institutionId');
    const ghostDevice = await hub.api<{ details: { path: string }[] }>('POST', '/api/devices', admin, {
      type: 'smartwatch',
      residentId: randomUUID(),
    });
    expect(ghostDevice.status).toBe(400);
    expect(ghostDevice.body.details[0]!.path).toBe('residentId');
  });
});
