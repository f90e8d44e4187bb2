import type { Resident } from '@eldercare/shared';
import { describe, expect, it } from 'vitest';
import { changedFields, draftFromResident, draftToBody, emptyDraft, validateDraft } from './resident-form';

const filled = () => ({
  ...emptyDraft(),
  name: ' 张秀英 ',
  birthDate: '1938-04-02',
  riskCategories: ['living_alone' as const, 'age_80_plus' as const],
  conditions: ['高血压', ' '],
  contacts: [{ name: '张伟', relation: '儿子', phone: ' 13800000000 ' }],
  thresholds: { ...emptyDraft().thresholds, heartRateHigh: '120', spo2Low: '' },
});

describe('draftToBody', () => {
  it('trims text, drops blank conditions and empty thresholds', () => {
    const body = draftToBody(filled());
    expect(body.name).toBe('张秀英');
    expect(body.conditions).toEqual(['高血压']);
    expect(body.contacts).toEqual([{ name: '张伟', relation: '儿子', phone: '13800000000' }]);
    expect(body.thresholds).toEqual({ heartRateHigh: 120 });
  });

  it('sends the own alarm instructions one per line, blank lines dropped, and the ID number trimmed', () => {
    const body = draftToBody({
      ...filled(),
      idNumber: ' 11010119380402002X ',
      planInstructions: '耳聋：不要打电话，直接派人\n\n  女儿有钥匙  ',
    });
    expect(body.planInstructions).toEqual(['耳聋：不要打电话，直接派人', '女儿有钥匙']);
    expect(body.idNumber).toBe('11010119380402002X');
    expect(draftFromResident({ ...body, planInstructions: ['a', 'b'] } as unknown as Resident).planInstructions).toBe(
      'a\nb',
    );
  });

  it('sends null institution and bed for a resident at home, and never a bed without an institution', () => {
    expect(draftToBody({ ...filled(), bedId: 'x' })).toMatchObject({ institutionId: null, bedId: null });
  });
});

describe('validateDraft', () => {
  it('accepts a complete draft', () => {
    expect(validateDraft(filled()).errors).toEqual({});
  });

  it('reports missing name and birth date by field', () => {
    const { errors } = validateDraft(emptyDraft());
    expect(errors.name).toBe('validation.required');
    expect(errors.birthDate).toBe('validation.invalid');
  });

  it('reports a contact with a too-short phone at its index', () => {
    const { errors } = validateDraft({ ...filled(), contacts: [{ name: 'A', relation: '', phone: '1' }] });
    expect(errors['contacts.0.phone']).toBe('validation.tooShort');
  });
});

describe('draftFromResident', () => {
  it('round-trips a resident through the form', () => {
    const resident: Resident = {
      id: '00000000-0000-4000-8000-000000000001',
      age: 87,
      createdAt: '2025-01-01T00:00:00Z',
      location: null,
      ...draftToBody(filled()),
      birthDate: '1938-04-02',
      sex: 'female',
      address: '',
      community: '',
      phone: '',
      institutionId: null,
      bedId: null,
      careLevel: 'semi_care',
      medicationNotes: '',
      keySafe: '',
      riskCategories: ['living_alone', 'age_80_plus'],
      conditions: ['高血压'],
      contacts: [{ name: '张伟', relation: '儿子', phone: '13800000000' }],
      thresholds: { heartRateHigh: 120 },
    } as Resident;
    const draft = draftFromResident(resident);
    expect(draft.thresholds.heartRateHigh).toBe('120');
    expect(draftToBody(draft)).toMatchObject({
      name: '张秀英',
      careLevel: 'semi_care',
      thresholds: { heartRateHigh: 120 },
    });
  });
});

describe('changedFields', () => {
  it('sends only what the edit changed (the PATCH keeps the rest, the location included)', () => {
    const before = draftToBody(filled());
    const after = draftToBody({ ...filled(), medicationNotes: '阿司匹林', contacts: [] });
    expect(changedFields(before, after)).toEqual({ medicationNotes: '阿司匹林', contacts: [] });
    expect(changedFields(before, draftToBody(filled()))).toEqual({});
  });
});
