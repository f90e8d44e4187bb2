import { describe, expect, it } from 'vitest';
import { entitlementOf, entitlements, matchRule, subsidyRuleSchema, type BenefitCategory } from './subsidies.js';

const rule = (r: Record<string, unknown>) => subsidyRuleSchema.parse({ name: 'r', ...r });
const category = (
  id: string,
  rules: Record<string, unknown>[],
  more: Partial<BenefitCategory> = {},
): BenefitCategory => ({
  id,
  code: id,
  name: id,
  monthlyCents: 100,
  mealCategory: null,
  rules: rules.map(rule),
  createdAt: '2026-01-01T00:00:00.000Z',
  retiredAt: null,
  ...more,
});

describe('subsidy rules', () => {
  it('age bounds are inclusive on both ends', () => {
    const r = rule({ minAge: 80, maxAge: 89 });
    const at = (age: number) => matchRule(r, 0, { age, grade: null, economicStatus: [] }) !== null;
    expect([79, 80, 89, 90].map(at)).toEqual([false, true, true, false]);
  });

  it('grades: any of those listed; an elder not assessed matches only a rule without grades', () => {
    const r = rule({ grades: ['severe', 'complete'] });
    const at = (grade: 'intact' | 'moderate' | 'severe' | 'complete' | null) =>
      matchRule(r, 0, { age: 70, grade, economicStatus: [] }) !== null;
    expect([at('moderate'), at('severe'), at('complete'), at(null)]).toEqual([false, true, true, false]);
    expect(matchRule(rule({}), 0, { age: 70, grade: null, economicStatus: [] })).not.toBeNull();
  });

  it('economic status: any one listed is enough; the explanation names the ones that held', () => {
    const r = rule({ name: '低保或低收入', economicStatus: ['subsistence', 'low_income'], minAge: 60 });
    expect(matchRule(r, 2, { age: 65, grade: 'mild', economicStatus: ['entitled_group'] })).toBeNull();
    expect(matchRule(r, 2, { age: 65, grade: 'mild', economicStatus: ['entitled_group', 'low_income'] })).toEqual({
      rule: '低保或低收入',
      ruleIndex: 2,
      age: { value: 65, min: 60, max: null },
      grade: null,
      economicStatus: { value: ['low_income'], anyOf: ['subsistence', 'low_income'] },
    });
  });

  it('every condition a rule sets must hold', () => {
    const r = rule({ minAge: 80, grades: ['moderate'], economicStatus: ['subsistence'] });
    const s = { age: 80, grade: 'moderate' as const, economicStatus: ['subsistence' as const] };
    expect(matchRule(r, 0, s)).not.toBeNull();
    expect(matchRule(r, 0, { ...s, age: 79 })).toBeNull();
    expect(matchRule(r, 0, { ...s, grade: 'mild' })).toBeNull();
    expect(matchRule(r, 0, { ...s, economicStatus: [] })).toBeNull();
  });

  it('a category entitles by its first matching rule; retired categories entitle nobody', () => {
    const c = category('c', [{ name: 'first', minAge: 90 }, { name: 'second', minAge: 80 }, { name: 'third' }]);
    expect(entitlementOf(c, { age: 95, grade: null, economicStatus: [] })?.rule).toBe('first');
    expect(entitlementOf(c, { age: 85, grade: null, economicStatus: [] })?.ruleIndex).toBe(1);
    expect(entitlementOf(category('d', []), { age: 85, grade: null, economicStatus: [] })).toBeNull();
    expect(
      entitlementOf({ ...c, retiredAt: '2026-01-02T00:00:00.000Z' }, { age: 95, grade: null, economicStatus: [] }),
    ).toBeNull();
    const list = entitlements([category('a', [{ minAge: 80 }]), category('b', [{ maxAge: 79 }]), c], {
      age: 80,
      grade: null,
      economicStatus: [],
    });
    expect(list.map((e) => [e.code, e.because.rule])).toEqual([
      ['a', 'r'],
      ['c', 'second'],
    ]);
  });

  it('refuses a rule whose lower age bound is above its upper one', () => {
    expect(subsidyRuleSchema.safeParse({ name: 'x', minAge: 90, maxAge: 80 }).success).toBe(false);
  });
});
