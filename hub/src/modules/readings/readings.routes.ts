import { createRoute, z } from '@hono/zod-openapi';
import { deadLetterSchema, vitalsQuerySchema, vitalsResponseSchema } from '@eldercare/shared';
import { errorResponses, json, notFoundResponse, router, security } from '../../http/openapi.js';
import { REGISTRY_READERS, requireRole } from '../auth/auth.middleware.js';
import type { IngestRepo } from '../../ingest/ingest.repo.js';
import type { ReadingsService } from './readings.service.js';

export function readingsRoutes(readings: ReadingsService, ingest: IngestRepo) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/residents/{id}/vitals',
      tags: ['readings'],
      summary: "A resident's vitals per hour (24h, 7d) or per day (30d): avg/min/max/count per metric",
      security,
      middleware: [requireRole(...REGISTRY_READERS)] as const,
      request: { params: z.object({ id: z.uuid() }), query: vitalsQuerySchema },
      responses: { 200: json(vitalsResponseSchema, 'Vitals'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await readings.vitals(c.get('user'), c.req.valid('param').id, c.req.valid('query').range), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/dead-letters',
      tags: ['readings'],
      summary: 'Device messages the hub refused, newest first, with the reason (admin)',
      security,
      middleware: [requireRole('admin')] as const,
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }) },
      responses: { 200: json(z.object({ items: z.array(deadLetterSchema) }), 'Dead letters'), ...errorResponses },
    }),
    async (c) => c.json({ items: await ingest.listDeadLetters(c.req.valid('query').limit) }, 200),
  );
  return app;
}
