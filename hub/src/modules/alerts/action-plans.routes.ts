import { createRoute, z } from '@hono/zod-openapi';
import {
  actionPlanBodySchema,
  actionPlanSchema,
  alertKindSchema,
  dispatchSettingsSchema,
  mapUrlTemplateSchema,
  rolesWith,
} from '@eldercare/shared';
import { errorResponses, json, jsonBody, notFoundResponse, router, security } from '../../http/openapi.js';
import { requireRole } from '../auth/auth.middleware.js';
import type { ActionPlansService } from './action-plans.service.js';

const kindParams = z.object({ kind: alertKindSchema });
const READERS = rolesWith('alerts.watch');
const EDITORS = rolesWith('actionPlans.write');

export function actionPlansRoutes(plans: ActionPlansService) {
  const app = router();
  const tags = ['alerts'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/dispatch-settings',
      tags,
      summary: "Every alarm kind's action plan (edited or built in) and the map link template",
      security,
      middleware: [requireRole(...READERS)] as const,
      responses: { 200: json(dispatchSettingsSchema, 'Dispatch settings'), ...errorResponses },
    }),
    async (c) => c.json(await plans.settings(c.get('user')), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/dispatch-settings/plans/{kind}',
      tags,
      summary: "Replace an alarm kind's action plan (the checklist of its incidents claimed from now on)",
      security,
      middleware: [requireRole(...EDITORS)] as const,
      request: { params: kindParams, body: jsonBody(actionPlanBodySchema) },
      responses: { 200: json(actionPlanSchema, 'Stored'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await plans.setPlan(c.get('user'), c.req.valid('param').kind, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/dispatch-settings/plans/{kind}',
      tags,
      summary: "Restore an alarm kind's built-in action plan",
      security,
      middleware: [requireRole(...EDITORS)] as const,
      request: { params: kindParams },
      responses: { 200: json(actionPlanSchema, 'The built-in plan'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await plans.resetPlan(c.get('user'), c.req.valid('param').kind), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/dispatch-settings/map-url',
      tags,
      summary: 'The map link template of incident places: {lat} and {lng} (or {lon}) are filled in',
      security,
      middleware: [requireRole(...EDITORS)] as const,
      request: { body: jsonBody(z.strictObject({ mapUrlTemplate: mapUrlTemplateSchema })) },
      responses: { 200: json(z.object({ mapUrlTemplate: z.string() }), 'Stored'), ...errorResponses },
    }),
    async (c) => c.json(await plans.setMapUrlTemplate(c.get('user'), c.req.valid('json').mapUrlTemplate), 200),
  );
  return app;
}
