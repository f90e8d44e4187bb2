/** The region hierarchy's route contracts (handlers in regions.routes.ts). */
import { createRoute, z } from '@hono/zod-openapi';
import {
  adoptCommunitiesBodySchema,
  adoptCommunitiesResultSchema,
  regionBodySchema,
  regionListSchema,
  regionPatchSchema,
  regionQuerySchema,
  regionSchema,
} from '@eldercare/shared';
import { conflictResponse, errorResponses, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';

const idParams = z.object({ id: z.uuid() });
const tags = ['regions'];

export const listRegions = createRoute({
  method: 'get',
  path: '/regions',
  tags,
  summary: 'The region hierarchy (district → township/street → community/village) with resident and institution counts',
  security,
  middleware: [requireCapability('regions.read')] as const,
  request: { query: regionQuerySchema },
  responses: { 200: json(regionListSchema, 'Regions, sorted by path'), ...errorResponses },
});

export const createRegion = createRoute({
  method: 'post',
  path: '/regions',
  tags,
  summary: 'Add a district, a township/street under a district, or a community/village under a township',
  security,
  middleware: [requireCapability('registry.write')] as const,
  request: { body: jsonBody(regionBodySchema) },
  responses: { 201: json(regionSchema, 'Created'), ...errorResponses, ...conflictResponse },
});

export const unlinkedCommunities = createRoute({
  method: 'get',
  path: '/regions/unlinked-communities',
  tags,
  summary: "Residents' free-text community names not linked to a region yet (from before regions existed)",
  security,
  middleware: [requireCapability('registry.write')] as const,
  responses: {
    200: json(
      z.object({ items: z.array(z.object({ name: z.string(), residents: z.number() })) }),
      'Names with how many residents carry each',
    ),
    ...errorResponses,
  },
});

export const getRegion = createRoute({
  method: 'get',
  path: '/regions/{id}',
  tags,
  summary: 'One region',
  security,
  middleware: [requireCapability('regions.read')] as const,
  request: { params: idParams },
  responses: { 200: json(regionSchema, 'The region'), ...errorResponses, ...notFoundResponse },
});

export const updateRegion = createRoute({
  method: 'patch',
  path: '/regions/{id}',
  tags,
  summary: 'Rename, recode or retire a region (retiring is refused while regions below it are in service)',
  security,
  middleware: [requireCapability('registry.write')] as const,
  request: { params: idParams, body: jsonBody(regionPatchSchema) },
  responses: { 200: json(regionSchema, 'Updated'), ...errorResponses, ...notFoundResponse, ...conflictResponse },
});

export const adoptCommunities = createRoute({
  method: 'post',
  path: '/regions/{id}/adopt-communities',
  tags,
  summary:
    "Under a township: create community regions for residents' free-text community names and link those residents",
  security,
  middleware: [requireCapability('registry.write')] as const,
  request: { params: idParams, body: jsonBody(adoptCommunitiesBodySchema) },
  responses: {
    200: json(adoptCommunitiesResultSchema, 'Communities created and residents linked'),
    ...errorResponses,
    ...notFoundResponse,
  },
});
