import { describe, expect, it } from 'vitest';
import { findUnstorable, isUnstorable } from './unstorable-text.js';

describe('text the database cannot store', () => {
  it('is NUL or an unpaired surrogate; paired surrogates (emoji) and CJK are fine', () => {
    for (const s of ['\u0000', 'a\u0000', '\ud800', 'x\udfffy', '\ud83d', '\udc00\ud800'])
      expect(isUnstorable(s), s).toBe(true);
    for (const s of ['', '王小明', '🧓🏽', '\u202e', '\uffff', 'e\u0301']) expect(isUnstorable(s), s).toBe(false);
  });
  it('is found in nested values and keys, with the field path', () => {
    expect(findUnstorable({ name: 'ok', contacts: [{ phone: '1\u00002' }] })?.path).toBe('contacts.0.phone');
    expect(findUnstorable({ thresholds: { ['k\ud800']: 1 } })?.path).toBe('thresholds.k\ud800');
    expect(findUnstorable('\u0000')?.path).toBe('(body)');
    expect(findUnstorable({ a: ['x', { b: 'y' }] })).toBeUndefined();
  });
  it('walks deep nesting without recursion', () => {
    let v: unknown = 'a\u0000';
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(findUnstorable(v)?.message).toMatch(/NUL/);
  });
});
