import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assessments, residents } from '../../db/schema.js';

export type AssessmentRow = typeof assessments.$inferSelect;
export type AssessmentInsert = typeof assessments.$inferInsert;

export interface DueRow {
  residentId: string;
  residentName: string;
  community: string;
  grade: string | null;
  lastAssessedOn: string | null;
  nextDueOn: string | null;
}

/** The latest assessment of each resident (by day, then by when it was recorded). */
const latest = sql`(SELECT DISTINCT ON (resident_id) resident_id, assessed_on, next_due_on, grade
  FROM assessments ORDER BY resident_id, assessed_on DESC, created_at DESC)`;

export class AssessmentsRepo {
  constructor(private readonly db: Db) {}

  history(tenantId: string, residentId: string): Promise<AssessmentRow[]> {
    return this.db
      .select()
      .from(assessments)
      .where(and(eq(assessments.tenantId, tenantId), eq(assessments.residentId, residentId)))
      .orderBy(desc(assessments.assessedOn), desc(assessments.createdAt));
  }

  /**
   * Records an assessment; when it is the resident's latest (no later day assessed), its grade and
   * care level become the resident's, in the same transaction. Returns whether it was the latest.
   */
  async insert(values: AssessmentInsert): Promise<{ row: AssessmentRow; latest: boolean }> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.insert(assessments).values(values).returning();
      const [later] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(assessments)
        .where(
          and(eq(assessments.residentId, values.residentId), sql`${assessments.assessedOn} > ${values.assessedOn}`),
        );
      const isLatest = later!.n === 0;
      if (isLatest)
        await tx
          .update(residents)
          .set({ careLevel: values.careLevel, capabilityGrade: values.grade })
          .where(eq(residents.id, values.residentId));
      return { row: row!, latest: isLatest };
    });
  }

  /** Residents never assessed or whose next assessment is due by `by`, most overdue first. */
  async due(f: {
    tenantId: string;
    by: string;
    institutionId?: string;
    limit: number;
  }): Promise<{ rows: DueRow[]; total: number }> {
    const l = sql.raw('l');
    const cond = and(
      eq(residents.tenantId, f.tenantId),
      f.institutionId ? eq(residents.institutionId, f.institutionId) : undefined,
      or(sql`${l}.next_due_on IS NULL`, sql`${l}.next_due_on <= ${f.by}::date`),
    );
    const base = this.db
      .select({
        residentId: residents.id,
        residentName: residents.name,
        community: residents.community,
        grade: sql<string | null>`${l}.grade`,
        lastAssessedOn: sql<string | null>`${l}.assessed_on::text`,
        nextDueOn: sql<string | null>`${l}.next_due_on::text`,
      })
      .from(residents)
      .leftJoin(sql`${latest} l`, sql`${l}.resident_id = ${residents.id}`)
      .where(cond);
    const rows = await base.orderBy(sql`${l}.next_due_on ASC NULLS FIRST`, asc(residents.name)).limit(f.limit);
    const [count] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(residents)
      .leftJoin(sql`${latest} l`, sql`${l}.resident_id = ${residents.id}`)
      .where(cond);
    return { rows, total: count!.n };
  }

  /** Assessments recorded for days in [from, to) (YYYY-MM-DD). */
  async countBetween(tenantId: string, from: string, to: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(assessments)
      .where(
        and(
          eq(assessments.tenantId, tenantId),
          sql`${assessments.assessedOn} >= ${from}::date`,
          sql`${assessments.assessedOn} < ${to}::date`,
        ),
      );
    return row!.n;
  }

  /** Residents per community text. */
  async eldersByCommunity(tenantId: string): Promise<{ community: string; n: number }[]> {
    return this.db
      .select({ community: residents.community, n: sql<number>`count(*)::int` })
      .from(residents)
      .where(eq(residents.tenantId, tenantId))
      .groupBy(residents.community);
  }
}
