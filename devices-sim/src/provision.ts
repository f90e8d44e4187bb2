/**
 * Registers the simulated fleet with the hub through its REST API and keeps the device
 * credentials in a JSON file, so the next run reuses them (and an interrupted provisioning
 * resumes where it stopped). The file holds device passwords: it is written with mode 0600.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { CreateDeviceBody, CreateInstitutionBody, ResidentBody } from '@eldercare/shared';
import type { Credentials } from './device.js';
import type { FleetSpec, ResidentSpec } from './fleet.js';

export interface FleetKey {
  hubUrl: string;
  seed: number;
  homes: number;
  institutions: number;
  roomsPerInstitution: number;
}

export interface FleetFile extends FleetKey {
  version: 1;
  tag: string;
  complete: boolean;
  createdAt: string;
  updatedAt: string;
  institutionIds: Record<string, { id: string; rooms: Record<string, { id: string; beds: Record<string, string> }> }>;
  residentIds: Record<string, string>;
  devices: Record<string, Credentials & { type: string }>;
}

export interface ProvisionOptions extends FleetKey {
  email: string;
  password: string;
  fleetFile: string;
  /** Parallel HTTP requests (default 8). */
  concurrency?: number;
  log?(message: string): void;
  fetchImpl?: typeof fetch;
}

export class ProvisionError extends Error {}

export function readFleetFile(path: string): FleetFile | null {
  if (!existsSync(path)) return null;
  const data = JSON.parse(readFileSync(path, 'utf8')) as FleetFile;
  if (data.version !== 1) throw new ProvisionError(`${path}: unknown fleet file version`);
  return data;
}

export function writeFleetFile(path: string, data: FleetFile): void {
  data.updatedAt = new Date().toISOString();
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(data, null, 1), { mode: 0o600 });
  renameSync(tmp, path);
}

export function sameFleet(a: FleetKey, b: FleetKey): boolean {
  return (
    a.hubUrl.replace(/\/+$/, '') === b.hubUrl.replace(/\/+$/, '') &&
    a.seed === b.seed &&
    a.homes === b.homes &&
    a.institutions === b.institutions &&
    a.roomsPerInstitution === b.roomsPerInstitution
  );
}

/** The fleet tag (device-id prefix) to use: the saved one, or a fresh one for a new fleet. */
export function fleetTagFor(opts: FleetKey & { fleetFile: string }): string {
  const saved = readFleetFile(opts.fleetFile);
  if (saved) {
    if (!sameFleet(saved, opts))
      throw new ProvisionError(
        `${opts.fleetFile} holds a different fleet (hub ${saved.hubUrl}, seed ${saved.seed}, ${saved.homes} homes, ` +
          `${saved.institutions} institutions, ${saved.roomsPerInstitution} rooms each). ` +
          `Use the same options, another --fleet-file, or delete the file.`,
      );
    return saved.tag;
  }
  // A fresh random part: a hub never sees the same device id from two provisionings.
  return `sim${opts.seed}x${randomBytes(3).toString('hex')}`;
}

async function pool<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  });
  await Promise.all(workers);
}

function unwrap<T>(body: unknown, key: string): T {
  if (body && typeof body === 'object' && key in body) return (body as Record<string, unknown>)[key] as T;
  return body as T;
}

function residentBody(r: ResidentSpec, file: FleetFile): ResidentBody {
  const body: ResidentBody = {
    name: r.name,
    birthDate: r.birthDate,
    sex: r.sex,
    address: r.address,
    community: r.community,
    phone: r.phone,
    riskCategories: r.riskCategories,
    careLevel: r.careLevel,
    conditions: r.conditions,
    medicationNotes: r.medicationNotes,
    keySafe: r.keySafe,
    contacts: r.contacts,
    location: r.location,
  };
  if (r.institutionKey && r.roomKey && r.bedLabel) {
    const inst = file.institutionIds[r.institutionKey];
    body.institutionId = inst?.id ?? null;
    body.bedId = inst?.rooms[r.roomKey]?.beds[r.bedLabel] ?? null;
  }
  return body;
}

/**
 * Makes sure every device of the fleet is registered with the hub and returns the credentials
 * by device id. Reuses (and completes) the fleet file when it matches.
 */
export async function provisionFleet(fleet: FleetSpec, opts: ProvisionOptions): Promise<Map<string, Credentials>> {
  const log = opts.log ?? (() => {});
  const doFetch = opts.fetchImpl ?? fetch;
  const hub = opts.hubUrl.replace(/\/+$/, '');
  const now = new Date().toISOString();
  const file: FleetFile = readFleetFile(opts.fleetFile) ?? {
    version: 1,
    hubUrl: hub,
    seed: opts.seed,
    homes: opts.homes,
    institutions: opts.institutions,
    roomsPerInstitution: opts.roomsPerInstitution,
    tag: fleet.tag,
    complete: false,
    createdAt: now,
    updatedAt: now,
    institutionIds: {},
    residentIds: {},
    devices: {},
  };
  if (!sameFleet(file, opts) || file.tag !== fleet.tag)
    throw new ProvisionError(`${opts.fleetFile} holds a different fleet; use another --fleet-file or delete it`);

  const creds = () =>
    new Map(
      Object.entries(file.devices).map(([id, c]) => [
        id,
        { username: c.username, clientId: c.clientId, password: c.password },
      ]),
    );
  if (file.complete && fleet.devices.every((d) => file.devices[d.id])) {
    log(`reusing ${Object.keys(file.devices).length} device credentials from ${opts.fleetFile}`);
    return creds();
  }

  let token = '';
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let res: Response;
    try {
      res = await doFetch(`${hub}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? null : JSON.stringify(body),
      });
    } catch (err) {
      throw new ProvisionError(
        `${method} ${hub}${path}: ${(err as Error).message} (is the hub running? --hub-url, or --anonymous for a broker without auth)`,
      );
    }
    const text = await res.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    if (!res.ok) {
      const msg =
        json && typeof json === 'object' && 'error' in json
          ? String((json as { error: unknown }).error)
          : text.slice(0, 300);
      const details =
        json && typeof json === 'object' && 'details' in json
          ? ` ${JSON.stringify((json as { details: unknown }).details).slice(0, 500)}`
          : '';
      throw new ProvisionError(`${method} ${path} → ${res.status}: ${msg}${details}`);
    }
    return json as T;
  };

  const login = await api<{ token: string }>('POST', '/api/auth/login', { email: opts.email, password: opts.password });
  token = login.token;
  log(`logged in to ${hub} as ${opts.email}; provisioning ${fleet.devices.length} devices (${opts.fleetFile})`);
  const concurrency = opts.concurrency ?? 8;
  let sinceSave = 0;
  const saveSoon = () => {
    if (++sinceSave >= 100) {
      sinceSave = 0;
      writeFleetFile(opts.fleetFile, file);
    }
  };

  try {
    for (const inst of fleet.institutions) {
      if (file.institutionIds[inst.key]) continue;
      const body: CreateInstitutionBody = {
        name: inst.name,
        kind: inst.kind,
        address: inst.address,
        phone: inst.phone,
        rooms: inst.rooms.map((r) => ({ name: r.name, floor: r.floor, dementiaZone: r.dementiaZone, beds: r.beds })),
      };
      const created = unwrap<{
        id: string;
        rooms: { id: string; name: string; beds: { id: string; label: string }[] }[];
      }>(await api('POST', '/api/institutions', body), 'institution');
      const rooms: Record<string, { id: string; beds: Record<string, string> }> = {};
      for (const r of inst.rooms) {
        const got = created.rooms.find((x) => x.name === r.name);
        if (!got) throw new ProvisionError(`institution ${created.id}: room ${r.name} missing in the hub's answer`);
        rooms[r.key] = { id: got.id, beds: Object.fromEntries(got.beds.map((b) => [b.label, b.id])) };
      }
      file.institutionIds[inst.key] = { id: created.id, rooms };
      writeFleetFile(opts.fleetFile, file);
    }

    await pool(
      fleet.residents.filter((r) => !file.residentIds[r.key]),
      concurrency,
      async (r) => {
        const created = unwrap<{ id: string }>(await api('POST', '/api/residents', residentBody(r, file)), 'resident');
        file.residentIds[r.key] = created.id;
        saveSoon();
      },
    );
    writeFleetFile(opts.fleetFile, file);

    const roomIds = new Map<string, { roomId: string; institutionId: string }>();
    for (const [ik, inst] of Object.entries(file.institutionIds))
      for (const [rk, room] of Object.entries(inst.rooms))
        roomIds.set(rk, { roomId: room.id, institutionId: file.institutionIds[ik]!.id });

    let failed = 0;
    await pool(
      fleet.devices.filter((d) => !file.devices[d.id]),
      concurrency,
      async (d) => {
        const body: CreateDeviceBody = { id: d.id, type: d.type, label: d.label };
        if (d.residentKey) body.residentId = file.residentIds[d.residentKey] ?? null;
        else if (d.roomKey) {
          const r = roomIds.get(d.roomKey);
          body.roomId = r?.roomId ?? null;
          body.institutionId = r?.institutionId ?? null;
        } else if (d.institutionKey) body.institutionId = file.institutionIds[d.institutionKey]?.id ?? null;
        try {
          const created = await api<{ credentials: Credentials }>('POST', '/api/devices', body);
          const c = created.credentials;
          file.devices[d.id] = { type: d.type, username: c.username, clientId: c.clientId, password: c.password };
          saveSoon();
        } catch (err) {
          // e.g. 409: created by an interrupted earlier run whose answer (the password) was lost.
          failed++;
          log(`device ${d.id}: ${(err as Error).message}`);
        }
      },
    );
    file.complete = failed === 0;
    writeFleetFile(opts.fleetFile, file);
    log(
      `provisioned: ${Object.keys(file.residentIds).length} residents, ${Object.keys(file.devices).length} devices${failed ? `, ${failed} failed` : ''}`,
    );
  } catch (err) {
    writeFleetFile(opts.fleetFile, file);
    throw err;
  }
  return creds();
}
