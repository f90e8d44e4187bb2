/**
 * Capability assessments (老年人能力评估, GB/T 42195-2022): the request and response bodies and the
 * scoring — item points summed per first-level indicator and in total, the total's grade band, then
 * the facts that raise it (coma: complete disability; a dementia or mental-disorder diagnosis, or
 * 2+ care-risk events in 30 days: one grade worse). The scale itself is data: assessment-scale.ts.
 */
import { z } from 'zod';
import {
  ASSESSMENT_SCALE,
  CAPABILITY_GRADES,
  CARE_LEVEL_OF_GRADE,
  GRADE_MIN_TOTAL,
  REASSESS_MONTHS,
  RISK_EVENTS_RAISING_GRADE,
  type CapabilityGrade,
} from './assessment-scale.js';
import { careLevelSchema, type CareLevel } from './domain.js';

export const capabilityGradeSchema = z.enum(CAPABILITY_GRADES);
export const ASSESSMENT_REASONS = ['first', 'routine', 'change', 'review'] as const;
export const assessmentReasonSchema = z.enum(ASSESSMENT_REASONS);

const ALL_ITEMS = ASSESSMENT_SCALE.flatMap((d) => d.items);
export const ASSESSMENT_ITEM_KEYS = ALL_ITEMS.map((i) => i.key);
/** Most points the scale gives (90 for GB/T 42195-2022). */
export const ASSESSMENT_MAX_TOTAL = ALL_ITEMS.reduce((s, i) => s + Math.max(...i.options.map((o) => o.points)), 0);

export const assessmentAdjustmentsSchema = z.strictObject({
  /** In a coma (昏迷): complete disability whatever the points. */
  coma: z.boolean().default(false),
  /** Diagnosed dementia (F00–F03) or another mental or behavioural disorder (F04–F99). */
  dementiaOrMentalDisorder: z.boolean().default(false),
  /** Care-risk events in the last 30 days: falls, choking, wandering off, suicide or self-harm, other. */
  riskEvents30d: z.number().int().min(0).max(999).default(0),
});
export type AssessmentAdjustments = z.infer<typeof assessmentAdjustmentsSchema>;

/** Points of every second-level item, each one of the points its answers give. */
export const assessmentScoresSchema = z.record(z.string(), z.number().int()).superRefine((scores, ctx) => {
  for (const item of ALL_ITEMS) {
    const v = scores[item.key];
    if (v === undefined) ctx.addIssue({ code: 'custom', path: [item.key], message: 'is required' });
    else if (!item.options.some((o) => o.points === v))
      ctx.addIssue({
        code: 'custom',
        path: [item.key],
        message: `must be one of ${item.options.map((o) => o.points).join(', ')}`,
      });
  }
  for (const k of Object.keys(scores))
    if (!ASSESSMENT_ITEM_KEYS.includes(k))
      ctx.addIssue({ code: 'custom', path: [k], message: 'is not an item of the scale' });
});

export const assessmentBodySchema = z.strictObject({
  /** Day of the assessment (district's calendar); today when absent. No later than today. */
  assessedOn: z.iso.date().optional(),
  reason: assessmentReasonSchema.default('routine'),
  scores: assessmentScoresSchema,
  adjustments: assessmentAdjustmentsSchema.default({ coma: false, dementiaOrMentalDisorder: false, riskEvents30d: 0 }),
});
export type AssessmentBody = z.input<typeof assessmentBodySchema>;

export const assessmentSchema = z.object({
  id: z.uuid(),
  residentId: z.uuid(),
  assessedOn: z.string(),
  reason: assessmentReasonSchema,
  scores: z.record(z.string(), z.number()),
  adjustments: z.object({ coma: z.boolean(), dementiaOrMentalDisorder: z.boolean(), riskEvents30d: z.number() }),
  /** Points per first-level indicator (self_care, mobility, mental, perception_social). */
  domainTotals: z.record(z.string(), z.number()),
  total: z.number(),
  /** The grade of the total alone, before the facts that raise it. */
  preliminaryGrade: capabilityGradeSchema,
  grade: capabilityGradeSchema,
  /** The care level the grade set on the resident. */
  careLevel: careLevelSchema,
  assessorId: z.uuid(),
  assessorName: z.string(),
  /** When the next routine assessment is due. */
  nextDueOn: z.string(),
  createdAt: z.string(),
});
export type Assessment = z.infer<typeof assessmentSchema>;
export const assessmentListSchema = z.object({ items: z.array(assessmentSchema) });

/** The assessment state of the district: who is assessed, by grade, and who is due. */
export const assessmentDueQuerySchema = z.object({
  /** Only elders whose next assessment is due by this day (default: today), never-assessed ones included. */
  by: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const assessmentDueSchema = z.object({
  items: z.array(
    z.object({
      residentId: z.uuid(),
      residentName: z.string(),
      community: z.string(),
      grade: capabilityGradeSchema.nullable(),
      lastAssessedOn: z.string().nullable(),
      nextDueOn: z.string().nullable(),
    }),
  ),
  total: z.number(),
});

export interface Scored {
  domainTotals: Record<string, number>;
  total: number;
  preliminaryGrade: CapabilityGrade;
  grade: CapabilityGrade;
  careLevel: CareLevel;
}

/** The grade band a total falls in. */
export function gradeOfTotal(total: number): CapabilityGrade {
  for (const g of CAPABILITY_GRADES) if (total >= GRADE_MIN_TOTAL[g]) return g;
  return 'complete';
}

/** Scores an assessment: totals, the band's grade, then coma → complete, or one grade worse for a diagnosis or 2+ risk events. */
export function scoreAssessment(scores: Record<string, number>, adj: AssessmentAdjustments): Scored {
  const domainTotals: Record<string, number> = {};
  for (const d of ASSESSMENT_SCALE) domainTotals[d.key] = d.items.reduce((s, i) => s + (scores[i.key] ?? 0), 0);
  const total = Object.values(domainTotals).reduce((a, b) => a + b, 0);
  const preliminaryGrade = gradeOfTotal(total);
  let grade = preliminaryGrade;
  if (adj.coma) grade = 'complete';
  else if (adj.dementiaOrMentalDisorder || adj.riskEvents30d >= RISK_EVENTS_RAISING_GRADE) {
    const i = CAPABILITY_GRADES.indexOf(preliminaryGrade);
    grade = CAPABILITY_GRADES[Math.min(i + 1, CAPABILITY_GRADES.length - 1)]!;
  }
  return { domainTotals, total, preliminaryGrade, grade, careLevel: CARE_LEVEL_OF_GRADE[grade] };
}

/** The day the next routine assessment is due: the grade's months after the assessment (end of month kept in range). */
export function nextDueOn(assessedOn: string, grade: CapabilityGrade): string {
  const [y, m, d] = assessedOn.split('-').map(Number) as [number, number, number];
  const months = m - 1 + REASSESS_MONTHS[grade];
  const year = y + Math.floor(months / 12);
  const month = months % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}
