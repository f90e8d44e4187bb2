import { describe, expect, it } from 'vitest';
import { ASSESSMENT_SCALE } from './assessment-scale.js';
import {
  ASSESSMENT_ITEM_KEYS,
  ASSESSMENT_MAX_TOTAL,
  assessmentBodySchema,
  nextDueOn,
  scoreAssessment,
  type AssessmentAdjustments,
} from './assessment.js';

const NONE: AssessmentAdjustments = { coma: false, dementiaOrMentalDisorder: false, riskEvents30d: 0 };
const items = ASSESSMENT_SCALE.flatMap((d) => d.items);
const full = (): Record<string, number> =>
  Object.fromEntries(items.map((i) => [i.key, Math.max(...i.options.map((o) => o.points))]));

/** Full marks, then points taken off item by item (each item down to 0) until `lose` are gone. */
function withTotal(total: number): Record<string, number> {
  const s = full();
  let lose = 90 - total;
  for (const i of items) {
    if (lose === 0) break;
    const take = Math.min(lose, s[i.key]!);
    s[i.key] = s[i.key]! - take;
    lose -= take;
  }
  return s;
}

describe('GB/T 42195-2022 scale', () => {
  it('has 4 first-level indicators, 26 items and 90 points: 32 + 15 + 28 + 15', () => {
    expect(ASSESSMENT_SCALE.map((d) => d.key)).toEqual(['self_care', 'mobility', 'mental', 'perception_social']);
    expect(ASSESSMENT_ITEM_KEYS).toHaveLength(26);
    expect(ASSESSMENT_MAX_TOTAL).toBe(90);
    expect(scoreAssessment(full(), NONE).domainTotals).toEqual({
      self_care: 32,
      mobility: 15,
      mental: 28,
      perception_social: 15,
    });
  });

  it.each([
    [90, 'intact', 'self_care'],
    [89, 'mild', 'semi_care'],
    [66, 'mild', 'semi_care'],
    [65, 'moderate', 'semi_care'],
    [46, 'moderate', 'semi_care'],
    [45, 'severe', 'full_care'],
    [30, 'severe', 'full_care'],
    [29, 'complete', 'full_care'],
    [0, 'complete', 'full_care'],
  ])('a total of %i is graded %s, care level %s', (total, grade, careLevel) => {
    const r = scoreAssessment(withTotal(total), NONE);
    expect(r.total).toBe(total);
    expect(r.preliminaryGrade).toBe(grade);
    expect(r.grade).toBe(grade);
    expect(r.careLevel).toBe(careLevel);
  });

  it('a coma is complete disability whatever the points', () => {
    const r = scoreAssessment(withTotal(88), { ...NONE, coma: true });
    expect(r.preliminaryGrade).toBe('mild');
    expect(r.grade).toBe('complete');
  });

  it('a dementia diagnosis or 2+ risk events raise the grade by one, once, never past complete', () => {
    expect(scoreAssessment(withTotal(90), { ...NONE, dementiaOrMentalDisorder: true }).grade).toBe('mild');
    expect(scoreAssessment(withTotal(66), { ...NONE, riskEvents30d: 2 }).grade).toBe('moderate');
    expect(scoreAssessment(withTotal(66), { ...NONE, riskEvents30d: 1 }).grade).toBe('mild');
    expect(scoreAssessment(withTotal(46), { ...NONE, dementiaOrMentalDisorder: true, riskEvents30d: 3 }).grade).toBe(
      'severe',
    );
    expect(scoreAssessment(withTotal(10), { ...NONE, dementiaOrMentalDisorder: true }).grade).toBe('complete');
  });

  it('refuses a missing item, points an item does not give, and unknown items, naming them', () => {
    const s = full();
    delete s.eating;
    s.stairs = 4;
    s.aggression = 2;
    const r = assessmentBodySchema.safeParse({ scores: { ...s, shoe_size: 3 } });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['scores.eating', 'scores.stairs', 'scores.aggression', 'scores.shoe_size']),
    );
  });

  it('the next routine assessment is due 12 months later (29 February → 28 February)', () => {
    expect(nextDueOn('2026-03-15', 'mild')).toBe('2027-03-15');
    expect(nextDueOn('2028-02-29', 'severe')).toBe('2029-02-28');
  });
});
