/** The contracts of the routes in history.routes.ts: path, parameters, body, responses, roles and documentation of each. */
import { createRoute, z } from '@hono/zod-openapi';
import { historyPageSchema, historyQuerySchema } from '@eldercare/shared';
import { errorResponses, json, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';
import { HISTORY_EXPORT_MAX } from './history.service.js';

const filters =
  'Filters: `q` (resident name, title or incident number), `residentId`, `kind` (any kind the incident holds), ' +
  '`source` (device, dc09, system), `outcome` (or `cancelled`), `dispatcherId` (who acknowledged), `from`/`to` ' +
  '(raised on these days in the district time zone, both inclusive, or ISO instants), `overSla` (acknowledged ' +
  'more than 180 s after opening, or never). Institution staff see their institution only.';

const tags = ['history'];

export const listHistory = createRoute({
  method: 'get',
  path: '/incidents/history',
  tags,
  summary: `Closed incidents, newest first, a page at a time (the full record: GET /alerts/{id}). ${filters}`,
  security,
  middleware: [requireCapability('history.read')] as const,
  request: { query: historyQuerySchema },
  responses: { 200: json(historyPageSchema, 'A page of closed incidents'), ...errorResponses },
});

export const exportHistoryCsv = createRoute({
  method: 'get',
  path: '/incidents/history.csv',
  tags,
  summary:
    `Closed incidents as one CSV (UTF-8 with BOM; local times with seconds), at most ${HISTORY_EXPORT_MAX} rows; ` +
    `cells a spreadsheet would run as a formula are prefixed with '. ${filters}`,
  security,
  middleware: [requireCapability('history.read')] as const,
  request: { query: historyQuerySchema },
  responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' }, ...errorResponses },
});

export const historyDispatchers = createRoute({
  method: 'get',
  path: '/incidents/history/dispatchers',
  tags,
  summary: 'The people who have acknowledged incidents (id and name), for the dispatcher filter',
  security,
  middleware: [requireCapability('history.read')] as const,
  responses: {
    200: json(z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }), 'People'),
    ...errorResponses,
  },
});
