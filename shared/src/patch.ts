/**
 * The one way PATCH bodies are built from a create schema. A PATCH changes only the fields it was
 * sent: every field becomes optional and loses its `.default()` (zod's `.partial()` keeps defaults,
 * so a field left out would be reset to its default). A nested object sent is replaced whole,
 * unless the PATCH schema builds it with patchOf too. A field can be cleared only where the create
 * schema accepts null (e.g. a resident's location or bed); elsewhere null is refused. The OpenAPI
 * description of the body says which fields may be cleared.
 */
import { z } from 'zod';

type Stripped<T> = T extends z.ZodDefault<infer I> ? I : T extends z.ZodPrefault<infer I> ? I : T;
type PatchShape<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<Stripped<S[K]>> };

function stripDefault(t: z.ZodType): z.ZodType {
  if (t instanceof z.ZodDefault || t instanceof z.ZodPrefault) return stripDefault(t.unwrap() as z.ZodType);
  // `.default(x).transform(f)`: the default sits at the pipe's input.
  if (t instanceof z.ZodPipe) {
    const input = stripDefault(t.in as z.ZodType);
    return input === t.in ? t : input.pipe(t.out as z.ZodType);
  }
  return t;
}

/** The fields of a schema that accept null (in a PATCH: clear the value). */
export function clearableFields(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, t]) => stripDefault(t as z.ZodType).safeParse(null).success)
    .map(([k]) => k);
}

/**
 * A PATCH body schema from a create (or nested) object schema: all fields optional, no defaults,
 * nullable only where the original is; unknown fields refused as in the original.
 */
export function patchOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>): z.ZodObject<PatchShape<S>, z.core.$strict> {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, t] of Object.entries(schema.shape)) shape[k] = stripDefault(t as z.ZodType).optional();
  const clearable = clearableFields(schema);
  return z
    .strictObject(shape)
    .describe(
      'Send only the fields to change; a field left out keeps its value.' +
        (clearable.length
          ? ` Fields that may be cleared by sending null: ${clearable.join(', ')}.`
          : ' No field can be cleared (null is refused).'),
    ) as unknown as z.ZodObject<PatchShape<S>, z.core.$strict>;
}
