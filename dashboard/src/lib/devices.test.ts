import type { Device } from '@eldercare/shared';
import { describe, expect, it } from 'vitest';
import { filterDevices, sortForAttention } from './devices';

const device = (over: Partial<Device>): Device => ({
  id: 'dev-1',
  type: 'sos_pendant',
  label: '',
  residentId: null,
  institutionId: null,
  roomId: null,
  online: true,
  battery: 90,
  signal: null,
  firmware: null,
  lastSeen: null,
  createdAt: '2025-01-01T00:00:00Z',
  retiredAt: null,
  ...over,
});

const fleet = [
  device({ id: 'a-online', online: true, battery: 80 }),
  device({ id: 'b-offline', online: false, battery: 50, type: 'smoke_sensor' }),
  device({ id: 'c-low', online: true, battery: 15, label: 'Kitchen' }),
  device({ id: 'd-nobattery', online: true, battery: null }),
];

describe('filterDevices', () => {
  it('filters by status', () => {
    expect(filterDevices(fleet, { q: '', type: '', status: 'offline' }).map((d) => d.id)).toEqual(['b-offline']);
    expect(filterDevices(fleet, { q: '', type: '', status: 'lowBattery' }).map((d) => d.id)).toEqual(['c-low']);
    expect(filterDevices(fleet, { q: '', type: '', status: 'online' })).toHaveLength(3);
  });

  it('filters by type and by id or label, case-insensitively', () => {
    expect(filterDevices(fleet, { q: '', type: 'smoke_sensor', status: '' }).map((d) => d.id)).toEqual(['b-offline']);
    expect(filterDevices(fleet, { q: 'kitchen', type: '', status: '' }).map((d) => d.id)).toEqual(['c-low']);
    expect(filterDevices(fleet, { q: 'A-ON', type: '', status: '' }).map((d) => d.id)).toEqual(['a-online']);
  });
});

describe('sortForAttention', () => {
  it('puts offline devices first, then low battery, then the rest by id', () => {
    expect(sortForAttention(fleet).map((d) => d.id)).toEqual(['b-offline', 'c-low', 'a-online', 'd-nobattery']);
  });
});
