import { describe, expect, it } from 'vitest';
import { residentPatchSchema } from './api.js';
import { kitchenPatchSchema, mealPlanPatchSchema, routePatchSchema } from './meals.js';
import { programPatchSchema } from './timebank.js';
import { visitPlanPatchSchema } from './visits.js';
import { clearableFields } from './patch.js';

describe('patchOf: a PATCH body keeps what it was not sent', () => {
  it('fills no defaults, also behind a transform', () => {
    expect(residentPatchSchema.parse({ medicationNotes: 'x' })).toEqual({ medicationNotes: 'x' });
    expect(mealPlanPatchSchema.parse({ doorNote: 'knock' })).toEqual({ doorNote: 'knock' });
    expect(mealPlanPatchSchema.parse({ active: false })).toEqual({ active: false });
    expect(kitchenPatchSchema.parse({ name: 'K' })).toEqual({ name: 'K' });
    expect(programPatchSchema.parse({ policy: { autoConfirmDays: 5 } })).toEqual({ policy: { autoConfirmDays: 5 } });
    expect(programPatchSchema.parse({ name: 'P' })).toEqual({ name: 'P' });
    expect(routePatchSchema.parse({})).toEqual({});
    expect(visitPlanPatchSchema.parse({ overrideDays: 10 })).toEqual({ overrideDays: 10 });
  });
  it('still validates and transforms what is sent', () => {
    expect(mealPlanPatchSchema.parse({ diets: ['low_salt', 'diabetic'] }).diets).toEqual(['diabetic', 'low_salt']);
    expect(residentPatchSchema.safeParse({ name: '' }).success).toBe(false);
    expect(residentPatchSchema.safeParse({ unknown: 1 }).success).toBe(false);
  });
  it('null clears only fields that may be empty', () => {
    expect(residentPatchSchema.parse({ location: null })).toEqual({ location: null });
    expect(residentPatchSchema.safeParse({ address: null }).success).toBe(false);
    expect(residentPatchSchema.safeParse({ contacts: null }).success).toBe(false);
    expect(clearableFields(residentPatchSchema)).toEqual(['regionId', 'institutionId', 'bedId', 'location']);
    expect(residentPatchSchema.description).toContain('regionId, institutionId, bedId, location');
  });
});
