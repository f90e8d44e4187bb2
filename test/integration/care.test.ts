/**
 * The care screens' API against a real hub: bed sensors and watches publish over real MQTT as the
 * demo devices, and the institution board shows who is in bed, their latest vitals, their devices
 * and their alarm; staff of another institution cannot see it. Care staff start and end shifts and
 * the board's staffing counts who is on shift against the ratios. Incidents per day count the alerts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import type { BoardResident, IncidentsPerDay, InstitutionBoard, Resident, StaffShift, User } from '@eldercare/shared';
import { ADMIN, eventually, startTestHub, type TestHub } from '../support/hub.js';

interface DemoDevice {
  deviceId: string;
  type: string;
  password: string;
  residentId: string | null;
}

let hub: TestHub;
let devices: DemoDevice[];
let adminToken: string;
let staffToken: string;
let institutionId: string;
const clients: MqttClient[] = [];

async function connect(d: DemoDevice): Promise<MqttClient> {
  const c = await mqtt.connectAsync(hub.mqttUrl, {
    clientId: d.deviceId,
    username: d.deviceId,
    password: d.password,
    reconnectPeriod: 0,
  });
  clients.push(c);
  return c;
}
const telemetry = (c: MqttClient, d: DemoDevice, ts: number, readings: Record<string, number>) =>
  c.publishAsync(`eldercare/v1/devices/${d.deviceId}/telemetry`, JSON.stringify({ ts, readings }), { qos: 1 });

const board = (token = staffToken, id = institutionId) =>
  hub.api<InstitutionBoard>('GET', `/api/institutions/${id}/board`, token);
const onBoard = (b: InstitutionBoard, residentId: string): BoardResident | undefined =>
  b.rooms.flatMap((r) => r.beds).find((bed) => bed.resident?.id === residentId)?.resident ?? undefined;

/** Bed sensors of distinct residents of the staff member's institution. */
async function bedSensors(n: number): Promise<DemoDevice[]> {
  const out: DemoDevice[] = [];
  for (const d of devices) {
    if (d.type !== 'bed_sensor' || !d.residentId) continue;
    const r = await hub.api<Resident>('GET', `/api/residents/${d.residentId}`, adminToken);
    if (r.body.institutionId === institutionId) out.push(d);
    if (out.length === n) break;
  }
  if (out.length < n) throw new Error('not enough bed sensors in the demo institution');
  return out;
}

beforeAll(async () => {
  hub = await startTestHub();
  devices = (
    JSON.parse(await readFile(path.join(hub.dataDir, 'demo-devices.json'), 'utf8')) as { devices: DemoDevice[] }
  ).devices;
  adminToken = await hub.login(ADMIN.email, ADMIN.password);
  staffToken = await hub.login('staff@demo.local', 'demo-staff-pass');
  const me = await hub.api<{ user: User }>('GET', '/api/auth/me', staffToken);
  institutionId = me.body.user.institutionId!;
  expect(institutionId).toBeTruthy();
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.endAsync().catch(() => undefined)));
  await hub?.stop();
});

describe('institution board', () => {
  it('shows in bed, out of bed and unknown from the bed sensors, with the latest vitals and devices', async () => {
    const [inBed, outOfBed, stale] = await bedSensors(3);
    const now = Date.now();
    const c1 = await connect(inBed!);
    await telemetry(c1, inBed!, now - 60_000, { heartRate: 64 });
    await telemetry(c1, inBed!, now, { inBed: 1, heartRate: 72, spo2: 97 });
    const c2 = await connect(outOfBed!);
    await telemetry(c2, outOfBed!, now - 5 * 60_000, { inBed: 1 });
    await telemetry(c2, outOfBed!, now, { inBed: 0 });
    const c3 = await connect(stale!);
    await telemetry(c3, stale!, now - 40 * 60_000, { inBed: 1 });

    const b = await eventually(async () => {
      const r = await board();
      expect(r.status).toBe(200);
      const s = onBoard(r.body, stale!.residentId!);
      return onBoard(r.body, inBed!.residentId!)?.presence === 'in_bed' &&
        onBoard(r.body, outOfBed!.residentId!)?.presence === 'out_of_bed' &&
        s?.presenceAt &&
        onBoard(r.body, inBed!.residentId!)?.devices.find((d) => d.id === inBed!.deviceId)?.online
        ? r.body
        : null;
    });
    const a = onBoard(b, inBed!.residentId!)!;
    expect(a.vitals.heartRate).toEqual({ value: 72, ts: new Date(now).toISOString() });
    expect(a.vitals.spo2?.value).toBe(97);
    expect(a.vitals.temperature).toBeNull();
    expect(a.devices.find((d) => d.id === inBed!.deviceId)).toMatchObject({ type: 'bed_sensor', online: true });
    expect(a.alert).toBeNull();
    // A reading older than 30 minutes does not count, but its time is still shown.
    const s = onBoard(b, stale!.residentId!)!;
    expect(s.presence).toBe('unknown');
    expect(s.presenceAt).toBe(new Date(now - 40 * 60_000).toISOString());

    // Every bed of the institution is on the board; staffing follows its residents by care level.
    const inst = await hub.api<{ rooms: { beds: unknown[] }[] }>(
      'GET',
      `/api/institutions/${institutionId}`,
      staffToken,
    );
    expect(b.rooms.flatMap((r) => r.beds)).toHaveLength(inst.body.rooms.flatMap((r) => r.beds).length);
    const people = (
      await hub.api<{ items: Resident[] }>('GET', `/api/residents?institutionId=${institutionId}&limit=500`, staffToken)
    ).body.items;
    const full = people.filter((p) => p.careLevel !== 'self_care').length;
    expect(b.staffing.required).toBe(Math.ceil(full / 6) + Math.ceil((people.length - full) / 10));
    expect(b.staffing.registered).toBe(1); // staff@demo.local
    // Nobody has started a shift yet: nobody is on shift, whoever is registered.
    expect(b.staffing).toMatchObject({ onShift: 0, shifts: [], missing: b.staffing.required });
    expect(b.staffing.understaffed).toBe(b.staffing.required > 0);
  });

  it('shows a resident’s active alarm', async () => {
    const [d] = (await bedSensors(4)).slice(3);
    const c = await connect(d!);
    await c.publishAsync(
      `eldercare/v1/devices/${d!.deviceId}/events`,
      JSON.stringify({ eventId: `care-sos-${Date.now()}`, ts: Date.now(), type: 'sos' }),
      { qos: 1 },
    );
    const r = await eventually(async () => onBoard((await board()).body, d!.residentId!)?.alert);
    expect(r).toMatchObject({ queue: 'emergency', kind: 'sos', status: 'open', severity: 'critical' });
  });

  it('is open to dispatch roles, counts newly registered staff, and is hidden from other institutions', async () => {
    expect((await board(adminToken)).status).toBe(200);
    expect((await board(await hub.login('dispatcher@demo.local', 'demo-dispatch-pass'))).status).toBe(200);
    expect((await board(await hub.login('volunteer@demo.local', 'demo-volunteer-pass'))).status).toBe(403);

    const all = await hub.api<{ items: { id: string }[] }>('GET', '/api/institutions', adminToken);
    const other = all.body.items.find((i) => i.id !== institutionId)!.id;
    const created = await hub.api('POST', '/api/users', adminToken, {
      email: 'other-staff@demo.local',
      name: 'Other staff',
      password: 'other-staff-pass',
      role: 'institution_staff',
      institutionId: other,
    });
    expect(created.status).toBe(201);
    const otherToken = await hub.login('other-staff@demo.local', 'other-staff-pass');
    const denied = await board(otherToken);
    expect(denied.status).toBe(404);
    expect((await board(otherToken, other)).body.staffing.registered).toBe(1);
    expect((await board(adminToken, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await board(adminToken, 'not-a-uuid')).status).toBe(400);
  });
});

describe('incidents per day', () => {
  it('counts today’s alerts in the tenant’s time zone, one row per day', async () => {
    const r = await hub.api<IncidentsPerDay>('GET', '/api/reports/incidents-per-day?days=30', adminToken);
    expect(r.status).toBe(200);
    expect(r.body.timezone).toBe('Asia/Shanghai');
    expect(r.body.items).toHaveLength(30);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(r.body.items.at(-1)!.day).toBe(today);
    const db = await hub.database.pool.query<{ total: number; critical: number; dh: number }>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE queue = 'emergency' AND severity = 'critical')::int AS critical,
              count(*) FILTER (WHERE queue = 'device_health')::int AS dh
         FROM alerts WHERE to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') = $1`,
      [today],
    );
    // The sos raised above is today's.
    expect(r.body.items.at(-1)).toEqual({
      day: today,
      total: db.rows[0]!.total,
      critical: db.rows[0]!.critical,
      deviceHealth: db.rows[0]!.dh,
    });
    expect(db.rows[0]!.critical).toBeGreaterThanOrEqual(1);

    expect((await hub.api('GET', '/api/reports/incidents-per-day?days=0', adminToken)).status).toBe(400);
    const staff = await hub.api('GET', '/api/reports/incidents-per-day', staffToken);
    expect(staff.status).toBe(403);
  });
});

describe('shift roster', () => {
  const shifts = (token: string, q = '', id = institutionId) =>
    hub.api<{ items: StaffShift[] }>('GET', `/api/institutions/${id}/shifts${q}`, token);
  const start = (token: string, body?: unknown, id = institutionId) =>
    hub.api<StaffShift>('POST', `/api/institutions/${id}/shifts/start`, token, body);
  const endMine = (token: string, id = institutionId) =>
    hub.api<StaffShift>('POST', `/api/institutions/${id}/shifts/end`, token);
  const end = (token: string, shiftId: string, id = institutionId) =>
    hub.api<StaffShift>('POST', `/api/institutions/${id}/shifts/${shiftId}/end`, token);
  let seq = 0;
  async function newStaff(inst = institutionId): Promise<{ id: string; token: string }> {
    const email = `shift-staff-${++seq}@demo.local`;
    const r = await hub.api<User>('POST', '/api/users', adminToken, {
      email,
      name: `护理员 ${seq}`,
      password: 'shift-staff-pass',
      role: 'institution_staff',
      institutionId: inst,
    });
    expect(r.status).toBe(201);
    return { id: r.body.id, token: await hub.login(email, 'shift-staff-pass') };
  }

  it('lets care staff start and end their own shift, one open shift at a time, and the board counts it', async () => {
    const me = (await hub.api<{ user: User }>('GET', '/api/auth/me', staffToken)).body.user;
    const before = (await board()).body.staffing;

    const started = await start(staffToken); // no body: my own shift
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ institutionId, userId: me.id, startedBy: me.id, endedAt: null });
    expect(started.body.userName).toBe(me.name);
    expect((await start(staffToken, {})).status).toBe(409); // already on shift

    const on = (await board()).body.staffing;
    expect(on.onShift).toBe(before.onShift + 1);
    expect(on.registered).toBe(before.registered); // registered is unchanged by shifts
    expect(on.shifts.map((s) => s.userId)).toContain(me.id);
    expect(on.missing).toBe(Math.max(0, on.required - on.onShift));
    const active = await shifts(staffToken, '?active=true');
    expect(active.status).toBe(200);
    expect(active.body.items.map((s) => s.id)).toEqual([started.body.id]);

    const ended = await endMine(staffToken);
    expect(ended.status).toBe(200);
    expect(ended.body.id).toBe(started.body.id);
    expect(ended.body.endedAt).not.toBeNull();
    expect(ended.body.endedBy).toBe(me.id);
    expect((await endMine(staffToken)).status).toBe(404); // no open shift left
    expect((await end(staffToken, started.body.id)).status).toBe(409); // already ended
    expect((await board()).body.staffing.onShift).toBe(before.onShift);
    // The history keeps the ended shift; active lists only open ones.
    expect((await shifts(staffToken)).body.items.find((s) => s.id === started.body.id)?.endedAt).toBeTruthy();
    expect((await shifts(staffToken, '?active=true')).body.items).toEqual([]);
    // A new shift can start once the last one ended.
    expect((await start(staffToken)).status).toBe(201);
    expect((await endMine(staffToken)).status).toBe(200);
  });

  it('keeps one open shift per person even when two starts race', async () => {
    const s = await newStaff();
    const [a, b] = await Promise.all([start(s.token), start(s.token)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const open = await hub.database.pool.query(
      `SELECT count(*)::int AS n FROM staff_shifts WHERE user_id = $1 AND ended_at IS NULL`,
      [s.id],
    );
    expect(open.rows[0].n).toBe(1);
    expect((await endMine(s.token)).status).toBe(200);
  });

  it('lets managers start and end shifts for the institution’s staff; the warning clears when enough are on shift', async () => {
    const required = (await board()).body.staffing.required;
    expect(required).toBeGreaterThan(0);
    const team = await Promise.all(Array.from({ length: required }, () => newStaff()));
    const coordinator = await hub.login('coordinator@demo.local', 'demo-coord-pass');
    const supervisor = await hub.login('supervisor@demo.local', 'demo-supervisor-pass');
    const started: StaffShift[] = [];
    for (const [i, m] of team.entries()) {
      const r = await start([adminToken, coordinator, supervisor][i % 3]!, { userId: m.id });
      expect(r.status).toBe(201);
      expect(r.body.userId).toBe(m.id);
      expect(r.body.startedBy).not.toBe(m.id);
      started.push(r.body);
    }
    let s = (await board()).body.staffing;
    expect(s).toMatchObject({ onShift: required, understaffed: false, missing: 0 });
    // One more short: the warning is back, one missing.
    expect((await end(coordinator, started[0]!.id)).status).toBe(200);
    s = (await board()).body.staffing;
    expect(s).toMatchObject({ onShift: required - 1, understaffed: true, missing: 1 });
    expect(s.shifts.map((x) => x.id)).not.toContain(started[0]!.id);

    // Managers go on shift only for care staff of this institution.
    expect((await start(adminToken)).status).toBe(400); // an admin is not care staff
    const outsider = await newStaff((await otherInstitution()).id);
    expect((await start(adminToken, { userId: outsider.id })).status).toBe(400);
    // An id in the body that refers to nobody: 400 naming the field (the API's rule).
    const ghost = await start(adminToken, { userId: '00000000-0000-4000-8000-000000000000' });
    expect(ghost.status).toBe(400);
    expect((ghost.body as unknown as { details: { path: string }[] }).details[0]!.path).toBe('userId');
    expect((await start(adminToken, { userId: 'nope' })).status).toBe(400);

    for (const x of started.slice(1)) expect((await end(supervisor, x.id)).status).toBe(200);
    expect((await board()).body.staffing.onShift).toBe(0);
  });

  it('keeps staff to their own shifts and their own institution', async () => {
    const colleague = await newStaff();
    const mine = await start(staffToken);
    expect(mine.status).toBe(201);
    // Not for someone else: neither starting nor ending.
    expect((await start(staffToken, { userId: colleague.id })).status).toBe(403);
    expect((await end(colleague.token, mine.body.id)).status).toBe(403);

    // Staff of another institution: this institution does not exist for them.
    const other = await otherInstitution();
    const outsider = await newStaff(other.id);
    expect((await start(outsider.token, undefined, institutionId)).status).toBe(404);
    expect((await end(outsider.token, mine.body.id)).status).toBe(404);
    expect((await shifts(outsider.token)).status).toBe(404);
    // In their own institution they can; a shift of theirs cannot be ended through another institution.
    const theirs = await start(outsider.token, undefined, other.id);
    expect(theirs.status).toBe(201);
    expect((await end(adminToken, theirs.body.id, institutionId)).status).toBe(404);
    // One open shift per person across institutions too: ending it through its own institution works.
    expect((await end(adminToken, theirs.body.id, other.id)).status).toBe(200);

    // Dispatchers see who is on shift but do not run the roster; volunteers see nothing.
    const dispatcher = await hub.login('dispatcher@demo.local', 'demo-dispatch-pass');
    expect((await shifts(dispatcher, '?active=true')).body.items.map((s) => s.id)).toEqual([mine.body.id]);
    expect((await start(dispatcher, { userId: colleague.id })).status).toBe(403);
    expect((await end(dispatcher, mine.body.id)).status).toBe(403);
    const volunteer = await hub.login('volunteer@demo.local', 'demo-volunteer-pass');
    expect((await shifts(volunteer)).status).toBe(403);
    expect((await start(volunteer)).status).toBe(403);
    expect((await end(staffToken, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await endMine(staffToken)).status).toBe(200);
  });
});

async function otherInstitution(): Promise<{ id: string }> {
  const all = await hub.api<{ items: { id: string }[] }>('GET', '/api/institutions', adminToken);
  return all.body.items.find((i) => i.id !== institutionId)!;
}
