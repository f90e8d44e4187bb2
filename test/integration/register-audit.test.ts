/**
 * The register's audit log against a real hub and its embedded database: every kind of change to the
 * register leaves an entry saying who, when, from where and what changed; secrets never appear; the
 * database refuses to rewrite or delete entries; admins search and export it, coordinators see all
 * but user accounts, others nothing. Also editing and retiring: institutions with rooms and beds,
 * devices (a retired device's MQTT login is refused) and users (a disabled user cannot log in).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import type {
  AuditEntry,
  AuditPage,
  CreatedDevice,
  Device,
  Institution,
  Kitchen,
  MealPlan,
  Program,
  Resident,
  User,
  UserAccount,
} from '@eldercare/shared';
import { ADMIN, startTestHub, type TestHub } from '../support/hub.js';

let hub: TestHub;
let admin: string;
let coord: string;
let adminUser: User;
interface List<T> {
  items: T[];
}

const audit = async (q: string, token = admin) => {
  const r = await hub.api<AuditPage>('GET', `/api/audit?${q}`, token);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};
const latest = async (entity: string, entityId: string): Promise<AuditEntry> =>
  (await audit(`entity=${entity}&entityId=${encodeURIComponent(entityId)}&limit=1`)).items[0]!;
const change = (e: AuditEntry, field: string) => e.changes.find((c) => c.field === field);

beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login(ADMIN.email, ADMIN.password);
  coord = await hub.login('coordinator@demo.local', 'demo-coord-pass');
  adminUser = (await hub.api<{ user: User }>('GET', '/api/auth/me', admin)).body.user;
});
afterAll(async () => {
  await hub?.stop();
});

describe('register audit log', () => {
  it('records a resident created and edited: who, role, when, from where, field by field', async () => {
    const before = Date.now();
    const created = await hub.api<Resident>('POST', '/api/residents', coord, {
      name: '审计 测试',
      birthDate: '1940-01-01',
      sex: 'female',
      address: '审计路1号',
      keySafe: '4711',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const made = await latest('resident', id);
    expect(made.action).toBe('create');
    expect(made.actorRole).toBe('coordinator');
    expect(made.actorName).toContain('协调员');
    expect(made.clientAddress).toBe('127.0.0.1');
    expect(Date.parse(made.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(change(made, 'name')).toEqual({ field: 'name', before: null, after: '审计 测试' });
    // The key-safe code is a secret: the entry says it was set, never what it is.
    expect(change(made, 'keySafe')).toEqual({ field: 'keySafe', before: '[secret]', after: '[secret]' });

    await hub.api('PATCH', `/api/residents/${id}`, admin, { address: '审计路2号' });
    const edited = await latest('resident', id);
    expect(edited.action).toBe('update');
    expect(edited.actorId).toBe(adminUser.id);
    expect(edited.actorRole).toBe('admin');
    expect(change(edited, 'address')).toEqual({ field: 'address', before: '审计路1号', after: '审计路2号' });
    expect(change(edited, 'name')).toBeUndefined();
  });

  it('records the client address given by a trusted proxy only', async () => {
    const r = await fetch(`${hub.base}/api/residents`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${admin}`,
        'content-type': 'application/json',
        'x-forwarded-for': '203.0.113.9',
      },
      body: JSON.stringify({ name: '代理 测试', birthDate: '1944-04-04', sex: 'male' }),
    });
    const id = ((await r.json()) as Resident).id;
    // No TRUSTED_PROXIES: the header is not believed, the TCP peer is recorded.
    expect((await latest('resident', id)).clientAddress).toBe('127.0.0.1');
  });

  it('edits an institution, adds a room and beds, retires a bed and refuses to retire occupied places', async () => {
    const inst = (await hub.api<List<Institution>>('GET', '/api/institutions', coord)).body.items[0]!;
    const patched = await hub.api<Institution>('PATCH', `/api/institutions/${inst.id}`, coord, { phone: '010-1234' });
    expect(patched.status).toBe(200);
    expect(patched.body.name).toBe(inst.name);
    expect(patched.body.phone).toBe('010-1234');
    expect((await latest('institution', inst.id)).changes).toEqual([
      { field: 'phone', before: inst.phone, after: '010-1234' },
    ]);

    const added = await hub.api<Institution>('POST', `/api/institutions/${inst.id}/rooms`, coord, {
      name: '审计室',
      floor: 3,
      beds: ['A', 'B'],
    });
    expect(added.status).toBe(201);
    const room = added.body.rooms.find((r) => r.name === '审计室')!;
    expect(room.beds.map((b) => b.label)).toEqual(['A', 'B']);
    const roomEntry = await latest('room', room.id);
    expect(roomEntry.action).toBe('create');
    expect(change(roomEntry, 'beds')?.after).toEqual(['A', 'B']);

    const withC = await hub.api<Institution>('POST', `/api/institutions/${inst.id}/rooms/${room.id}/beds`, coord, {
      labels: ['C'],
    });
    expect(withC.status).toBe(201);
    const bedC = withC.body.rooms.find((r) => r.id === room.id)!.beds.find((b) => b.label === 'C')!;
    expect((await latest('bed', bedC.id)).action).toBe('create');
    expect(
      (await hub.api('POST', `/api/institutions/${inst.id}/rooms/${room.id}/beds`, coord, { labels: ['C'] })).status,
    ).toBe(409);

    const retired = await hub.api<Institution>(
      'PATCH',
      `/api/institutions/${inst.id}/rooms/${room.id}/beds/${bedC.id}`,
      coord,
      { retired: true },
    );
    expect(retired.status).toBe(200);
    expect(
      retired.body.rooms.find((r) => r.id === room.id)!.beds.find((b) => b.id === bedC.id)!.retiredAt,
    ).toBeTruthy();
    expect((await latest('bed', bedC.id)).action).toBe('retire');
    // Retired beds leave the ordinary view but stay in history.
    const plain = (await hub.api<Institution>('GET', `/api/institutions/${inst.id}`, coord)).body;
    expect(plain.rooms.find((r) => r.id === room.id)!.beds.map((b) => b.label)).toEqual(['A', 'B']);

    const occupied = inst.rooms.flatMap((r) => r.beds.map((b) => ({ room: r, bed: b }))).find((x) => x.bed.residentId)!;
    const refuse = await hub.api(
      'PATCH',
      `/api/institutions/${inst.id}/rooms/${occupied.room.id}/beds/${occupied.bed.id}`,
      coord,
      { retired: true },
    );
    expect(refuse.status).toBe(409);
    expect((await hub.api('PATCH', `/api/institutions/${inst.id}`, coord, { retired: true })).status).toBe(409);
    expect((await hub.api('PATCH', `/api/institutions/${inst.id}`, coord, { bogus: 1 })).status).toBe(400);
  });

  it('retires an empty institution: out of the list, still readable with includeRetired, and back again', async () => {
    const made = await hub.api<Institution>('POST', '/api/institutions', admin, { name: '退役院', rooms: [] });
    const id = made.body.id;
    expect((await hub.api('PATCH', `/api/institutions/${id}`, admin, { retired: true })).status).toBe(200);
    const list = (await hub.api<List<Institution>>('GET', '/api/institutions', admin)).body.items;
    expect(list.some((i) => i.id === id)).toBe(false);
    const all = (await hub.api<List<Institution>>('GET', '/api/institutions?includeRetired=true', admin)).body.items;
    expect(all.find((i) => i.id === id)?.retiredAt).toBeTruthy();
    expect((await latest('institution', id)).action).toBe('retire');
    await hub.api('PATCH', `/api/institutions/${id}`, admin, { retired: false });
    expect((await latest('institution', id)).action).toBe('reinstate');
  });

  it('records devices: registered, moved, credentials re-issued and exported, retired — never a credential', async () => {
    const residents = (await hub.api<List<Resident>>('GET', '/api/residents?limit=5', coord)).body.items;
    const [r1, r2] = residents.filter((r) => !r.institutionId);
    const made = await hub.api<CreatedDevice>('POST', '/api/devices', coord, {
      type: 'sos_pendant',
      residentId: r1!.id,
    });
    expect(made.status).toBe(201);
    const id = made.body.device.id;
    const firstPassword = made.body.credentials.password;
    expect((await latest('device', id)).action).toBe('create');

    const moved = await hub.api<Device>('PATCH', `/api/devices/${id}`, coord, { residentId: r2!.id, label: '新挂件' });
    expect(moved.status).toBe(200);
    expect(moved.body.residentId).toBe(r2!.id);
    const move = await latest('device', id);
    expect(change(move, 'residentId')).toEqual({ field: 'residentId', before: r1!.id, after: r2!.id });
    expect(change(move, 'label')?.after).toBe('新挂件');

    const rotated = await hub.api<CreatedDevice>('POST', `/api/devices/${id}/credentials`, coord);
    const secondPassword = rotated.body.credentials.password;
    const reissue = await latest('device', id);
    expect(reissue.action).toBe('credentials_reissued');
    expect(reissue.changes).toEqual([]);

    const exp = await hub.api<{ passwordFile: string }>('GET', '/api/devices/export/mosquitto', admin);
    expect(exp.status).toBe(200);
    const exported = await latest('device', '*');
    expect(exported.action).toBe('credentials_exported');
    expect(exported.actorRole).toBe('admin');

    // The device can log in until it is retired; then its login is refused and it leaves the fleet list.
    const login = () =>
      mqtt.connectAsync(hub.mqttUrl, { clientId: id, username: id, password: secondPassword, reconnectPeriod: 0 });
    const c = await login();
    await c.endAsync();
    const retired = await hub.api<Device>('PATCH', `/api/devices/${id}`, coord, { retired: true });
    expect(retired.body.retiredAt).toBeTruthy();
    expect((await latest('device', id)).action).toBe('retire');
    await expect(login()).rejects.toThrow();
    const fleet = (await hub.api<List<Device>>('GET', '/api/devices?limit=1000', coord)).body.items;
    expect(fleet.some((d) => d.id === id)).toBe(false);
    const whole = (await hub.api<List<Device>>('GET', '/api/devices?includeRetired=true&limit=1000', coord)).body.items;
    expect(whole.some((d) => d.id === id)).toBe(true);
    expect((await hub.api('POST', `/api/devices/${id}/credentials`, coord)).status).toBe(409);

    const dump = JSON.stringify((await hub.database.pool.query('SELECT * FROM register_audit')).rows);
    for (const secret of [firstPassword, secondPassword]) expect(dump).not.toContain(secret);
    expect(dump).not.toMatch(/\$7\$|\$argon2/);
  });

  it('records users: created, role changed, disabled (no login, sessions ended) — never a password', async () => {
    const password = 'audit-user-pass-1';
    const made = await hub.api<User>('POST', '/api/users', admin, {
      email: 'audited@demo.local',
      name: '审计 用户',
      password,
      role: 'dispatcher',
    });
    expect(made.status).toBe(201);
    const id = made.body.id;
    expect((await latest('user', id)).action).toBe('create');
    const token = await hub.login('audited@demo.local', password);

    const promoted = await hub.api<UserAccount>('PATCH', `/api/users/${id}`, admin, { role: 'supervisor' });
    expect(promoted.body.role).toBe('supervisor');
    expect((await latest('user', id)).changes).toEqual([{ field: 'role', before: 'dispatcher', after: 'supervisor' }]);

    const disabled = await hub.api<UserAccount>('PATCH', `/api/users/${id}`, admin, { disabled: true });
    expect(disabled.body.disabledAt).toBeTruthy();
    expect((await latest('user', id)).action).toBe('retire');
    expect((await hub.api('GET', '/api/auth/me', token)).status).toBe(401);
    const again = await hub.api('POST', '/api/auth/login', undefined, { email: 'audited@demo.local', password });
    expect(again.status).toBe(403);
    const listed = (await hub.api<List<UserAccount>>('GET', '/api/users', admin)).body.items;
    expect(listed.some((u) => u.id === id)).toBe(false);
    const withDisabled = (await hub.api<List<UserAccount>>('GET', '/api/users?includeDisabled=true', admin)).body.items;
    expect(withDisabled.find((u) => u.id === id)?.disabledAt).toBeTruthy();

    await hub.api('PATCH', `/api/users/${id}`, admin, { disabled: false });
    expect((await latest('user', id)).action).toBe('reinstate');
    expect(
      (await hub.api('POST', '/api/auth/login', undefined, { email: 'audited@demo.local', password })).status,
    ).toBe(200);

    // An admin cannot lock themselves out.
    expect((await hub.api('PATCH', `/api/users/${adminUser.id}`, admin, { disabled: true })).status).toBe(409);
    expect((await hub.api('PATCH', `/api/users/${id}`, coord, { disabled: true })).status).toBe(403);

    const dump = JSON.stringify((await hub.database.pool.query('SELECT * FROM register_audit')).rows);
    expect(dump).not.toContain(password);
    expect(dump).not.toMatch(/\$argon2/);
  });

  it('records kitchens, menus, routes and meal plans', async () => {
    const k = await hub.api<Kitchen>('POST', '/api/meals/kitchens', coord, {
      name: '审计厨房',
      kind: 'central_kitchen',
      meals: ['lunch'],
      prices: { breakfast: 500, lunch: 1600, dinner: 1200 },
      pickupUntil: { breakfast: '09:00', lunch: '13:00', dinner: '18:00' },
    });
    expect(k.status, JSON.stringify(k.body)).toBe(201);
    expect((await latest('kitchen', k.body.id)).action).toBe('create');
    await hub.api('PATCH', `/api/meals/kitchens/${k.body.id}`, coord, { phone: '010-5555' });
    expect(change(await latest('kitchen', k.body.id), 'phone')?.after).toBe('010-5555');

    const menu = await hub.api('PUT', `/api/meals/kitchens/${k.body.id}/menus/2026-12-08/lunch`, coord, {
      items: ['米饭', '青菜'],
    });
    expect(menu.status, JSON.stringify(menu.body)).toBe(200);
    expect(change(await latest('menu', `${k.body.id}/2026-12-08/lunch`), 'items')?.after).toEqual(['米饭', '青菜']);

    const route = await hub.api<{ id: string }>('POST', '/api/meals/routes', coord, {
      kitchenId: k.body.id,
      name: '审计线',
    });
    expect((await latest('meal_route', route.body.id)).action).toBe('create');

    const home = (await hub.api<List<Resident>>('GET', '/api/residents?limit=500', coord)).body.items.find(
      (r) => !r.institutionId,
    )!;
    const plan = await hub.api<MealPlan>('POST', '/api/meals/plans', coord, {
      residentId: home.id,
      kitchenId: k.body.id,
      meals: ['lunch'],
      mode: 'pickup',
      elderPriceCents: 800,
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const planEntry = await latest('meal_plan', plan.body.id);
    expect(planEntry.action).toBe('create');
    expect(JSON.stringify(planEntry)).not.toContain(plan.body.pickupCode);
    await hub.api('PATCH', `/api/meals/plans/${plan.body.id}`, coord, { doorNote: '敲门两次' });
    expect(change(await latest('meal_plan', plan.body.id), 'doorNote')?.after).toBe('敲门两次');

    // A kitchen with a running plan cannot be retired; once the plan has ended it can, and keeps its history.
    const kid = k.body.id;
    expect((await hub.api('PATCH', `/api/meals/kitchens/${kid}`, coord, { retired: true })).status).toBe(409);
    expect((await hub.api('PATCH', `/api/meals/plans/${plan.body.id}`, coord, { active: false })).status).toBe(200);
    const retired = await hub.api<Kitchen>('PATCH', `/api/meals/kitchens/${kid}`, coord, { retired: true });
    expect(retired.status, JSON.stringify(retired.body)).toBe(200);
    expect(retired.body.retiredAt).toBeTruthy();
    expect(retired.body.phone).toBe('010-5555');
    expect((await latest('kitchen', kid)).action).toBe('retire');
    const listed = (await hub.api<List<Kitchen>>('GET', '/api/meals/kitchens', coord)).body.items;
    expect(listed.some((x) => x.id === kid)).toBe(false);
    const all = (await hub.api<List<Kitchen>>('GET', '/api/meals/kitchens?includeRetired=true', coord)).body.items;
    expect(all.some((x) => x.id === kid)).toBe(true);
    const refused = await hub.api('POST', '/api/meals/plans', coord, {
      residentId: home.id,
      kitchenId: kid,
      meals: ['lunch'],
      mode: 'pickup',
      elderPriceCents: 800,
    });
    expect(refused.status).toBe(400);
  });

  it('records time-bank programs with their policy field by field, and visit settings', async () => {
    const p = await hub.api<Program>('POST', '/api/timebank/programs', coord, { name: '审计时间银行' });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect((await latest('timebank_program', p.body.id)).action).toBe('create');
    await hub.api('PATCH', `/api/timebank/programs/${p.body.id}`, coord, { policy: { autoConfirmDays: 5 } });
    const edit = await latest('timebank_program', p.body.id);
    expect(change(edit, 'policy.autoConfirmDays')?.after).toBe(5);

    const s = await hub.api('PUT', '/api/visits/settings', coord, { communityTargets: { 审计社区: 95 } });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const entry = (await audit('entity=visit_settings&limit=1')).items[0]!;
    expect(change(entry, 'communityTargets.审计社区')?.after).toBe(95);
  });

  it('searches by entity, object, user and date range, pages, and exports CSV', async () => {
    const byAdmin = await audit(`actorId=${adminUser.id}&limit=2`);
    expect(byAdmin.items.length).toBe(2);
    expect(byAdmin.items.every((e) => e.actorId === adminUser.id)).toBe(true);
    const page2 = await audit(`actorId=${adminUser.id}&limit=2&offset=2`);
    expect(page2.total).toBe(byAdmin.total);
    expect(page2.items[0]!.id).not.toBe(byAdmin.items[0]!.id);
    expect((await audit('from=2000-01-01&to=2000-01-02')).total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect((await audit(`from=${today}&to=${tomorrow}&entity=user`)).total).toBeGreaterThan(0);
    expect((await hub.api('GET', '/api/audit?entity=bogus', admin)).status).toBe(400);

    const csv = await fetch(`${hub.base}/api/audit.csv?entity=user`, { headers: { authorization: `Bearer ${admin}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'at,actor_id,actor_name,actor_role,client_address,entity,entity_id,action,field,before,after,request_id',
    );
    expect(lines.some((l) => l.includes(',role,dispatcher,supervisor,'))).toBe(true);
  });

  it('shows coordinators everything but user accounts, and nobody else anything', async () => {
    expect((await audit('entity=user', coord)).total).toBe(0);
    expect((await audit('limit=500', coord)).items.some((e) => e.entity === 'user')).toBe(false);
    expect((await audit('entity=resident', coord)).total).toBeGreaterThan(0);
    const dispatcher = await hub.login('dispatcher@demo.local', 'demo-dispatch-pass');
    expect((await hub.api('GET', '/api/audit', dispatcher)).status).toBe(403);
    expect((await hub.api('GET', '/api/audit.csv', dispatcher)).status).toBe(403);
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const before = (await hub.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM register_audit'))
      .rows[0]!.n;
    await expect(hub.database.pool.query(`UPDATE register_audit SET actor_role = 'x'`)).rejects.toThrow(/append-only/);
    await expect(hub.database.pool.query(`DELETE FROM register_audit`)).rejects.toThrow(/append-only/);
    await expect(hub.database.pool.query(`TRUNCATE register_audit`)).rejects.toThrow(/append-only/);
    const after = (await hub.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM register_audit'))
      .rows[0]!.n;
    expect(after).toBe(before);
  });

  it('declares the audit and editing routes in the OpenAPI document', async () => {
    const doc = (await hub.api<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/openapi.json')).body;
    expect(doc.paths['/api/audit']?.get).toBeTruthy();
    expect(doc.paths['/api/audit.csv']?.get).toBeTruthy();
    expect(doc.paths['/api/institutions/{id}']?.patch).toBeTruthy();
    expect(doc.paths['/api/institutions/{id}/rooms']?.post).toBeTruthy();
    expect(doc.paths['/api/institutions/{id}/rooms/{roomId}/beds']?.post).toBeTruthy();
    expect(doc.paths['/api/devices/{id}']?.patch).toBeTruthy();
    expect(doc.paths['/api/users/{id}']?.patch).toBeTruthy();
  });
});
