import { describe, expect, it } from 'vitest';
import { currentStop, formatYuan, localToday, moveStop, parseList, yuanToCents } from './meals';

describe('meal helpers', () => {
  it('formats and parses prices in yuan', () => {
    expect(formatYuan(1250)).toBe('¥12.50');
    expect(yuanToCents('12.5')).toBe(1250);
    expect(yuanToCents('¥8')).toBe(800);
    expect(yuanToCents('1.234')).toBeNull();
    expect(yuanToCents('abc')).toBeNull();
  });

  it('splits typed lists on Chinese and Latin separators without duplicates', () => {
    expect(parseList('花生、虾, peanuts；peanuts\n')).toEqual(['花生', '虾', 'peanuts']);
    expect(parseList(' ')).toEqual([]);
  });

  it('moves a stop up or down and ignores moves off the ends', () => {
    expect(moveStop(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveStop(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveStop(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('finds the next stop to do and today in local time', () => {
    expect(
      currentStop([
        { id: '1', status: 'delivered' },
        { id: '2', status: 'planned' },
      ]),
    ).toBe('2');
    expect(currentStop([{ id: '1', status: 'no_answer' }])).toBeNull();
    expect(localToday(new Date('2026-09-28T15:59:00Z'))).toBe('2026-09-28');
    expect(localToday(new Date('2026-09-28T16:01:00Z'))).toBe('2026-09-29');
  });
});
