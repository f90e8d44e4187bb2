import { describe, expect, it } from 'vitest';
import { districtElders } from './district.js';

describe('the generated district', () => {
  it('is the same for the same seed and differs between seeds', () => {
    expect(districtElders(7, 150)).toEqual(districtElders(7, 150));
    expect(districtElders(7, 150).map((e) => e.body.name)).not.toEqual(districtElders(8, 150).map((e) => e.body.name));
  });

  it('gives every home a pendant, a motion and a door sensor, and a GPS watch to each elder with dementia', () => {
    const elders = districtElders(1, 150);
    expect(new Set(elders.map((e) => e.body.name)).size).toBe(150);
    for (const e of elders) {
      expect(e.devices).toEqual(expect.arrayContaining(['sos_pendant', 'motion_sensor', 'door_sensor']));
      expect(e.devices.includes('gps_wearable')).toBe(e.body.riskCategories!.includes('dementia'));
    }
    const share = (risk: string) => elders.filter((e) => e.body.riskCategories!.includes(risk as never)).length / 150;
    expect(share('living_alone')).toBeGreaterThan(0.25);
    expect(share('dementia')).toBeGreaterThan(0.03);
  });
});
