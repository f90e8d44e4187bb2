/**
 * The indicator dashboard of civil-affairs officials: the month's figures the district is judged by,
 * per township and for the district, and their trend over recent months. Every figure is taken from
 * the report that already computes it (visit-rate report, alarm SLA report, meal report, time-bank
 * program totals, institution oversight, assessment due list), so the dashboard reconciles with them.
 */
import { z } from 'zod';

const month = z.string().regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM between 1900 and 2199');

export const indicatorsQuerySchema = z.object({
  /** The month (district's calendar); the current month when absent. */
  month: month.optional(),
  /** Months of trend, ending with `month`. */
  months: z.coerce.number().int().min(1).max(12).default(6),
});

const areaSchema = z.object({
  /** Null: communities and institutions not linked to a township yet. */
  townshipId: z.uuid().nullable(),
  name: z.string(),
  /** Welfare visits (visit-rate report): key elders, those contacted this month, the rate in percent. */
  keyElders: z.number(),
  visited: z.number(),
  visitRatePct: z.number().nullable(),
  meetsVisitTarget: z.boolean(),
  /** Alarms raised this month (SLA report) and how many were acknowledged within 60 s and 180 s. */
  alarms: z.number(),
  ackWithin60: z.number(),
  ackWithin180: z.number(),
  /** Institution beds (oversight figures). */
  beds: z.number(),
  nursingSharePct: z.number().nullable(),
  /** Institutions with at least the staff the ratios require on shift, of all institutions. */
  staffingCompliant: z.number(),
  institutions: z.number(),
  /** Elders registered, and of them those due for (or never given) a capability assessment. */
  elders: z.number(),
  assessmentDue: z.number(),
  /** Rural left-behind elders in the register (留守老年人), and of them those overdue for a welfare visit now. */
  leftBehind: z.number(),
  leftBehindOverdue: z.number(),
});
export type IndicatorArea = z.infer<typeof areaSchema>;

export const indicatorsSchema = z.object({
  month: z.string(),
  generatedAt: z.string(),
  visitTargetPct: z.number(),
  nursingTargetPct: z.number(),
  district: areaSchema.extend({
    shareWithin60: z.number().nullable(),
    shareWithin180: z.number().nullable(),
    /** Meals served this month and those of them subsidised (meal report). */
    mealsServed: z.number(),
    mealsSubsidised: z.number(),
    subsidyCents: z.number(),
    /** Service hours deposited in the district's time-bank programs, all time (program totals). */
    timebankServiceHours: z.number(),
  }),
  townships: z.array(areaSchema),
  trend: z.array(
    z.object({
      month: z.string(),
      visitRatePct: z.number().nullable(),
      alarms: z.number(),
      shareWithin180: z.number().nullable(),
      mealsServed: z.number(),
      mealsSubsidised: z.number(),
      assessments: z.number(),
    }),
  ),
});
export type Indicators = z.infer<typeof indicatorsSchema>;
