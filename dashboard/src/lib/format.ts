/** Formatters for the control room. Times are shown in the district's time zone, not the browser's. */
import { LOW_BATTERY_PERCENT, localDateTime } from '@eldercare/shared';
import type { Lang } from './i18n/translate';
import type { MessageKey } from './i18n/zh';

export const TIME_ZONE = 'Asia/Shanghai';
export const LOW_BATTERY = LOW_BATTERY_PERCENT;
export const CRITICAL_BATTERY = 10;

/** `2025-11-23 14:05` in the district's time zone (the same digits in either language); empty for missing or invalid input. */
export function formatDateTime(iso: string | null | undefined, _lang: Lang, timeZone = TIME_ZONE): string {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? '' : localDateTime(t, timeZone);
}

/** `2025-11-23 14:05:09` in the district's time zone (audit trails and incident times); empty for missing input. */
export function formatDateTimeSec(iso: string | null | undefined, _lang: Lang, timeZone = TIME_ZONE): string {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? '' : localDateTime(t, timeZone, { seconds: true });
}

/** A past time relative to `now`, as a message key and its parameter. */
export function relativeTime(iso: string, now: number): { key: MessageKey; params: { n: number } } | null {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 60) return { key: 'time.justNow', params: { n: 0 } };
  const m = Math.floor(s / 60);
  if (m < 60) return { key: 'time.minutesAgo', params: { n: m } };
  const h = Math.floor(m / 60);
  if (h < 48) return { key: 'time.hoursAgo', params: { n: h } };
  return { key: 'time.daysAgo', params: { n: Math.floor(h / 24) } };
}

export type Level = 'ok' | 'warning' | 'critical' | 'unknown';

export function batteryLevel(battery: number | null | undefined): Level {
  if (battery === null || battery === undefined || !Number.isFinite(battery)) return 'unknown';
  if (battery <= CRITICAL_BATTERY) return 'critical';
  if (battery <= LOW_BATTERY) return 'warning';
  return 'ok';
}

/** `1, 2,,3 ` → `['1','2','3']`; accepts Chinese commas too; drops duplicates. */
export function parseList(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[,，、;；\n]/)) {
    const v = part.trim();
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

/** A number input's value as a number, or undefined when empty or not a number. */
export function optionalNumber(value: string | number | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : undefined;
}
