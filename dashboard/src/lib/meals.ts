/** Pure helpers of the meal screens: money, lists typed as text, stop reordering, run progress. */
import { localDate, type MealOrder } from '@eldercare/shared';
import { TIME_ZONE } from './format';

/** Fen as yuan: `¥12.50`. */
export function formatYuan(cents: number): string {
  return `¥${(cents / 100).toFixed(2)}`;
}

/** Yuan typed by a person (`12.5`, `¥8`) as whole fen; null when it is not a price. */
export function yuanToCents(text: string): number | null {
  const s = text.replace(/[¥￥\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  return Math.round(Number(s) * 100);
}

/** A list typed in one field, split on commas (also Chinese ones), semicolons and new lines. */
export function parseList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、;；\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** Moves one stop up (-1) or down (+1); out-of-range moves change nothing. */
export function moveStop<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  const out = [...list];
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return out;
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

/** The first stop still to do: where the runner is now. */
export function currentStop(stops: readonly Pick<MealOrder, 'id' | 'status'>[]): string | null {
  return stops.find((s) => s.status === 'planned')?.id ?? null;
}

/** Today's date in the district's time zone, YYYY-MM-DD. */
export function localToday(now = new Date(), timeZone = TIME_ZONE): string {
  return localDate(now, timeZone);
}
