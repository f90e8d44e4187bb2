import { createRoute, z } from '@hono/zod-openapi';
import {
  deadLetterPageSchema,
  deadLetterQuerySchema,
  vitalsQuerySchema,
  vitalsResponseSchema,
} from '@eldercare/shared';
import { errorResponses, json, notFoundResponse, router, security } from '../../http/openapi.js';
import { REGISTRY_READERS, requireRole } from '../auth/auth.middleware.js';
import type { IngestModule } from '../../ingest/ingest.module.js';
import type { ReadingsService } from './readings.service.js';

export function readingsRoutes(
  readings: ReadingsService,
  ingest: Pick<IngestModule['deadLetters'], 'listDeadLetters'>,
) {
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
      summary:
        "Device messages the hub refused or only recorded (bad payloads, unknown devices, unmapped DC-09 codes), newest first, with the reason; the district's own devices and unregistered ids (admin)",
      security,
      middleware: [requireRole('admin')] as const,
      request: { query: deadLetterQuerySchema },
      responses: { 200: json(deadLetterPageSchema, 'Dead letters'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const items = await ingest.listDeadLetters(c.get('user').tenantId, q);
      return c.json({ items, nextBefore: items.length === q.limit ? items.at(-1)!.id : null }, 200);
    },
  );
  return app;
}
