import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DevicesFileError, fleetFromDevicesFile, readDevicesFile } from './devices-file.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sim-devices-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, data: unknown) => {
  const p = path.join(dir, name);
  writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data));
  return p;
};

describe('devices file (the hub demo-devices.json)', () => {
  it('turns the hub credentials into a fleet: one unit per resident, own id and password', () => {
    const file = write('demo.json', {
      devices: [
        { deviceId: 'sos-pendant-aa', type: 'sos_pendant', password: 'p1', residentId: 'r-1' },
        { deviceId: 'smartwatch-bb', type: 'smartwatch', password: 'p2', residentId: 'r-1' },
        { deviceId: 'smoke-sensor-cc', type: 'smoke_sensor', password: 'p3', residentId: null },
        { deviceId: 'fall-detector-dd', type: 'fall_detector', password: 'p4', residentId: 'r-2' },
      ],
    });
    const { fleet, credentials } = fleetFromDevicesFile(readDevicesFile(file), 1);
    expect(fleet.homes).toBe(2);
    expect(fleet.devices.map((d) => d.unit)).toEqual(['r01', 'r01', 'shared', 'r02']);
    expect(fleet.devices[1]).toMatchObject({ id: 'smartwatch-bb', type: 'smartwatch', telemetryEvery: 1 });
    expect(credentials.get('smoke-sensor-cc')).toEqual({
      username: 'smoke-sensor-cc',
      clientId: 'smoke-sensor-cc',
      password: 'p3',
    });
  });

  it('refuses a malformed file with a clear message', () => {
    expect(() => readDevicesFile(write('bad.json', '{'))).toThrow(DevicesFileError);
    expect(() => readDevicesFile(write('shape.json', { nope: [] }))).toThrow(/expected \{"devices"/);
    expect(() =>
      readDevicesFile(write('type.json', { devices: [{ deviceId: 'x-1', type: 'toaster', password: 'p' }] })),
    ).toThrow(/unknown/);
  });
});
