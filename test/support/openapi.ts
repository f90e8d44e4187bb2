/**
 * Reading the hub's own OpenAPI document in tests: its operations, fast-check generators of
 * values that fit a request schema (the subset of JSON Schema the document uses), and a check of a
 * response against what the document declares for the operation (status and body schema).
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  additionalProperties?: boolean | JsonSchema;
  description?: string;
}
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}
export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
  security?: unknown[];
}
export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}
export interface Op {
  method: string;
  path: string;
  op: Operation;
  body?: JsonSchema;
}

export async function loadDoc(base: string): Promise<OpenApiDoc> {
  return (await (await fetch(`${base}/api/openapi.json`)).json()) as OpenApiDoc;
}

export function operations(doc: OpenApiDoc): Op[] {
  const ops: Op[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      const body = op.requestBody?.content?.['application/json']?.schema;
      ops.push({ method: method.toUpperCase(), path, op, body: body ? resolve(body, doc) : undefined });
    }
  return ops;
}

export function resolve(schema: JsonSchema, doc: OpenApiDoc): JsonSchema {
  if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.split('/').pop()!] ?? {}, doc);
  return schema;
}

const typesOf = (s: JsonSchema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

/** A string that fits a schema; short, from the code points a user may type (CJK and emoji too). */
function stringFor(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === 'uuid') return fc.uuid({ version: 4 });
  if (s.format === 'date')
    return fc
      .date({ min: new Date('1930-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'date-time')
    return fc
      .date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (s.format === 'email')
    return fc
      .tuple(fc.stringMatching(/^[a-z][a-z0-9]{2,10}$/), fc.integer({ min: 0, max: 1e9 }))
      .map(([a, n]) => `${a}${n}@fuzz.local`);
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? 40, 40));
  const unit = fc.constantFrom(...[...'abcxyz 王李张护理社区老人-·😀']);
  return fc.string({ unit, minLength: min, maxLength: max }).map((x) => x.trim().padEnd(min, '王'));
}

/** Values that fit a schema (as the API accepts them). */
export function valueFor(schema: JsonSchema, doc: OpenApiDoc, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return fc.oneof(...alts.map((a) => valueFor(a, doc, depth)));
  if (s.allOf?.length) return valueFor(s.allOf[0]!, doc, depth);
  const types = typesOf(s);
  const arbs: fc.Arbitrary<unknown>[] = [];
  for (const t of types) {
    if (t === 'null') arbs.push(fc.constant(null));
    else if (t === 'string') arbs.push(stringFor(s));
    else if (t === 'boolean') arbs.push(fc.boolean());
    else if (t === 'integer' || t === 'number') {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : Math.max(min, 0) + 100_000);
      arbs.push(
        t === 'integer'
          ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
          : fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
      );
    } else if (t === 'array') {
      const minLength = s.minItems ?? 0;
      arbs.push(
        fc.array(s.items ? valueFor(s.items, doc, depth + 1) : fc.constant(null), {
          minLength,
          maxLength: Math.max(minLength, Math.min(s.maxItems ?? 3, 3)),
        }),
      );
    } else if (t === 'object') arbs.push(objectFor(s, doc, depth));
  }
  if (!arbs.length) return fc.constant(null);
  return fc.oneof(...arbs);
}

function objectFor(s: JsonSchema, doc: OpenApiDoc, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  if (!Object.keys(props).length) return fc.constant({});
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, p] of Object.entries(props)) model[k] = valueFor(p, doc, depth + 1);
  return fc.record(model, { requiredKeys: [...required] }) as fc.Arbitrary<Record<string, unknown>>;
}

/** Checks responses against what the document declares for each operation. */
export class ResponseChecker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(private readonly doc: OpenApiDoc) {
    (addFormats as unknown as (a: Ajv2020) => void)(this.ajv);
    this.ajv.addSchema({ $id: 'doc', components: doc.components ?? {} });
  }

  /** Why a response is not what the document declares, or null when it is. */
  check(op: Op, status: number, body: unknown, contentType: string | null): string | null {
    const declared = op.op.responses[String(status)] ?? op.op.responses.default;
    if (!declared) return `status ${status} not declared`;
    const schema = declared.content?.['application/json']?.schema;
    if (!schema) return null;
    if (!contentType?.includes('json')) return `declared JSON, got ${contentType}`;
    const key = `${op.method} ${op.path} ${status}`;
    let validate = this.cache.get(key);
    if (!validate) {
      const rewritten = JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"doc#/components/')) as object;
      validate = this.ajv.compile(rewritten);
      this.cache.set(key, validate);
    }
    if (validate(body)) return null;
    return `body does not match the declared schema: ${this.ajv.errorsText(validate.errors).slice(0, 300)}`;
  }
}
