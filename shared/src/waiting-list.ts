/**
 * The admission waiting list (轮候) of public institutions. The order is computed, never stored, by
 * the one rule below, so coordinators, the institution and the tests all see the same order:
 *
 * 1. priority group: 特困 (extreme poverty) first, then 低保 (minimum living allowance), then everyone else
 *    (the elder's economic status as recorded now);
 * 2. within a group, the more severe capability grade first (完全失能 … 能力完好, not assessed last);
 * 3. then the earlier application day;
 * 4. then the earlier registration of the application (so the order is total).
 */
import { z } from 'zod';
import { CAPABILITY_GRADES, type CapabilityGrade } from './assessment-scale.js';
import { economicStatusSchema, type EconomicStatus } from './domain.js';

export const PRIORITY_GROUPS = ['extreme_poverty', 'subsistence', 'general'] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];

export function priorityGroupOf(status: readonly EconomicStatus[]): PriorityGroup {
  if (status.includes('extreme_poverty')) return 'extreme_poverty';
  if (status.includes('subsistence')) return 'subsistence';
  return 'general';
}

export interface WaitingEntry {
  economicStatus: readonly EconomicStatus[];
  grade: CapabilityGrade | null;
  appliedOn: string;
  createdAt: string;
}

/** Severity rank of a grade: 0 for 完全失能 … 4 for 能力完好, 5 when not assessed. */
const severity = (g: CapabilityGrade | null) =>
  g === null ? CAPABILITY_GRADES.length : CAPABILITY_GRADES.length - 1 - CAPABILITY_GRADES.indexOf(g);

/** The waiting-list order (negative: `a` is admitted before `b`). */
export function compareWaiting(a: WaitingEntry, b: WaitingEntry): number {
  return (
    PRIORITY_GROUPS.indexOf(priorityGroupOf(a.economicStatus)) -
      PRIORITY_GROUPS.indexOf(priorityGroupOf(b.economicStatus)) ||
    severity(a.grade) - severity(b.grade) ||
    (a.appliedOn < b.appliedOn ? -1 : a.appliedOn > b.appliedOn ? 1 : 0) ||
    (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0)
  );
}

export const APPLICATION_STATUSES = ['waiting', 'admitted', 'withdrawn'] as const;
export const applicationStatusSchema = z.enum(APPLICATION_STATUSES);

export const applicationBodySchema = z.strictObject({
  institutionId: z.uuid(),
  residentId: z.uuid(),
  /** The day the application was made (today when absent; not in the future). */
  appliedOn: z.iso.date().optional(),
  note: z.string().trim().max(500).default(''),
});
export type ApplicationBody = z.input<typeof applicationBodySchema>;
export const applicationPatchSchema = z
  .strictObject({ appliedOn: z.iso.date(), note: z.string().trim().max(500) })
  .partial()
  .describe(
    'Send only the fields to change; a field left out keeps its value. No field can be cleared (null is refused).',
  );
export type ApplicationPatch = z.input<typeof applicationPatchSchema>;
export const admitBodySchema = z.strictObject({
  bedId: z.uuid(),
  /** Required when an application ahead in the order is passed over. */
  reason: z.string().trim().max(500).default(''),
});
export type AdmitBody = z.input<typeof admitBodySchema>;
export const withdrawBodySchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export const applicationSchema = z.object({
  id: z.uuid(),
  institutionId: z.uuid(),
  institutionName: z.string(),
  residentId: z.uuid(),
  residentName: z.string(),
  age: z.number(),
  community: z.string(),
  grade: z.enum(CAPABILITY_GRADES).nullable(),
  economicStatus: z.array(economicStatusSchema),
  priorityGroup: z.enum(PRIORITY_GROUPS),
  appliedOn: z.string(),
  status: applicationStatusSchema,
  /** Place in the institution's order (1 = next to admit) while waiting; null otherwise. */
  position: z.number().nullable(),
  note: z.string(),
  bedId: z.uuid().nullable(),
  decisionReason: z.string(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type Application = z.infer<typeof applicationSchema>;

export const waitingListQuerySchema = z.object({
  institutionId: z.uuid().optional(),
  status: z.enum([...APPLICATION_STATUSES, 'all']).default('waiting'),
});
export const waitingListSchema = z.object({
  items: z.array(applicationSchema),
  /** Public institutions in view: beds in service, occupied and free, and applications waiting. */
  institutions: z.array(
    z.object({
      institutionId: z.uuid(),
      name: z.string(),
      beds: z.number(),
      occupied: z.number(),
      free: z.number(),
      waiting: z.number(),
    }),
  ),
});
export type WaitingList = z.infer<typeof waitingListSchema>;
