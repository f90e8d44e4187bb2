/**
 * Runs the simulator on devices that already exist in a hub, from a credentials file such as the
 * hub's DATA_DIR/demo-devices.json (`{devices: [{deviceId, type, password, residentId}]}`): no
 * provisioning, each device connects with its own id and password. Devices of one resident form
 * one "home" unit (r01, r02, ...) so scenarios pick targets per person; devices without a resident
 * (room or institution sensors) form the unit `shared`.
 */
import { readFileSync } from 'node:fs';
import { deviceIdSchema, type DeviceType } from '@eldercare/shared';
import type { Credentials } from './device.js';
import { TELEMETRY_EVERY, type DeviceSpec, type FleetSpec } from './fleet.js';
import { createRng } from './rng.js';

export interface DevicesFileEntry {
  deviceId: string;
  type: string;
  password: string;
  residentId?: string | null;
}

export class DevicesFileError extends Error {}

export function readDevicesFile(path: string): DevicesFileEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new DevicesFileError(`${path}: ${(err as Error).message}`);
  }
  const list = Array.isArray(data) ? data : (data as { devices?: unknown })?.devices;
  if (!Array.isArray(list)) throw new DevicesFileError(`${path}: expected {"devices": [...]}`);
  return list.map((d: unknown, i) => {
    const e = d as Partial<DevicesFileEntry>;
    if (typeof e?.deviceId !== 'string' || !deviceIdSchema.safeParse(e.deviceId).success)
      throw new DevicesFileError(`${path}: devices[${i}].deviceId missing or invalid`);
    if (typeof e.type !== 'string' || !(e.type in TELEMETRY_EVERY))
      throw new DevicesFileError(`${path}: devices[${i}].type "${String(e.type)}" unknown`);
    if (typeof e.password !== 'string') throw new DevicesFileError(`${path}: devices[${i}].password missing`);
    return { deviceId: e.deviceId, type: e.type, password: e.password, residentId: e.residentId ?? null };
  });
}

/** The fleet and credentials described by a devices file. */
export function fleetFromDevicesFile(
  entries: DevicesFileEntry[],
  seed: number,
): { fleet: FleetSpec; credentials: Map<string, Credentials> } {
  const rng = createRng(seed).fork('devices-file');
  const units = new Map<string, string>();
  const devices: DeviceSpec[] = entries.map((e) => {
    let unit = 'shared';
    if (e.residentId) {
      unit = units.get(e.residentId) ?? `r${String(units.size + 1).padStart(2, '0')}`;
      units.set(e.residentId, unit);
    }
    const type = e.type as DeviceType;
    return {
      id: e.deviceId,
      type,
      label: e.deviceId,
      unit,
      residentKey: null,
      roomKey: null,
      institutionKey: null,
      initialBattery: Math.round(rng.float(55, 100)),
      firmware: '1.0.0',
      telemetryEvery: TELEMETRY_EVERY[type],
    };
  });
  const credentials = new Map(
    entries.map((e) => [e.deviceId, { username: e.deviceId, clientId: e.deviceId, password: e.password }]),
  );
  return {
    fleet: { seed, tag: '', homes: units.size, institutions: [], residents: [], devices },
    credentials,
  };
}
