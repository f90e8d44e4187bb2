/** SQL of the shift roster (staff_shifts): one open shift per user, enforced by a partial unique index. */
import type pg from 'pg';
import type { Db } from '../../db/client.js';

export interface ShiftRow {
  id: string;
  institution_id: string;
  user_id: string;
  user_name: string;
  started_at: Date;
  ended_at: Date | null;
  started_by: string;
  started_by_name: string;
  ended_by: string | null;
}

export interface StaffUserRow {
  id: string;
  role: string;
  institution_id: string | null;
}

const SELECT = `SELECT s.id, s.institution_id, s.user_id, u.name AS user_name, s.started_at, s.ended_at,
                       s.started_by, b.name AS started_by_name, s.ended_by
                  FROM staff_shifts s
                  JOIN users u ON u.id = s.user_id
                  JOIN users b ON b.id = s.started_by`;

export class ShiftsRepo {
  private readonly pool: pg.Pool;
  constructor(db: Db) {
    this.pool = db.$client;
  }

  async user(tenantId: string, userId: string): Promise<StaffUserRow | null> {
    const r = await this.pool.query<StaffUserRow>(
      `SELECT id, role, institution_id FROM users WHERE tenant_id = $1 AND id = $2`,
      [tenantId, userId],
    );
    return r.rows[0] ?? null;
  }

  async get(tenantId: string, id: string): Promise<ShiftRow | null> {
    const r = await this.pool.query<ShiftRow>(`${SELECT} WHERE s.tenant_id = $1 AND s.id = $2`, [tenantId, id]);
    return r.rows[0] ?? null;
  }

  /** The user's open shift, at any institution. */
  async openOf(tenantId: string, userId: string): Promise<ShiftRow | null> {
    const r = await this.pool.query<ShiftRow>(
      `${SELECT} WHERE s.tenant_id = $1 AND s.user_id = $2 AND s.ended_at IS NULL`,
      [tenantId, userId],
    );
    return r.rows[0] ?? null;
  }

  /** Opens a shift; null when the user already has an open one (the partial unique index decides). */
  async start(
    tenantId: string,
    institutionId: string,
    userId: string,
    startedBy: string,
    at: Date,
  ): Promise<string | null> {
    const r = await this.pool.query<{ id: string }>(
      `INSERT INTO staff_shifts (tenant_id, institution_id, user_id, started_at, started_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) WHERE ended_at IS NULL DO NOTHING
       RETURNING id`,
      [tenantId, institutionId, userId, at, startedBy],
    );
    return r.rows[0]?.id ?? null;
  }

  /** Closes an open shift; false when it was already closed. */
  async end(tenantId: string, id: string, endedBy: string, at: Date): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE staff_shifts SET ended_at = greatest($3::timestamptz, started_at), ended_by = $4
        WHERE tenant_id = $1 AND id = $2 AND ended_at IS NULL`,
      [tenantId, id, at, endedBy],
    );
    return (r.rowCount ?? 0) > 0;
  }

  /** Open shifts of the institution, longest on shift first. */
  async open(tenantId: string, institutionId: string): Promise<ShiftRow[]> {
    const r = await this.pool.query<ShiftRow>(
      `${SELECT} WHERE s.tenant_id = $1 AND s.institution_id = $2 AND s.ended_at IS NULL ORDER BY s.started_at, u.name`,
      [tenantId, institutionId],
    );
    return r.rows;
  }

  /** The latest shifts of the institution (open ones first), newest first. */
  async recent(tenantId: string, institutionId: string, limit: number): Promise<ShiftRow[]> {
    const r = await this.pool.query<ShiftRow>(
      `${SELECT} WHERE s.tenant_id = $1 AND s.institution_id = $2
        ORDER BY (s.ended_at IS NULL) DESC, s.started_at DESC LIMIT $3`,
      [tenantId, institutionId, limit],
    );
    return r.rows;
  }
}
