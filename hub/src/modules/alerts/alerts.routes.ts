import { createRoute, z } from '@hono/zod-openapi';
import {
  alertActionBodySchema,
  alertDetailSchema,
  alertListQuerySchema,
  alertSchema,
  checklistTickBodySchema,
  outcomesReportSchema,
  phoneInBodySchema,
  incidentsPerDayQuerySchema,
  incidentsPerDaySchema,
  rolesWith,
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
import type { AlertViews } from './alert-views.service.js';
import type { DispatchActions } from './dispatch-actions.service.js';
import type { IncidentsService } from './incidents.service.js';

const idParams = z.object({ id: z.uuid() });
const WATCHERS = rolesWith('alerts.watch');
const HANDLERS = rolesWith('alerts.handle');
const CALL_TAKERS = rolesWith('alerts.phoneIn');

/** What the routes call: the reads and the dispatcher's actions (bound methods of both services). */
export type AlertsApi = Pick<AlertViews, 'list' | 'get'> &
  Pick<DispatchActions, 'claim' | 'act' | 'tickStep' | 'phoneIn'>;

export function alertsRoutes(alerts: AlertsApi, incidents: IncidentsService) {
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
      path: '/alerts/phone-in',
      tags,
      summary:
        'Record a phone call as an incident (source "phone", caller kept): the elder by residentId, or an unknown ' +
        'caller by number; same lifecycle, timers and audit as a device alarm; the call taker holds it. ' +
        "201 when it opened an incident, 200 when it was folded into the elder's open one",
      security,
      middleware: [requireRole(...CALL_TAKERS)] as const,
      request: { body: jsonBody(phoneInBodySchema) },
      responses: {
        201: json(alertSchema, 'A new incident, claimed by you'),
        200: json(alertSchema, "Folded into the elder's open incident"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const r = await alerts.phoneIn(c.get('user'), c.req.valid('json'));
      return r.created ? c.json(r.alert, 201) : c.json(r.alert, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/alerts/{id}/checklist',
      tags,
      summary:
        "Tick a step of the incident's checklist (the resident's instructions, then the kind's action plan): " +
        "recorded in the audit with the hub's time and who ticked it",
      security,
      middleware: [requireRole(...HANDLERS)] as const,
      request: { params: idParams, body: jsonBody(checklistTickBodySchema) },
      responses: {
        200: json(alertDetailSchema, 'The incident with its checklist'),
        ...errorResponses,
        ...notFoundResponse,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await alerts.tickStep(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
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
      path: '/reports/outcomes',
      tags: ['reports'],
      summary:
        'How closed incidents ended, by outcome code and by source (device, phone, system), with false alarms by reason',
      security,
      middleware: [requireRole('admin', 'coordinator', 'supervisor', 'dispatcher')] as const,
      request: {
        query: z.object({
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
        }),
      },
      responses: { 200: json(outcomesReportSchema, 'Outcomes'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await incidents.outcomes(c.get('user'), q.from, q.to), 200);
    },
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
