/**
 * Schema-driven HTTP fuzz of every operation of /api/openapi.json against a hub on the machine's
 * PostgreSQL and Mosquitto. For each operation fast-check builds requests from the document itself:
 * valid bodies (ids taken from the register most of the time), mutated bodies (one field of the
 * wrong type, unstorable text — U+0000, lone surrogates — a required field missing, an unknown
 * field), raw bodies (malformed JSON, wrong top-level types), real and bad path ids (unknown,
 * malformed, NUL) and random query parameters; sent as the admin, who passes every role gate.
 * Every response must be declared by the document for that operation — status and body schema —
 * and none may be a 5xx. Operations are visited round-robin until the time budget
 * (OPENAPI_FUZZ_BUDGET_MS, default 100 s) is spent; reproduce with OPENAPI_FUZZ_SEED.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type TestHub } from '../support/hub.js';
import {
  loadDoc,
  operations,
  resolve,
  valueFor,
  ResponseChecker,
  type JsonSchema,
  type OpenApiDoc,
  type Op,
} from '../support/openapi.js';
import { createTestDatabase, startRealHub, stopRealHub, type TestDatabase } from '../support/real.js';

const BUDGET_MS = Number(process.env.OPENAPI_FUZZ_BUDGET_MS ?? 100_000);
const SEED = process.env.OPENAPI_FUZZ_SEED ? Number(process.env.OPENAPI_FUZZ_SEED) : Date.now() % 2 ** 31;

let db: TestDatabase;
let hub: TestHub;
let token: string;
let doc: OpenApiDoc;

beforeAll(async () => {
  db = await createTestDatabase();
  hub = await startRealHub(db);
  token = await hub.login(ADMIN.email, ADMIN.password);
  doc = await loadDoc(hub.base);
});
afterAll(async () => {
  await stopRealHub(hub);
  await db?.drop();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const unstorable = fc.constantFrom('a\u0000b', '\u0000', '\ud800', 'x\udfffy', '名字\ud83d', '\u0000\ud800');
const weird = fc.oneof(
  unstorable,
  fc.constantFrom("'; DROP TABLE residents; --", '<script>alert(1)</script>', '%s%n', '\u202e', '𝕏🧓🏽', ''),
  fc.string({ maxLength: 20 }),
);
const badIds = fc.oneof(
  fc.uuid({ version: 4 }),
  fc.constantFrom(
    'not-an-id',
    '%00',
    'a%00b',
    '%ED%A0%80',
    '..%2F..%2Fetc',
    'x'.repeat(300),
    '0',
    '-1',
    '%F0%9F%A7%93',
  ),
);

/** Ids seen in list responses: per list path, and all of them. */
const pools = new Map<string, string[]>();
const allIds = new Set<string>();
function collectIds(value: unknown, into: Set<string>): void {
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string' && UUID.test(v)) into.add(v);
    else if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) stack.push(k === 'id' ? x : x);
  }
}

async function send(
  method: string,
  url: string,
  body?: string,
): Promise<{ status: number; json: unknown; type: string | null }> {
  const res = await fetch(hub.base + url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body,
  });
  const text = await res.text();
  let json: unknown = text;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, json, type: res.headers.get('content-type') };
}

/** Real ids for a path parameter: from the list at the path before it, else any id seen. */
function idPool(op: Op, param: string): string[] {
  const before = op.path.split(`{${param}}`)[0]!.replace(/\/$/, '');
  return pools.get(before)?.length ? pools.get(before)! : [...allIds];
}

function pathArb(op: Op): fc.Arbitrary<{ url: string; real: boolean }> {
  const params = (op.op.parameters ?? []).filter((p) => p.in === 'path');
  if (!params.length) return fc.constant({ url: op.path, real: true });
  const each = params.map((p) => {
    const s = resolve(p.schema ?? {}, doc);
    const pool = idPool(op, p.name);
    const good =
      s.format === 'uuid' || p.name.toLowerCase().endsWith('id')
        ? pool.length
          ? fc.constantFrom(...pool)
          : fc.uuid({ version: 4 })
        : valueFor(s, doc).map(String);
    return fc
      .oneof(
        { weight: 4, arbitrary: good.map((v) => ({ v: encodeURIComponent(v), real: true })) },
        {
          weight: 1,
          arbitrary: badIds.map((v) => ({ v, real: false })),
        },
      )
      .map((x) => [p.name, x] as const);
  });
  return fc.tuple(...each).map((xs) => {
    let url = op.path;
    for (const [name, x] of xs) url = url.replace(`{${name}}`, x.v);
    return { url, real: xs.every(([, x]) => x.real) };
  });
}

function queryArb(op: Op): fc.Arbitrary<string> {
  const params = (op.op.parameters ?? []).filter((p) => p.in === 'query');
  if (!params.length) return fc.constant('');
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of params) {
    const s = resolve(p.schema ?? {}, doc);
    const good = s.format === 'uuid' && allIds.size ? fc.constantFrom(...allIds) : valueFor(s, doc);
    model[p.name] = fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: weird });
  }
  return fc.record(model, { requiredKeys: [] }).map((q) => {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null) sp.set(k, String(v));
    const s = sp.toString();
    return s ? `?${s}` : '';
  });
}

/** A valid body, with uuid fields taken from the register most of the time. */
function validBody(schema: JsonSchema): fc.Arbitrary<unknown> {
  const ids = [...allIds];
  const withIds = (s: JsonSchema): JsonSchema => {
    const r = resolve(s, doc);
    if (r.format === 'uuid' && ids.length) return { ...r, enum: undefined, format: 'uuid-from-pool' };
    if (r.properties)
      return { ...r, properties: Object.fromEntries(Object.entries(r.properties).map(([k, v]) => [k, withIds(v)])) };
    if (r.items) return { ...r, items: withIds(r.items) };
    if (r.anyOf) return { ...r, anyOf: r.anyOf.map(withIds) };
    return r;
  };
  const gen = (s: JsonSchema): fc.Arbitrary<unknown> => {
    if (s.format === 'uuid-from-pool')
      return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...ids) },
        { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
      );
    if (s.properties) {
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(s.properties)) model[k] = gen(v);
      return fc.record(model, { requiredKeys: s.required ?? [] });
    }
    if (s.items && !s.anyOf)
      return fc.array(gen(s.items), { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, 3) });
    return valueFor(s, doc);
  };
  return gen(withIds(schema));
}

function bodyArb(op: Op): fc.Arbitrary<{ text: string; kind: string } | undefined> {
  if (!op.body) return fc.constant(undefined);
  const schema = op.body;
  const props = Object.keys(schema.properties ?? {});
  const valid = validBody(schema);
  const asText = (kind: string) => (v: unknown) => ({ text: JSON.stringify(v), kind });
  const mutated = props.length
    ? fc.tuple(valid, fc.constantFrom(...props), fc.nat(3), weird, unstorable).map(([v, k, how, w, u]) => {
        const o = { ...(v as Record<string, unknown>) };
        if (how === 0) o[k] = typeof o[k] === 'string' ? 12345 : w;
        else if (how === 1) o[k] = typeof o[k] === 'object' && o[k] ? { ...(o[k] as object), [u]: u } : u;
        else if (how === 2) delete o[k];
        else o[`zz_${k}`] = w;
        return { text: JSON.stringify(o), kind: 'mutated' };
      })
    : valid.map(asText('valid'));
  const raw = fc
    .oneof(
      fc.constantFrom('{', '{"a":', '[1,', 'nul', "{'x':1}", '"\\u0000"', '{"a":"\\ud800"}', ''),
      fc
        .oneof(fc.integer(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }), weird)
        .map((v) => JSON.stringify(v)),
    )
    .map((text) => ({ text, kind: 'raw' }));
  return fc.oneof(
    { weight: 4, arbitrary: valid.map(asText('valid')) },
    { weight: 3, arbitrary: mutated },
    { weight: 1, arbitrary: raw },
  );
}

describe('schema-driven fuzz of every OpenAPI operation (PostgreSQL + Mosquitto)', () => {
  it('answers only what the document declares, never a 5xx', async () => {
    const ops = operations(doc).filter((o) => o.path !== '/api/auth/logout'); // would end the session
    expect(ops.length).toBeGreaterThan(90);
    // Ids of the register, from every list that needs no path parameter.
    for (const op of ops.filter((o) => o.method === 'GET' && !o.path.includes('{'))) {
      const r = await send('GET', op.path);
      const ids = new Set<string>();
      collectIds(r.json, ids);
      pools.set(op.path, [...ids]);
      for (const id of ids) allIds.add(id);
    }
    const devices = (await send('GET', '/api/devices?limit=50')).json as { items?: { id: string }[] };
    pools.set(
      '/api/devices',
      (devices.items ?? []).map((d) => d.id),
    );
    expect(allIds.size).toBeGreaterThan(50);

    const checker = new ResponseChecker(doc);
    // The checker itself catches an undeclared status and a body off its schema.
    const residents = ops.find((o) => o.method === 'GET' && o.path === '/api/residents/{id}')!;
    expect(checker.check(residents, 418, {}, 'application/json')).toMatch(/not declared/);
    expect(checker.check(residents, 200, { id: 1 }, 'application/json')).toMatch(/does not match/);
    expect(checker.check(residents, 404, { error: 'resident not found' }, 'application/json')).toBeNull();
    const gens = ops.map((op) => ({
      op,
      samples: fc.sample(fc.tuple(pathArb(op), queryArb(op), bodyArb(op)), { numRuns: 400, seed: SEED }),
    }));
    const problems = new Map<string, { count: number; example: string }>();
    const statuses = new Map<number, number>();
    let sent = 0;
    const until = Date.now() + BUDGET_MS;
    for (let round = 0; round < 400 && Date.now() < until; round++) {
      for (const { op, samples } of gens) {
        const [path, query, body] = samples[round]!;
        const url = path.url + (op.method === 'GET' ? query : '');
        const r = await send(op.method, url, body?.text);
        sent++;
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        const why =
          r.status >= 500
            ? `5xx: ${JSON.stringify(r.json).slice(0, 200)}`
            : checker.check(op, r.status, r.json, r.type);
        if (why) {
          const key = `${op.method} ${op.path} → ${r.status}: ${why.split(':')[0]}`;
          const p = problems.get(key) ?? { count: 0, example: '' };
          p.count++;
          p.example ||= `${op.method} ${url} [${body?.kind ?? 'no body'}] ${body?.text.slice(0, 120) ?? ''} → ${r.status} ${why.slice(0, 300)}`;
          problems.set(key, p);
        }
      }
    }
    console.log(
      `openapi fuzz: ${sent} requests over ${ops.length} operations, seed ${SEED}; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    const list = [...problems.entries()].map(([k, p]) => `${k} ×${p.count}\n    e.g. ${p.example}`);
    expect(list).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(ops.length * 20);
    expect((await fetch(`${hub.base}/healthz`)).status).toBe(200);
  }, 400_000);
});
