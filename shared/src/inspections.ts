/**
 * Supervision of institutions (机构监管): inspection records — fire safety, hazards, star rating —
 * with findings and a deadline for rectification; a finding not rectified by its deadline is overdue.
 */
import { z } from 'zod';
import { patchOf } from './patch.js';

export const INSPECTION_KINDS = ['fire_safety', 'hazard', 'star_rating', 'general'] as const;
export const inspectionKindSchema = z.enum(INSPECTION_KINDS);

export const inspectionBodySchema = z.strictObject({
  institutionId: z.uuid(),
  inspectedOn: z.iso.date(),
  kind: inspectionKindSchema,
  inspector: z.string().trim().min(1).max(200),
  findings: z.string().trim().max(4000).default(''),
  /** Stars given by a star-rating inspection (1–5). */
  starRating: z.number().int().min(1).max(5).nullable().default(null),
  /** Deadline for rectifying the findings; null when nothing needs rectifying. */
  rectifyBy: z.iso.date().nullable().default(null),
});
export type InspectionBody = z.input<typeof inspectionBodySchema>;
export const inspectionPatchSchema = patchOf(
  z.strictObject({
    findings: z.string().trim().max(4000),
    rectifyBy: z.iso.date().nullable(),
    /** The day the findings were rectified; null reopens them. */
    rectifiedOn: z.iso.date().nullable(),
  }),
);
export type InspectionPatch = z.infer<typeof inspectionPatchSchema>;

export const inspectionSchema = z.object({
  id: z.uuid(),
  institutionId: z.uuid(),
  institutionName: z.string(),
  inspectedOn: z.string(),
  kind: inspectionKindSchema,
  inspector: z.string(),
  findings: z.string(),
  starRating: z.number().nullable(),
  rectifyBy: z.string().nullable(),
  rectifiedOn: z.string().nullable(),
  /** Past its deadline (district's calendar) and not rectified. */
  overdue: z.boolean(),
  createdAt: z.string(),
});
export type Inspection = z.infer<typeof inspectionSchema>;
export const inspectionQuerySchema = z.object({
  institutionId: z.uuid().optional(),
  /** `true`: only findings past their deadline and not rectified. */
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const inspectionListSchema = z.object({ items: z.array(inspectionSchema) });

/** Overdue: a deadline before today and not rectified. */
export const isOverdue = (i: { rectifyBy: string | null; rectifiedOn: string | null }, today: string) =>
  i.rectifyBy !== null && i.rectifiedOn === null && i.rectifyBy < today;
