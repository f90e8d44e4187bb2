/** The contracts of the routes in auth.routes.ts: path, parameters, body, responses, roles and documentation of each. */
import { createRoute, z } from '@hono/zod-openapi';
import {
  createUserBodySchema,
  errorBodySchema,
  loginBodySchema,
  loginResponseSchema,
  userAccountListSchema,
  userSchema,
} from '@eldercare/shared';
import { errorResponses, conflictResponse, json, jsonBody, security } from '../../http/openapi.js';
import { requireCapability } from './auth.middleware.js';

export const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Log in; sets the session cookie and returns a Bearer token for API clients',
  request: { body: jsonBody(loginBodySchema) },
  responses: {
    200: json(loginResponseSchema, 'Logged in'),
    400: errorResponses[400],
    401: json(errorBodySchema, 'Wrong email or password'),
    423: json(errorBodySchema, 'Locked after repeated failures'),
    429: {
      ...json(errorBodySchema, 'Too many failed logins from this source address; every login from it is refused'),
      headers: {
        'Retry-After': {
          description: 'Seconds until logins from this address are accepted again',
          schema: { type: 'integer' },
        },
      },
    },
  },
});

export const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'End this session',
  security,
  responses: { 204: { description: 'Logged out' }, 401: errorResponses[401] },
});

// The dashboard's start-up probe: answers 200 with or without a session, so a signed-out browser
// opening the login page does not log a failed request.
export const getSession = createRoute({
  method: 'get',
  path: '/auth/session',
  tags: ['auth'],
  summary: 'The logged-in user, or null without a valid session (never 401)',
  responses: {
    200: json(z.object({ user: userSchema.nullable() }), 'The user, or null'),
    400: errorResponses[400],
  },
});

export const getMe = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['auth'],
  summary: 'The logged-in user',
  security,
  responses: { 200: json(z.object({ user: userSchema }), 'The user'), 401: errorResponses[401] },
});

export const listUsers = createRoute({
  method: 'get',
  path: '/users',
  tags: ['users'],
  summary:
    'Users of this tenant (admin: whole accounts, disabled ones only with `includeDisabled=true`; coordinators ' +
    'get id, email, name and role of active users, to link volunteers)',
  security,
  middleware: [requireCapability('users.list')] as const,
  request: {
    query: z.object({
      includeDisabled: z
        .enum(['true', 'false'])
        .optional()
        .transform((v) => v === 'true'),
    }),
  },
  responses: { 200: json(userAccountListSchema, 'Users'), ...errorResponses },
});

export const createUser = createRoute({
  method: 'post',
  path: '/users',
  tags: ['users'],
  summary: 'Create a user with a role (admin)',
  security,
  middleware: [requireCapability('users.manage')] as const,
  request: { body: jsonBody(createUserBodySchema) },
  responses: { 201: json(userSchema, 'Created'), ...errorResponses, ...conflictResponse },
});
