import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  createUserBodySchema,
  errorBodySchema,
  loginBodySchema,
  loginResponseSchema,
  userAccountListSchema,
  userSchema,
} from '@eldercare/shared';
import { errorResponses, conflictResponse, json, jsonBody, router, security } from '../../http/openapi.js';
import { limitKey } from '../../http/client-address.js';
import type { AuthService } from './auth.service.js';
import type { LoginLimiter } from './login-limiter.js';
import type { UsersService } from '../users/users.service.js';
import { SESSION_COOKIE, requireRole, requireSession, sessionToken } from './auth.middleware.js';

export interface AuthRouteOptions {
  secureCookies: boolean;
  /** Failed logins per source address. */
  limiter: LoginLimiter;
  /** The request's source address (the TCP peer, or X-Forwarded-For from a trusted proxy). */
  clientAddress(c: Context): string;
  /** Account management, recorded in the register audit. */
  users: UsersService;
}

export function authRoutes(auth: AuthService, opts: AuthRouteOptions) {
  const app = router();

  app.openapi(
    createRoute({
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
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const s = await opts.limiter.attempt(limitKey(opts.clientAddress(c)), () => auth.login(email, password));
      setCookie(c, SESSION_COOKIE, s.token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: opts.secureCookies,
        path: '/',
        expires: s.expiresAt,
      });
      return c.json({ token: s.token, expiresAt: s.expiresAt.toISOString(), user: s.user }, 200);
    },
  );

  app.use('/auth/logout', requireSession(auth));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags: ['auth'],
      summary: 'End this session',
      security,
      responses: { 204: { description: 'Logged out' }, 401: errorResponses[401] },
    }),
    async (c) => {
      const token = sessionToken(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
      if (token) await auth.logout(token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  // The dashboard's start-up probe: answers 200 with or without a session, so a signed-out browser
  // opening the login page does not log a failed request.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/session',
      tags: ['auth'],
      summary: 'The logged-in user, or null without a valid session (never 401)',
      responses: {
        200: json(z.object({ user: userSchema.nullable() }), 'The user, or null'),
        400: errorResponses[400],
      },
    }),
    async (c) => {
      const token = sessionToken(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
      const user = token ? await auth.authenticate(token) : null;
      return c.json({ user }, 200);
    },
  );

  app.use('/auth/me', requireSession(auth));
  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/me',
      tags: ['auth'],
      summary: 'The logged-in user',
      security,
      responses: { 200: json(z.object({ user: userSchema }), 'The user'), 401: errorResponses[401] },
    }),
    (c) => c.json({ user: c.get('user') }, 200),
  );

  app.use('/users', requireSession(auth));
  app.openapi(
    createRoute({
      method: 'get',
      path: '/users',
      tags: ['users'],
      summary:
        'Users of this tenant (admin: whole accounts, disabled ones only with `includeDisabled=true`; coordinators ' +
        'get id, email, name and role of active users, to link volunteers)',
      security,
      middleware: [requireRole('admin', 'coordinator')] as const,
      request: {
        query: z.object({
          includeDisabled: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true'),
        }),
      },
      responses: { 200: json(userAccountListSchema, 'Users'), ...errorResponses },
    }),
    async (c) => c.json({ items: await opts.users.list(c.get('user'), c.req.valid('query').includeDisabled) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/users',
      tags: ['users'],
      summary: 'Create a user with a role (admin)',
      security,
      middleware: [requireRole('admin')] as const,
      request: { body: jsonBody(createUserBodySchema) },
      responses: { 201: json(userSchema, 'Created'), ...errorResponses, ...conflictResponse },
    }),
    async (c) => c.json(await opts.users.create(c.get('user'), c.req.valid('json')), 201),
  );
  return app;
}
