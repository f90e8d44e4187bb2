import { and, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { residents } from '../../db/schema.js';
import { inRegionTree } from '../../db/sql-fragments.js';

export type ResidentRow = typeof residents.$inferSelect;
export type ResidentInsert = typeof residents.$inferInsert;

export interface ResidentFilter {
  tenantId: string;
  q?: string;
  risk?: string;
  community?: string;
  regionId?: string;
  institutionId?: string;
  residentId?: string;
  limit: number;
  offset: number;
}

export class ResidentsRepo {
  constructor(private readonly db: Db) {}

  async list(f: ResidentFilter): Promise<{ rows: ResidentRow[]; total: number }> {
    const where: SQL[] = [eq(residents.tenantId, f.tenantId)];
    if (f.q) {
      const like = `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
      // Name, address, phone, ID number, or a contact's phone (a daughter calling about her mother).
      const digits = f.q.replace(/\D/g, '');
      where.push(
        or(
          ilike(residents.name, like),
          ilike(residents.address, like),
          ilike(residents.phone, like),
          ilike(residents.idNumber, like),
          ...(digits.length >= 4
            ? [
                sql`regexp_replace(${residents.phone}, '\\D', '', 'g') LIKE ${`%${digits}%`}`,
                sql`regexp_replace(${residents.contacts}::text, '\\D', '', 'g') LIKE ${`%${digits}%`}`,
              ]
            : []),
        )!,
      );
    }
    if (f.risk) where.push(sql`${f.risk} = ANY(${residents.riskCategories})`);
    if (f.community) where.push(eq(residents.community, f.community));
    if (f.regionId) where.push(inRegionTree(residents.regionId, f.regionId));
    if (f.institutionId) where.push(eq(residents.institutionId, f.institutionId));
    if (f.residentId) where.push(eq(residents.id, f.residentId));
    const cond = and(...where);
    const rows = await this.db
      .select()
      .from(residents)
      .where(cond)
      .orderBy(residents.name, residents.id)
      .limit(f.limit)
      .offset(f.offset);
    const [count] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(residents)
      .where(cond);
    return { rows, total: count!.n };
  }

  async get(tenantId: string, id: string): Promise<ResidentRow | undefined> {
    const [row] = await this.db
      .select()
      .from(residents)
      .where(and(eq(residents.tenantId, tenantId), eq(residents.id, id)));
    return row;
  }

  async insert(values: ResidentInsert): Promise<ResidentRow> {
    const [row] = await this.db.insert(residents).values(values).returning();
    return row!;
  }

  async update(tenantId: string, id: string, values: Partial<ResidentInsert>): Promise<ResidentRow | undefined> {
    const [row] = await this.db
      .update(residents)
      .set(values)
      .where(and(eq(residents.tenantId, tenantId), eq(residents.id, id)))
      .returning();
    return row;
  }
}
