/**
 * The care screens' API against a real hub: bed sensors and watches publish over real MQTT as the
 * demo devices, and the institution board shows who is in bed, their latest vitals, their devices
 * and their alarm; staff of another institution cannot see it. Incidents per day count the alerts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import type { BoardResident, IncidentsPerDay, InstitutionBoard, Resident, User } from '@eldercare/shared';
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
