import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createDeviceBodySchema,
  createInstitutionBodySchema,
  deviceIdSchema,
  loginBodySchema,
  residentBodySchema,
  topicFor,
} from '@eldercare/shared';
import { generateFleet } from './fleet.js';
import { fleetTagFor, provisionFleet, readFleetFile, ProvisionError } from './provision.js';

describe('fleet', () => {
  it('is reproducible from the seed', () => {
    const a = generateFleet({ seed: 3, homes: 50, institutions: 2 }, new Date('2025-06-01'));
    const b = generateFleet({ seed: 3, homes: 50, institutions: 2 }, new Date('2025-06-01'));
    expect(a).toEqual(b);
    const c = generateFleet({ seed: 4, homes: 50, institutions: 2 }, new Date('2025-06-01'));
    expect(c.devices.map((d) => d.type)).not.toEqual(a.devices.map((d) => d.type));
  });

  it('the tag only changes ids, not the fleet', () => {
    const a = generateFleet({ seed: 3, homes: 20, institutions: 1, tag: 'aaa' });
    const b = generateFleet({ seed: 3, homes: 20, institutions: 1, tag: 'bbb' });
    expect(a.devices.map((d) => d.id.slice(3))).toEqual(b.devices.map((d) => d.id.slice(3)));
    expect(a.residents.map((r) => r.name)).toEqual(b.residents.map((r) => r.name));
  });

  it('has valid, unique ids and a realistic device mix', () => {
    const f = generateFleet({ seed: 1, homes: 500, institutions: 3 });
    const ids = f.devices.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(deviceIdSchema.safeParse(id).success).toBe(true);
    const homes = f.residents.filter((r) => !r.institutionKey);
    expect(homes).toHaveLength(500);
    // Every elder at home has an SOS pendant; every dementia elder a GPS tracker and a door contact.
    for (const r of homes) {
      const mine = f.devices.filter((d) => d.residentKey === r.key).map((d) => d.type);
      expect(mine).toContain('sos_pendant');
      if (r.riskCategories.includes('dementia'))
        expect(mine).toEqual(expect.arrayContaining(['gps_wearable', 'door_sensor']));
    }
    const perHome = f.devices.filter((d) => d.unit.startsWith('h')).length / 500;
    expect(perHome).toBeGreaterThan(4);
    expect(perHome).toBeLessThan(9);
    // Institutions: bed sensors for residents, pull cords per room, smoke sensors for the building.
    const inst = f.devices.filter((d) => d.unit === 'i01');
    const rooms = f.institutions[0]!.rooms.length;
    expect(inst.filter((d) => d.type === 'pull_cord')).toHaveLength(rooms);
    expect(inst.filter((d) => d.type === 'bed_sensor').length).toBe(
      f.residents.filter((r) => r.institutionKey === 'i01').length,
    );
    expect(inst.some((d) => d.type === 'smoke_sensor' && d.institutionKey === 'i01')).toBe(true);
    expect(f.institutions[0]!.rooms.some((r) => r.dementiaZone)).toBe(true);
    // Each device has exactly one owner.
    for (const d of f.devices)
      expect([d.residentKey, d.roomKey, d.institutionKey].filter(Boolean).length).toBeGreaterThanOrEqual(1);
    const ages = f.residents.map((r) => r.profile.age);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(62);
    expect(f.residents.some((r) => r.riskCategories.includes('living_alone'))).toBe(true);
  });
});

describe('provisioning against a fake hub', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function fakeHub() {
    const calls: { method: string; path: string; auth: string | null }[] = [];
    let n = 0;
    const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
    const fetchImpl = (async (url: string | URL, init?: RequestInit) => {
      const u = new URL(String(url));
      const method = init?.method ?? 'GET';
      const auth = new Headers(init?.headers).get('authorization');
      calls.push({ method, path: u.pathname, auth });
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      const ok = (x: unknown, status = 201) =>
        new Response(JSON.stringify(x), { status, headers: { 'content-type': 'application/json' } });
      const bad = (e: unknown) => new Response(JSON.stringify({ error: 'validation', details: e }), { status: 400 });
      if (u.pathname === '/api/auth/login') {
        const p = loginBodySchema.safeParse(body);
        if (!p.success) return bad(p.error.issues);
        if (body.password !== 'demo-admin-pass')
          return new Response(JSON.stringify({ error: 'bad login' }), { status: 401 });
        return ok({ token: 'tok', expiresAt: new Date().toISOString(), user: {} }, 200);
      }
      if (auth !== 'Bearer tok') return new Response(JSON.stringify({ error: 'unauthorized' }), { status: 401 });
      if (u.pathname === '/api/institutions') {
        const p = createInstitutionBodySchema.safeParse(body);
        if (!p.success) return bad(p.error.issues);
        return ok({
          id: uuid(),
          ...p.data,
          rooms: p.data.rooms.map((r) => ({
            id: uuid(),
            ...r,
            beds: r.beds.map((b) => ({ id: uuid(), label: b, residentId: null })),
          })),
        });
      }
      if (u.pathname === '/api/residents') {
        const p = residentBodySchema.safeParse(body);
        if (!p.success) return bad(p.error.issues);
        return ok({ id: uuid(), ...p.data });
      }
      if (u.pathname === '/api/devices') {
        const p = createDeviceBodySchema.safeParse(body);
        if (!p.success) return bad(p.error.issues);
        const id = p.data.id!;
        return ok({
          device: { id, type: p.data.type },
          credentials: {
            username: id,
            clientId: id,
            password: `pw-${id}`,
            topics: {
              telemetry: topicFor(id, 'telemetry'),
              events: topicFor(id, 'events'),
              status: topicFor(id, 'status'),
              commands: topicFor(id, 'commands'),
            },
          },
        });
      }
      return new Response('{"error":"not found"}', { status: 404 });
    }) as typeof fetch;
    return { calls, fetchImpl };
  }

  it('creates institutions, residents and devices with valid bodies, saves and reuses the fleet file', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sim-prov-'));
    const fleetFile = path.join(dir, 'fleet.json');
    const key = { hubUrl: 'http://127.0.0.1:3000', seed: 2, homes: 8, institutions: 1, roomsPerInstitution: 4 };
    const tag = fleetTagFor({ ...key, fleetFile });
    expect(tag).toMatch(/^sim2x[0-9a-f]{6}$/);
    const fleet = generateFleet({ seed: 2, homes: 8, institutions: 1, roomsPerInstitution: 4, tag });
    const hub = fakeHub();
    const logs: string[] = [];
    const creds = await provisionFleet(fleet, {
      ...key,
      email: 'admin@demo.local',
      password: 'demo-admin-pass',
      fleetFile,
      fetchImpl: hub.fetchImpl,
      log: (m) => logs.push(m),
    });
    expect(logs.join('\n')).not.toMatch(/→ 4\d\d/); // every body passed the shared schemas
    expect(creds.size).toBe(fleet.devices.length);
    expect(creds.get(fleet.devices[0]!.id)).toEqual({
      username: fleet.devices[0]!.id,
      clientId: fleet.devices[0]!.id,
      password: `pw-${fleet.devices[0]!.id}`,
    });
    expect(hub.calls.filter((c) => c.path === '/api/residents')).toHaveLength(fleet.residents.length);
    expect(hub.calls.filter((c) => c.path === '/api/institutions')).toHaveLength(1);
    const saved = readFleetFile(fleetFile)!;
    expect(saved.complete).toBe(true);
    expect(saved.tag).toBe(tag);
    expect(statSync(fleetFile).mode & 0o777).toBe(0o600);

    // Next run: same tag, no API calls at all.
    expect(fleetTagFor({ ...key, fleetFile })).toBe(tag);
    const before = hub.calls.length;
    const again = await provisionFleet(fleet, {
      ...key,
      email: 'admin@demo.local',
      password: 'demo-admin-pass',
      fleetFile,
      fetchImpl: hub.fetchImpl,
    });
    expect(hub.calls.length).toBe(before);
    expect(again).toEqual(creds);

    // A different fleet with the same file is refused.
    expect(() => fleetTagFor({ ...key, homes: 9, fleetFile })).toThrow(ProvisionError);
  });

  it('reports a bad login clearly', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sim-prov-'));
    const fleetFile = path.join(dir, 'fleet.json');
    const key = { hubUrl: 'http://127.0.0.1:3000', seed: 2, homes: 1, institutions: 0, roomsPerInstitution: 4 };
    const fleet = generateFleet({ seed: 2, homes: 1, institutions: 0, tag: 'x1' });
    await expect(
      provisionFleet(fleet, {
        ...key,
        email: 'admin@demo.local',
        password: 'wrong',
        fleetFile,
        fetchImpl: fakeHub().fetchImpl,
      }),
    ).rejects.toThrow(/login → 401: bad login/);
  });
});
