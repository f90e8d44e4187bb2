/**
 * The register of rural left-behind elders (农村留守老年人): elders living in a village whose family
 * work or live away, with their care contacts (family away, and the local helpers who look in on
 * them) and their welfare-visit status (last visit, due, overdue by their visit tier).
 */
import { z } from 'zod';
import { patchOf } from './patch.js';
import { visitTierSchema } from './visits.js';

export const CARE_CONTACT_KINDS = ['family', 'helper'] as const;
export const leftBehindContactSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  /** 儿子, 女儿, 村干部, 邻居, 志愿者… */
  relation: z.string().trim().min(1).max(40),
  phone: z.string().trim().min(3).max(40),
  /** family: family away from home (赡养人); helper: who looks in locally (结对帮扶人). */
  kind: z.enum(CARE_CONTACT_KINDS),
  /** Where family live or work ("杭州打工"), or the helper's role. */
  note: z.string().trim().max(200).default(''),
});
export type LeftBehindContact = z.output<typeof leftBehindContactSchema>;

const fields = z.strictObject({
  /** The day the elder was entered in the register (today when absent). */
  registeredOn: z.iso.date(),
  careContacts: z.array(leftBehindContactSchema).max(10),
});
export const leftBehindBodySchema = z.strictObject({
  residentId: z.uuid(),
  registeredOn: z.iso.date().optional(),
  careContacts: z.array(leftBehindContactSchema).max(10).default([]),
});
export type LeftBehindBody = z.input<typeof leftBehindBodySchema>;
export const leftBehindPatchSchema = patchOf(fields).extend({
  /** true takes the elder out of the register (family back, moved away); false puts them back. */
  retired: z.boolean().optional(),
});
export type LeftBehindPatch = z.input<typeof leftBehindPatchSchema>;

export const leftBehindVisitSchema = z.object({
  tier: visitTierSchema,
  intervalDays: z.number(),
  lastContactAt: z.string().nullable(),
  dueAt: z.string(),
  overdue: z.boolean(),
  daysOverdue: z.number(),
});

export const leftBehindElderSchema = z.object({
  residentId: z.uuid(),
  name: z.string(),
  age: z.number(),
  villageId: z.uuid().nullable(),
  villageName: z.string(),
  townshipId: z.uuid().nullable(),
  townshipName: z.string(),
  registeredOn: z.string(),
  careContacts: z.array(
    z.object({
      name: z.string(),
      relation: z.string(),
      phone: z.string(),
      kind: z.enum(CARE_CONTACT_KINDS),
      note: z.string(),
    }),
  ),
  /** The welfare-visit plan's status (visit tier from risk categories, age and capability grade); null once in an institution. */
  visit: leftBehindVisitSchema.nullable(),
  retiredAt: z.string().nullable(),
});
export type LeftBehindElder = z.infer<typeof leftBehindElderSchema>;

export const leftBehindQuerySchema = z.object({
  /** A township (all its villages) or a village. */
  regionId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** true: also elders taken out of the register. */
  all: z.enum(['true', 'false']).optional(),
});

export const leftBehindVillageSchema = z.object({
  villageId: z.uuid().nullable(),
  villageName: z.string(),
  townshipId: z.uuid().nullable(),
  townshipName: z.string(),
  elders: z.number(),
  overdue: z.number(),
  /** Registered elders with no local helper among their care contacts. */
  withoutHelper: z.number(),
});
export const leftBehindListSchema = z.object({
  items: z.array(leftBehindElderSchema),
  /** Counts per village (of the elders listed). */
  villages: z.array(leftBehindVillageSchema),
});
export type LeftBehindList = z.infer<typeof leftBehindListSchema>;
