/** The contracts of the routes in residents.routes.ts: path, parameters, body, responses, roles and documentation of each. */
import { createRoute, z } from '@hono/zod-openapi';
import { residentBodySchema, residentPatchSchema, residentQuerySchema, residentSchema } from '@eldercare/shared';
import { errorResponses, conflictResponse, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';

const idParams = z.object({ id: z.uuid() });

const tags = ['residents'];

export const listResidents = createRoute({
  method: 'get',
  path: '/residents',
  tags,
  summary: 'Search residents (institution staff: their institution; family: their elder)',
  security,
  middleware: [requireCapability('registry.read')] as const,
  request: { query: residentQuerySchema },
  responses: {
    200: json(z.object({ items: z.array(residentSchema), total: z.number() }), 'Residents'),
    ...errorResponses,
  },
});

export const createResident = createRoute({
  method: 'post',
  path: '/residents',
  tags,
  summary: 'Register a resident (elder) with risk categories, contacts and placement',
  security,
  middleware: [requireCapability('residents.write')] as const,
  request: { body: jsonBody(residentBodySchema) },
  responses: { 201: json(residentSchema, 'Created'), ...errorResponses, ...conflictResponse },
});

export const getResident = createRoute({
  method: 'get',
  path: '/residents/{id}',
  tags,
  summary: 'One resident',
  security,
  middleware: [requireCapability('registry.read')] as const,
  request: { params: idParams },
  responses: { 200: json(residentSchema, 'The resident'), ...errorResponses, ...notFoundResponse },
});

export const updateResident = createRoute({
  method: 'patch',
  path: '/residents/{id}',
  tags,
  summary: 'Change a resident',
  security,
  middleware: [requireCapability('residents.write')] as const,
  request: { params: idParams, body: jsonBody(residentPatchSchema) },
  responses: {
    200: json(residentSchema, 'Updated'),
    ...errorResponses,
    ...notFoundResponse,
    ...conflictResponse,
  },
});
