import { createRoute, z } from '@hono/zod-openapi';
import {
  alertActionBodySchema,
  alertDetailSchema,
  alertListQuerySchema,
  alertSchema,
  incidentsPerDayQuerySchema,
  incidentsPerDaySchema,
} from '@eldercare/shared';
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
import type { AlertsService } from './alerts.service.js';
import type { IncidentsService } from './incidents.service.js';

const idParams = z.object({ id: z.uuid() });
const WATCHERS = ['admin', 'coordinator', 'dispatcher', 'supervisor', 'institution_staff'] as const;
const HANDLERS = ['admin', 'dispatcher', 'supervisor', 'institution_staff'] as const;

export function alertsRoutes(alerts: AlertsService, incidents: IncidentsService) {
  const app = router();
  const tags = ['alerts'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/alerts',
      tags,
      summary:
        'Alerts in the queue order (active: critical class first, then escalated, then oldest; closed: newest first); ' +
        'institution staff see their residents only',
      security,
      middleware: [requireRole(...WATCHERS)] as const,
      request: { query: alertListQuerySchema },
      responses: { 200: json(z.object({ items: z.array(alertSchema) }), 'Alerts'), ...errorResponses },
    }),
    async (c) => c.json({ items: await alerts.list(c.get('user'), c.req.valid('query')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/alerts/{id}',
      tags,
      summary: 'One alert with all its signals and its audit trail',
      security,
      middleware: [requireRole(...WATCHERS)] as const,
      request: { params: idParams },
      responses: { 200: json(alertDetailSchema, 'The alert'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await alerts.get(c.get('user'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/alerts/{id}/claim',
      tags,
      summary: 'Claim (acknowledge) an alert: exactly one dispatcher wins; the device is told help is coming',
      security,
      middleware: [requireRole(...HANDLERS)] as const,
      request: { params: idParams },
      responses: {
        200: json(alertSchema, 'Claimed by you'),
        ...errorResponses,
        ...notFoundResponse,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await alerts.claim(c.get('user'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/alerts/{id}/actions',
      tags,
      summary:
        'Next lifecycle step: contact_made, no_contact, dispatch (with responder), accepted, on_scene, resolve (with outcome), cancel, note',
      security,
      middleware: [requireRole(...HANDLERS)] as const,
      request: { params: idParams, body: jsonBody(alertActionBodySchema) },
      responses: { 200: json(alertSchema, 'Updated'), ...errorResponses, ...notFoundResponse, ...conflictResponse },
    }),
    async (c) => c.json(await alerts.act(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/reports/incidents-per-day',
      tags: ['reports'],
      summary:
        "Alerts raised per calendar day in the tenant's time zone over the last `days` days (today last, empty days 0): " +
        'total, critical emergencies, device health',
      security,
      middleware: [requireRole('admin', 'coordinator', 'supervisor', 'dispatcher')] as const,
      request: { query: incidentsPerDayQuerySchema },
      responses: { 200: json(incidentsPerDaySchema, 'Incidents per day'), ...errorResponses },
    }),
    async (c) => c.json(await incidents.perDay(c.get('user'), c.req.valid('query').days), 200),
  );
  return app;
}
