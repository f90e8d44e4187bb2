/** The audit log as CSV (UTF-8 with BOM): one row per changed field, formulas defused. */
import type { AuditEntry } from '@eldercare/shared';
import { cell } from '../timebank/statement.js';

const text = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);

export function auditCsv(entries: AuditEntry[]): string {
  const rows: (string | number)[][] = [
    [
      'at',
      'actor_id',
      'actor_name',
      'actor_role',
      'client_address',
      'entity',
      'entity_id',
      'action',
      'field',
      'before',
      'after',
      'request_id',
    ],
  ];
  for (const e of entries) {
    const head = [
      e.at,
      e.actorId ?? '',
      e.actorName ?? '',
      e.actorRole,
      e.clientAddress,
      e.entity,
      e.entityId,
      e.action,
    ];
    if (e.changes.length === 0) rows.push([...head, '', '', '', e.requestId]);
    for (const c of e.changes) rows.push([...head, c.field, text(c.before), text(c.after), e.requestId]);
  }
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
