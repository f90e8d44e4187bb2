/** The contracts of the routes in users.routes.ts: path, parameters, body, responses, roles and documentation of each. */
import { createRoute, z } from '@hono/zod-openapi';
import { updateUserBodySchema, userAccountSchema } from '@eldercare/shared';
import { conflictResponse, errorResponses, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';

export const updateUser = createRoute({
  method: 'patch',
  path: '/users/{id}',
  tags: ['users'],
  summary:
    "Change a user's name, role or scope, or disable the account (`disabled: true`: no login, every session " +
    'ended; the account and what it did stay) or re-enable it (admin). 409 for your own role or account. ' +
    'Recorded in the audit log',
  security,
  middleware: [requireCapability('users.manage')] as const,
  request: { params: z.object({ id: z.uuid() }), body: jsonBody(updateUserBodySchema) },
  responses: {
    200: json(userAccountSchema, 'The account'),
    ...errorResponses,
    ...notFoundResponse,
    ...conflictResponse,
  },
});
