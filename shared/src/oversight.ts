/**
 * Supervision figures for civil-affairs officials: institution beds by kind against the nursing-bed
 * target (护理型床位占比 ≥ 60 %), the dementia-zone share, occupancy, and staffing against the ratios,
 * per institution, township and district. Pure functions, so the figures are unit-tested.
 */
import { z } from 'zod';
import type { BedKind } from './api.js';

/** Nursing-care beds (nursing and dementia-zone beds) as a share of all beds in service, percent. */
export const NURSING_BED_TARGET_PCT = 60;

export const bedFiguresSchema = z.object({
  total: z.number(),
  nursing: z.number(),
  dementia: z.number(),
  ordinary: z.number(),
  occupied: z.number(),
  /** (nursing + dementia) / total, percent with one decimal; null without beds. */
  nursingSharePct: z.number().nullable(),
  dementiaSharePct: z.number().nullable(),
  occupancyPct: z.number().nullable(),
  /** The nursing-care share reaches NURSING_BED_TARGET_PCT (false without beds). */
  meetsNursingTarget: z.boolean(),
});
export type BedFigures = z.infer<typeof bedFiguresSchema>;

export const staffingFiguresSchema = z.object({
  residents: z.number(),
  /** Care staff the ratios require (1:6 semi/full care, 1:10 self care), as on the institution board. */
  required: z.number(),
  onShift: z.number(),
  registered: z.number(),
  /** Institutions counted and how many of them have at least the required staff on shift. */
  institutions: z.number(),
  compliant: z.number(),
});
export type StaffingFigures = z.infer<typeof staffingFiguresSchema>;

export const institutionFiguresSchema = z.object({
  institutionId: z.uuid(),
  name: z.string(),
  regionId: z.uuid().nullable(),
  townshipId: z.uuid().nullable(),
  beds: bedFiguresSchema,
  staffing: staffingFiguresSchema,
});
export const areaFiguresSchema = z.object({
  /** The township (null: institutions with no region yet). */
  townshipId: z.uuid().nullable(),
  name: z.string(),
  beds: bedFiguresSchema,
  staffing: staffingFiguresSchema,
});
export const institutionOversightSchema = z.object({
  generatedAt: z.string(),
  nursingTargetPct: z.number(),
  district: bedFiguresSchema.extend({ staffing: staffingFiguresSchema }),
  townships: z.array(areaFiguresSchema),
  institutions: z.array(institutionFiguresSchema),
});
export type InstitutionOversight = z.infer<typeof institutionOversightSchema>;

const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 10);

/** Bed figures of a set of beds in service. */
export function bedFigures(beds: readonly { kind: BedKind; occupied: boolean }[]): BedFigures {
  const count = (k: BedKind) => beds.filter((b) => b.kind === k).length;
  const total = beds.length;
  const nursing = count('nursing');
  const dementia = count('dementia');
  const occupied = beds.filter((b) => b.occupied).length;
  const nursingSharePct = pct(nursing + dementia, total);
  return {
    total,
    nursing,
    dementia,
    ordinary: count('ordinary'),
    occupied,
    nursingSharePct,
    dementiaSharePct: pct(dementia, total),
    occupancyPct: pct(occupied, total),
    meetsNursingTarget: nursingSharePct !== null && nursingSharePct >= NURSING_BED_TARGET_PCT,
  };
}

/** Adds staffing figures of institutions (sums; `compliant` counts institutions). */
export function sumStaffing(list: readonly StaffingFigures[]): StaffingFigures {
  const z0: StaffingFigures = { residents: 0, required: 0, onShift: 0, registered: 0, institutions: 0, compliant: 0 };
  return list.reduce(
    (a, s) => ({
      residents: a.residents + s.residents,
      required: a.required + s.required,
      onShift: a.onShift + s.onShift,
      registered: a.registered + s.registered,
      institutions: a.institutions + s.institutions,
      compliant: a.compliant + s.compliant,
    }),
    z0,
  );
}
