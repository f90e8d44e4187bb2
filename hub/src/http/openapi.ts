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

/**
 * A router whose validation failures become `400 { error, details }` like every other error, and
 * whose valid JSON bodies then have their references checked against the writer's tenant (404).
 */
export function router() {
  return new OpenAPIHono<AppEnv>({
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
}
