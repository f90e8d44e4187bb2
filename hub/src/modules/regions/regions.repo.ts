import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { institutions, regions, residents } from '../../db/schema.js';

export type RegionRow = typeof regions.$inferSelect;
export type RegionInsert = typeof regions.$inferInsert;

export class RegionsRepo {
  constructor(private readonly db: Db) {}

  list(tenantId: string, includeRetired: boolean): Promise<RegionRow[]> {
    return this.db
      .select()
      .from(regions)
      .where(and(eq(regions.tenantId, tenantId), includeRetired ? undefined : isNull(regions.retiredAt)))
      .orderBy(regions.name);
  }

  async get(tenantId: string, id: string): Promise<RegionRow | undefined> {
    const [row] = await this.db
      .select()
      .from(regions)
      .where(and(eq(regions.tenantId, tenantId), eq(regions.id, id)));
    return row;
  }

  /** Residents and institutions registered directly in each region. */
  async counts(tenantId: string): Promise<{ residents: Map<string, number>; institutions: Map<string, number> }> {
    const r = await this.db
      .select({ id: residents.regionId, n: sql<number>`count(*)::int` })
      .from(residents)
      .where(and(eq(residents.tenantId, tenantId), sql`${residents.regionId} IS NOT NULL`))
      .groupBy(residents.regionId);
    const i = await this.db
      .select({ id: institutions.regionId, n: sql<number>`count(*)::int` })
      .from(institutions)
      .where(
        and(
          eq(institutions.tenantId, tenantId),
          isNull(institutions.retiredAt),
          sql`${institutions.regionId} IS NOT NULL`,
        ),
      )
      .groupBy(institutions.regionId);
    return {
      residents: new Map(r.map((x) => [x.id!, x.n])),
      institutions: new Map(i.map((x) => [x.id!, x.n])),
    };
  }

  async insert(values: RegionInsert): Promise<RegionRow> {
    const [row] = await this.db.insert(regions).values(values).returning();
    return row!;
  }

  async update(tenantId: string, id: string, values: Partial<RegionInsert>): Promise<RegionRow | undefined> {
    // An empty PATCH changes nothing: answer the region as it is (an UPDATE with no column is an error).
    if (Object.values(values).every((v) => v === undefined)) return this.get(tenantId, id);
    const [row] = await this.db
      .update(regions)
      .set(values)
      .where(and(eq(regions.tenantId, tenantId), eq(regions.id, id)))
      .returning();
    return row;
  }

  async activeChildren(id: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(regions)
      .where(and(eq(regions.parentId, id), isNull(regions.retiredAt)));
    return row!.n;
  }

  /** Free-text communities of residents not linked to a region yet, with how many residents carry each. */
  async unlinkedCommunities(tenantId: string): Promise<{ name: string; residents: number }[]> {
    return this.db
      .select({ name: residents.community, residents: sql<number>`count(*)::int` })
      .from(residents)
      .where(and(eq(residents.tenantId, tenantId), isNull(residents.regionId), sql`${residents.community} <> ''`))
      .groupBy(residents.community)
      .orderBy(residents.community);
  }

  /**
   * Under one township, finds or creates a community region for each name and links the unlinked
   * residents carrying that name to it, in one transaction.
   */
  async adopt(
    tenantId: string,
    townshipId: string,
    names: string[],
  ): Promise<{ created: RegionRow[]; linked: number }> {
    return this.db.transaction(async (tx) => {
      const created: RegionRow[] = [];
      let linked = 0;
      const existing = names.length
        ? await tx
            .select()
            .from(regions)
            .where(and(eq(regions.parentId, townshipId), inArray(regions.name, names), isNull(regions.retiredAt)))
        : [];
      for (const name of names) {
        let region = existing.find((r) => r.name === name);
        if (!region) {
          [region] = await tx
            .insert(regions)
            .values({ tenantId, parentId: townshipId, level: 'community', name })
            .returning();
          created.push(region!);
        }
        const rows = await tx
          .update(residents)
          .set({ regionId: region!.id })
          .where(and(eq(residents.tenantId, tenantId), isNull(residents.regionId), eq(residents.community, name)))
          .returning({ id: residents.id });
        linked += rows.length;
      }
      return { created, linked };
    });
  }
}
