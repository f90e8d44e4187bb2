/** Turns a VitalsResponse into per-metric series for uPlot. */
import type { VitalsResponse } from '@eldercare/shared';

export const CHART_METRICS = ['heartRate', 'spo2', 'systolic', 'temperature'] as const;
export type ChartMetric = (typeof CHART_METRICS)[number];
export const METRIC_UNITS: Record<ChartMetric, string> = {
  heartRate: 'bpm',
  spo2: '%',
  systolic: 'mmHg',
  temperature: '°C',
};

/** uPlot's data shape: x in unix seconds, then avg, min, max. */
export type MetricSeries = [number[], number[], number[], number[]];

export function seriesFor(points: VitalsResponse['points'], metric: ChartMetric): MetricSeries {
  const rows = points
    .filter((p) => p.metric === metric)
    .map((p) => ({ x: Date.parse(p.bucket) / 1000, p }))
    .filter((r) => Number.isFinite(r.x))
    .sort((a, b) => a.x - b.x);
  const out: MetricSeries = [[], [], [], []];
  for (const { x, p } of rows) {
    out[0].push(x);
    out[1].push(p.avg);
    out[2].push(p.min);
    out[3].push(p.max);
  }
  return out;
}

/** The last average of a series, rounded for display; null when empty. */
export function latestValue(series: MetricSeries, metric: ChartMetric): string | null {
  const v = series[1].at(-1);
  if (v === undefined) return null;
  return `${v.toFixed(metric === 'temperature' ? 1 : 0)} ${METRIC_UNITS[metric]}`;
}
