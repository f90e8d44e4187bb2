import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { inspections, institutions } from '../../db/schema.js';

export type InspectionRow = typeof inspections.$inferSelect & { institutionName: string };
export type InspectionInsert = typeof inspections.$inferInsert;

export class InspectionsRepo {
  constructor(private readonly db: Db) {}

  async list(f: {
    tenantId: string;
    institutionId?: string;
    overdueBy?: string;
    limit: number;
  }): Promise<InspectionRow[]> {
    const rows = await this.db
      .select({ i: inspections, institutionName: institutions.name })
      .from(inspections)
      .innerJoin(institutions, eq(institutions.id, inspections.institutionId))
      .where(
        and(
          eq(inspections.tenantId, f.tenantId),
          f.institutionId ? eq(inspections.institutionId, f.institutionId) : undefined,
          f.overdueBy
            ? sql`${inspections.rectifiedOn} IS NULL AND ${inspections.rectifyBy} < ${f.overdueBy}::date`
            : undefined,
        ),
      )
      .orderBy(desc(inspections.inspectedOn), desc(inspections.createdAt))
      .limit(f.limit);
    return rows.map((r) => ({ ...r.i, institutionName: r.institutionName }));
  }

  async get(tenantId: string, id: string): Promise<InspectionRow | undefined> {
    const [row] = await this.db
      .select({ i: inspections, institutionName: institutions.name })
      .from(inspections)
      .innerJoin(institutions, eq(institutions.id, inspections.institutionId))
      .where(and(eq(inspections.tenantId, tenantId), eq(inspections.id, id)));
    return row && { ...row.i, institutionName: row.institutionName };
  }

  async insert(values: InspectionInsert): Promise<string> {
    const [row] = await this.db.insert(inspections).values(values).returning({ id: inspections.id });
    return row!.id;
  }

  async update(tenantId: string, id: string, values: Partial<InspectionInsert>): Promise<void> {
    if (Object.keys(values).length === 0) return;
    await this.db
      .update(inspections)
      .set(values)
      .where(and(eq(inspections.tenantId, tenantId), eq(inspections.id, id)));
  }
}
