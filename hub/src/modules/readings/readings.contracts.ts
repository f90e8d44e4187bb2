/** The contracts of the routes in readings.routes.ts: path, parameters, body, responses, roles and documentation of each. */
import { createRoute, z } from '@hono/zod-openapi';
import {
  deadLetterPageSchema,
  deadLetterQuerySchema,
  vitalsQuerySchema,
  vitalsResponseSchema,
} from '@eldercare/shared';
import { errorResponses, json, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';

export const residentVitals = createRoute({
  method: 'get',
  path: '/residents/{id}/vitals',
  tags: ['readings'],
  summary: "A resident's vitals per hour (24h, 7d) or per day (30d): avg/min/max/count per metric",
  security,
  middleware: [requireCapability('registry.read')] as const,
  request: { params: z.object({ id: z.uuid() }), query: vitalsQuerySchema },
  responses: { 200: json(vitalsResponseSchema, 'Vitals'), ...errorResponses, ...notFoundResponse },
});

export const listDeadLetters = createRoute({
  method: 'get',
  path: '/dead-letters',
  tags: ['readings'],
  summary:
    "Device messages the hub refused or only recorded (bad payloads, unknown devices, unmapped DC-09 codes), newest first, with the reason; the district's own devices and unregistered ids (admin)",
  security,
  middleware: [requireCapability('devices.deadLetters')] as const,
  request: { query: deadLetterQuerySchema },
  responses: { 200: json(deadLetterPageSchema, 'Dead letters'), ...errorResponses },
});
