import { describe, expect, it } from 'vitest';
import { boardResidents, presenceOf } from './board.service.js';

const NOW = Date.parse('2025-11-23T08:00:00Z');
const ago = (min: number) => new Date(NOW - min * 60_000);
const RES = '00000000-0000-4000-8000-000000000001';

describe('presenceOf', () => {
  it('reads the latest inBed value while it is fresh', () => {
    expect(presenceOf({ value: 1, ts: ago(5) }, NOW)).toBe('in_bed');
    expect(presenceOf({ value: 0, ts: ago(29) }, NOW)).toBe('out_of_bed');
  });
  it('is unknown without a reading or once it is older than 30 minutes', () => {
    expect(presenceOf(undefined, NOW)).toBe('unknown');
    expect(presenceOf({ value: 1, ts: ago(31) }, NOW)).toBe('unknown');
  });
});

describe('boardResidents', () => {
  it('joins readings, devices and the active alert to each resident', () => {
    const out = boardResidents(
      {
        residents: [{ id: RES, name: '张三', bed_id: 'b', care_level: 'full_care', risk_categories: ['dementia'] }],
        readings: [
          { resident_id: RES, metric: 'inBed', value: 0, ts: ago(2) },
          { resident_id: RES, metric: 'heartRate', value: 71, ts: ago(3) },
        ],
        devices: [
          { id: 'bed-1', resident_id: RES, type: 'bed_sensor', online: false, battery: 15, last_seen: ago(60) },
        ],
        alerts: [{ id: RES, resident_id: RES, queue: 'emergency', kind: 'sos', status: 'open', severity: 'critical' }],
      },
      NOW,
    );
    const r = out.get(RES)!;
    expect(r.presence).toBe('out_of_bed');
    expect(r.presenceAt).toBe(ago(2).toISOString());
    expect(r.vitals).toEqual({
      heartRate: { value: 71, ts: ago(3).toISOString() },
      spo2: null,
      systolic: null,
      temperature: null,
    });
    expect(r.devices).toEqual([
      { id: 'bed-1', type: 'bed_sensor', online: false, battery: 15, lastSeen: ago(60).toISOString() },
    ]);
    expect(r.alert).toMatchObject({ kind: 'sos', queue: 'emergency', status: 'open' });
  });

  it('leaves a resident without data unknown, with no vitals and no alert', () => {
    const out = boardResidents(
      {
        residents: [{ id: RES, name: 'x', bed_id: 'b', care_level: 'self_care', risk_categories: [] }],
        readings: [],
        devices: [],
        alerts: [],
      },
      NOW,
    );
    expect(out.get(RES)).toMatchObject({ presence: 'unknown', presenceAt: null, devices: [], alert: null });
  });
});
