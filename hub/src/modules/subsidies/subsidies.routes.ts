import { createRoute, z } from '@hono/zod-openapi';
import {
  residentEntitlementsSchema,
  benefitCategoryBodySchema,
  benefitCategoryListSchema,
  benefitCategoryPatchSchema,
  benefitCategoryQuerySchema,
  benefitCategorySchema,
  subsidyRecipientsSchema,
  subsidyTotalsQuerySchema,
  subsidyTotalsSchema,
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
import { SUBSIDY_FIGURE_READERS, SUBSIDY_WRITERS, type SubsidiesService } from './subsidies.service.js';

const idParams = z.object({ id: z.uuid() });
/** An elder's entitlements: who may see the elder (the service scopes institution staff and family). */
const ENTITLEMENT_READERS = rolesWith('subsidies.entitlements');

export function subsidiesRoutes(subsidies: SubsidiesService) {
  const app = router();
  const tags = ['subsidies'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/subsidies/categories',
      tags,
      summary: 'The district’s subsidy categories with their eligibility rules (`all=true`: retired ones too)',
      security,
      middleware: [requireRole(...SUBSIDY_FIGURE_READERS)] as const,
      request: { query: benefitCategoryQuerySchema },
      responses: { 200: json(benefitCategoryListSchema, 'Categories'), ...errorResponses },
    }),
    async (c) => c.json({ items: await subsidies.list(c.get('user'), c.req.valid('query').all === 'true') }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/subsidies/categories',
      tags,
      summary:
        'Define a subsidy category: monthly amount, the meal subsidy category it pays for, and its rules over grade, age and economic status',
      security,
      middleware: [requireRole(...SUBSIDY_WRITERS)] as const,
      request: { body: jsonBody(benefitCategoryBodySchema) },
      responses: { 201: json(benefitCategorySchema, 'Created'), ...errorResponses, ...conflictResponse },
    }),
    async (c) => c.json(await subsidies.create(c.get('user'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/subsidies/categories/{id}',
      tags,
      summary: 'Change a category (rules are replaced whole when sent), or retire / reinstate it',
      security,
      middleware: [requireRole(...SUBSIDY_WRITERS)] as const,
      request: { params: idParams, body: jsonBody(benefitCategoryPatchSchema) },
      responses: {
        200: json(benefitCategorySchema, 'Updated'),
        ...errorResponses,
        ...notFoundResponse,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await subsidies.update(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/subsidies/categories/{id}/recipients',
      tags,
      summary: 'The elders entitled to a category on the month’s evaluation day, with the rule that matched',
      security,
      middleware: [requireRole(...SUBSIDY_WRITERS)] as const,
      request: { params: idParams, query: subsidyTotalsQuerySchema },
      responses: { 200: json(subsidyRecipientsSchema, 'Recipients'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) =>
      c.json(await subsidies.recipients(c.get('user'), c.req.valid('param').id, c.req.valid('query').month), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/subsidies/totals',
      tags,
      summary:
        'Monthly totals per category and township: elders entitled, amount, and the meals each category paid for (no names)',
      security,
      middleware: [requireRole(...SUBSIDY_FIGURE_READERS)] as const,
      request: { query: subsidyTotalsQuerySchema },
      responses: { 200: json(subsidyTotalsSchema, 'Totals'), ...errorResponses },
    }),
    async (c) => c.json(await subsidies.totals(c.get('user'), c.req.valid('query').month), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/residents/{id}/entitlements',
      tags,
      summary: 'The subsidies an elder is entitled to today, each with the rule that matched and why',
      security,
      middleware: [requireRole(...ENTITLEMENT_READERS)] as const,
      request: { params: idParams },
      responses: { 200: json(residentEntitlementsSchema, 'Entitlements'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await subsidies.entitlements(c.get('user'), c.req.valid('param').id), 200),
  );
  return app;
}
