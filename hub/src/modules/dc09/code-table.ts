/**
 * Code tables: Contact ID and SIA DCS event codes → the hub's event types, from the data files in
 * codes/ (the standard tables) and codes/vendors/<profile>.json (per-vendor overrides, applied on
 * top). Read and checked once at start-up; a broken file stops the hub with a clear message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { eventTypeSchema, type EventType } from '@eldercare/shared';
import type { PanelEvent } from './events.js';

export const CODES_DIR = path.resolve(import.meta.dirname, 'codes');
export const STANDARD_PROFILE = 'standard';

const entrySchema = z.union([
  z.strictObject({ label: z.string().min(1), event: eventTypeSchema }),
  z.strictObject({ label: z.string().min(1), condition: z.string().regex(/^[a-z_]{1,32}$/) }),
]);
type Entry = z.infer<typeof entrySchema>;
const tableSchema = z.record(z.string().regex(/^[0-9A-Z]{2,4}$/), entrySchema);
const standardFileSchema = z.object({ $comment: z.string().optional(), codes: tableSchema });
const vendorFileSchema = z.strictObject({
  $comment: z.string().optional(),
  label: z.string().min(1),
  contactId: tableSchema.default({}),
  siaDcs: tableSchema.default({}),
});

export interface CodeTables {
  contactId: Record<string, Entry>;
  siaDcs: Record<string, Entry>;
  vendors: Record<string, { label: string; contactId: Record<string, Entry>; siaDcs: Record<string, Entry> }>;
}

export type Mapping =
  | { kind: 'event'; event: EventType; label: string }
  | { kind: 'recorded'; condition: string; label: string }
  | { kind: 'unmapped' };

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`DC-09 code table ${path.basename(file)}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function loadCodeTables(dir = CODES_DIR): CodeTables {
  const vendors: CodeTables['vendors'] = {};
  const vendorDir = path.join(dir, 'vendors');
  for (const f of readdirSync(vendorDir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const name = f.slice(0, -'.json'.length);
    if (!/^[a-z0-9-]{1,40}$/.test(name)) throw new Error(`DC-09 vendor profile file name not allowed: ${f}`);
    vendors[name] = readJson(path.join(vendorDir, f), vendorFileSchema);
  }
  return {
    contactId: readJson(path.join(dir, 'contact-id.json'), standardFileSchema).codes,
    siaDcs: readJson(path.join(dir, 'sia-dcs.json'), standardFileSchema).codes,
    vendors,
  };
}

/** The profiles an account may choose: `standard` and every vendor file. */
export const profileNames = (t: CodeTables): string[] => [STANDARD_PROFILE, ...Object.keys(t.vendors)];

const toMapping = (e: Entry | undefined): Mapping =>
  !e
    ? { kind: 'unmapped' }
    : 'event' in e
      ? { kind: 'event', event: e.event, label: e.label }
      : { kind: 'recorded', condition: e.condition, label: e.label };

/**
 * What a panel event means for the hub under a vendor profile. Vendor entries win over the standard
 * table; a CID entry may name the qualifier too (`1102` before `102`, `3301` AC restore before `301`).
 * Otherwise a CID restore (3) or status report (6) is recorded, never raised: the alarm it restores
 * was raised when it opened.
 */
export function mapEvent(t: CodeTables, profile: string, e: PanelEvent): Mapping {
  const vendor = t.vendors[profile];
  if (e.protocol === 'sia') return toMapping(vendor?.siaDcs[e.code] ?? t.siaDcs[e.code]);
  const qualified = `${e.qualifier}${e.code}`;
  const exact = vendor?.contactId[qualified] ?? (vendor?.contactId[e.code] ? undefined : t.contactId[qualified]);
  if (exact) return toMapping(exact);
  const m = toMapping(vendor?.contactId[e.code] ?? t.contactId[e.code]);
  if (m.kind === 'event' && e.qualifier !== '1')
    return { kind: 'recorded', condition: e.qualifier === '3' ? 'restore' : 'still_present', label: m.label };
  return m;
}
