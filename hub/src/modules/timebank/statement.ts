/** Pure statement helpers: local-day boundaries in the district's time zone, and the CSV rendering. */
import type { Statement } from '@eldercare/shared';

/** Milliseconds the zone is ahead of UTC at instant `d`. */
export function zoneOffsetMs(d: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(d);
  const get = (t: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(d.getTime() / 1000) * 1000;
}

/** The instant local midnight starts `date` (YYYY-MM-DD) in the zone. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const utc = new Date(`${date}T00:00:00Z`);
  const guess = new Date(utc.getTime() - zoneOffsetMs(utc, timeZone));
  // Second pass for days where the offset changes (DST) between the guess and midnight.
  return new Date(utc.getTime() - zoneOffsetMs(guess, timeZone));
}

/** YYYY-MM-DD of an instant in the zone. */
export function localDate(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** One CSV cell: quoted where needed, formulas defused. */
export const cell = (v: string | number): string => {
  const s = String(v);
  // Quote what needs it, and defuse cells a spreadsheet would run as a formula.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** A statement as CSV (UTF-8 with BOM so spreadsheet programs read Chinese names correctly). */
export function statementCsv(s: Statement, timeZone: string): string {
  const rows: (string | number)[][] = [
    ['date', 'time', 'kind', 'memo', 'counterparty', 'minutes', 'hours', 'balance_minutes', 'transfer_id'],
  ];
  rows.push(['', '', 'opening', '', '', '', '', s.openingMinutes, '']);
  for (const l of s.lines) {
    const at = new Date(l.at);
    const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);
    rows.push([
      localDate(at, timeZone),
      time,
      l.kind,
      l.memo,
      l.counterparty,
      l.amountMinutes,
      (l.amountMinutes / 60).toFixed(2),
      l.balanceMinutes,
      l.transferId,
    ]);
  }
  rows.push(['', '', 'closing', '', '', '', '', s.closingMinutes, '']);
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
