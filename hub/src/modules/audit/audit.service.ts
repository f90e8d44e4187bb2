/**
 * Reading the register's audit log: admins see every entry of their district; coordinators, who
 * manage the register but not the users, see every entry except those about user accounts.
 */
import type { AuditEntity, AuditEntry, AuditPage, User } from '@eldercare/shared';
import { addDays, auditQuerySchema, can, startOfLocalDay } from '@eldercare/shared';
import type { z } from 'zod';
import { forbidden } from '../../http/errors.js';
import type { AuditRepo, AuditRow } from './audit.repo.js';

type AuditQueryOut = z.output<typeof auditQuerySchema>;
const ADMIN_ONLY: AuditEntity[] = ['user'];
/** Rows in one CSV export; narrow the filter for more. */
export const EXPORT_MAX = 50_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function toAuditEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    actorRole: r.actorRole,
    clientAddress: r.clientAddress,
    requestId: r.requestId,
    entity: r.entity as AuditEntity,
    entityId: r.entityId,
    action: r.action as AuditEntry['action'],
    changes: r.changes as AuditEntry['changes'],
  };
}

export class AuditService {
  constructor(
    private readonly repo: AuditRepo,
    private readonly timeZone: (tenantId: string) => string,
  ) {}

  /** Every matching entry (newest first, at most EXPORT_MAX), for the CSV export. */
  async export(user: User, q: AuditQueryOut): Promise<AuditEntry[]> {
    return (await this.search(user, { ...q, limit: EXPORT_MAX, offset: 0 })).items;
  }

  async search(user: User, q: AuditQueryOut): Promise<AuditPage> {
    if (!can(user.role, 'audit.read')) throw forbidden();
    const excluded = can(user.role, 'audit.users') ? [] : ADMIN_ONLY;
    if (q.entity && excluded.includes(q.entity)) return { items: [], total: 0 };
    const tz = this.timeZone(user.tenantId);
    const { rows, total } = await this.repo.search({
      tenantId: user.tenantId,
      entity: q.entity,
      excludeEntities: excluded,
      entityId: q.entityId,
      actorId: q.actorId,
      from: q.from ? (DAY.test(q.from) ? startOfLocalDay(q.from, tz) : new Date(q.from)) : undefined,
      to: q.to ? (DAY.test(q.to) ? startOfLocalDay(addDays(q.to, 1), tz) : new Date(q.to)) : undefined,
      limit: q.limit,
      offset: q.offset,
    });
    return { items: rows.map(toAuditEntry), total };
  }
}
