/**
 * Field-level differences between two snapshots of a register object, for the audit log. Plain
 * objects are walked into dotted paths (`policy.minRedeemAge`); arrays and other values compare as
 * wholes. Secrets are never recorded: any key that names one is left out, at any depth. Values that
 * are derived or reported by devices (age, online, battery, …) are not changes to the register.
 */
import type { AuditChange } from '@eldercare/shared';

/** Keys that hold or derive from secrets: never written to the audit log. */
const SECRET_KEY = /pass(word)?|secret|token|credential|hash|pickupcode|keysafe/i;
/** Volatile or derived values that are not register changes. */
const NOT_RECORDED = new Set(['createdAt', 'updatedAt', 'age', 'online', 'battery', 'signal', 'lastSeen', 'firmware']);

type Snapshot = Record<string, unknown>;

const isPlainObject = (v: unknown): v is Snapshot =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Whether a key would hold a secret (its value is never recorded). */
export const isSecretKey = (key: string): boolean => SECRET_KEY.test(key);

function normalise(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  return v;
}

function flatten(obj: Snapshot | null, prefix: string, out: Map<string, unknown>, secrets: Set<string>): void {
  if (!obj) return;
  for (const [k, v] of Object.entries(obj)) {
    if (!prefix && NOT_RECORDED.has(k)) continue;
    const path = prefix ? `${prefix}.${k}` : k;
    if (isSecretKey(k)) {
      secrets.add(path);
      continue;
    }
    if (isPlainObject(v) && Object.keys(v).length > 0) flatten(v, path, out, secrets);
    else out.set(path, normalise(v));
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields that differ between `before` and `after` (either may be null: created, or gone). A
 * secret field that changed is listed with both values `"[secret]"`, so the entry says that it
 * changed and never what it was.
 */
export function auditChanges(before: Snapshot | null, after: Snapshot | null): AuditChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  const secretsA = new Set<string>();
  const secretsB = new Set<string>();
  flatten(before, '', a, secretsA);
  flatten(after, '', b, secretsB);
  const changes: AuditChange[] = [];
  for (const field of new Set([...a.keys(), ...b.keys()])) {
    const x = a.has(field) ? a.get(field) : null;
    const y = b.has(field) ? b.get(field) : null;
    if (!same(x, y)) changes.push({ field, before: x, after: y });
  }
  for (const field of new Set([...secretsA, ...secretsB])) {
    const x = readPath(before, field);
    const y = readPath(after, field);
    if (!same(x, y)) changes.push({ field, before: '[secret]', after: '[secret]' });
  }
  return changes.sort((p, q) => p.field.localeCompare(q.field));
}

function readPath(obj: Snapshot | null, path: string): unknown {
  let cur: unknown = obj;
  for (const k of path.split('.')) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}
