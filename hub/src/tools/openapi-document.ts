/**
 * The hub's OpenAPI document built without a hub: every router the hub mounts under /api, from the
 * one list of them (modules/routes.ts) in the same order (public, then behind the session), made
 * from its route contracts alone. The routers' services are never called while the document is
 * built (handlers run only on a request), so each is a reference that refuses use.
 * `test/integration/auth.test.ts` shows the result is the document a running hub serves at
 * /api/openapi.json; the dashboard's API types (`npm run api:types`) are generated from it.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/types.js';
import { apiDocumentConfig, declareCommonResponses, registerSecuritySchemes } from '../http/openapi.js';
import { apiRouters, mountApi, type BuiltRouters, type RouterFactories } from '../modules/routes.js';

/** A service argument for a router that only describes itself: any use is a programming error. */
function notServing<T>(name: string): T {
  return new Proxy(
    {},
    {
      get(_target, key) {
        throw new Error(`${name}.${String(key)}: the document builder serves no requests`);
      },
    },
  ) as T;
}

/** Every router of a list, each built with services that refuse use. */
function described<T extends RouterFactories>(list: T): BuiltRouters<T> {
  const entries = Object.entries(list).map(([key, makers]) => [
    key,
    makers.map((make) =>
      make(...Array.from({ length: make.length }, (_, i) => notServing<never>(`${key}.${make.name}#${i + 1}`))),
    ),
  ]);
  return Object.fromEntries(entries) as BuiltRouters<T>;
}

/** The OpenAPI 3.1 document of the hub's API, as served at /api/openapi.json. */
export function apiDocument(): ReturnType<OpenAPIHono['getOpenAPI31Document']> {
  const app = new OpenAPIHono<AppEnv>();
  registerSecuritySchemes(app.openAPIRegistry);
  const { publicApi, privateApi } = mountApi({
    public: described(apiRouters.public),
    private: described(apiRouters.private),
  });
  app.route('/api', publicApi).route('/api', privateApi);
  declareCommonResponses(app.openAPIRegistry);
  return app.getOpenAPI31Document(apiDocumentConfig);
}
