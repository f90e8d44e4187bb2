import { describe, expect, it } from 'vitest';
import { safeError, scrubDbText } from './logger.js';

describe('what a log line says about an error', () => {
  it('describes a database error by codes only', () => {
    const cause = Object.assign(new Error('new row violates check constraint "c"'), {
      code: '23514',
      constraint: 'c',
      table: 'residents',
      detail: 'Failing row contains (王秀英, 人民路12号, 13800000000).',
    });
    const err = Object.assign(new Error('Failed query: insert …\nparams: 王秀英,人民路12号,13800000000'), { cause });
    const out = JSON.stringify(safeError(err));
    expect(out).toContain('"sqlstate":"23514"');
    for (const s of ['王秀英', '人民路', '13800000000', 'Failing row']) expect(out).not.toContain(s);
  });
  it('scrubs parameters and quoted values from database text passed as a string', () => {
    expect(scrubDbText('Failed query: select $1\nparams: 13800000000')).not.toContain('13800000000');
    expect(scrubDbText('invalid input syntax for type uuid: "王秀英"')).not.toContain('王秀英');
    expect(scrubDbText('socket hang up')).toBe('socket hang up');
  });
  it('keeps message and stack of other errors', () => {
    expect(safeError(new TypeError('x is undefined'))).toMatchObject({ type: 'TypeError', message: 'x is undefined' });
  });
});
