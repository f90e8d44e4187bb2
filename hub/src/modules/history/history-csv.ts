/** The incident history as one CSV (UTF-8 with BOM): one row per incident, local times with seconds, formulas defused. */
import { localDateTime, type HistoryItem } from '@eldercare/shared';
import { cell } from '../timebank/statement.js';

/** `YYYY-MM-DD HH:mm:ss` of an ISO instant in the zone ('' for none). */
export const csvDateTime = (iso: string | null, timeZone: string): string =>
  iso ? localDateTime(Date.parse(iso), timeZone, { seconds: true }) : '';

export const HISTORY_CSV_COLUMNS = [
  'number',
  'id',
  'raised_at',
  'opened_at',
  'acknowledged_at',
  'closed_at',
  'timezone',
  'queue',
  'kind',
  'kinds',
  'severity',
  'source',
  'resident',
  'community',
  'institution',
  'device_id',
  'title',
  'acknowledged_by',
  'ack_seconds',
  'total_seconds',
  'over_sla',
  'outcome',
  'signals',
  'notes',
  'escalation_level',
] as const;

export function historyCsv(items: HistoryItem[], timeZone: string): string {
  const at = (iso: string | null) => csvDateTime(iso, timeZone);
  const rows: (string | number)[][] = [[...HISTORY_CSV_COLUMNS]];
  for (const i of items)
    rows.push([
      i.seq,
      i.id,
      at(i.createdAt),
      at(i.openedAt),
      at(i.acknowledgedAt),
      at(i.closedAt),
      timeZone,
      i.queue,
      i.kind,
      i.kinds.join(' '),
      i.severity,
      i.source,
      i.residentName ?? '',
      i.community ?? '',
      i.institutionName ?? '',
      i.deviceId ?? '',
      i.title,
      i.acknowledgedByName ?? '',
      i.ackSeconds === null ? '' : Math.round(i.ackSeconds),
      Math.round(i.totalSeconds),
      i.overSla ? 'yes' : 'no',
      i.outcome ?? '',
      i.signalCount,
      i.notes,
      i.escalationLevel,
    ]);
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
