import { createRoute, z } from '@hono/zod-openapi';
import {
  leftBehindBodySchema,
  leftBehindElderSchema,
  leftBehindListSchema,
  leftBehindPatchSchema,
  leftBehindQuerySchema,
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
import { LEFT_BEHIND_READERS, LEFT_BEHIND_WRITERS, type LeftBehindService } from './left-behind.service.js';

export function leftBehindRoutes(register: LeftBehindService) {
  const app = router();
  const tags = ['left-behind'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/left-behind',
      tags,
      summary:
        'The rural left-behind elders register with care contacts and visit status, and counts per village (`regionId`: a township or village)',
      security,
      middleware: [requireRole(...LEFT_BEHIND_READERS)] as const,
      request: { query: leftBehindQuerySchema },
      responses: { 200: json(leftBehindListSchema, 'Register'), ...errorResponses },
    }),
    async (c) => c.json(await register.list(c.get('user'), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/left-behind',
      tags,
      summary:
        'Enter an elder living in a village in the register with their care contacts (also sets the left_behind risk category)',
      security,
      middleware: [requireRole(...LEFT_BEHIND_WRITERS)] as const,
      request: { body: jsonBody(leftBehindBodySchema) },
      responses: { 201: json(leftBehindElderSchema, 'Registered'), ...errorResponses, ...conflictResponse },
    }),
    async (c) => c.json(await register.register(c.get('user'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/left-behind/{residentId}',
      tags,
      summary: 'Change the care contacts or registration day, or take the elder out of the register (`retired`)',
      security,
      middleware: [requireRole(...LEFT_BEHIND_WRITERS)] as const,
      request: { params: z.object({ residentId: z.uuid() }), body: jsonBody(leftBehindPatchSchema) },
      responses: { 200: json(leftBehindElderSchema, 'Updated'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) =>
      c.json(await register.update(c.get('user'), c.req.valid('param').residentId, c.req.valid('json')), 200),
  );
  return app;
}
