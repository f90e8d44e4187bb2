/** Pure statement helpers: the CSV rendering (local days and times in the district's time zone). */
import { localDate, localDateTime, type Statement } from '@eldercare/shared';

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
    const time = localDateTime(at, timeZone).slice(11);
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
