/** The contracts of the routes in audit.routes.ts: path, parameters, body, responses, roles and documentation of each. */
import { createRoute, z } from '@hono/zod-openapi';
import { auditPageSchema, auditQuerySchema } from '@eldercare/shared';
import { errorResponses, json, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';
import { EXPORT_MAX } from './audit.service.js';

const filters =
  'Filters: `entity` (kind), `entityId`, `actorId` (user), `from`/`to` (a day in the district time zone, both ' +
  'inclusive, or an ISO instant). Admins see every entry of their district; coordinators all but those about users.';

const tags = ['audit'];

export const listAudit = createRoute({
  method: 'get',
  path: '/audit',
  tags,
  summary:
    'The register audit log, newest first: who (user, role), when (hub clock), from where (client address) and ' +
    'what changed (field-level before/after; secrets never recorded). Append-only. ' +
    filters,
  security,
  middleware: [requireCapability('audit.read')] as const,
  request: { query: auditQuerySchema },
  responses: { 200: json(auditPageSchema, 'A page of entries'), ...errorResponses },
});

export const exportAuditCsv = createRoute({
  method: 'get',
  path: '/audit.csv',
  tags,
  summary: `The audit log as CSV (UTF-8), one row per changed field, at most ${EXPORT_MAX} entries. ${filters}`,
  security,
  middleware: [requireCapability('audit.read')] as const,
  request: { query: auditQuerySchema },
  responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' }, ...errorResponses },
});
