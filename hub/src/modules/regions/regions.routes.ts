import { createRoute, z } from '@hono/zod-openapi';
import {
  adoptCommunitiesBodySchema,
  adoptCommunitiesResultSchema,
  regionBodySchema,
  regionListSchema,
  regionPatchSchema,
  regionQuerySchema,
  regionSchema,
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
import { REGISTRY_WRITERS, requireRole } from '../auth/auth.middleware.js';
import type { RegionsService } from './regions.service.js';

const idParams = z.object({ id: z.uuid() });
/** Regions carry no personal data: every role that works with the register or the indicators reads them. */
const READERS = rolesWith('regions.read');

export function regionsRoutes(regions: RegionsService) {
  const app = router();
  const tags = ['regions'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/regions',
      tags,
      summary:
        'The region hierarchy (district → township/street → community/village) with resident and institution counts',
      security,
      middleware: [requireRole(...READERS)] as const,
      request: { query: regionQuerySchema },
      responses: { 200: json(regionListSchema, 'Regions, sorted by path'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        { items: await regions.list(c.get('user'), { level: q.level, includeRetired: q.all === 'true' }) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/regions',
      tags,
      summary: 'Add a district, a township/street under a district, or a community/village under a township',
      security,
      middleware: [requireRole(...REGISTRY_WRITERS)] as const,
      request: { body: jsonBody(regionBodySchema) },
      responses: { 201: json(regionSchema, 'Created'), ...errorResponses, ...conflictResponse },
    }),
    async (c) => c.json(await regions.create(c.get('user'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/regions/unlinked-communities',
      tags,
      summary: "Residents' free-text community names not linked to a region yet (from before regions existed)",
      security,
      middleware: [requireRole(...REGISTRY_WRITERS)] as const,
      responses: {
        200: json(
          z.object({ items: z.array(z.object({ name: z.string(), residents: z.number() })) }),
          'Names with how many residents carry each',
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await regions.unlinked(c.get('user')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/regions/{id}',
      tags,
      summary: 'One region',
      security,
      middleware: [requireRole(...READERS)] as const,
      request: { params: idParams },
      responses: { 200: json(regionSchema, 'The region'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await regions.get(c.get('user'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/regions/{id}',
      tags,
      summary: 'Rename, recode or retire a region (retiring is refused while regions below it are in service)',
      security,
      middleware: [requireRole(...REGISTRY_WRITERS)] as const,
      request: { params: idParams, body: jsonBody(regionPatchSchema) },
      responses: { 200: json(regionSchema, 'Updated'), ...errorResponses, ...notFoundResponse, ...conflictResponse },
    }),
    async (c) => c.json(await regions.update(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/regions/{id}/adopt-communities',
      tags,
      summary:
        "Under a township: create community regions for residents' free-text community names and link those residents",
      security,
      middleware: [requireRole(...REGISTRY_WRITERS)] as const,
      request: { params: idParams, body: jsonBody(adoptCommunitiesBodySchema) },
      responses: {
        200: json(adoptCommunitiesResultSchema, 'Communities created and residents linked'),
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => c.json(await regions.adopt(c.get('user'), c.req.valid('param').id, c.req.valid('json').names), 200),
  );
  return app;
}
