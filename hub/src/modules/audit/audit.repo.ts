import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { registerAudit, users } from '../../db/schema.js';

export type AuditInsert = typeof registerAudit.$inferInsert;
export type AuditRow = typeof registerAudit.$inferSelect & { actorName: string | null };

export interface AuditFilter {
  tenantId: string;
  entity?: string;
  /** Entity kinds the reader may not see. */
  excludeEntities?: string[];
  entityId?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

/** The register's audit log: insert and search, never update or delete (the database refuses both). */
export class AuditRepo {
  constructor(private readonly db: Db) {}

  async insert(entry: AuditInsert): Promise<void> {
    await this.db.insert(registerAudit).values(entry);
  }

  async search(f: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
    const where: SQL[] = [eq(registerAudit.tenantId, f.tenantId)];
    if (f.entity) where.push(eq(registerAudit.entity, f.entity));
    if (f.excludeEntities?.length)
      where.push(sql`${registerAudit.entity} <> ALL(${sql.param(f.excludeEntities)}::text[])`);
    if (f.entityId) where.push(eq(registerAudit.entityId, f.entityId));
    if (f.actorId) where.push(eq(registerAudit.actorId, f.actorId));
    if (f.from) where.push(gte(registerAudit.at, f.from));
    if (f.to) where.push(lt(registerAudit.at, f.to));
    const cond = and(...where);
    const rows = await this.db
      .select({ entry: registerAudit, actorName: users.name })
      .from(registerAudit)
      .leftJoin(users, eq(users.id, registerAudit.actorId))
      .where(cond)
      .orderBy(desc(registerAudit.at), desc(registerAudit.id))
      .limit(f.limit)
      .offset(f.offset);
    const [count] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(registerAudit)
      .where(cond);
    return { rows: rows.map((r) => ({ ...r.entry, actorName: r.actorName })), total: count!.n };
  }
}
