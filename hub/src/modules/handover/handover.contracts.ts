/** The contracts of the routes in handover.routes.ts: path, parameters, body, responses, roles and documentation of each. */
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
import { conflictResponse, errorResponses, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';

const idParams = z.object({ id: z.uuid() });

const tags = ['shifts'];

export const onDuty = createRoute({
  method: 'get',
  path: '/shifts/on-duty',
  tags,
  summary:
    'Who is on duty now: dispatchers, supervisors and admins with the live screen open (one entry per user), who took the shift ' +
    'at the last acknowledged handover, and a handover waiting to be acknowledged',
  security,
  middleware: [requireCapability('handover.read')] as const,
  responses: { 200: json(onDutySchema, 'On duty'), ...errorResponses },
});

export const handoverDraft = createRoute({
  method: 'get',
  path: '/shifts/handover-draft',
  tags,
  summary:
    'What a handover written now would carry: the incidents open now and the shift (since the last handover, or ' +
    'the last 12 h): counts and notable incidents. Nothing is stored.',
  security,
  middleware: [requireCapability('handover.read')] as const,
  responses: { 200: json(handoverDraftSchema, 'Draft'), ...errorResponses },
});

export const listHandovers = createRoute({
  method: 'get',
  path: '/shifts/handovers',
  tags,
  summary: 'Handover history, newest first',
  security,
  middleware: [requireCapability('handover.read')] as const,
  request: { query: handoverListQuerySchema },
  responses: { 200: json(handoverPageSchema, 'A page of handovers'), ...errorResponses },
});

export const createHandover = createRoute({
  method: 'post',
  path: '/shifts/handovers',
  tags,
  summary:
    'Hand over the shift: the note of the outgoing dispatcher (you), with the incidents open now and the shift ' +
    'summary captured at this moment (hub clock); `toUserId` names the incoming dispatcher when known',
  security,
  middleware: [requireCapability('handover.write')] as const,
  request: { body: jsonBody(handoverCreateSchema) },
  responses: { 201: json(handoverSchema, 'Handed over'), ...errorResponses },
});

export const getHandover = createRoute({
  method: 'get',
  path: '/shifts/handovers/{id}',
  tags,
  summary: 'One handover',
  security,
  middleware: [requireCapability('handover.read')] as const,
  request: { params: idParams },
  responses: { 200: json(handoverSchema, 'The handover'), ...errorResponses, ...notFoundResponse },
});

export const acknowledgeHandover = createRoute({
  method: 'post',
  path: '/shifts/handovers/{id}/acknowledge',
  tags,
  summary:
    'The incoming dispatcher acknowledges the handover (time by the hub clock): once, and not by its author; a ' +
    'handover addressed to one dispatcher is acknowledged by them (or a supervisor/admin)',
  security,
  middleware: [requireCapability('handover.write')] as const,
  request: { params: idParams, body: jsonBody(handoverAckSchema) },
  responses: {
    200: json(handoverSchema, 'Acknowledged'),
    ...errorResponses,
    ...notFoundResponse,
    ...conflictResponse,
  },
});
