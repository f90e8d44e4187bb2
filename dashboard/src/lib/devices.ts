/** Pure logic of the device fleet screen. */
import type { Device, DeviceType } from '@eldercare/shared';
import { LOW_BATTERY } from './format';

export interface DeviceFilter {
  q: string;
  type: DeviceType | '';
  status: 'online' | 'offline' | 'lowBattery' | '';
}

export function filterDevices(items: readonly Device[], f: DeviceFilter): Device[] {
  const q = f.q.trim().toLowerCase();
  return items.filter((d) => {
    if (f.type && d.type !== f.type) return false;
    if (f.status === 'online' && !d.online) return false;
    if (f.status === 'offline' && d.online) return false;
    if (f.status === 'lowBattery' && (d.battery === null || d.battery > LOW_BATTERY)) return false;
    if (q && !d.id.toLowerCase().includes(q) && !d.label.toLowerCase().includes(q)) return false;
    return true;
  });
}

/** Offline devices first, then low battery, then by id: what needs attention is on top. */
export function sortForAttention(items: readonly Device[]): Device[] {
  const rank = (d: Device) => (!d.online ? 0 : d.battery !== null && d.battery <= LOW_BATTERY ? 1 : 2);
  return [...items].sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}
