/** Shared pieces for describing routes in the OpenAPI document. */
import { OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi';
import { errorBodySchema } from '@eldercare/shared';
import type { AppEnv } from './types.js';
import { badRequest } from './errors.js';
import { checkBodyReferences } from './tenant-references.js';

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

const err = (description: string) => json(errorBodySchema, description);
/** The error responses every authenticated route can give. */
export const errorResponses = {
  400: err('Invalid input: `details` lists each problem'),
  401: err('Not logged in'),
  403: err('Not allowed for this role'),
} satisfies RouteConfig['responses'];
export const notFoundResponse = { 404: err('Not found') } satisfies RouteConfig['responses'];
export const conflictResponse = { 409: err('Conflicts with existing data') } satisfies RouteConfig['responses'];

export const security: Record<string, string[]>[] = [{ cookieAuth: [] }, { bearerAuth: [] }];

/** The document's header (served at /api/openapi.json, and built offline by tools/openapi-document.ts). */
export const apiDocumentConfig = {
  openapi: '3.1.0',
  info: {
    title: 'Eldercare hub API',
    version: '1.0.0',
    description:
      'REST API of the elder-care monitoring hub. Log in with POST /api/auth/login; browsers use the session cookie, ' +
      'API clients send `Authorization: Bearer <token>`. Errors are `{ error, details?, requestId }`; `details` ' +
      'lists `{ path, message }` for each field at fault. An unknown id in the path answers 404; an id in the body ' +
      'or query that refers to nothing you may use answers 400 naming the field. A PATCH changes only the fields ' +
      'sent; `null` clears a field only where the body schema allows it (listed in its description).',
  },
};

/** The two ways to authenticate named by `security`: the session cookie and a Bearer token. */
export function registerSecuritySchemes(registry: OpenAPIHono<AppEnv>['openAPIRegistry']): void {
  registry.registerComponent('securitySchemes', 'cookieAuth', { type: 'apiKey', in: 'cookie', name: 'eh_session' });
  registry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
}

/**
 * Declares the error responses the API's shared middleware and error handler can give on every
 * route, so the document lists every response a route can give (a route's own declarations are
 * kept): 400 on every route (any path, query or body may carry text the database cannot store; an
 * id in the body or query that refers to nothing answers 400 naming the field); 413 with a body
 * over 1 MiB; 404 where the path names an object; 409 on writes (a conflict with stored data or a
 * rule of the register); 503 when the database is unavailable. Called once all routers are mounted.
 */
export function declareCommonResponses(registry: OpenAPIHono<AppEnv>['openAPIRegistry']): void {
  for (const def of registry.definitions) {
    if (def.type !== 'route') continue;
    const r = def.route;
    const write = r.method !== 'get' && r.method !== 'head';
    const common: RouteConfig['responses'] = {
      400: err('Invalid input, or an id in the body or query that refers to nothing: `details` names each field'),
      ...(r.request?.body ? { 413: err('Request body over 1 MiB') } : {}),
      ...(r.request?.params ? { 404: err('Not found (or not yours to see): the object named in the path') } : {}),
      ...(write
        ? { 409: err('Conflicts with stored data or a rule of the register (`details` names the field)') }
        : {}),
      503: err('Database unavailable: try again after Retry-After seconds'),
    };
    r.responses = { ...common, ...r.responses };
  }
}

/**
 * A router whose validation failures become `400 { error, details }` like every other error, and
 * whose valid JSON bodies then have their references checked against the writer's tenant (400
 * naming the field, as for any id that refers to nothing).
 */
export function router() {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: async (result, c) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw badRequest(
          `invalid ${result.target}: ${issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join('; ')}`,
          issues,
        );
      }
      if (result.target === 'json') await checkBodyReferences(c, result.data);
    },
  });
  return app;
}
