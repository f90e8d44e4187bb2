/**
 * The one check every write's references go through: each id a request names (institution,
 * resident, room, bed, device, user, kitchen, route, meal plan, program, account, organisation,
 * volunteer) must be an object of the writer's own tenant. An id that is not — unknown, or another
 * tenant's — answers `404 <kind> not found`, the same as an unknown id, so another tenant's ids are
 * not even confirmed to exist. One query per write, however many references it carries.
 *
 * Services call `refs.check(user.tenantId, { institution: body.institutionId, … })` before they
 * write; role and scope rules within the tenant (a staff member's own institution, a volunteer's
 * own account) stay with each service.
 */

/** The kinds of object a write can refer to (tenant-refs.repo.ts knows each one's table). */
export const REF_KINDS = [
  'institution',
  'room',
  'bed',
  'region',
  'resident',
  'device',
  'user',
  'kitchen',
  'route',
  'meal plan',
  'program',
  'account',
  'organisation',
  'volunteer',
] as const;

export type RefKind = (typeof REF_KINDS)[number];
/** The references of one write: absent, null and empty entries are skipped. */
export type Refs = Partial<Record<RefKind, string | null | undefined | readonly string[]>>;

/** Checks a write's references against the writer's tenant. */
export interface TenantRefs {
  /** The first reference that is not an object of `tenantId` (unknown or another tenant's), if any. */
  missing(tenantId: string, refs: Refs): Promise<{ kind: RefKind; id: string } | null>;
}
