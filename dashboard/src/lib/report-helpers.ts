/** Pure helpers of the history, SLA and handover screens (unit-tested). */
import { addDays, localDate, localMonth, mondayOf, nextMonth, type Alert, type SlaReport } from '@eldercare/shared';
import type { QueryOf } from './endpoints';
import type { Lang } from './i18n/translate';
import { TIME_ZONE } from './format';

/** A duration for people: `14 s`, `3 min 05 s`, `2 h 04 min`, `3 d 2 h` (units per language). */
export function formatDuration(seconds: number | null | undefined, lang: Lang): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  const zh = lang !== 'en';
  const u = zh ? { s: '秒', m: '分', h: '小时', d: '天' } : { s: ' s', m: ' min', h: ' h', d: ' d' };
  const sep = zh ? '' : ' ';
  const two = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return `${s}${u.s}`;
  if (s < 3600) return `${Math.floor(s / 60)}${u.m}${sep}${two(s % 60)}${u.s}`;
  if (s < 86400) return `${Math.floor(s / 3600)}${u.h}${sep}${two(Math.floor((s % 3600) / 60))}${u.m}`;
  return `${Math.floor(s / 86400)}${u.d}${sep}${Math.floor((s % 86400) / 3600)}${u.h}`;
}

export const STAGES = ['opened', 'acknowledged', 'contact', 'dispatched', 'accepted', 'on_scene', 'closed'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Each stage the incident reached, in order, with its time and how long it took since the previous
 * one (the first stage: since the hub received the first signal, e.g. a fall's cancel window).
 */
export function stageDurations(
  a: Pick<
    Alert,
    'createdAt' | 'openedAt' | 'acknowledgedAt' | 'contactAt' | 'dispatchedAt' | 'acceptedAt' | 'onSceneAt' | 'closedAt'
  >,
): { stage: Stage; at: string; seconds: number }[] {
  const at: Record<Stage, string | null> = {
    opened: a.openedAt,
    acknowledged: a.acknowledgedAt,
    contact: a.contactAt,
    dispatched: a.dispatchedAt,
    accepted: a.acceptedAt,
    on_scene: a.onSceneAt,
    closed: a.closedAt,
  };
  const out: { stage: Stage; at: string; seconds: number }[] = [];
  let prev = Date.parse(a.createdAt);
  for (const stage of STAGES) {
    const iso = at[stage];
    if (!iso) continue;
    const t = Date.parse(iso);
    out.push({ stage, at: iso, seconds: Math.max(0, (t - prev) / 1000) });
    prev = t;
  }
  return out;
}

export interface HistoryFilters {
  q: string;
  residentId: string;
  kind: string;
  source: string;
  outcome: string;
  dispatcherId: string;
  from: string;
  to: string;
  overSla: boolean;
}
export const EMPTY_HISTORY_FILTERS: HistoryFilters = {
  q: '',
  residentId: '',
  kind: '',
  source: '',
  outcome: '',
  dispatcherId: '',
  from: '',
  to: '',
  overSla: false,
};

/** The API query of the history filters (empty ones left out). */
export function historyQuery(
  f: HistoryFilters,
  page: { limit?: number; offset?: number } = {},
): QueryOf<'/api/incidents/history'> {
  const q: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(f)) {
    if (k === 'overSla') {
      if (v) q.overSla = 'true';
    } else if (typeof v === 'string' && v.trim()) q[k] = v.trim();
  }
  if (page.limit) q.limit = page.limit;
  if (page.offset) q.offset = page.offset;
  return q as QueryOf<'/api/incidents/history'>;
}

/** History filters from a URL query (the screen's address keeps them). */
export function historyFiltersFrom(query: URLSearchParams): HistoryFilters {
  const f = { ...EMPTY_HISTORY_FILTERS };
  for (const k of Object.keys(f) as (keyof HistoryFilters)[]) {
    const v = query.get(k);
    if (k === 'overSla') f.overSla = v === 'true';
    else if (v) f[k] = v;
  }
  return f;
}

/** A share (0–1) as a percentage with one decimal: `97.5%`; '—' for none. */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

export const shareOf = (n: number, total: number): number | null => (total ? n / total : null);

/** Whether a share meets its target (null: nothing to judge). */
export function meetsTarget(share: number | null, target: number): boolean | null {
  return share === null ? null : share + 1e-9 >= target;
}

/** The calendar month (YYYY-MM) an instant falls in, in the district's time zone, and the month before. */
export function monthOf(now: number, timeZone = TIME_ZONE): string {
  return localMonth(now, timeZone);
}

/**
 * Every period of a report's span, oldest first, in the district's time zone (days, ISO weeks by
 * their Monday, or months), so that a chart shows the quiet periods too. At most 400.
 */
export function periodsOf(r: Pick<SlaReport, 'from' | 'to' | 'period' | 'timezone'>): string[] {
  const first = localDate(Date.parse(r.from), r.timezone);
  const last = localDate(Date.parse(r.to) - 1, r.timezone);
  const out: string[] = [];
  if (r.period === 'month') {
    for (let m = first.slice(0, 7); m <= last.slice(0, 7) && out.length < 400;) {
      out.push(m);
      m = nextMonth(m);
    }
    return out;
  }
  const step = r.period === 'week' ? 7 : 1;
  const start = r.period === 'week' ? mondayOf(first) : first;
  for (let d = start; d <= last && out.length < 400; d = addDays(d, step)) out.push(d);
  return out;
}

/** The series of the SLA trend chart: shares per period (null where nothing happened) and the targets. */
export function slaSeries(r: Pick<SlaReport, 'byPeriod' | 'targets' | 'from' | 'to' | 'period' | 'timezone'>): {
  labels: string[];
  data: [number[], (number | null)[], (number | null)[], number[], number[]];
} {
  const byPeriod = new Map(r.byPeriod.map((p) => [p.period, p]));
  const labels = [...new Set([...periodsOf(r), ...byPeriod.keys()])].sort();
  const share = (label: string, key: 'within60' | 'within180') => {
    const p = byPeriod.get(label);
    return p && p.total ? (p[key] / p.total) * 100 : null;
  };
  return {
    labels,
    data: [
      labels.map((_, i) => i),
      labels.map((l) => share(l, 'within60')),
      labels.map((l) => share(l, 'within180')),
      labels.map(() => r.targets.within60 * 100),
      labels.map(() => r.targets.within180 * 100),
    ],
  };
}
