import { describe, expect, it } from 'vitest';
import { latestValue, seriesFor } from './vitals';

const point = (bucket: string, metric: string, avg: number) => ({
  bucket,
  metric,
  avg,
  min: avg - 1,
  max: avg + 1,
  count: 3,
});

describe('seriesFor', () => {
  const points = [
    point('2025-11-23T02:00:00Z', 'heartRate', 80),
    point('2025-11-23T01:00:00Z', 'heartRate', 70),
    point('2025-11-23T01:00:00Z', 'spo2', 97),
    point('not a time', 'heartRate', 1),
  ];

  it('keeps one metric, sorted by time, in unix seconds', () => {
    const [x, avg, min, max] = seriesFor(points, 'heartRate');
    expect(x).toEqual([Date.parse('2025-11-23T01:00:00Z') / 1000, Date.parse('2025-11-23T02:00:00Z') / 1000]);
    expect(avg).toEqual([70, 80]);
    expect(min).toEqual([69, 79]);
    expect(max).toEqual([71, 81]);
  });

  it('is empty for a metric without points', () => {
    expect(seriesFor(points, 'temperature')).toEqual([[], [], [], []]);
  });
});

describe('latestValue', () => {
  it('formats the last average with its unit', () => {
    expect(
      latestValue(seriesFor([point('2025-11-23T01:00:00Z', 'temperature', 36.54)], 'temperature'), 'temperature'),
    ).toBe('36.5 °C');
    expect(latestValue(seriesFor([point('2025-11-23T01:00:00Z', 'heartRate', 71.6)], 'heartRate'), 'heartRate')).toBe(
      '72 bpm',
    );
    expect(latestValue([[], [], [], []], 'spo2')).toBeNull();
  });
});
