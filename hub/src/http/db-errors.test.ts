import { describe, expect, it } from 'vitest';
import { dbErrorOf } from '../db/errors.js';
import { dbErrorResponse } from './db-errors.js';

/** A pg driver error as drizzle wraps it: the message quotes the statement's parameters. */
const wrapped = (fields: Record<string, string>) => {
  const cause = Object.assign(new Error('violates'), fields);
  return Object.assign(new Error('Failed query: insert into residents …\nparams: 王秀英,人民路12号'), { cause });
};
const respond = (fields: Record<string, string>) => {
  const err = wrapped(fields);
  return dbErrorResponse(dbErrorOf(err)!, err)!;
};

describe('database errors at the HTTP edge', () => {
  it('name the field, from the key columns (never their values) or the column', () => {
    const unique = respond({
      code: '23505',
      constraint: 'users_email_uq',
      detail: 'Key (email)=(a@b.c) already exists.',
    });
    expect([unique.status, unique.details]).toEqual([409, [{ path: 'email', message: 'already in use' }]]);
    const fk = respond({
      code: '23503',
      constraint: 'x_fk',
      detail: 'Key (tenant_id, resident_id)=(…, …) is not present in table "residents".',
    });
    expect([fk.status, fk.details]).toEqual([400, [{ path: 'residentId', message: 'refers to nothing' }]]);
    const still = respond({ code: '23503', detail: 'Key (id)=(…) is still referenced from table "x".' });
    expect(still.status).toBe(409);
    const notNull = respond({ code: '23502', column: 'birth_date' });
    expect([notNull.status, notNull.details]).toEqual([400, [{ path: 'birthDate', message: 'required' }]]);
    const check = respond({ code: '23514', constraint: 'tb_accounts_floor_ck' });
    expect([check.status, check.details]).toEqual([409, [{ path: 'tb_accounts_floor_ck', message: 'not allowed' }]]);
    expect(respond({ code: '22021' }).status).toBe(400);
    expect(respond({ code: '08006' }).status).toBe(503);
  });
  it('leave other errors to the 500 path', () => {
    expect(respond({ code: 'P0001' })).toBeUndefined();
    expect(dbErrorOf(new Error('plain'))).toBeUndefined();
  });
  it('never carry the values into the answer', () => {
    const r = respond({ code: '23505', detail: 'Key (phone)=(13800000000) already exists.' });
    expect(JSON.stringify([r.message, r.details])).not.toContain('13800000000');
  });
});
