/**
 * The responder's route contracts: the dispatches asked of a logged-in responder, and the public
 * signed-link reply routes (`/api/respond/{token}`, no session: the token is the authentication).
 * Handlers in notifications.routes.ts.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { replyBodySchema, responderDispatchSchema, stepBodySchema } from '@eldercare/shared';
import { conflictResponse, errorResponses, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';

const idParams = z.object({ id: z.uuid() });
const gone = { 410: json(z.object({ error: z.string() }), 'Already answered, withdrawn or expired (single use)') };

// ---- the responder, logged in ----
export const myDispatches = createRoute({
  method: 'get',
  path: '/responder/dispatches',
  tags: ['responders'],
  summary: 'Dispatches asked of me (open ones first; the last 20 closed ones after)',
  security,
  responses: {
    200: json(z.object({ items: z.array(responderDispatchSchema) }), 'My dispatches'),
    ...errorResponses,
  },
});

export const replyAsUser = createRoute({
  method: 'post',
  path: '/responder/dispatches/{id}/reply',
  tags: ['responders'],
  summary: 'Accept or decline a dispatch asked of me (once)',
  security,
  request: { params: idParams, body: jsonBody(replyBodySchema) },
  responses: {
    200: json(responderDispatchSchema, 'Answered'),
    ...errorResponses,
    ...notFoundResponse,
    ...gone,
  },
});

export const stepAsUser = createRoute({
  method: 'post',
  path: '/responder/dispatches/{id}/step',
  tags: ['responders'],
  summary: 'Report on my way / on scene / done (with a note) on a dispatch I accepted',
  security,
  request: { params: idParams, body: jsonBody(stepBodySchema) },
  responses: {
    200: json(responderDispatchSchema, 'Recorded'),
    ...errorResponses,
    ...notFoundResponse,
    ...conflictResponse,
  },
});

// ---- public: the signed single-use reply link ----
const token = z.object({ token: z.string().min(20).max(400) });
const refused = { 403: json(z.object({ error: z.string() }), 'Forged or expired link') };

export const dispatchByToken = createRoute({
  method: 'get',
  path: '/respond/{token}',
  tags: ['responders'],
  summary: 'The dispatch behind a signed reply link (for the responder page)',
  request: { params: token },
  responses: { 200: json(responderDispatchSchema, 'The dispatch'), 400: errorResponses[400], ...refused },
});

export const replyByToken = createRoute({
  method: 'post',
  path: '/respond/{token}',
  tags: ['responders'],
  summary: 'Accept or decline by signed link, push action or webhook callback: single use',
  request: { params: token, body: jsonBody(replyBodySchema) },
  responses: {
    200: json(responderDispatchSchema, 'Answered'),
    400: errorResponses[400],
    ...refused,
    ...gone,
  },
});

export const stepByToken = createRoute({
  method: 'post',
  path: '/respond/{token}/step',
  tags: ['responders'],
  summary: 'On my way / on scene / done (with a note), after accepting by this link',
  request: { params: token, body: jsonBody(stepBodySchema) },
  responses: {
    200: json(responderDispatchSchema, 'Recorded'),
    400: errorResponses[400],
    ...refused,
    ...conflictResponse,
  },
});
