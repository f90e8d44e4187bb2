import { describe, expect, it } from 'vitest';
import { auditChanges } from './audit-diff.js';
import { inferAction } from './register-audit.js';

describe('audit changes', () => {
  it('lists every field of a created object, and nothing for an unchanged one', () => {
    expect(auditChanges(null, { name: '张秀英', phone: '' })).toEqual([
      { field: 'name', before: null, after: '张秀英' },
      { field: 'phone', before: null, after: '' },
    ]);
    expect(auditChanges({ name: 'a', tags: ['x'] }, { name: 'a', tags: ['x'] })).toEqual([]);
  });

  it('walks nested settings into dotted fields and compares lists as wholes', () => {
    expect(
      auditChanges(
        { policy: { minRedeemAge: 18, gifts: 'family' }, diets: ['diabetic'] },
        { policy: { minRedeemAge: 0, gifts: 'family' }, diets: ['diabetic', 'low_salt'] },
      ),
    ).toEqual([
      { field: 'diets', before: ['diabetic'], after: ['diabetic', 'low_salt'] },
      { field: 'policy.minRedeemAge', before: 18, after: 0 },
    ]);
  });

  it('never records a secret, only that it changed', () => {
    const changes = auditChanges(
      { passwordHash: '$argon2id$old', keySafe: '1234', nested: { secret: 'a' } },
      { passwordHash: '$argon2id$new', keySafe: '1234', nested: { secret: 'b' } },
    );
    expect(changes).toEqual([
      { field: 'nested.secret', before: '[secret]', after: '[secret]' },
      { field: 'passwordHash', before: '[secret]', after: '[secret]' },
    ]);
    expect(JSON.stringify(changes)).not.toMatch(/argon2|1234/);
  });

  it('leaves out values devices report and derived ones', () => {
    expect(auditChanges({ battery: 80, online: true, age: 80 }, { battery: 20, online: false, age: 81 })).toEqual([]);
  });

  it('names retiring and reinstating', () => {
    expect(inferAction(null, { a: 1 })).toBe('create');
    expect(inferAction({ retiredAt: null }, { retiredAt: '2026-12-07T00:00:00Z' })).toBe('retire');
    expect(inferAction({ disabledAt: '2026-12-07T00:00:00Z' }, { disabledAt: null })).toBe('reinstate');
    expect(inferAction({ retiredAt: null, name: 'a' }, { retiredAt: null, name: 'b' })).toBe('update');
  });
});
