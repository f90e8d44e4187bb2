/** Pure logic of the care screens: board tiles, staffing warning, incident history and the incidents chart. */
import type { Alert, BoardResident, BoardVital, Device, IncidentsPerDay, Presence } from '@eldercare/shared';
import { LOW_BATTERY } from './format';
import { METRIC_UNITS } from './vitals';

/** What a bed tile shows first: an alarm beats an offline device beats in/out of bed. */
export type TileState = 'alarm' | 'offline' | Presence | 'free';

export interface TileAlarm {
  id: string;
  kind: Alert['kind'];
  status: Alert['status'];
}

export interface Tile {
  state: TileState;
  presence: Presence | null;
  alarm: TileAlarm | null;
  offline: number;
  lowBattery: number;
}

/**
 * A bed tile. Alarms come from the live socket queue when it is synced (instant, and a closed alert
 * leaves at once), otherwise from the board the hub sent; only emergencies count as alarms.
 */
export function tileFor(resident: BoardResident | null, live: { synced: boolean; alerts: readonly Alert[] }): Tile {
  if (!resident) return { state: 'free', presence: null, alarm: null, offline: 0, lowBattery: 0 };
  let alarm: TileAlarm | null = null;
  if (live.synced) {
    const a = live.alerts.find((x) => x.residentId === resident.id && x.queue === 'emergency');
    if (a) alarm = { id: a.id, kind: a.kind, status: a.status };
  } else if (resident.alert?.queue === 'emergency') {
    alarm = { id: resident.alert.id, kind: resident.alert.kind, status: resident.alert.status };
  }
  const offline = resident.devices.filter((d) => !d.online).length;
  const lowBattery = resident.devices.filter((d) => d.battery !== null && d.battery <= LOW_BATTERY).length;
  const state: TileState = alarm ? 'alarm' : offline ? 'offline' : resident.presence;
  return { state, presence: resident.presence, alarm, offline, lowBattery };
}

/** `72 bpm`, `36.8 °C`; null without a value. */
export function formatVital(metric: BoardVital, v: { value: number } | null): string | null {
  if (!v) return null;
  return `${v.value.toFixed(metric === 'temperature' ? 1 : 0)} ${METRIC_UNITS[metric]}`;
}

/** Care staff on shift below what the ratios require (1:6 full/semi care, 1:10 others). */
export const understaffed = (s: { required: number; onShift: number }): boolean => s.onShift < s.required;

/** The caller's own open shift among those on shift, if any. */
export const myShift = <S extends { userId: string }>(shifts: readonly S[], userId: string): S | null =>
  shifts.find((s) => s.userId === userId) ?? null;

/** Seconds from when an alert reached dispatch (opened, else raised) to its acknowledgement; null if never acknowledged. */
export function secondsToAck(a: Pick<Alert, 'openedAt' | 'createdAt' | 'acknowledgedAt'>): number | null {
  if (!a.acknowledgedAt) return null;
  const s = (Date.parse(a.acknowledgedAt) - Date.parse(a.openedAt ?? a.createdAt)) / 1000;
  return Number.isFinite(s) ? Math.max(0, Math.round(s)) : null;
}

/** A resident's incidents, newest first. */
export const newestFirst = (items: readonly Alert[]): Alert[] =>
  [...items].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.seq - a.seq);

/** Devices needing attention: offline ones and low batteries. */
export function deviceHealth(items: readonly Pick<Device, 'online' | 'battery'>[]): {
  total: number;
  online: number;
  offline: number;
  lowBattery: number;
} {
  const online = items.filter((d) => d.online).length;
  const lowBattery = items.filter((d) => d.battery !== null && d.battery <= LOW_BATTERY).length;
  return { total: items.length, online, offline: items.length - online, lowBattery };
}

/** uPlot's data for the incidents chart: x is the day's index; then total, critical, device health. */
export type IncidentSeries = [number[], number[], number[], number[]];

/**
 * Incidents per day as chart series plus the day labels, oldest first. Rows are sorted by day and
 * duplicates summed, so the chart holds whatever order the hub sends.
 */
export function incidentSeries(items: IncidentsPerDay['items']): { days: string[]; data: IncidentSeries } {
  const byDay = new Map<string, { total: number; critical: number; deviceHealth: number }>();
  for (const r of items) {
    const k = byDay.get(r.day) ?? { total: 0, critical: 0, deviceHealth: 0 };
    k.total += r.total;
    k.critical += r.critical;
    k.deviceHealth += r.deviceHealth;
    byDay.set(r.day, k);
  }
  const days = [...byDay.keys()].sort();
  const data: IncidentSeries = [[], [], [], []];
  days.forEach((d, i) => {
    const r = byDay.get(d)!;
    data[0].push(i);
    data[1].push(r.total);
    data[2].push(r.critical);
    data[3].push(r.deviceHealth);
  });
  return { days, data };
}

/** `2025-11-23` → `11-23` for axis ticks. */
export const shortDay = (day: string): string => day.slice(5);
