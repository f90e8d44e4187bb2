import { describe, expect, it } from 'vitest';
import { auditQuery, auditValue, isSecretChange } from './audit';

describe('audit presentation', () => {
  it('shows values as text and lists as JSON, nothing for none', () => {
    expect(auditValue(null)).toBe('');
    expect(auditValue('人民路')).toBe('人民路');
    expect(auditValue(5)).toBe('5');
    expect(auditValue(['diabetic', 'low_salt'])).toBe('["diabetic","low_salt"]');
  });
  it('recognises a secret change', () => {
    expect(isSecretChange({ field: 'keySafe', before: '[secret]', after: '[secret]' })).toBe(true);
    expect(isSecretChange({ field: 'name', before: 'a', after: '[secret]' })).toBe(false);
  });
  it('leaves empty filters out of the query and trims the object id', () => {
    expect(
      auditQuery({ entity: 'device', entityId: '  sos-1 ', actorId: '', from: '2026-12-01', to: '' }, { limit: 50 }),
    ).toEqual({ entity: 'device', entityId: 'sos-1', from: '2026-12-01', limit: 50 });
  });
});
