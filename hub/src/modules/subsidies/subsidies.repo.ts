/** SQL of subsidy categories, the elders their rules are evaluated against, and the meals they paid for. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type pg from 'pg';
import type { Db } from '../../db/client.js';
import { subsidyCategories } from '../../db/schema.js';
import { MEAL_SERVED_SQL } from '../../db/sql-fragments.js';

export type CategoryRow = typeof subsidyCategories.$inferSelect;
export type CategoryInsert = typeof subsidyCategories.$inferInsert;

/** An elder as the rules see them on a day: age from the birth date, the grade assessed by then. */
export interface SubjectRow {
  id: string;
  name: string;
  birth_date: string;
  community: string;
  economic_status: string[];
  grade: string | null;
  township_id: string | null;
}

export class SubsidiesRepo {
  private readonly pool: pg.Pool;
  constructor(private readonly db: Db) {
    this.pool = db.$client;
  }

  categories(tenantId: string, includeRetired: boolean): Promise<CategoryRow[]> {
    return this.db
      .select()
      .from(subsidyCategories)
      .where(
        and(eq(subsidyCategories.tenantId, tenantId), includeRetired ? undefined : isNull(subsidyCategories.retiredAt)),
      )
      .orderBy(asc(subsidyCategories.createdAt), asc(subsidyCategories.code));
  }

  async category(tenantId: string, id: string): Promise<CategoryRow | undefined> {
    const [row] = await this.db
      .select()
      .from(subsidyCategories)
      .where(and(eq(subsidyCategories.tenantId, tenantId), eq(subsidyCategories.id, id)));
    return row;
  }

  async insert(values: CategoryInsert): Promise<CategoryRow> {
    const [row] = await this.db.insert(subsidyCategories).values(values).returning();
    return row!;
  }

  async update(tenantId: string, id: string, patch: Partial<CategoryInsert>): Promise<CategoryRow | undefined> {
    if (!Object.keys(patch).length) return this.category(tenantId, id);
    const [row] = await this.db
      .update(subsidyCategories)
      .set(patch)
      .where(and(eq(subsidyCategories.tenantId, tenantId), eq(subsidyCategories.id, id)))
      .returning();
    return row;
  }

  /**
   * The district's elders registered by the end of `day` (`until`), each with the grade of their
   * latest assessment on or before `day` and their township (their community region's parent).
   */
  async subjects(tenantId: string, day: string, until: Date, residentId?: string): Promise<SubjectRow[]> {
    const r = await this.pool.query<SubjectRow>(
      `SELECT r.id, r.name, r.birth_date::text AS birth_date, r.community, r.economic_status,
              (SELECT a.grade FROM assessments a WHERE a.resident_id = r.id AND a.assessed_on <= $2::date
                ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1) AS grade,
              CASE WHEN g.level = 'township' THEN g.id WHEN g.level = 'community' THEN g.parent_id END AS township_id
         FROM residents r LEFT JOIN regions g ON g.id = r.region_id
        WHERE r.tenant_id = $1 AND r.created_at < $3 AND ($4::uuid IS NULL OR r.id = $4::uuid)
        ORDER BY r.name, r.id`,
      [tenantId, day, until, residentId ?? null],
    );
    return r.rows;
  }

  /** Meals served between two days (inclusive) per meal subsidy category and township of the elder. */
  async meals(
    tenantId: string,
    from: string,
    to: string,
  ): Promise<{ category: string; township_id: string | null; served: number; subsidy: number }[]> {
    const r = await this.pool.query<{ category: string; township_id: string | null; served: number; subsidy: number }>(
      `SELECT o.subsidy_category AS category,
              CASE WHEN g.level = 'township' THEN g.id WHEN g.level = 'community' THEN g.parent_id END AS township_id,
              count(*)::int AS served, coalesce(sum(o.full_price_cents - o.elder_price_cents), 0)::int AS subsidy
         FROM meal_orders o JOIN residents r ON r.id = o.resident_id LEFT JOIN regions g ON g.id = r.region_id
        WHERE o.tenant_id = $1 AND o.date BETWEEN $2 AND $3 AND ${MEAL_SERVED_SQL}
        GROUP BY 1, 2`,
      [tenantId, from, to],
    );
    return r.rows;
  }
}
