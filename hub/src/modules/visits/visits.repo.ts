/** SQL of welfare visits: settings, plan overrides, contacts, and the live plan view over residents + contacts. */
import type pg from 'pg';
import type { Db } from '../../db/client.js';

export interface PlanSourceRow {
  resident_id: string;
  name: string;
  community: string;
  risk_categories: string[];
  birth_date: string;
  capability_grade: string | null;
  created_at: Date;
  institution_id: string | null;
  override_days: number | null;
  visitor_id: string | null;
  visitor_name: string | null;
  last_contact_at: Date | null;
  contacted_in_window: boolean;
}

export interface ContactRow {
  id: string;
  resident_id: string;
  resident_name: string;
  at: Date;
  source: string;
  method: string;
  state: string | null;
  note: string;
  concern: boolean;
  alert_id: string | null;
  visitor_id: string | null;
  visitor_name: string;
}

export interface ContactInsert {
  tenantId: string;
  residentId: string;
  at: Date;
  source: string;
  sourceId: string | null;
  method: string;
  state: string | null;
  note: string;
  concern: boolean;
  alertId: string | null;
  visitorId: string | null;
  visitorName: string;
}

export class VisitsRepo {
  private readonly pool: pg.Pool;
  constructor(db: Db) {
    this.pool = db.$client;
  }

  async settings(tenantId: string): Promise<unknown> {
    const r = await this.pool.query<{ settings: unknown }>(`SELECT settings FROM visit_settings WHERE tenant_id = $1`, [
      tenantId,
    ]);
    return r.rows[0]?.settings ?? {};
  }

  async saveSettings(tenantId: string, settings: object, at: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO visit_settings (tenant_id, settings, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = EXCLUDED.updated_at`,
      [tenantId, JSON.stringify(settings), at],
    );
  }

  async savePlan(
    tenantId: string,
    residentId: string,
    p: { overrideDays?: number | null; visitorId?: string | null },
    at: Date,
  ): Promise<void> {
    await this.pool.query(
      `INSERT INTO visit_plans (resident_id, tenant_id, override_days, visitor_id, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (resident_id) DO UPDATE SET
         override_days = CASE WHEN $6 THEN EXCLUDED.override_days ELSE visit_plans.override_days END,
         visitor_id = CASE WHEN $7 THEN EXCLUDED.visitor_id ELSE visit_plans.visitor_id END,
         updated_at = EXCLUDED.updated_at`,
      [
        residentId,
        tenantId,
        p.overrideDays ?? null,
        p.visitorId ?? null,
        at,
        p.overrideDays !== undefined,
        p.visitorId !== undefined,
      ],
    );
  }

  /**
   * Elders living at home (institution residents are cared for on site) with their plan, their
   * last contact up to `until`, and whether they had any contact in [from, until).
   */
  async planSources(
    tenantId: string,
    f: { from: Date; until: Date; residentIds?: string[]; community?: string },
  ): Promise<PlanSourceRow[]> {
    const r = await this.pool.query<PlanSourceRow>(
      `SELECT r.id AS resident_id, r.name, r.community, r.risk_categories, r.birth_date::text AS birth_date, r.capability_grade, r.created_at,
              r.institution_id, p.override_days, p.visitor_id, v.name AS visitor_name,
              (SELECT max(c.at) FROM welfare_contacts c WHERE c.resident_id = r.id AND c.at < $3) AS last_contact_at,
              EXISTS (SELECT 1 FROM welfare_contacts c WHERE c.resident_id = r.id AND c.at >= $2 AND c.at < $3)
                AS contacted_in_window
         FROM residents r
         LEFT JOIN visit_plans p ON p.resident_id = r.id
         LEFT JOIN tb_volunteers v ON v.id = p.visitor_id
        WHERE r.tenant_id = $1 AND r.institution_id IS NULL
          AND ($4::uuid[] IS NULL OR r.id = ANY($4::uuid[]))
          AND ($5::text IS NULL OR r.community = $5)
        ORDER BY r.community, r.name, r.id`,
      [tenantId, f.from, f.until, f.residentIds ?? null, f.community ?? null],
    );
    return r.rows;
  }

  async visitorResidentIds(volunteerIds: string[]): Promise<string[]> {
    if (!volunteerIds.length) return [];
    const r = await this.pool.query<{ resident_id: string }>(
      `SELECT resident_id FROM visit_plans WHERE visitor_id = ANY($1::uuid[])`,
      [volunteerIds],
    );
    return r.rows.map((x) => x.resident_id);
  }

  /** Inserts a contact; one per (source, sourceId), so recording the same service or meal twice is harmless. */
  async insertContact(c: ContactInsert): Promise<string | null> {
    const r = await this.pool.query<{ id: string }>(
      `INSERT INTO welfare_contacts (tenant_id, resident_id, at, source, source_id, method, state, note, concern, alert_id,
                                     visitor_id, visitor_name)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)
       ON CONFLICT (source, source_id) WHERE source_id IS NOT NULL DO NOTHING RETURNING id`,
      [
        c.tenantId,
        c.residentId,
        c.at,
        c.source,
        c.sourceId,
        c.method,
        c.state,
        c.note,
        c.concern,
        c.alertId,
        c.visitorId,
        c.visitorName,
      ],
    );
    return r.rows[0]?.id ?? null;
  }

  async contacts(
    tenantId: string,
    f: { residentIds?: string[]; from?: Date; to?: Date; limit: number },
  ): Promise<ContactRow[]> {
    const r = await this.pool.query<ContactRow>(
      `SELECT c.id, c.resident_id, r.name AS resident_name, c.at, c.source, c.method, c.state, c.note, c.concern,
              c.alert_id, c.visitor_id, c.visitor_name
         FROM welfare_contacts c JOIN residents r ON r.id = c.resident_id
        WHERE c.tenant_id = $1 AND ($2::uuid[] IS NULL OR c.resident_id = ANY($2::uuid[]))
          AND ($3::timestamptz IS NULL OR c.at >= $3) AND ($4::timestamptz IS NULL OR c.at < $4)
        ORDER BY c.at DESC LIMIT $5`,
      [tenantId, f.residentIds ?? null, f.from ?? null, f.to ?? null, f.limit],
    );
    return r.rows;
  }

  async contact(id: string): Promise<ContactRow | undefined> {
    const r = await this.pool.query<ContactRow>(
      `SELECT c.id, c.resident_id, r.name AS resident_name, c.at, c.source, c.method, c.state, c.note, c.concern,
              c.alert_id, c.visitor_id, c.visitor_name
         FROM welfare_contacts c JOIN residents r ON r.id = c.resident_id WHERE c.id = $1`,
      [id],
    );
    return r.rows[0];
  }

  async resident(
    id: string,
  ): Promise<{ id: string; tenant_id: string; name: string; institution_id: string | null } | undefined> {
    const r = await this.pool.query<{ id: string; tenant_id: string; name: string; institution_id: string | null }>(
      `SELECT id, tenant_id, name, institution_id FROM residents WHERE id = $1`,
      [id],
    );
    return r.rows[0];
  }
}
