/**
 * Editing and retiring what is registered (institutions with rooms and beds, devices, users), and the
 * register's audit log. Patch bodies are strict objects with every field optional and no defaults:
 * a PATCH changes only what it is sent; `null` clears a nullable field.
 */
import { z } from 'zod';
import { roleSchema } from './domain.js';
import { INSTITUTION_KINDS, OWNERSHIPS, bedKindSchema, userSummarySchema } from './api.js';

const uuid = z.uuid();
const name = z.string().trim().min(1).max(200);
const roomName = z.string().trim().min(1).max(40);
const bedLabel = z.string().trim().min(1).max(20);
const floor = z.number().int().min(-5).max(200);
/** `true` retires (out of lists and new placements, kept in history); `false` puts it back in service. */
const retired = z.boolean();

export const updateInstitutionBodySchema = z.strictObject({
  name: name.optional(),
  kind: z.enum(INSTITUTION_KINDS).optional(),
  address: z.string().trim().max(2000).optional(),
  phone: z.string().max(40).optional(),
  /** Township/street or community/village; null clears it. */
  regionId: uuid.nullable().optional(),
  ownership: z.enum(OWNERSHIPS).optional(),
  retired: retired.optional(),
});
export type UpdateInstitutionBody = z.infer<typeof updateInstitutionBodySchema>;

export const addRoomBodySchema = z.strictObject({
  name: roomName,
  floor: floor.default(1),
  dementiaZone: z.boolean().default(false),
  beds: z.array(bedLabel).max(20).default([]),
  /** Kind of the room's beds; default: dementia in a dementia zone, else ordinary. */
  bedKind: bedKindSchema.optional(),
});
export type AddRoomBody = z.input<typeof addRoomBodySchema>;

export const updateRoomBodySchema = z.strictObject({
  name: roomName.optional(),
  floor: floor.optional(),
  dementiaZone: z.boolean().optional(),
  retired: retired.optional(),
});
export type UpdateRoomBody = z.infer<typeof updateRoomBodySchema>;

export const addBedsBodySchema = z.strictObject({
  labels: z.array(bedLabel).min(1).max(20),
  /** Kind of the new beds; default: dementia in a dementia zone, else ordinary. */
  kind: bedKindSchema.optional(),
});
export type AddBedsBody = z.infer<typeof addBedsBodySchema>;

export const updateBedBodySchema = z.strictObject({
  label: bedLabel.optional(),
  kind: bedKindSchema.optional(),
  retired: retired.optional(),
});
export type UpdateBedBody = z.infer<typeof updateBedBodySchema>;

/** Move a device to another resident, institution or room, relabel it, or retire it. */
export const updateDeviceBodySchema = z.strictObject({
  label: z.string().trim().max(100).optional(),
  residentId: uuid.nullable().optional(),
  institutionId: uuid.nullable().optional(),
  roomId: uuid.nullable().optional(),
  retired: retired.optional(),
});
export type UpdateDeviceBody = z.infer<typeof updateDeviceBodySchema>;

/** Change a user's name, role or scope, or disable the account (`disabled: true` ends its sessions). */
export const updateUserBodySchema = z.strictObject({
  name: name.optional(),
  role: roleSchema.optional(),
  institutionId: uuid.nullable().optional(),
  residentId: uuid.nullable().optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

/** A user as administrators manage it. */
export const userAccountSchema = z.object({
  id: uuid,
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  tenantId: uuid,
  institutionId: uuid.nullable(),
  residentId: uuid.nullable(),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserAccount = z.infer<typeof userAccountSchema>;
/** `GET /api/users`: whole accounts for admins, summaries for coordinators. */
export const userAccountListSchema = z.object({ items: z.array(z.union([userAccountSchema, userSummarySchema])) });

// ---- the register's audit log ----------------------------------------------------------------

/** What kinds of register objects changes are recorded for. */
export const AUDIT_ENTITIES = [
  'resident',
  'device',
  'institution',
  'room',
  'bed',
  'user',
  'kitchen',
  'menu',
  'meal_route',
  'meal_plan',
  'timebank_program',
  'timebank_organisation',
  'timebank_volunteer',
  'visit_settings',
  'visit_plan',
  'tenant_settings',
  'region',
  'assessment',
  'subsidy_category',
  'left_behind',
  'admission_application',
] as const;
export const auditEntitySchema = z.enum(AUDIT_ENTITIES);
export type AuditEntity = z.infer<typeof auditEntitySchema>;

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'retire',
  'reinstate',
  'credentials_reissued',
  'credentials_exported',
] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** One changed field: its dotted path and its value before and after (`null` where there was none). */
export const auditChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type AuditChange = z.infer<typeof auditChangeSchema>;

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: uuid.nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string(),
  clientAddress: z.string(),
  requestId: z.string(),
  entity: auditEntitySchema,
  entityId: z.string(),
  action: auditActionSchema,
  changes: z.array(auditChangeSchema),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const isoDateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
export const auditQuerySchema = z.strictObject({
  entity: auditEntitySchema.optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  actorId: uuid.optional(),
  /** From this day (district's time zone) or instant, inclusive. */
  from: isoDateOrTime.optional(),
  /** Up to this day (inclusive, district's time zone) or instant (exclusive). */
  to: isoDateOrTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;
export const auditPageSchema = z.object({ items: z.array(auditEntrySchema), total: z.number() });
export type AuditPage = z.infer<typeof auditPageSchema>;
