import { createRoute, z } from '@hono/zod-openapi';
import { auditPageSchema, auditQuerySchema, rolesWith } from '@eldercare/shared';
import { errorResponses, json, router, security } from '../../http/openapi.js';
import { requireRole } from '../auth/auth.middleware.js';
import { auditCsv } from './audit-csv.js';
import { EXPORT_MAX, type AuditService } from './audit.service.js';

const READERS = rolesWith('audit.read');
const filters =
  'Filters: `entity` (kind), `entityId`, `actorId` (user), `from`/`to` (a day in the district time zone, both ' +
  'inclusive, or an ISO instant). Admins see every entry of their district; coordinators all but those about users.';

export function auditRoutes(audit: AuditService) {
  const app = router();
  const tags = ['audit'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/audit',
      tags,
      summary:
        'The register audit log, newest first: who (user, role), when (hub clock), from where (client address) and ' +
        'what changed (field-level before/after; secrets never recorded). Append-only. ' +
        filters,
      security,
      middleware: [requireRole(...READERS)] as const,
      request: { query: auditQuerySchema },
      responses: { 200: json(auditPageSchema, 'A page of entries'), ...errorResponses },
    }),
    async (c) => c.json(await audit.search(c.get('user'), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/audit.csv',
      tags,
      summary: `The audit log as CSV (UTF-8), one row per changed field, at most ${EXPORT_MAX} entries. ${filters}`,
      security,
      middleware: [requireRole(...READERS)] as const,
      request: { query: auditQuerySchema },
      responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' }, ...errorResponses },
    }),
    async (c) => {
      const entries = await audit.export(c.get('user'), c.req.valid('query'));
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', 'attachment; filename="register-audit.csv"');
      return c.body(auditCsv(entries), 200);
    },
  );
  return app;
}
