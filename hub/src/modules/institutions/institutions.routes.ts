import { createRoute, z } from '@hono/zod-openapi';
import { createInstitutionBodySchema, institutionBoardSchema, institutionSchema } from '@eldercare/shared';
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
import type { InstitutionsService } from './institutions.service.js';
import type { BoardService } from './board.service.js';

export function institutionsRoutes(institutions: InstitutionsService, board: BoardService) {
  const app = router();
  const tags = ['institutions'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/institutions',
      tags,
      summary: 'Institutions with rooms and beds (institution staff: their own)',
      security,
      middleware: [requireRole(...REGISTRY_READERS)] as const,
      responses: { 200: json(z.object({ items: z.array(institutionSchema) }), 'Institutions'), ...errorResponses },
    }),
    async (c) => c.json({ items: await institutions.list(c.get('user')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/institutions',
      tags,
      summary: 'Register an institution with its rooms and beds',
      security,
      middleware: [requireRole(...REGISTRY_WRITERS)] as const,
      request: { body: jsonBody(createInstitutionBodySchema) },
      responses: { 201: json(institutionSchema, 'Created'), ...errorResponses, ...conflictResponse },
    }),
    async (c) => c.json(await institutions.create(c.get('user'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/institutions/{id}',
      tags,
      summary: 'One institution',
      security,
      middleware: [requireRole(...REGISTRY_READERS)] as const,
      request: { params: z.object({ id: z.uuid() }) },
      responses: { 200: json(institutionSchema, 'The institution'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await institutions.get(c.get('user'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/institutions/{id}/board',
      tags,
      summary:
        'Live room/bed board: per bed the resident, in bed / out of bed / unknown (bed sensor `inBed`, stale after 30 min), ' +
        'latest vitals within 24 h, devices, the active alert; staffing required by care level vs. registered staff',
      security,
      middleware: [requireRole('admin', 'coordinator', 'supervisor', 'dispatcher', 'institution_staff')] as const,
      request: { params: z.object({ id: z.uuid() }) },
      responses: { 200: json(institutionBoardSchema, 'The board'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await board.board(c.get('user'), c.req.valid('param').id), 200),
  );
  return app;
}
