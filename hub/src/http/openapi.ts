/** Shared pieces for describing routes in the OpenAPI document. */
import { OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi';
import { errorBodySchema } from '@eldercare/shared';
import type { AppEnv } from './types.js';
import { badRequest } from './errors.js';
import { REFERENCE_FIELDS, checkBodyReferences } from './tenant-references.js';

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

/**
 * A router whose validation failures become `400 { error, details }` like every other error, and
 * whose valid JSON bodies then have their references checked against the writer's tenant (404).
 * A route whose body carries references declares that 404 in the OpenAPI document.
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
  const openapi = app.openapi;
  app.openapi = ((route: RouteConfig, ...rest: unknown[]) =>
    (openapi as (...a: unknown[]) => unknown)(declareReferenceNotFound(route), ...rest)) as typeof app.openapi;
  return app;
}

/** Adds `404` to a route whose JSON body names objects (unless it declares its own). */
function declareReferenceNotFound(route: RouteConfig): RouteConfig {
  if (route.responses[404]) return route;
  const schema = (route.request?.body?.content as Record<string, { schema?: unknown }> | undefined)?.[
    'application/json'
  ]?.schema;
  if (!(schema instanceof z.ZodType)) return route;
  let fields: string[];
  try {
    fields = Object.keys(referenceFieldsOf(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })));
  } catch {
    return route;
  }
  if (!fields.length) return route;
  return {
    ...route,
    responses: {
      ...route.responses,
      404: err(`A referenced object (${fields.join(', ')}) does not exist in your tenant`),
    },
  };
}

/** The reference fields (REFERENCE_FIELDS) anywhere in a JSON schema. */
function referenceFieldsOf(s: unknown, out: Record<string, true> = {}, depth = 0): Record<string, true> {
  if (!s || typeof s !== 'object' || depth > 8) return out;
  const o = s as Record<string, unknown>;
  for (const [k, v] of Object.entries((o.properties as Record<string, unknown> | undefined) ?? {})) {
    if (REFERENCE_FIELDS[k]) out[k] = true;
    referenceFieldsOf(v, out, depth + 1);
  }
  for (const key of ['items', 'allOf', 'anyOf', 'oneOf']) {
    const v = o[key];
    for (const x of Array.isArray(v) ? v : [v]) referenceFieldsOf(x, out, depth + 1);
  }
  return out;
}
