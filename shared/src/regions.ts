/**
 * The district's administrative hierarchy: district (区/县) → township or street (乡镇/街道) →
 * community or village (社区/村). Residents and institutions refer to a region; a resident's
 * `community` text carries its community's name (kept for records made before regions existed).
 */
import { z } from 'zod';
import { patchOf } from './patch.js';

export const REGION_LEVELS = ['district', 'township', 'community'] as const;
export const regionLevelSchema = z.enum(REGION_LEVELS);
export type RegionLevel = z.infer<typeof regionLevelSchema>;
/** The level a region's parent must have (a district has none). */
export const PARENT_LEVEL: Record<RegionLevel, RegionLevel | null> = {
  district: null,
  township: 'district',
  community: 'township',
};

const name = z.string().trim().min(1).max(100);

export const regionBodySchema = z.strictObject({
  level: regionLevelSchema,
  name,
  /** The township of a community, the district of a township; null for a district. */
  parentId: z.uuid().nullable().default(null),
  /** Administrative division code (统计用区划代码), optional. */
  code: z.string().trim().max(20).default(''),
  /** A village (rural) rather than an urban community. */
  rural: z.boolean().default(false),
});
export type RegionBody = z.input<typeof regionBodySchema>;
export const regionPatchSchema = patchOf(
  z.strictObject({
    name,
    code: z.string().trim().max(20),
    rural: z.boolean(),
    /** `true` retires (out of pickers and new references), `false` puts it back. */
    retired: z.boolean(),
  }),
);
export type RegionPatch = z.infer<typeof regionPatchSchema>;

export const regionSchema = z.object({
  id: z.uuid(),
  level: regionLevelSchema,
  name: z.string(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  rural: z.boolean(),
  /** Names from the district down to this region, joined with ' / '. */
  path: z.string(),
  /** Residents registered in it (a township or district: in its communities). */
  residents: z.number(),
  /** Institutions registered in it or below it. */
  institutions: z.number(),
  retiredAt: z.string().nullable(),
});
export type Region = z.infer<typeof regionSchema>;
export const regionListSchema = z.object({ items: z.array(regionSchema) });
export const regionQuerySchema = z.object({
  level: regionLevelSchema.optional(),
  /** `true`: retired regions too. */
  all: z.enum(['true', 'false']).optional(),
});

/** Links residents' free-text communities to community regions of one township. */
export const adoptCommunitiesBodySchema = z.strictObject({
  /** Community names (as residents carry them) to adopt; absent: every unlinked name. */
  names: z.array(name).max(500).optional(),
});
export const adoptCommunitiesResultSchema = z.object({
  /** Community regions created under the township. */
  created: z.array(z.string()),
  /** Residents linked to a community region. */
  linked: z.number(),
});
