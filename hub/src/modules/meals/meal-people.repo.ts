/** The people meal assistance reads: residents, users who can run deliveries, and an elder's activity at home. */
import { MealsSql } from './meals.rows.js';

export class MealPeopleRepo extends MealsSql {
  // ---- people and activity ---------------------------------------------------------------------

  async resident(id: string) {
    return (
      await this.rows<{
        id: string;
        tenant_id: string;
        name: string;
        phone: string;
        address: string;
        community: string;
        institution_id: string | null;
        contacts: { name?: string; relation?: string; phone?: string }[];
      }>(
        `SELECT id, tenant_id, name, phone, address, community, institution_id, contacts FROM residents WHERE id = $1`,
        [id],
      )
    )[0];
  }

  async user(id: string) {
    return (
      await this.rows<{ id: string; tenant_id: string; name: string; role: string }>(
        `SELECT id, tenant_id, name, role FROM users WHERE id = $1`,
        [id],
      )
    )[0];
  }

  /** Users of these roles (those who can run deliveries), volunteers first. */
  runners(tenantId: string, roles: readonly string[]) {
    return this.rows<{ id: string; name: string; role: string }>(
      `SELECT id, name, role FROM users WHERE tenant_id = $1 AND role = ANY($2::text[])
        ORDER BY role = 'volunteer' DESC, name`,
      [tenantId, roles],
    );
  }

  /** The elder's last activity at home (from device events) and whether any sensor could report it. */
  async activity(residentId: string, types: readonly string[]) {
    const r = await this.rows<{ last: Date | null; sensors: number }>(
      `SELECT (SELECT max(e.ts) FROM device_events e WHERE e.resident_id = $1 AND e.type = ANY($2::text[])) AS last,
              (SELECT count(*)::int FROM devices d WHERE d.resident_id = $1
                  AND d.type IN ('motion_sensor','door_sensor','bed_sensor')) AS sensors`,
      [residentId, types],
    );
    return { last: r[0]?.last ?? null, sensors: r[0]?.sensors ?? 0 };
  }
}
