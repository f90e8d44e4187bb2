/** SQL of admission applications (轮候). */
import { and, eq } from 'drizzle-orm';
import type pg from 'pg';
import type { Db } from '../../db/client.js';
import { admissionApplications } from '../../db/schema.js';

export type ApplicationRow = typeof admissionApplications.$inferSelect;
export type ApplicationInsert = typeof admissionApplications.$inferInsert;

/** An application with what its order and view need of the elder, the institution and the decider. */
export interface ApplicationView {
  id: string;
  institution_id: string;
  institution_name: string;
  resident_id: string;
  resident_name: string;
  birth_date: string;
  community: string;
  capability_grade: string | null;
  economic_status: string[];
  applied_on: string;
  status: string;
  note: string;
  bed_id: string | null;
  decision_reason: string;
  decided_at: Date | null;
  decided_by_name: string | null;
  created_at: Date;
}

export class WaitingListRepo {
  private readonly pool: pg.Pool;
  constructor(private readonly db: Db) {
    this.pool = db.$client;
  }

  async list(tenantId: string, f: { institutionId?: string; id?: string }): Promise<ApplicationView[]> {
    const r = await this.pool.query<ApplicationView>(
      `SELECT a.id, a.institution_id, i.name AS institution_name, a.resident_id, r.name AS resident_name,
              r.birth_date::text AS birth_date, r.community, r.capability_grade, r.economic_status,
              a.applied_on::text AS applied_on, a.status, a.note, a.bed_id, a.decision_reason, a.decided_at,
              u.name AS decided_by_name, a.created_at
         FROM admission_applications a JOIN residents r ON r.id = a.resident_id
         JOIN institutions i ON i.id = a.institution_id LEFT JOIN users u ON u.id = a.decided_by
        WHERE a.tenant_id = $1 AND ($2::uuid IS NULL OR a.institution_id = $2::uuid) AND ($3::uuid IS NULL OR a.id = $3::uuid)
        ORDER BY a.created_at`,
      [tenantId, f.institutionId ?? null, f.id ?? null],
    );
    return r.rows;
  }

  async get(tenantId: string, id: string): Promise<ApplicationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(admissionApplications)
      .where(and(eq(admissionApplications.tenantId, tenantId), eq(admissionApplications.id, id)));
    return row;
  }

  async insert(v: ApplicationInsert): Promise<ApplicationRow> {
    const [row] = await this.db.insert(admissionApplications).values(v).returning();
    return row!;
  }

  async update(tenantId: string, id: string, patch: Partial<ApplicationInsert>): Promise<ApplicationRow | undefined> {
    if (!Object.keys(patch).length) return this.get(tenantId, id);
    const [row] = await this.db
      .update(admissionApplications)
      .set(patch)
      .where(and(eq(admissionApplications.tenantId, tenantId), eq(admissionApplications.id, id)))
      .returning();
    return row;
  }
}
