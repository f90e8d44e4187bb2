/**
 * HTTP body fuzzing: for every route of /api/openapi.json that takes a JSON body, fast-check
 * generates bad bodies — malformed JSON, wrong top-level types, a wrong type in each known field,
 * huge strings, deep nesting, unicode and SQL-looking strings, unknown fields — sent as the admin
 * (who passes every role gate, so the validation itself is hit), and text the database cannot store
 * (U+0000, lone surrogates) in each string field and in keys. Every one must get 400 (or 413 for
 * an oversized body) with a clear `error` message — unstorable text with `details` naming the
 * field — none may get a 5xx; the hub keeps serving.
 * Reproduce a failure with HTTP_FUZZ_SEED=<seed from the report>.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestHub, type TestHub } from '../support/hub.js';

let hub: TestHub;
let token: string;
const seed = process.env.HTTP_FUZZ_SEED ? Number(process.env.HTTP_FUZZ_SEED) : undefined;

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  $ref?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}
interface Op {
  method: string;
  url: string;
  schema: JsonSchema;
}

beforeAll(async () => {
  hub = await startTestHub();
  token = await hub.login(ADMIN.email, ADMIN.password);
});
afterAll(async () => {
  await hub?.stop();
});

const sqlish = fc.constantFrom(
  "'; DROP TABLE residents; --",
  "' OR '1'='1",
  '1; DELETE FROM users',
  '$$; SELECT pg_sleep(10); $$',
  '%s%n%x',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '\\u0000',
);
const weird = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  sqlish,
  fc.constantFrom('𝕏🧓🏽', '\u202e\u200b', '\ud800', 'a\u0000b'),
);
/** Text PostgreSQL cannot store: NUL, unpaired surrogates (alone or inside other text). */
const unstorable = fc.oneof(
  fc.constantFrom('\u0000', 'name\u0000', '\ud800', '\udfff', 'a\ud83db', '王\u0000小明', '\udc00\ud800'),
  fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\u0000', '\ud800', '\udbff')).map(([a, b]) => a + b + a),
);
const wrongFor = (s: JsonSchema | undefined) => {
  const t = Array.isArray(s?.type) ? s!.type : s?.type ? [s.type] : [];
  if (t.includes('string')) return fc.oneof(fc.constant({}), fc.integer(), fc.constant([1, 2]));
  if (t.includes('number') || t.includes('integer')) return fc.oneof(weird, fc.constant({}), fc.constant(true));
  if (t.includes('boolean')) return fc.oneof(fc.constantFrom('yes', 'true', 1, {}), weird);
  if (t.includes('array')) return fc.oneof(fc.integer(), weird, fc.constant({ a: 1 }));
  if (t.includes('object')) return fc.oneof(weird, fc.integer(), fc.constant([[]]));
  return null;
};
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

/** Bad bodies for one route, as raw text (so malformed JSON can be sent too). */
function badBody(schema: JsonSchema): fc.Arbitrary<{ text: string; what: string; field?: string }> {
  const props = Object.entries(schema.properties ?? {});
  const wrongField: [string, fc.Arbitrary<unknown>][] = [];
  for (const [k, s] of props) {
    const arb = wrongFor(s);
    if (arb) wrongField.push([k, arb]);
  }
  const options: fc.Arbitrary<{ text: string; what: string; field?: string }>[] = [
    fc
      .constantFrom('{', '{"a":', '[1,', 'nul', '{"x":1}}', "{'single':1}", '\u0000', '{"a":01}', '')
      .map((text) => ({ text, what: 'malformed JSON' })),
    fc
      .oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), weird)
      .map((v) => ({ text: JSON.stringify(v), what: 'not an object' })),
    fc.integer({ min: 2_000, max: 20_000 }).map((n) => ({ text: `{"a":${deep(n)}}`, what: 'deep nesting' })),
    fc
      .record({
        k: fc.constantFrom(...(props.length ? props.map(([k]) => k) : ['name'])),
        n: fc.integer({ min: 70_000, max: 300_000 }),
      })
      .map(({ k, n }) => ({ text: JSON.stringify({ [k]: 'x'.repeat(n) }), what: 'huge string' })),
    fc
      .dictionary(
        fc.string({ minLength: 1, maxLength: 10 }).map((k) => `zz_${k}`),
        weird,
        { minKeys: 1, maxKeys: 4 },
      )
      .map((v) => ({ text: JSON.stringify(v), what: 'unknown fields only' })),
  ];
  // Unstorable text in a field (its value, or inside an array or object it holds) or as a key.
  options.push(
    fc
      .tuple(fc.constantFrom(...(props.length ? props.map(([k]) => k) : ['name'])), unstorable, fc.nat(2))
      .map(([k, u, how]) => {
        const value = how === 0 ? u : how === 1 ? [u] : { [u]: 'x' };
        return { text: JSON.stringify({ [k]: value }), what: 'unstorable text', field: k };
      }),
  );
  if (wrongField.length)
    options.push(
      fc
        .constantFrom(...wrongField)
        .chain(([k, arb]) => arb.map((v) => ({ text: JSON.stringify({ [k]: v }), what: `wrong type in ${k}` }))),
    );
  // Required string fields filled with unicode/SQL-looking text, the rest missing or wrong.
  const strings = props.filter(([, s]) => s.type === 'string').map(([k]) => k);
  if (strings.length && (schema.required ?? []).some((r) => !strings.includes(r)))
    options.push(
      fc
        .dictionary(fc.constantFrom(...strings), weird, { minKeys: 1 })
        .map((v) => ({ text: JSON.stringify(v), what: 'strings only, required fields missing' })),
    );
  return fc.oneof(...options);
}

function resolve(
  schema: JsonSchema | undefined,
  doc: { components?: { schemas?: Record<string, JsonSchema> } },
): JsonSchema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.split('/').pop()!], doc);
  return schema;
}

describe('HTTP body fuzzing (every JSON-body route)', () => {
  it('bad bodies get 400 with a clear message, never a 5xx; the hub keeps serving', async () => {
    const doc = (await (await fetch(`${hub.base}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
      components?: { schemas?: Record<string, JsonSchema> };
    };
    const ops: Op[] = [];
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [m, op] of Object.entries(methods)) {
        const schema = op.requestBody?.content?.['application/json']?.schema;
        if (!schema) continue;
        const url = path
          .replace('{date}', '2030-01-01')
          .replace('{meal}', 'lunch')
          .replace('{role}', 'supervisor')
          .replace(/\{[^}]+\}/g, () => randomUUID());
        ops.push({ method: m.toUpperCase(), url, schema: resolve(schema, doc) });
      }
    expect(ops.length).toBeGreaterThan(25);
    const failures: string[] = [];
    let sent = 0;
    for (const op of ops) {
      const t = op.url === '/api/auth/login' ? undefined : token;
      await fc.assert(
        fc.asyncProperty(badBody(op.schema), async ({ text, what, field }) => {
          const res = await fetch(hub.base + op.url, {
            method: op.method,
            headers: { 'content-type': 'application/json', ...(t ? { authorization: `Bearer ${t}` } : {}) },
            body: text,
          });
          sent++;
          const raw = await res.text();
          let body: { error?: unknown; details?: { path?: string }[] } = {};
          try {
            body = JSON.parse(raw) as typeof body;
          } catch {
            /* checked below */
          }
          const ok =
            (res.status === 400 ||
              (res.status === 413 && what === 'huge string') ||
              (res.status === 413 && what === 'deep nesting')) &&
            typeof body.error === 'string' &&
            body.error.length > 3 &&
            (!field || (body.details?.[0]?.path ?? '').split('.')[0] === field);
          if (!ok)
            failures.push(`${op.method} ${op.url} [${what}] ${text.slice(0, 80)} → ${res.status} ${raw.slice(0, 160)}`);
          return res.status < 500;
        }),
        { numRuns: 25, seed, endOnFailure: true },
      );
    }
    expect(failures).toEqual([]);
    expect(sent).toBe(ops.length * 25);
    expect((await fetch(`${hub.base}/healthz`)).status).toBe(200);
    expect((await hub.api('GET', '/api/auth/me', token)).status).toBe(200);
  }, 120_000);
});

describe('unstorable text in paths and queries (every route with a path parameter or a query)', () => {
  it('answers 400 naming the place, never a 5xx', async () => {
    const doc = (await (await fetch(`${hub.base}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    const failures: string[] = [];
    let sent = 0;
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [m, op] of Object.entries(methods)) {
        const inPath = (op.parameters ?? []).filter((p) => p.in === 'path');
        const inQuery = (op.parameters ?? []).filter((p) => p.in === 'query');
        const urls: [string, string][] = [];
        for (const bad of ['%00', 'a%00b', '%ED%A0%80', '%E0%A4%A'])
          if (inPath.length) urls.push([path.replace(/\{[^}]+\}/g, bad), '(path)']);
        for (const q of inQuery.slice(0, 3))
          urls.push([`${path.replace(/\{[^}]+\}/g, randomUUID())}?${q.name}=x%00y`, q.name]);
        for (const [url, where] of urls) {
          const res = await fetch(hub.base + url, {
            method: m.toUpperCase(),
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: ['get', 'delete'].includes(m) ? undefined : '{}',
          });
          sent++;
          const body = (await res.json().catch(() => ({}))) as { details?: { path?: string }[] };
          if (res.status !== 400 || body.details?.[0]?.path !== where)
            failures.push(`${m.toUpperCase()} ${url} → ${res.status} ${JSON.stringify(body).slice(0, 160)}`);
        }
      }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(60);
  });
});
