import { createRoute, z } from '@hono/zod-openapi';
import { historyPageSchema, historyQuerySchema } from '@eldercare/shared';
import { errorResponses, json, router, security } from '../../http/openapi.js';
import { requireRole } from '../auth/auth.middleware.js';
import { historyCsv } from './history-csv.js';
import { HISTORY_EXPORT_MAX, HISTORY_READERS, type HistoryService } from './history.service.js';

const filters =
  'Filters: `q` (resident name, title or incident number), `residentId`, `kind` (any kind the incident holds), ' +
  '`source` (device, dc09, system), `outcome` (or `cancelled`), `dispatcherId` (who acknowledged), `from`/`to` ' +
  '(raised on these days in the district time zone, both inclusive, or ISO instants), `overSla` (acknowledged ' +
  'more than 180 s after opening, or never). Institution staff see their institution only.';

export function historyRoutes(history: HistoryService) {
  const app = router();
  const tags = ['history'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/incidents/history',
      tags,
      summary: `Closed incidents, newest first, a page at a time (the full record: GET /alerts/{id}). ${filters}`,
      security,
      middleware: [requireRole(...HISTORY_READERS)] as const,
      request: { query: historyQuerySchema },
      responses: { 200: json(historyPageSchema, 'A page of closed incidents'), ...errorResponses },
    }),
    async (c) => c.json(await history.search(c.get('user'), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/incidents/history.csv',
      tags,
      summary:
        `Closed incidents as one CSV (UTF-8 with BOM; local times with seconds), at most ${HISTORY_EXPORT_MAX} rows; ` +
        `cells a spreadsheet would run as a formula are prefixed with '. ${filters}`,
      security,
      middleware: [requireRole(...HISTORY_READERS)] as const,
      request: { query: historyQuerySchema },
      responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' }, ...errorResponses },
    }),
    async (c) => {
      const { items, timeZone } = await history.export(c.get('user'), c.req.valid('query'));
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', 'attachment; filename="incident-history.csv"');
      return c.body(historyCsv(items, timeZone), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/incidents/history/dispatchers',
      tags,
      summary: 'The people who have acknowledged incidents (id and name), for the dispatcher filter',
      security,
      middleware: [requireRole(...HISTORY_READERS)] as const,
      responses: {
        200: json(z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }), 'People'),
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await history.dispatchers(c.get('user')) }, 200),
  );
  return app;
}
