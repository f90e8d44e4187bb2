import { createRoute, z } from '@hono/zod-openapi';
import { residentBodySchema, residentPatchSchema, residentQuerySchema, residentSchema } from '@eldercare/shared';
import {
  errorResponses,
  conflictResponse,
  json,
  jsonBody,
  notFoundResponse,
  router,
  security,
} from '../../http/openapi.js';
import { REGISTRY_READERS, REGISTRY_WRITERS, requireRole } from '../auth/auth.middleware.js';
import type { ResidentsService } from './residents.service.js';

const idParams = z.object({ id: z.uuid() });

export function residentsRoutes(residents: ResidentsService) {
  const app = router();
  const tags = ['residents'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/residents',
      tags,
      summary: 'Search residents (institution staff: their institution; family: their elder)',
      security,
      middleware: [requireRole(...REGISTRY_READERS)] as const,
      request: { query: residentQuerySchema },
      responses: {
        200: json(z.object({ items: z.array(residentSchema), total: z.number() }), 'Residents'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await residents.list(c.get('user'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/residents',
      tags,
      summary: 'Register a resident (elder) with risk categories, contacts and placement',
      security,
      middleware: [requireRole(...REGISTRY_WRITERS, 'institution_staff')] as const,
      request: { body: jsonBody(residentBodySchema) },
      responses: { 201: json(residentSchema, 'Created'), ...errorResponses, ...conflictResponse },
    }),
    async (c) => c.json(await residents.create(c.get('user'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/residents/{id}',
      tags,
      summary: 'One resident',
      security,
      middleware: [requireRole(...REGISTRY_READERS)] as const,
      request: { params: idParams },
      responses: { 200: json(residentSchema, 'The resident'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await residents.get(c.get('user'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/residents/{id}',
      tags,
      summary: 'Change a resident',
      security,
      middleware: [requireRole(...REGISTRY_WRITERS, 'institution_staff')] as const,
      request: { params: idParams, body: jsonBody(residentPatchSchema) },
      responses: {
        200: json(residentSchema, 'Updated'),
        ...errorResponses,
        ...notFoundResponse,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await residents.update(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  return app;
}
