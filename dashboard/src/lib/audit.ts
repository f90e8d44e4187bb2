/** Presenting register audit entries: values as short text, secrets as a notice. Pure, so it is unit-tested. */
import type { QueryOf } from './endpoints';

/** A before/after value as text: '' for none, JSON for lists and objects. */
export function auditValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

export const isSecretChange = (c: { field: string; before?: unknown; after?: unknown }): boolean =>
  c.before === '[secret]' && c.after === '[secret]';

export interface AuditFilters {
  entity: string;
  entityId: string;
  actorId: string;
  from: string;
  to: string;
}

/** The API query for the filters as typed: trimmed, empty ones left out. */
export function auditQuery(f: AuditFilters, page: { limit?: number; offset?: number } = {}): QueryOf<'/api/audit'> {
  const q: Record<string, string | number> = {};
  if (f.entity) q.entity = f.entity;
  if (f.entityId.trim()) q.entityId = f.entityId.trim();
  if (f.actorId) q.actorId = f.actorId;
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  if (page.limit !== undefined) q.limit = page.limit;
  if (page.offset) q.offset = page.offset;
  return q as QueryOf<'/api/audit'>;
}
