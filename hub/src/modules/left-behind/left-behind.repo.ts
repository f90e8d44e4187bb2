/** SQL of the rural left-behind elders register. */
import { and, eq } from 'drizzle-orm';
import type pg from 'pg';
import type { Db } from '../../db/client.js';
import { leftBehindElders } from '../../db/schema.js';

export type LeftBehindRow = typeof leftBehindElders.$inferSelect;

/** A register entry with the elder and their village and township. */
export interface EntryRow {
  resident_id: string;
  name: string;
  birth_date: string;
  institution_id: string | null;
  registered_on: string;
  care_contacts: unknown;
  retired_at: Date | null;
  village_id: string | null;
  village_name: string | null;
  township_id: string | null;
  township_name: string | null;
}

export class LeftBehindRepo {
  private readonly pool: pg.Pool;
  constructor(private readonly db: Db) {
    this.pool = db.$client;
  }

  async entries(tenantId: string, includeRetired: boolean): Promise<EntryRow[]> {
    const r = await this.pool.query<EntryRow>(
      `SELECT l.resident_id, r.name, r.birth_date::text AS birth_date, r.institution_id, l.registered_on::text AS registered_on,
              l.care_contacts, l.retired_at, v.id AS village_id, v.name AS village_name,
              t.id AS township_id, t.name AS township_name
         FROM left_behind_elders l JOIN residents r ON r.id = l.resident_id
         LEFT JOIN regions v ON v.id = r.region_id AND v.level = 'community'
         LEFT JOIN regions t ON t.id = v.parent_id
        WHERE l.tenant_id = $1 AND ($2 OR l.retired_at IS NULL)
        ORDER BY t.name NULLS LAST, v.name NULLS LAST, r.name, r.id`,
      [tenantId, includeRetired],
    );
    return r.rows;
  }

  async get(tenantId: string, residentId: string): Promise<LeftBehindRow | undefined> {
    const [row] = await this.db
      .select()
      .from(leftBehindElders)
      .where(and(eq(leftBehindElders.tenantId, tenantId), eq(leftBehindElders.residentId, residentId)));
    return row;
  }

  /** Registers an elder, or puts a retired entry back with the new details. */
  async upsert(v: {
    tenantId: string;
    residentId: string;
    registeredOn: string;
    careContacts: unknown;
  }): Promise<void> {
    await this.db
      .insert(leftBehindElders)
      .values(v)
      .onConflictDoUpdate({
        target: leftBehindElders.residentId,
        set: { registeredOn: v.registeredOn, careContacts: v.careContacts, retiredAt: null },
      });
  }

  async update(
    tenantId: string,
    residentId: string,
    patch: Partial<Pick<LeftBehindRow, 'registeredOn' | 'careContacts' | 'retiredAt'>>,
  ): Promise<void> {
    if (!Object.keys(patch).length) return;
    await this.db
      .update(leftBehindElders)
      .set(patch)
      .where(and(eq(leftBehindElders.tenantId, tenantId), eq(leftBehindElders.residentId, residentId)));
  }
}
