/** The HTTP app: API under /api (OpenAPI at /api/openapi.json), health, metrics and the dashboard. */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { sameOriginForCookies } from './csrf.js';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.js';
import type { AppEnv } from './types.js';
import type { PrivateApi, PublicApi } from '../modules/routes.js';
import { AppError } from './errors.js';
import { runInRequest } from './request-context.js';
import { apiDocumentConfig, declareCommonResponses, registerSecuritySchemes } from './openapi.js';
import { dbErrorResponse } from './db-errors.js';
import { refuseUnstorableText } from './unstorable-text.js';
import { dbErrorOf } from '../db/errors.js';

export interface AppParts {
  log: Logger;
  /** The routes under /api open without a session (modules/routes.ts). */
  publicApi: PublicApi;
  /** The routes under /api that need a session (mounted after `requireSession`). */
  privateApi: PrivateApi;
  requireSession: MiddlewareHandler<AppEnv>;
  /** Installs the check of every write's referenced ids against the writer's tenant. */
  tenantReferences: MiddlewareHandler<AppEnv>;
  health(): Promise<{ status: 'ok' | 'degraded'; checks: Record<string, boolean> }>;
  metrics(): Promise<{ contentType: string; body: string }>;
  dashboardDir: string;
  /** Whether a request comes from one of TRUSTED_PROXIES (X-Forwarded-* believed). */
  fromTrustedProxy?: (c: Context) => boolean;
  /** The request's client address (TRUSTED_PROXIES applied), recorded in the register's audit log. */
  clientAddress?: (c: Context) => string;
}

/** The hub's HTTP app as a type: every route of its API (for a typed client, e.g. `hc<AppType>`). */
export type AppType = ReturnType<typeof createApp>;

export function createApp(p: AppParts) {
  const app = new OpenAPIHono<AppEnv>();

  app.use('*', async (c, next) => {
    const id = c.req.header('x-request-id')?.slice(0, 64) || randomUUID();
    c.set('requestId', id);
    c.header('x-request-id', id);
    await runInRequest({ requestId: id, clientAddress: p.clientAddress?.(c) ?? 'unknown' }, next);
  });
  app.use(
    '*',
    secureHeaders({
      // Only the hub's own origin: 'self' covers its own ws:/wss: (socket.io) in current browsers,
      // and the dashboard's styles are all in its stylesheet (no inline styles: test/e2e/csp.test.ts).
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    }),
  );
  app.use(
    '/api/*',
    sameOriginForCookies(p.fromTrustedProxy),
    bodyLimit({
      maxSize: 1024 * 1024,
      onError: () => {
        throw new AppError(413, 'request body over 1 MiB');
      },
    }),
    refuseUnstorableText,
  );

  app.onError((err, c) => {
    const requestId = c.get('requestId');
    const send = (e: AppError) =>
      c.json(
        { error: e.message, ...(e.details !== undefined ? { details: e.details } : {}), requestId },
        e.status,
        e.headers,
      );
    if (err instanceof AppError) return send(err);
    // A database error: logged by SQLSTATE, constraint and route only (its message can quote the
    // statement's parameters: names, addresses, phone numbers), answered with a 4xx naming the field.
    const db = dbErrorOf(err);
    if (db) {
      const mapped = dbErrorResponse(db, err);
      const where = { requestId, method: c.req.method, route: c.req.routePath, err };
      if (mapped) {
        p.log.warn(where, 'request refused by the database');
        return send(mapped);
      }
      p.log.error(where, 'unhandled database error');
      return c.json({ error: 'internal error', requestId }, 500);
    }
    if ('status' in err && typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
      return c.json({ error: err.message || 'bad request', requestId }, err.status as 400);
    }
    p.log.error({ requestId, method: c.req.method, route: c.req.routePath, err }, 'unhandled error');
    return c.json({ error: 'internal error', requestId }, 500);
  });
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json({ error: 'no such endpoint', requestId: c.get('requestId') }, 404)
      : c.text('not found', 404),
  );

  app.get('/healthz', async (c) => {
    const h = await p.health();
    return c.json(h, h.status === 'ok' ? 200 : 503);
  });
  app.get('/metrics', async (c) => {
    const m = await p.metrics();
    return c.body(m.body, 200, { 'content-type': m.contentType });
  });

  registerSecuritySchemes(app.openAPIRegistry);
  app.doc31('/api/openapi.json', apiDocumentConfig);

  app.use('/api/*', p.tenantReferences);
  const withPublicApi = app.route('/api', p.publicApi);
  app.use('/api/*', p.requireSession);
  const api = withPublicApi.route('/api', p.privateApi);
  declareCommonResponses(app.openAPIRegistry);

  // The dashboard (a single-page app): static files, and index.html for every other path.
  if (existsSync(p.dashboardDir)) {
    const root = path.relative(process.cwd(), p.dashboardDir) || '.';
    // The service worker and the web app manifest are checked for updates on every load (the
    // browser keeps an installed app's worker otherwise); the worker's scope is the whole site.
    app.use('/sw.js', async (c, next) => {
      await next();
      c.header('cache-control', 'no-cache');
      c.header('service-worker-allowed', '/');
    });
    app.use('/manifest.webmanifest', async (c, next) => {
      await next();
      c.header('cache-control', 'no-cache');
    });
    app.use('/*', serveStatic({ root }));
    app.get('*', async (c) => {
      const index = path.join(p.dashboardDir, 'index.html');
      if (!existsSync(index)) return c.text('dashboard not built: run npm run build', 404);
      return c.html(await readFile(index, 'utf8'));
    });
  } else {
    app.get('/', (c) =>
      c.text('Eldercare hub is running. Dashboard not built: run `npm run build`. API: /api/openapi.json'),
    );
  }
  return api;
}
