/** The contracts of the routes in action-plans.routes.ts: path, parameters, body, responses, roles and documentation of each. */
import { createRoute, z } from '@hono/zod-openapi';
import {
  actionPlanBodySchema,
  actionPlanSchema,
  alertKindSchema,
  dispatchSettingsSchema,
  mapUrlTemplateSchema,
} from '@eldercare/shared';
import { errorResponses, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';

const kindParams = z.object({ kind: alertKindSchema });

const tags = ['alerts'];

export const getDispatchSettings = createRoute({
  method: 'get',
  path: '/dispatch-settings',
  tags,
  summary: "Every alarm kind's action plan (edited or built in) and the map link template",
  security,
  middleware: [requireCapability('alerts.watch')] as const,
  responses: { 200: json(dispatchSettingsSchema, 'Dispatch settings'), ...errorResponses },
});

export const setActionPlan = createRoute({
  method: 'put',
  path: '/dispatch-settings/plans/{kind}',
  tags,
  summary: "Replace an alarm kind's action plan (the checklist of its incidents claimed from now on)",
  security,
  middleware: [requireCapability('actionPlans.write')] as const,
  request: { params: kindParams, body: jsonBody(actionPlanBodySchema) },
  responses: { 200: json(actionPlanSchema, 'Stored'), ...errorResponses, ...notFoundResponse },
});

export const resetActionPlan = createRoute({
  method: 'delete',
  path: '/dispatch-settings/plans/{kind}',
  tags,
  summary: "Restore an alarm kind's built-in action plan",
  security,
  middleware: [requireCapability('actionPlans.write')] as const,
  request: { params: kindParams },
  responses: { 200: json(actionPlanSchema, 'The built-in plan'), ...errorResponses, ...notFoundResponse },
});

export const setMapUrlTemplate = createRoute({
  method: 'put',
  path: '/dispatch-settings/map-url',
  tags,
  summary: 'The map link template of incident places: {lat} and {lng} (or {lon}) are filled in',
  security,
  middleware: [requireCapability('actionPlans.write')] as const,
  request: { body: jsonBody(z.strictObject({ mapUrlTemplate: mapUrlTemplateSchema })) },
  responses: { 200: json(z.object({ mapUrlTemplate: z.string() }), 'Stored'), ...errorResponses },
});
