/** The left-behind register's route contracts (handlers in left-behind.routes.ts). */
import { createRoute, z } from '@hono/zod-openapi';
import {
  leftBehindBodySchema,
  leftBehindElderSchema,
  leftBehindListSchema,
  leftBehindPatchSchema,
  leftBehindQuerySchema,
} from '@eldercare/shared';
import { conflictResponse, errorResponses, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';

const tags = ['left-behind'];

export const listLeftBehind = createRoute({
  method: 'get',
  path: '/left-behind',
  tags,
  summary:
    'The rural left-behind elders register with care contacts and visit status, and counts per village (`regionId`: a township or village)',
  security,
  middleware: [requireCapability('leftBehind.read')] as const,
  request: { query: leftBehindQuerySchema },
  responses: { 200: json(leftBehindListSchema, 'Register'), ...errorResponses },
});

export const registerLeftBehind = createRoute({
  method: 'post',
  path: '/left-behind',
  tags,
  summary:
    'Enter an elder living in a village in the register with their care contacts (also sets the left_behind risk category)',
  security,
  middleware: [requireCapability('leftBehind.write')] as const,
  request: { body: jsonBody(leftBehindBodySchema) },
  responses: { 201: json(leftBehindElderSchema, 'Registered'), ...errorResponses, ...conflictResponse },
});

export const updateLeftBehind = createRoute({
  method: 'patch',
  path: '/left-behind/{residentId}',
  tags,
  summary: 'Change the care contacts or registration day, or take the elder out of the register (`retired`)',
  security,
  middleware: [requireCapability('leftBehind.write')] as const,
  request: { params: z.object({ residentId: z.uuid() }), body: jsonBody(leftBehindPatchSchema) },
  responses: { 200: json(leftBehindElderSchema, 'Updated'), ...errorResponses, ...notFoundResponse },
});
