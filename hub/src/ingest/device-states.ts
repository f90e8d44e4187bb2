/** The latest state of each device seen since the last flush, applied to the registry table in one statement. */
import type { DeviceStatus } from '@eldercare/shared';
import type { DeviceStateUpdate, RegisteredDevice } from '../modules/devices/device-registry.js';

export class DeviceStates {
  private pending = new Map<string, DeviceStateUpdate>();

  /** The device was heard from at `at` (with its status report, if that is what it sent). */
  touch(device: RegisteredDevice, at: number, s?: DeviceStatus): void {
    const prev = this.pending.get(device.id);
    this.pending.set(device.id, {
      id: device.id,
      lastSeen: new Date(at),
      online: s ? s.online : (prev?.online ?? true),
      battery: s?.battery != null ? Math.round(s.battery) : (prev?.battery ?? null),
      signal: s?.signal != null ? Math.round(s.signal) : (prev?.signal ?? null),
      firmware: s?.firmware ?? prev?.firmware ?? null,
    });
  }

  /** Hands over and clears the device states collected since the last call. */
  take(): DeviceStateUpdate[] {
    const out = [...this.pending.values()];
    this.pending = new Map();
    return out;
  }
}
