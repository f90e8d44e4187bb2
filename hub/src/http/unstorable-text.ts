/**
 * Text the database cannot store is refused at the edge, on every route: U+0000 (PostgreSQL's
 * text and jsonb refuse it) and lone UTF-16 surrogates (not Unicode; they would be stored as
 * U+FFFD, silently changing what was typed). Checked in the path, the query and every string and
 * key of a JSON body; the 400 names the field. The MQTT path dead-letters the same text.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './types.js';
import { badRequest, type FieldProblem } from './errors.js';

// eslint-disable-next-line no-control-regex -- U+0000 is exactly what is looked for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isUnstorable = (s: string): boolean => UNSTORABLE.test(s);

const problem = (path: string, s: string): FieldProblem => ({
  path,
  message: s.includes('\u0000') ? 'contains a NUL character (U+0000)' : 'contains an unpaired surrogate (not Unicode)',
});

/** The first string or key of a JSON value the database cannot store (walked without recursion). */
export function findUnstorable(value: unknown): FieldProblem | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (isUnstorable(v)) return problem(path || '(body)', v);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], path ? `${path}.${i}` : String(i)]);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const p = path ? `${path}.${k}` : k;
        if (isUnstorable(k)) return problem(p, k);
        stack.push([x, p]);
      }
    }
  }
  return undefined;
}

function refuse(where: string, p: FieldProblem): never {
  throw badRequest(`invalid ${where}: ${p.path}: ${p.message}`, [p]);
}

export const refuseUnstorableText: MiddlewareHandler<AppEnv> = async (c, next) => {
  let path: string;
  try {
    path = decodeURIComponent(new URL(c.req.url).pathname);
  } catch {
    throw badRequest('invalid path: malformed percent-encoding', [{ path: '(path)', message: 'malformed' }]);
  }
  if (isUnstorable(path)) refuse('path', problem('(path)', path));
  const query = findUnstorable(c.req.queries());
  if (query) refuse('query', { ...query, path: query.path.replace(/\.\d+$/, '') });
  if (c.req.header('content-type')?.includes('json') && !['GET', 'HEAD'].includes(c.req.method)) {
    const body = await c.req.json().then(
      (v: unknown) => findUnstorable(v),
      (err: unknown) => {
        if (err instanceof SyntaxError) return undefined; // malformed JSON: the route's validator answers it
        throw err; // e.g. the body limit's 413
      },
    );
    if (body) refuse('json', body);
  }
  await next();
};
