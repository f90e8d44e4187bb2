import { createRoute, z } from '@hono/zod-openapi';
import {
  handoverAckSchema,
  handoverCreateSchema,
  handoverDraftSchema,
  handoverListQuerySchema,
  handoverPageSchema,
  handoverSchema,
  onDutySchema,
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
import { HANDOVER_READERS, HANDOVER_WRITERS, type HandoverService } from './handover.service.js';

const idParams = z.object({ id: z.uuid() });

export function handoverRoutes(handover: HandoverService) {
  const app = router();
  const tags = ['shifts'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/shifts/on-duty',
      tags,
      summary:
        'Who is on duty now: dispatchers, supervisors and admins with the live screen open (one entry per user), who took the shift ' +
        'at the last acknowledged handover, and a handover waiting to be acknowledged',
      security,
      middleware: [requireRole(...HANDOVER_READERS)] as const,
      responses: { 200: json(onDutySchema, 'On duty'), ...errorResponses },
    }),
    async (c) => c.json(await handover.onDuty(c.get('user')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/shifts/handover-draft',
      tags,
      summary:
        'What a handover written now would carry: the incidents open now and the shift (since the last handover, or ' +
        'the last 12 h): counts and notable incidents. Nothing is stored.',
      security,
      middleware: [requireRole(...HANDOVER_READERS)] as const,
      responses: { 200: json(handoverDraftSchema, 'Draft'), ...errorResponses },
    }),
    async (c) => c.json(await handover.draft(c.get('user')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/shifts/handovers',
      tags,
      summary: 'Handover history, newest first',
      security,
      middleware: [requireRole(...HANDOVER_READERS)] as const,
      request: { query: handoverListQuerySchema },
      responses: { 200: json(handoverPageSchema, 'A page of handovers'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await handover.list(c.get('user'), q.limit, q.offset), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/shifts/handovers',
      tags,
      summary:
        'Hand over the shift: the note of the outgoing dispatcher (you), with the incidents open now and the shift ' +
        'summary captured at this moment (hub clock); `toUserId` names the incoming dispatcher when known',
      security,
      middleware: [requireRole(...HANDOVER_WRITERS)] as const,
      request: { body: jsonBody(handoverCreateSchema) },
      responses: { 201: json(handoverSchema, 'Handed over'), ...errorResponses },
    }),
    async (c) => c.json(await handover.create(c.get('user'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/shifts/handovers/{id}',
      tags,
      summary: 'One handover',
      security,
      middleware: [requireRole(...HANDOVER_READERS)] as const,
      request: { params: idParams },
      responses: { 200: json(handoverSchema, 'The handover'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await handover.get(c.get('user'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/shifts/handovers/{id}/acknowledge',
      tags,
      summary:
        'The incoming dispatcher acknowledges the handover (time by the hub clock): once, and not by its author; a ' +
        'handover addressed to one dispatcher is acknowledged by them (or a supervisor/admin)',
      security,
      middleware: [requireRole(...HANDOVER_WRITERS)] as const,
      request: { params: idParams, body: jsonBody(handoverAckSchema) },
      responses: {
        200: json(handoverSchema, 'Acknowledged'),
        ...errorResponses,
        ...notFoundResponse,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(await handover.acknowledge(c.get('user'), c.req.valid('param').id, c.req.valid('json').note), 200),
  );
  return app;
}
