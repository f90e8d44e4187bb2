/**
 * Every write's references are checked against the writer's tenant here, once, for every /api
 * route: the validated JSON body of each request (nested objects and arrays included) is searched
 * for the API's reference fields — `institutionId`, `residentId`, `bedId`, `kitchenId`,
 * `fromAccountId`, `familyResidentIds`, … — and each id in them must be an object of the session's
 * tenant (TenantRefs), else `400` naming the field, as for any id that refers to nothing (the API's
 * rule for referenced ids, docs/security.md). It runs in the validation
 * hook every router shares (`router()` in openapi.ts), so after the role gate and the body's
 * validation (400) and before the handler. No route can forget it, and a new route whose body uses
 * these names is covered without doing anything.
 *
 * Field names are the API's contract: a body field ending in `Id`/`Ids` is a reference of the kind
 * listed in REFERENCE_FIELDS, or listed in NOT_REFERENCES. The authorization test fails for a
 * request-body field of /api/openapi.json that is in neither, so a new kind of reference needs a
 * decision. Ids that are not well-formed are left to the route's validation (400).
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './types.js';
import { badReference } from './errors.js';
import type { RefKind, Refs, TenantRefs } from '../modules/tenants/tenant-refs.js';

/** Body fields that name an object, and the kind of object they name. */
export const REFERENCE_FIELDS: Record<string, RefKind | ((body: Record<string, unknown>) => RefKind | null)> = {
  institutionId: 'institution',
  roomId: 'room',
  bedId: 'bed',
  residentId: 'resident',
  residentIds: 'resident',
  familyResidentIds: 'resident',
  deviceId: 'device',
  userId: 'user',
  runnerUserId: 'user',
  // A shift handover's incoming dispatcher.
  toUserId: 'user',
  kitchenId: 'kitchen',
  // A meal kitchen's supplier is another kitchen (the central kitchen).
  supplierId: 'kitchen',
  routeId: 'route',
  planId: 'meal plan',
  programId: 'program',
  accountId: 'account',
  fromAccountId: 'account',
  toAccountId: 'account',
  organisationId: 'organisation',
  volunteerId: 'volunteer',
  // A welfare visit plan's visitor is a volunteer profile.
  visitorId: 'volunteer',
  // A time-bank account's owner: the elder (a resident) or the family member (a user).
  // A region's parent, and the region of a resident or an institution.
  parentId: 'region',
  regionId: 'region',
  ownerId: (body) => (body.kind === 'elder' ? 'resident' : body.kind === 'family' ? 'user' : null),
};

/** Body fields ending in `Id` that are not references to objects of a tenant. */
export const NOT_REFERENCES = new Set(['idempotencyKey', 'eventId', 'commandId', 'requestId', 'stepId']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_DEPTH = 8;

/** The references a body carries, by kind (only well-formed ids); `fields` gets the field naming each. */
export function referencesIn(body: unknown, fields: Map<string, string> = new Map()): Refs {
  const out: Partial<Record<RefKind, string[]>> = {};
  const visit = (v: unknown, depth: number) => {
    if (depth > MAX_DEPTH || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const obj = v as Record<string, unknown>;
    for (const [key, value] of Object.entries(obj)) {
      const field = REFERENCE_FIELDS[key];
      const kind = typeof field === 'function' ? field(obj) : field;
      if (kind) {
        for (const id of Array.isArray(value) ? value : [value]) {
          if (typeof id !== 'string' || (kind === 'device' ? !id || id.length > 64 : !UUID.test(id))) continue;
          (out[kind] ??= []).push(id);
          if (!fields.has(`${kind}:${id}`)) fields.set(`${kind}:${id}`, key);
        }
      } else {
        visit(value, depth + 1);
      }
    }
  };
  visit(body, 0);
  return out;
}

/** Makes the checker available to every request's validation hook. */
export function provideTenantReferences(refs: TenantRefs): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('tenantRefs', refs);
    await next();
  };
}

/**
 * Checks a validated request body's references against the session's tenant (`400` naming the
 * field). Without a session (the login) there is nothing to check against. Fails closed when the
 * checker was not installed.
 */
export async function checkBodyReferences(c: Context<AppEnv>, body: unknown): Promise<void> {
  const user = c.get('user');
  if (!user) return;
  const fields = new Map<string, string>();
  const found = referencesIn(body, fields);
  if (Object.keys(found).length === 0) return;
  const refs = c.get('tenantRefs');
  if (!refs) throw new Error('tenant reference checker not installed');
  const miss = await refs.missing(user.tenantId, found);
  if (miss)
    throw badReference(fields.get(`${miss.kind}:${miss.id}`) ?? miss.kind, `refers to no ${miss.kind} you may use`);
}
