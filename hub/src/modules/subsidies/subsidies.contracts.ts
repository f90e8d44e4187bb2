/** The subsidies' route contracts (handlers in subsidies.routes.ts). */
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
} from '@eldercare/shared';
import { conflictResponse, errorResponses, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';

const idParams = z.object({ id: z.uuid() });
const tags = ['subsidies'];

export const listCategories = createRoute({
  method: 'get',
  path: '/subsidies/categories',
  tags,
  summary: 'The district’s subsidy categories with their eligibility rules (`all=true`: retired ones too)',
  security,
  middleware: [requireCapability('subsidies.figures')] as const,
  request: { query: benefitCategoryQuerySchema },
  responses: { 200: json(benefitCategoryListSchema, 'Categories'), ...errorResponses },
});

export const createCategory = createRoute({
  method: 'post',
  path: '/subsidies/categories',
  tags,
  summary:
    'Define a subsidy category: monthly amount, the meal subsidy category it pays for, and its rules over grade, age and economic status',
  security,
  middleware: [requireCapability('subsidies.write')] as const,
  request: { body: jsonBody(benefitCategoryBodySchema) },
  responses: { 201: json(benefitCategorySchema, 'Created'), ...errorResponses, ...conflictResponse },
});

export const updateCategory = createRoute({
  method: 'patch',
  path: '/subsidies/categories/{id}',
  tags,
  summary: 'Change a category (rules are replaced whole when sent), or retire / reinstate it',
  security,
  middleware: [requireCapability('subsidies.write')] as const,
  request: { params: idParams, body: jsonBody(benefitCategoryPatchSchema) },
  responses: {
    200: json(benefitCategorySchema, 'Updated'),
    ...errorResponses,
    ...notFoundResponse,
    ...conflictResponse,
  },
});

export const categoryRecipients = createRoute({
  method: 'get',
  path: '/subsidies/categories/{id}/recipients',
  tags,
  summary: 'The elders entitled to a category on the month’s evaluation day, with the rule that matched',
  security,
  middleware: [requireCapability('subsidies.write')] as const,
  request: { params: idParams, query: subsidyTotalsQuerySchema },
  responses: { 200: json(subsidyRecipientsSchema, 'Recipients'), ...errorResponses, ...notFoundResponse },
});

export const subsidyTotals = createRoute({
  method: 'get',
  path: '/subsidies/totals',
  tags,
  summary:
    'Monthly totals per category and township: elders entitled, amount, and the meals each category paid for (no names)',
  security,
  middleware: [requireCapability('subsidies.figures')] as const,
  request: { query: subsidyTotalsQuerySchema },
  responses: { 200: json(subsidyTotalsSchema, 'Totals'), ...errorResponses },
});

export const residentEntitlements = createRoute({
  method: 'get',
  path: '/residents/{id}/entitlements',
  tags,
  summary: 'The subsidies an elder is entitled to today, each with the rule that matched and why',
  security,
  middleware: [requireCapability('subsidies.entitlements')] as const,
  request: { params: idParams },
  responses: { 200: json(residentEntitlementsSchema, 'Entitlements'), ...errorResponses, ...notFoundResponse },
});
