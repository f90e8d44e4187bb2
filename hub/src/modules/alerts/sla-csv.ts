/** One table of the SLA report as CSV (UTF-8 with BOM, formulas defused): periods, dispatchers, communities or exceptions. */
import type { SlaReport } from '@eldercare/shared';
import { csvDateTime } from '../history/history-csv.js';
import { cell } from '../timebank/statement.js';

export const SLA_CSV_TABLES = ['periods', 'dispatchers', 'communities', 'exceptions'] as const;
export type SlaCsvTable = (typeof SLA_CSV_TABLES)[number];

const share = (n: number, total: number) => (total ? (n / total).toFixed(4) : '');

export function slaCsv(r: SlaReport, table: SlaCsvTable): string {
  const rows: (string | number)[][] = [];
  const head = ['total', 'within_60s', 'within_180s', 'share_60s', 'share_180s'];
  const c = (x: { total: number; within60: number; within180: number }) => [
    x.total,
    x.within60,
    x.within180,
    share(x.within60, x.total),
    share(x.within180, x.total),
  ];
  const med = (s: number | null) => (s === null ? '' : Math.round(s));
  if (table === 'periods') {
    rows.push([r.period, ...head, 'median_ack_s', 'target_60s', 'target_180s']);
    for (const p of r.byPeriod)
      rows.push([p.period, ...c(p), med(p.medianAckSeconds), r.targets.within60, r.targets.within180]);
    rows.push([
      'all',
      ...c({ total: r.total, within60: r.ackWithin60, within180: r.ackWithin180 }),
      med(r.medianAckSeconds),
      r.targets.within60,
      r.targets.within180,
    ]);
  } else if (table === 'dispatchers') {
    rows.push(['dispatcher', 'user_id', ...head, 'median_ack_s']);
    for (const d of r.byDispatcher) rows.push([d.name, d.userId, ...c(d), med(d.medianAckSeconds)]);
  } else if (table === 'communities') {
    rows.push(['community', ...head]);
    for (const d of r.byCommunity) rows.push([d.community, ...c(d)]);
  } else {
    rows.push([
      'number',
      'id',
      'opened_at',
      'acknowledged_at',
      'timezone',
      'ack_seconds',
      'kind',
      'resident',
      'community',
      'dispatcher',
      'reason',
      'reason_by',
      'reason_at',
    ]);
    for (const e of r.over180)
      rows.push([
        e.seq,
        e.id,
        csvDateTime(e.openedAt, r.timezone),
        csvDateTime(e.acknowledgedAt, r.timezone),
        r.timezone,
        e.ackSeconds === null ? '' : Math.round(e.ackSeconds),
        e.kind,
        e.residentName ?? '',
        e.community ?? '',
        e.dispatcherName ?? '',
        e.reason?.text ?? '',
        e.reason?.by ?? '',
        csvDateTime(e.reason?.at ?? null, r.timezone),
      ]);
  }
  return '\uFEFF' + rows.map((x) => x.map(cell).join(',')).join('\r\n') + '\r\n';
}
