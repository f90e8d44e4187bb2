import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { router } from '../../http/openapi.js';
import { limitKey } from '../../http/client-address.js';
import type { AuthService } from './auth.service.js';
import type { LoginLimiter } from './login-limiter.js';
import type { UsersService } from '../users/users.service.js';
import { SESSION_COOKIE, requireSession, sessionToken } from './auth.middleware.js';
import * as contract from './auth.contracts.js';

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
  app.use('/auth/logout', requireSession(auth));
  app.use('/auth/me', requireSession(auth));
  app.use('/users', requireSession(auth));
  return (
    app
      .openapi(contract.login, async (c) => {
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
      })
      .openapi(contract.logout, async (c) => {
        const token = sessionToken(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
        if (token) await auth.logout(token);
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        return c.body(null, 204);
      })
      // The dashboard's start-up probe: answers 200 with or without a session, so a signed-out browser
      // opening the login page does not log a failed request.
      .openapi(contract.getSession, async (c) => {
        const token = sessionToken(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
        const user = token ? await auth.authenticate(token) : null;
        return c.json({ user }, 200);
      })
      .openapi(contract.getMe, (c) => c.json({ user: c.get('user') }, 200))
      .openapi(contract.listUsers, async (c) =>
        c.json({ items: await opts.users.list(c.get('user'), c.req.valid('query').includeDisabled) }, 200),
      )
      .openapi(contract.createUser, async (c) =>
        c.json(await opts.users.create(c.get('user'), c.req.valid('json')), 201),
      )
  );
}
