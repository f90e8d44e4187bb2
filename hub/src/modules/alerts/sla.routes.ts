import { createRoute, z } from '@hono/zod-openapi';
import { slaQuerySchema, slaReasonBodySchema, slaReportSchema, slaTargetsSchema, rolesWith } from '@eldercare/shared';
import {
  conflictResponse,
  errorResponses,
  json,
  jsonBody,
  notFoundResponse,
  router,
  security,
} from '../../http/openapi.js';
import { requireRole } from '../auth/auth.middleware.js';
import { SLA_CSV_TABLES, slaCsv } from './sla-csv.js';
import { SLA_REASON_WRITERS, type SlaService } from './sla.service.js';

const READERS = rolesWith('sla.read');
const period =
  'Period: `month` (YYYY-MM, a calendar month in the district time zone), else `from`/`to` (ISO instants; default the ' +
  'last 30 days). `period` groups `byPeriod` by day, ISO week or month. All times are the hub clock (opened and ' +
  'acknowledged).';

export function slaRoutes(
  sla: SlaService,
  targets: { set(tenantId: string, t: z.infer<typeof slaTargetsSchema>): Promise<void> },
) {
  const app = router();
  const tags = ['reports'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/reports/sla',
      tags,
      summary:
        'Alarm-handling SLA: share of emergencies acknowledged within 60 s / 180 s against the district targets, per ' +
        'day, per period, dispatcher and community; the exceptions (over 180 s) with the recorded reason. ' +
        period,
      security,
      middleware: [requireRole(...READERS)] as const,
      request: { query: slaQuerySchema },
      responses: { 200: json(slaReportSchema, 'SLA report'), ...errorResponses },
    }),
    async (c) => c.json(await sla.report(c.get('user'), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/reports/sla.csv',
      tags,
      summary:
        'One table of the SLA report as CSV (UTF-8 with BOM): `table` = periods (default), dispatchers, communities ' +
        'or exceptions. ' +
        period,
      security,
      middleware: [requireRole(...READERS)] as const,
      request: { query: slaQuerySchema.extend({ table: z.enum(SLA_CSV_TABLES).default('periods') }) },
      responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' }, ...errorResponses },
    }),
    async (c) => {
      const { table, ...q } = c.req.valid('query');
      const report = await sla.report(c.get('user'), q);
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="sla-${table}.csv"`);
      return c.body(slaCsv(report, table), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/reports/sla/exceptions/{id}/reason',
      tags,
      summary:
        "Record why an incident was acknowledged more than 180 s after it opened (appended to the incident's audit " +
        'trail as `sla_reason`; the latest one shows in the report). 409 when the incident is not an exception.',
      security,
      middleware: [requireRole(...SLA_REASON_WRITERS)] as const,
      request: { params: z.object({ id: z.uuid() }), body: jsonBody(slaReasonBodySchema) },
      responses: {
        204: { description: 'Recorded' },
        ...errorResponses,
        ...notFoundResponse,
        ...conflictResponse,
      },
    }),
    async (c) => {
      await sla.recordReason(c.get('user'), c.req.valid('param').id, c.req.valid('json').reason);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/reports/sla/targets',
      tags,
      summary:
        'Set the district SLA targets: shares (0–1) to acknowledge within 60 s and within 180 s (default 0.975 / 0.99)',
      security,
      middleware: [requireRole('admin')] as const,
      request: { body: jsonBody(slaTargetsSchema) },
      responses: { 200: json(slaTargetsSchema, 'The targets now'), ...errorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      await targets.set(c.get('user').tenantId, body);
      return c.json(body, 200);
    },
  );
  return app;
}
