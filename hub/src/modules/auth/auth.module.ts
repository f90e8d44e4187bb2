/** Sign-in and sessions: the auth service, the per-address login limiter, and the session check of the private API. */
import type { HubContext } from '../module.js';
import { clientAddress } from '../../http/client-address.js';
import type { UsersService } from '../users/users.service.js';
import { AuthRepo } from './auth.repo.js';
import { AuthService } from './auth.service.js';
import { requireSession } from './auth.middleware.js';
import { authRoutes } from './auth.routes.js';
import { LoginLimiter } from './login-limiter.js';

export function createAuthModule(ctx: HubContext) {
  const { config } = ctx;
  const service = new AuthService(new AuthRepo(ctx.database.db), ctx.clock, config.SESSION_TTL_HOURS * 3600_000);
  const limiter = LoginLimiter.create({
    maxFailures: config.LOGIN_IP_MAX_FAILURES,
    windowSeconds: config.LOGIN_IP_WINDOW_SECONDS,
    redisUrl: config.REDIS_URL,
    log: ctx.log.child({ mod: 'auth' }),
    onRefused: () => ctx.metrics.loginRateLimited.inc(),
  });
  ctx.closing.push(() => limiter.close());
  return {
    service,
    requireSession: requireSession(service),
    /** The public routes (login, logout, me) and the user list behind its own session check. */
    routes: (users: UsersService) => [
      authRoutes(service, {
        secureCookies: config.COOKIE_SECURE,
        limiter,
        clientAddress: clientAddress(config.TRUSTED_PROXIES),
        users,
      }),
    ],
  };
}
