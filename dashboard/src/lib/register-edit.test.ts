import { describe, expect, it } from 'vitest';
import { changedFields, validateDetails, validateNewRoom } from './register-edit';

describe('register edits', () => {
  it('sends only the fields that changed, trimmed', () => {
    const saved = { name: '东城养老院', kind: 'nursing_home' as const, address: '东路1号', phone: '' };
    expect(changedFields(saved, { ...saved, phone: ' 010-1 ' })).toEqual({ phone: '010-1' });
    expect(changedFields(saved, { ...saved, name: '东城养老院 ' })).toEqual({});
  });
  it('says a name is required', () => {
    expect(
      validateDetails({
        name: '  ',
        kind: 'nursing_home',
        address: '',
        phone: '',
        regionId: null,
        ownership: 'private',
      }),
    ).toEqual({
      name: 'validation.required',
    });
  });
  it('validates a new room and splits its bed labels', () => {
    expect(validateNewRoom({ name: '', floor: 1, dementiaZone: false, beds: '' }).errors).toEqual({
      name: 'validation.required',
    });
    const ok = validateNewRoom({ name: ' 305 ', floor: 3, dementiaZone: true, beds: 'A, B，C' });
    expect(ok.errors).toEqual({});
    expect(ok.body).toEqual({ name: '305', floor: 3, dementiaZone: true, beds: ['A', 'B', 'C'] });
  });
});
