/**
 * Calendar and time-zone helpers, shared by the hub and the dashboard. Pure: every function takes
 * the instant it works on (a Date or epoch milliseconds) and never reads the clock itself.
 *
 * Calendar days are `YYYY-MM-DD`, months `YYYY-MM`; "local" means the wall clock of an IANA time
 * zone (the district's, usually Asia/Shanghai), not the machine's.
 */

/** Milliseconds in a calendar day of UTC (a local day can be an hour shorter or longer across DST). */
export const DAY_MS = 86_400_000;

export type Instant = Date | number;

const ms = (at: Instant): number => (typeof at === 'number' ? at : at.getTime());
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The wall clock of an instant in a time zone (month 1–12, hour 0–23). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallFormat(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock an instant shows in a time zone (throws RangeError for an unknown zone or an invalid instant). */
export function wallClock(at: Instant, timeZone: string): WallClock {
  const w: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of wallFormat(timeZone).formatToParts(ms(at))) {
    if (p.type in w) w[p.type as keyof WallClock] = Number(p.value);
  }
  return w;
}

/** Milliseconds the zone is ahead of UTC at an instant (Asia/Shanghai: 8 h). */
export function zoneOffsetMs(at: Instant, timeZone: string): number {
  const w = wallClock(at, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms(at) / 1000) * 1000;
}

/** The local calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(at: Instant, timeZone: string): string {
  const w = wallClock(at, timeZone);
  return `${String(w.year).padStart(4, '0')}-${pad2(w.month)}-${pad2(w.day)}`;
}

/** The local calendar month (YYYY-MM) of an instant in a time zone. */
export function localMonth(at: Instant, timeZone: string): string {
  return localDate(at, timeZone).slice(0, 7);
}

/** The local hour (0–23) of an instant in a time zone. */
export function localHour(at: Instant, timeZone: string): number {
  return wallClock(at, timeZone).hour;
}

/** Local minutes since midnight (0–1439) of an instant in a time zone. */
export function localMinutes(at: Instant, timeZone: string): number {
  const w = wallClock(at, timeZone);
  return w.hour * 60 + w.minute;
}

/** `YYYY-MM-DD HH:mm` (or `YYYY-MM-DD HH:mm:ss` with `seconds`) of an instant in a time zone, 24-hour clock. */
export function localDateTime(at: Instant, timeZone: string, opts: { seconds?: boolean } = {}): string {
  const w = wallClock(at, timeZone);
  const day = `${String(w.year).padStart(4, '0')}-${pad2(w.month)}-${pad2(w.day)}`;
  const time = `${pad2(w.hour)}:${pad2(w.minute)}`;
  return opts.seconds ? `${day} ${time}:${pad2(w.second)}` : `${day} ${time}`;
}

/**
 * The instant a local wall time (`date` YYYY-MM-DD, `time` HH:mm) happens in a time zone. Two
 * passes, so a day whose offset changes (DST) between the first guess and the wall time is right.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const utc = Date.parse(`${date}T${time}:00Z`);
  const guess = utc - zoneOffsetMs(utc, timeZone);
  return new Date(utc - zoneOffsetMs(guess, timeZone));
}

/** The instant local midnight starts a calendar day in a time zone. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return zonedInstant(date, '00:00', timeZone);
}

/** The instant a calendar day ends in a time zone: the next day's local midnight (exclusive bound). */
export function endOfLocalDay(date: string, timeZone: string): Date {
  return startOfLocalDay(addDays(date, 1), timeZone);
}

/** The instants a calendar month (YYYY-MM) starts and ends (exclusive) in a time zone. */
export function monthBounds(month: string, timeZone: string): { start: Date; end: Date } {
  return { start: startOfLocalDay(`${month}-01`, timeZone), end: startOfLocalDay(`${nextMonth(month)}-01`, timeZone) };
}

/** A calendar day `n` days after (or before, for negative `n`) a calendar day. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The Monday (YYYY-MM-DD) of the ISO week of a calendar day: the key of a week. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The month after a `YYYY-MM` month. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${pad2(m + 1)}`;
}

/** The month before a `YYYY-MM` month. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${pad2(m - 1)}`;
}

/** The last calendar day (YYYY-MM-DD) of a `YYYY-MM` month. */
export function lastDayOfMonth(month: string): string {
  return addDays(`${nextMonth(month)}-01`, -1);
}

/** The `n` months ending with `month` (YYYY-MM), oldest first. */
export function monthsEnding(month: string, n: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const k = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(k / 12)}-${pad2((k % 12) + 1)}`);
  }
  return out;
}

/**
 * The last `days` calendar days in a time zone up to the one `now` falls in, oldest first. Calendar
 * arithmetic on the date alone, so a daylight-saving change cannot skip or repeat a day.
 */
export function lastDays(days: number, timeZone: string, now: Instant): string[] {
  const today = localDate(now, timeZone);
  const out: string[] = [];
  for (let i = days - 1; i >= 0; i--) out.push(addDays(today, -i));
  return out;
}
