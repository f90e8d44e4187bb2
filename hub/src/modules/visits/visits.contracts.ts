/** The welfare visits' route contracts (handlers in visits.routes.ts). */
import { createRoute, z } from '@hono/zod-openapi';
import {
  visitBodySchema,
  visitPlanPatchSchema,
  visitPlanQuerySchema,
  visitPlanSchema,
  visitReportQuerySchema,
  visitReportSchema,
  visitSettingsSchema,
  welfareContactQuerySchema,
  welfareContactSchema,
} from '@eldercare/shared';
import { errorResponses, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';

const residentParams = z.object({ residentId: z.uuid() });
const tags = ['welfare visits'];

export const visitSettings = createRoute({
  method: 'get',
  path: '/visits/settings',
  tags,
  summary: 'Visit intervals per risk tier and the visit-rate targets',
  security,
  middleware: [requireCapability('visits.settings')] as const,
  responses: { 200: json(visitSettingsSchema, 'Settings'), ...errorResponses },
});

export const updateVisitSettings = createRoute({
  method: 'put',
  path: '/visits/settings',
  tags,
  summary: 'Change the visit intervals and targets',
  security,
  middleware: [requireCapability('visits.plan')] as const,
  request: { body: jsonBody(visitSettingsSchema) },
  responses: { 200: json(visitSettingsSchema, 'Saved'), ...errorResponses },
});

export const listVisitPlans = createRoute({
  method: 'get',
  path: '/visits/plans',
  tags,
  summary: 'Visit plans of elders at home: tier, interval, last contact, when due, overdue first',
  security,
  middleware: [requireCapability('visits.read')] as const,
  request: { query: visitPlanQuerySchema },
  responses: { 200: json(z.object({ items: z.array(visitPlanSchema) }), 'Plans'), ...errorResponses },
});

export const updateVisitPlan = createRoute({
  method: 'patch',
  path: '/visits/plans/{residentId}',
  tags,
  summary: "Override an elder's visit interval or assign their visitor",
  security,
  middleware: [requireCapability('visits.plan')] as const,
  request: { params: residentParams, body: jsonBody(visitPlanPatchSchema) },
  responses: { 200: json(visitPlanSchema, 'The plan'), ...errorResponses, ...notFoundResponse },
});

export const listContacts = createRoute({
  method: 'get',
  path: '/visits',
  tags,
  summary: 'The visit log: every real contact (visits, services, meals), newest first',
  security,
  middleware: [requireCapability('visits.read')] as const,
  request: { query: welfareContactQuerySchema },
  responses: { 200: json(z.object({ items: z.array(welfareContactSchema) }), 'Contacts'), ...errorResponses },
});

export const logVisit = createRoute({
  method: 'post',
  path: '/visits',
  tags,
  summary: 'Log a welfare visit; a concern raises a welfare-concern incident for dispatch',
  security,
  middleware: [requireCapability('visits.log')] as const,
  request: { body: jsonBody(visitBodySchema) },
  responses: { 201: json(welfareContactSchema, 'Logged'), ...errorResponses, ...notFoundResponse },
});

export const visitReport = createRoute({
  method: 'get',
  path: '/visits/report',
  tags,
  summary: 'Monthly visit rate per community and for the district against the target, and who is overdue',
  security,
  middleware: [requireCapability('visits.reports')] as const,
  request: { query: visitReportQuerySchema },
  responses: { 200: json(visitReportSchema, 'Report'), ...errorResponses },
});
