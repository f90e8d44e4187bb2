import { describe, expect, it } from 'vitest';
import { generateFleet } from './fleet.js';
import { createRng } from './rng.js';
import {
  activityLevel,
  batteryLevel,
  bloodPressure,
  bodyTemperature,
  heartRate,
  inHours,
  isAsleep,
  isInBed,
  localHour,
  mealAt,
  respirationRate,
  spo2,
  steps,
  type Profile,
} from './signals.js';

const profile: Profile = {
  age: 80,
  restingHr: 70,
  bedtime: 21.5,
  wakeTime: 6,
  naps: true,
  systolic: 130,
  diastolic: 80,
  copd: false,
  temperature: 36.5,
  mobility: 1,
  home: { lat: 31.23, lon: 121.47 },
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('clock', () => {
  it('uses the district time zone (UTC+8 by default)', () => {
    expect(localHour(Date.UTC(2025, 0, 1, 0, 0))).toBe(8);
    expect(localHour(Date.UTC(2025, 0, 1, 18, 30))).toBe(2.5);
    expect(localHour(Date.UTC(2025, 0, 1, 0, 0), 0)).toBe(0);
  });
  it('handles intervals that wrap midnight', () => {
    expect(inHours(23, 21.5, 6)).toBe(true);
    expect(inHours(3, 21.5, 6)).toBe(true);
    expect(inHours(12, 21.5, 6)).toBe(false);
    expect(mealAt(12)).toBe('lunch');
    expect(mealAt(15)).toBeNull();
  });
});

describe('day and night', () => {
  it('sleeps at night and is in bed a little longer', () => {
    expect(isAsleep(2, profile)).toBe(true);
    expect(isAsleep(10, profile)).toBe(false);
    expect(isAsleep(13.5, profile)).toBe(true); // nap
    expect(isInBed(21.3, profile)).toBe(true);
    expect(isAsleep(21.3, profile)).toBe(false);
    expect(isInBed(15, profile)).toBe(false);
  });

  it('is much more active by day than by night', () => {
    expect(activityLevel(3, profile)).toBeLessThan(0.05);
    expect(activityLevel(7.5, profile)).toBeGreaterThan(0.5);
    expect(activityLevel(10, profile)).toBeGreaterThan(activityLevel(3, profile) * 5);
  });

  it('heart rate: realistic range, lower at night', () => {
    const rng = createRng(1);
    const night = Array.from({ length: 500 }, () => heartRate(3, profile, rng));
    const day = Array.from({ length: 500 }, () => heartRate(10, profile, rng));
    for (const hr of [...night, ...day]) {
      expect(hr).toBeGreaterThanOrEqual(40);
      expect(hr).toBeLessThanOrEqual(150);
    }
    expect(mean(night)).toBeGreaterThan(52);
    expect(mean(night)).toBeLessThan(68);
    expect(mean(day)).toBeGreaterThan(mean(night) + 10);
  });

  it('SpO2, temperature, blood pressure and breathing stay in realistic ranges', () => {
    const rng = createRng(2);
    for (let h = 0; h < 24; h += 0.25) {
      const s = spo2(h, profile, rng);
      expect(s).toBeGreaterThanOrEqual(92);
      expect(s).toBeLessThanOrEqual(100);
      const t = bodyTemperature(h, profile, rng);
      expect(t).toBeGreaterThanOrEqual(35.8);
      expect(t).toBeLessThanOrEqual(37.3);
      const bp = bloodPressure(h, profile, rng);
      expect(bp.systolic).toBeGreaterThan(95);
      expect(bp.systolic).toBeLessThan(165);
      expect(bp.diastolic).toBeGreaterThan(55);
      expect(bp.diastolic).toBeLessThan(bp.systolic - 19);
      const rr = respirationRate(h, profile, rng);
      expect(rr).toBeGreaterThanOrEqual(8);
      expect(rr).toBeLessThanOrEqual(24);
    }
  });

  it('temperature is lowest before dawn and highest in the late afternoon', () => {
    const rng = createRng(3);
    const at = (h: number) => mean(Array.from({ length: 300 }, () => bodyTemperature(h, profile, rng)));
    expect(at(17)).toBeGreaterThan(at(4) + 0.4);
  });

  it('blood pressure surges in the morning', () => {
    const rng = createRng(4);
    const at = (h: number) => mean(Array.from({ length: 300 }, () => bloodPressure(h, profile, rng).systolic));
    expect(at(7)).toBeGreaterThan(at(2) + 15);
  });

  it('COPD lowers SpO2', () => {
    const rng = createRng(5);
    const copd = { ...profile, copd: true };
    expect(mean(Array.from({ length: 300 }, () => spo2(10, copd, rng)))).toBeLessThan(
      mean(Array.from({ length: 300 }, () => spo2(10, profile, rng))) - 2,
    );
  });

  it('walks a few thousand steps a day, almost none at night', () => {
    const rng = createRng(6);
    let total = 0;
    let night = 0;
    for (let m = 0; m < 24 * 60; m += 5) {
      const s = steps(m / 60, profile, 5 * 60_000, rng);
      total += s;
      if (isAsleep(m / 60, profile)) night += s;
    }
    expect(total).toBeGreaterThan(2000);
    expect(total).toBeLessThan(15_000);
    expect(night).toBeLessThan(total * 0.1);
  });
});

describe('battery', () => {
  const day = 86_400_000;
  it('drains slowly for a pendant', () => {
    expect(batteryLevel(90, 0.5, 0)).toBe(90);
    expect(batteryLevel(90, 0.5, 10 * day)).toBe(85);
    expect(batteryLevel(10, 0.5, 100 * day)).toBe(1);
  });
  it('follows a charge cycle for a smartwatch', () => {
    const levels = Array.from({ length: 96 }, (_, i) => batteryLevel(100, 40, (i * day) / 24));
    expect(Math.min(...levels)).toBeGreaterThanOrEqual(15);
    expect(Math.max(...levels)).toBe(100);
    for (const l of levels) expect(l).toBeLessThanOrEqual(100);
  });
});

describe('fleet profiles', () => {
  it('generates plausible people', () => {
    const fleet = generateFleet({ seed: 11, homes: 200, institutions: 2 });
    for (const r of fleet.residents) {
      expect(r.profile.age).toBeGreaterThanOrEqual(62);
      expect(r.profile.restingHr).toBeGreaterThanOrEqual(55);
      expect(r.profile.restingHr).toBeLessThanOrEqual(88);
      expect(r.profile.wakeTime).toBeGreaterThanOrEqual(4.5);
      expect(r.profile.bedtime).toBeGreaterThan(18);
    }
  });
});
