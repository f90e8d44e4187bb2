/** Every /api route needs a session (cookie or Bearer token); routes then state the capability they need. */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { can, type Capability } from '@eldercare/shared';
import type { AppEnv } from '../../http/types.js';
import { forbidden, unauthorized } from '../../http/errors.js';
import type { AuthService } from './auth.service.js';

export const SESSION_COOKIE = 'eh_session';

export function sessionToken(header: string | undefined, cookie: string | undefined): string | undefined {
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return cookie;
}

export function requireSession(auth: AuthService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = sessionToken(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
    const user = token ? await auth.authenticate(token) : null;
    if (!user) throw unauthorized();
    c.set('user', user);
    await next();
  };
}

/** Lets through only a user whose role holds the capability (the table in shared/src/roles.ts). */
export function requireCapability(capability: Capability): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!can(c.get('user').role, capability)) throw forbidden();
    await next();
  };
}
