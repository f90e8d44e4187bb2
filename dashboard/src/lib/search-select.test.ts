import { describe, expect, it } from 'vitest';
import { matchOptions, stepActive, type SearchOption } from './search-select';

const options: SearchOption[] = [
  { value: 'a', label: '王秀英', detail: '老人' },
  { value: 'b', label: '王伟', detail: 'wang.wei@demo.local' },
  { value: 'c', label: 'Liu Yang', detail: 'liu@demo.local', disabled: true },
  { value: 'd', label: '张伟', detail: '家属' },
];

describe('matchOptions', () => {
  it('keeps every option for an empty or blank query', () => {
    expect(matchOptions(options, '')).toEqual(options);
    expect(matchOptions(options, '   ')).toEqual(options);
  });

  it('matches every typed word in the label or the detail, ignoring case and full-width letters', () => {
    expect(matchOptions(options, '王').map((o) => o.value)).toEqual(['a', 'b']);
    expect(matchOptions(options, '伟').map((o) => o.value)).toEqual(['b', 'd']);
    expect(matchOptions(options, 'liu yang').map((o) => o.value)).toEqual(['c']);
    expect(matchOptions(options, 'ＷＡＮＧ').map((o) => o.value)).toEqual(['b']);
    expect(matchOptions(options, '张 家属').map((o) => o.value)).toEqual(['d']);
    expect(matchOptions(options, '赵')).toEqual([]);
  });
});

describe('stepActive', () => {
  it('moves down and up, skipping disabled options and stopping at the ends', () => {
    expect(stepActive(options, -1, 1)).toBe(0);
    expect(stepActive(options, 1, 1)).toBe(3);
    expect(stepActive(options, 3, 1)).toBe(3);
    expect(stepActive(options, 3, -1)).toBe(1);
    expect(stepActive(options, 0, -1)).toBe(0);
    expect(stepActive(options, -1, -1)).toBe(0);
  });

  it('has nothing to highlight when nothing can be chosen', () => {
    expect(stepActive([], -1, 1)).toBe(-1);
    expect(stepActive([{ value: 'x', label: 'x', disabled: true }], -1, 1)).toBe(-1);
    expect(stepActive([{ value: 'x', label: 'x', disabled: true }], -1, -1)).toBe(-1);
  });
});
