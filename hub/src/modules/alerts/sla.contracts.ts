/** The contracts of the routes in sla.routes.ts: path, parameters, body, responses, roles and documentation of each. */
import { createRoute, z } from '@hono/zod-openapi';
import { slaQuerySchema, slaReasonBodySchema, slaReportSchema, slaTargetsSchema } from '@eldercare/shared';
import { conflictResponse, errorResponses, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';
import { SLA_CSV_TABLES } from './sla-csv.js';

const period =
  'Period: `month` (YYYY-MM, a calendar month in the district time zone), else `from`/`to` (ISO instants; default the ' +
  'last 30 days). `period` groups `byPeriod` by day, ISO week or month. All times are the hub clock (opened and ' +
  'acknowledged).';

const tags = ['reports'];

export const slaReport = createRoute({
  method: 'get',
  path: '/reports/sla',
  tags,
  summary:
    'Alarm-handling SLA: share of emergencies acknowledged within 60 s / 180 s against the district targets, per ' +
    'day, per period, dispatcher and community; the exceptions (over 180 s) with the recorded reason. ' +
    period,
  security,
  middleware: [requireCapability('sla.read')] as const,
  request: { query: slaQuerySchema },
  responses: { 200: json(slaReportSchema, 'SLA report'), ...errorResponses },
});

export const slaReportCsv = createRoute({
  method: 'get',
  path: '/reports/sla.csv',
  tags,
  summary:
    'One table of the SLA report as CSV (UTF-8 with BOM): `table` = periods (default), dispatchers, communities ' +
    'or exceptions. ' +
    period,
  security,
  middleware: [requireCapability('sla.read')] as const,
  request: { query: slaQuerySchema.extend({ table: z.enum(SLA_CSV_TABLES).default('periods') }) },
  responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' }, ...errorResponses },
});

export const recordSlaReason = createRoute({
  method: 'post',
  path: '/reports/sla/exceptions/{id}/reason',
  tags,
  summary:
    "Record why an incident was acknowledged more than 180 s after it opened (appended to the incident's audit " +
    'trail as `sla_reason`; the latest one shows in the report). 409 when the incident is not an exception.',
  security,
  middleware: [requireCapability('sla.reasons')] as const,
  request: { params: z.object({ id: z.uuid() }), body: jsonBody(slaReasonBodySchema) },
  responses: {
    204: { description: 'Recorded' },
    ...errorResponses,
    ...notFoundResponse,
    ...conflictResponse,
  },
});

export const setSlaTargets = createRoute({
  method: 'put',
  path: '/reports/sla/targets',
  tags,
  summary:
    'Set the district SLA targets: shares (0–1) to acknowledge within 60 s and within 180 s (default 0.975 / 0.99)',
  security,
  middleware: [requireCapability('sla.targets')] as const,
  request: { body: jsonBody(slaTargetsSchema) },
  responses: { 200: json(slaTargetsSchema, 'The targets now'), ...errorResponses },
});
