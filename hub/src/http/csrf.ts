/**
 * CSRF protection for cookie sessions: a state-changing request that carries the session cookie
 * must come from this origin (browsers always send `Origin` on cross-site POSTs). Requests with a
 * Bearer token are not exposed to CSRF and pass. The host compared with `Origin` is the request's
 * `Host`, or `X-Forwarded-Host` when the request comes from one of TRUSTED_PROXIES.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { forbidden } from './errors.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sameOriginForCookies(fromTrustedProxy: (c: Context) => boolean = () => false): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE.has(c.req.method) && !c.req.header('authorization')?.startsWith('Bearer ')) {
      const origin = c.req.header('origin');
      const forwarded = fromTrustedProxy(c) ? c.req.header('x-forwarded-host') : undefined;
      const host = forwarded ?? c.req.header('host');
      const site = c.req.header('sec-fetch-site');
      let sameOrigin = true;
      if (origin) {
        try {
          sameOrigin = new URL(origin).host === host;
        } catch {
          sameOrigin = false;
        }
      } else if (site) sameOrigin = site === 'same-origin' || site === 'none';
      if (!sameOrigin) throw forbidden('cross-site request refused');
    }
    await next();
  };
}
