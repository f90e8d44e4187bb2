/** The contracts of the routes in alerts.routes.ts: path, parameters, body, responses, roles and documentation of each. */
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
} from '@eldercare/shared';
import { conflictResponse, errorResponses, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';

const idParams = z.object({ id: z.uuid() });

const tags = ['alerts'];

export const listAlerts = createRoute({
  method: 'get',
  path: '/alerts',
  tags,
  summary:
    'Alerts in the queue order (active: critical class first, then escalated, then oldest; closed: newest first); ' +
    'institution staff see their residents only',
  security,
  middleware: [requireCapability('alerts.watch')] as const,
  request: { query: alertListQuerySchema },
  responses: { 200: json(z.object({ items: z.array(alertSchema) }), 'Alerts'), ...errorResponses },
});

export const getAlert = createRoute({
  method: 'get',
  path: '/alerts/{id}',
  tags,
  summary: 'One alert with all its signals and its audit trail',
  security,
  middleware: [requireCapability('alerts.watch')] as const,
  request: { params: idParams },
  responses: { 200: json(alertDetailSchema, 'The alert'), ...errorResponses, ...notFoundResponse },
});

export const phoneIn = createRoute({
  method: 'post',
  path: '/alerts/phone-in',
  tags,
  summary:
    'Record a phone call as an incident (source "phone", caller kept): the elder by residentId, or an unknown ' +
    'caller by number; same lifecycle, timers and audit as a device alarm; the call taker holds it. ' +
    "201 when it opened an incident, 200 when it was folded into the elder's open one",
  security,
  middleware: [requireCapability('alerts.phoneIn')] as const,
  request: { body: jsonBody(phoneInBodySchema) },
  responses: {
    201: json(alertSchema, 'A new incident, claimed by you'),
    200: json(alertSchema, "Folded into the elder's open incident"),
    ...errorResponses,
  },
});

export const tickChecklistStep = createRoute({
  method: 'post',
  path: '/alerts/{id}/checklist',
  tags,
  summary:
    "Tick a step of the incident's checklist (the resident's instructions, then the kind's action plan): " +
    "recorded in the audit with the hub's time and who ticked it",
  security,
  middleware: [requireCapability('alerts.handle')] as const,
  request: { params: idParams, body: jsonBody(checklistTickBodySchema) },
  responses: {
    200: json(alertDetailSchema, 'The incident with its checklist'),
    ...errorResponses,
    ...notFoundResponse,
    ...conflictResponse,
  },
});

export const claimAlert = createRoute({
  method: 'post',
  path: '/alerts/{id}/claim',
  tags,
  summary: 'Claim (acknowledge) an alert: exactly one dispatcher wins; the device is told help is coming',
  security,
  middleware: [requireCapability('alerts.handle')] as const,
  request: { params: idParams },
  responses: {
    200: json(alertSchema, 'Claimed by you'),
    ...errorResponses,
    ...notFoundResponse,
    ...conflictResponse,
  },
});

export const actOnAlert = createRoute({
  method: 'post',
  path: '/alerts/{id}/actions',
  tags,
  summary:
    'Next lifecycle step: contact_made, no_contact, dispatch (with responder), accepted, on_scene, resolve (with outcome), cancel, note',
  security,
  middleware: [requireCapability('alerts.handle')] as const,
  request: { params: idParams, body: jsonBody(alertActionBodySchema) },
  responses: { 200: json(alertSchema, 'Updated'), ...errorResponses, ...notFoundResponse, ...conflictResponse },
});

export const outcomesReport = createRoute({
  method: 'get',
  path: '/reports/outcomes',
  tags: ['reports'],
  summary:
    'How closed incidents ended, by outcome code and by source (device, phone, system), with false alarms by reason',
  security,
  middleware: [requireCapability('alerts.dispatch')] as const,
  request: {
    query: z.object({
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
    }),
  },
  responses: { 200: json(outcomesReportSchema, 'Outcomes'), ...errorResponses },
});

export const incidentsPerDayReport = createRoute({
  method: 'get',
  path: '/reports/incidents-per-day',
  tags: ['reports'],
  summary:
    "Alerts raised per calendar day in the tenant's time zone over the last `days` days (today last, empty days 0): " +
    'total, critical emergencies, device health',
  security,
  middleware: [requireCapability('alerts.dispatch')] as const,
  request: { query: incidentsPerDayQuerySchema },
  responses: { 200: json(incidentsPerDaySchema, 'Incidents per day'), ...errorResponses },
});
