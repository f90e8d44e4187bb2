/**
 * Subsidies (老年人补贴): categories the district defines (特困, 低保, 高龄津贴…), each with eligibility
 * rules over an elder's capability grade, age and economic status. An elder is entitled to a category
 * when any one of its rules matches; a rule matches when every condition it sets holds. The
 * evaluation is pure and lives here, so the hub, the dashboard and the unit tests share it.
 */
import { z } from 'zod';
import { CAPABILITY_GRADES, type CapabilityGrade } from './assessment-scale.js';
import { SUBSIDY_CATEGORIES } from './meals.js';
import { patchOf } from './patch.js';
import { economicStatusSchema, type EconomicStatus } from './domain.js';

/** Meal subsidy categories a district category can pay for (the meals' own list, without `none`). */
export const MEAL_SUBSIDY_CATEGORIES = SUBSIDY_CATEGORIES.filter((c) => c !== 'none') as Exclude<
  (typeof SUBSIDY_CATEGORIES)[number],
  'none'
>[];
const mealCategorySchema = z.enum(MEAL_SUBSIDY_CATEGORIES as [string, ...string[]]);

const age = z.number().int().min(0).max(130);
export const subsidyRuleSchema = z
  .strictObject({
    /** Shown with the entitlement: which rule matched ("80 周岁以上"). */
    name: z.string().trim().min(1).max(100),
    /** Age in full years on the day evaluated; null: no bound. */
    minAge: age.nullable().default(null),
    maxAge: age.nullable().default(null),
    /** Any of these capability grades; empty: any grade, also not assessed. */
    grades: z.array(z.enum(CAPABILITY_GRADES)).max(5).default([]),
    /** Any of these statuses; empty: any status, also none. */
    economicStatus: z.array(economicStatusSchema).max(5).default([]),
  })
  .refine((r) => r.minAge === null || r.maxAge === null || r.minAge <= r.maxAge, {
    message: 'minAge is above maxAge',
    path: ['maxAge'],
  });
export type SubsidyRule = z.output<typeof subsidyRuleSchema>;
export type SubsidyRuleIn = z.input<typeof subsidyRuleSchema>;

const categoryFields = z.strictObject({
  /** Short stable code, unique in the district ("tekun", "gaoling_80"). */
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/, 'lower-case letters, digits and _ (at most 40)'),
  name: z.string().trim().min(1).max(60),
  /** What an entitled elder receives per month, in fen (0: a status that entitles to services only). */
  monthlyCents: z.number().int().min(0).max(100_000_000),
  /** The meal subsidy category (docs/meals.md) this category pays for; its meals count in its totals. */
  mealCategory: mealCategorySchema.nullable().default(null),
  rules: z.array(subsidyRuleSchema).max(20).default([]),
});
export const benefitCategoryBodySchema = categoryFields;
export type BenefitCategoryBody = z.input<typeof benefitCategoryBodySchema>;
export const benefitCategoryPatchSchema = patchOf(categoryFields).extend({
  /** true retires the category (out of entitlements and totals), false brings it back. */
  retired: z.boolean().optional(),
});
export type BenefitCategoryPatch = z.input<typeof benefitCategoryPatchSchema>;

export const benefitCategorySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  monthlyCents: z.number(),
  mealCategory: z.string().nullable(),
  rules: z.array(
    z.object({
      name: z.string(),
      minAge: z.number().nullable(),
      maxAge: z.number().nullable(),
      grades: z.array(z.enum(CAPABILITY_GRADES)),
      economicStatus: z.array(economicStatusSchema),
    }),
  ),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
});
export type BenefitCategory = z.infer<typeof benefitCategorySchema>;
export const benefitCategoryListSchema = z.object({ items: z.array(benefitCategorySchema) });
export const benefitCategoryQuerySchema = z.object({ all: z.enum(['true', 'false']).optional() });

/** What the rules are evaluated against. */
export interface SubsidySubject {
  age: number;
  grade: CapabilityGrade | null;
  economicStatus: readonly EconomicStatus[];
}

/** Why a rule matched: each condition it sets with the elder's value that met it. */
export const ruleMatchSchema = z.object({
  rule: z.string(),
  ruleIndex: z.number(),
  age: z.object({ value: z.number(), min: z.number().nullable(), max: z.number().nullable() }).nullable(),
  grade: z.object({ value: z.enum(CAPABILITY_GRADES), anyOf: z.array(z.enum(CAPABILITY_GRADES)) }).nullable(),
  economicStatus: z.object({ value: z.array(economicStatusSchema), anyOf: z.array(economicStatusSchema) }).nullable(),
});
export type RuleMatch = z.infer<typeof ruleMatchSchema>;

/** A rule's verdict on a subject: null when a condition fails, else the conditions that held. */
export function matchRule(rule: SubsidyRule, index: number, s: SubsidySubject): RuleMatch | null {
  const ageSet = rule.minAge !== null || rule.maxAge !== null;
  if (rule.minAge !== null && s.age < rule.minAge) return null;
  if (rule.maxAge !== null && s.age > rule.maxAge) return null;
  if (rule.grades.length && (s.grade === null || !rule.grades.includes(s.grade))) return null;
  const statuses = s.economicStatus.filter((x) => rule.economicStatus.includes(x));
  if (rule.economicStatus.length && !statuses.length) return null;
  return {
    rule: rule.name,
    ruleIndex: index,
    age: ageSet ? { value: s.age, min: rule.minAge, max: rule.maxAge } : null,
    grade: rule.grades.length ? { value: s.grade!, anyOf: rule.grades } : null,
    economicStatus: rule.economicStatus.length ? { value: statuses, anyOf: rule.economicStatus } : null,
  };
}

/** The first rule of a category that matches (rules are tried in their order), or null: not entitled. */
export function entitlementOf(
  category: Pick<BenefitCategory, 'rules' | 'retiredAt'>,
  s: SubsidySubject,
): RuleMatch | null {
  if (category.retiredAt) return null;
  for (const [i, r] of category.rules.entries()) {
    const m = matchRule(r, i, s);
    if (m) return m;
  }
  return null;
}

export const entitlementSchema = z.object({
  categoryId: z.uuid(),
  code: z.string(),
  name: z.string(),
  monthlyCents: z.number(),
  mealCategory: z.string().nullable(),
  because: ruleMatchSchema,
});
export type Entitlement = z.infer<typeof entitlementSchema>;

/** Every category in service the subject is entitled to, in the categories' order. */
export function entitlements(categories: readonly BenefitCategory[], s: SubsidySubject): Entitlement[] {
  const out: Entitlement[] = [];
  for (const c of categories) {
    const because = entitlementOf(c, s);
    if (because)
      out.push({
        categoryId: c.id,
        code: c.code,
        name: c.name,
        monthlyCents: c.monthlyCents,
        mealCategory: c.mealCategory,
        because,
      });
  }
  return out;
}

export const residentEntitlementsSchema = z.object({
  residentId: z.uuid(),
  /** The day evaluated (today in the district's calendar). */
  asOf: z.string(),
  age: z.number(),
  grade: z.enum(CAPABILITY_GRADES).nullable(),
  economicStatus: z.array(economicStatusSchema),
  entitlements: z.array(entitlementSchema),
  monthlyCents: z.number(),
});
export type ResidentEntitlements = z.infer<typeof residentEntitlementsSchema>;

const monthString = z.string().regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM between 1900 and 2199');
export const subsidyTotalsQuerySchema = z.object({ month: monthString.optional() });

const totalsFigures = {
  /** Elders entitled on the day evaluated, and what they receive for the month (fen). */
  elders: z.number(),
  amountCents: z.number(),
  /** Meals served in the month under the category's meal subsidy category, and their subsidy (fen). */
  mealsServed: z.number(),
  mealSubsidyCents: z.number(),
};
export const subsidyTotalsSchema = z.object({
  month: z.string(),
  /** Entitlements are evaluated on this day: the month's last day, or today for the current month. */
  asOf: z.string(),
  categories: z.array(
    benefitCategorySchema.pick({ id: true, code: true, name: true, monthlyCents: true, mealCategory: true }),
  ),
  /** One row per category and township (null: elders with no township yet). */
  rows: z.array(
    z.object({ categoryId: z.uuid(), townshipId: z.uuid().nullable(), townshipName: z.string(), ...totalsFigures }),
  ),
  byCategory: z.array(z.object({ categoryId: z.uuid(), ...totalsFigures })),
  byTownship: z.array(z.object({ townshipId: z.uuid().nullable(), townshipName: z.string(), ...totalsFigures })),
  /** `elders`: elders entitled to at least one category (an elder of two categories counts once). */
  total: z.object(totalsFigures),
});
export type SubsidyTotals = z.infer<typeof subsidyTotalsSchema>;

export const subsidyRecipientsSchema = z.object({
  categoryId: z.uuid(),
  asOf: z.string(),
  items: z.array(
    z.object({
      residentId: z.uuid(),
      name: z.string(),
      age: z.number(),
      community: z.string(),
      because: ruleMatchSchema,
    }),
  ),
});
export type SubsidyRecipients = z.infer<typeof subsidyRecipientsSchema>;
