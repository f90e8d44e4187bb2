/** SQL of what the rule engine knows about whom an alarm concerns: the resident's context and the place of the alarm. */
import type pg from 'pg';
import type { Db } from '../../db/client.js';

export class AlertContextRepo {
  private readonly pool: pg.Pool;
  constructor(db: Db) {
    this.pool = db.$client;
  }

  /** The contexts of every resident with an active device (at most `limit`), to warm the cache. */
  async residentContexts(limit: number) {
    const r = await this.pool.query<{
      id: string;
      risk_categories: string[];
      institution_id: string | null;
      thresholds: Record<string, number>;
      name: string;
    }>(
      `SELECT r.id, r.risk_categories, r.institution_id, r.thresholds, r.name FROM residents r
        WHERE EXISTS (SELECT 1 FROM devices d WHERE d.resident_id = r.id) LIMIT $1`,
      [limit],
    );
    return r.rows;
  }

  async residentContext(residentId: string) {
    const r = await this.pool.query<{
      risk_categories: string[];
      institution_id: string | null;
      thresholds: Record<string, number>;
      community: string;
      name: string;
    }>(`SELECT risk_categories, institution_id, thresholds, community, name FROM residents WHERE id = $1`, [
      residentId,
    ]);
    return r.rows[0];
  }

  /**
   * Where an alarm of a device comes from, when it belongs to an institution: the institution (name,
   * phone), the room (floor) of a room device or of the resident's bed, the bed, the room's
   * residents, and the care staff on shift. Null for a device of an elder at home.
   */
  async placeOf(p: { institutionId: string | null; roomId: string | null; residentId: string | null }) {
    const r = await this.pool.query<{
      institution_id: string;
      institution_name: string;
      institution_phone: string;
      floor: number | null;
      room_id: string | null;
      room_name: string | null;
      bed_label: string | null;
      residents: { id: string; name: string; bedLabel: string | null }[];
      staff: { id: string; name: string }[];
    }>(
      `WITH who AS (SELECT r.id, r.institution_id, r.bed_id FROM residents r WHERE r.id = $3),
            bed AS (SELECT b.id, b.label, b.room_id FROM beds b WHERE b.id = (SELECT bed_id FROM who)),
            room AS (SELECT rm.* FROM rooms rm WHERE rm.id = COALESCE($2::uuid, (SELECT room_id FROM bed))),
            inst AS (SELECT i.* FROM institutions i
                      WHERE i.id = COALESCE($1::uuid, (SELECT institution_id FROM room), (SELECT institution_id FROM who)))
       SELECT inst.id AS institution_id, inst.name AS institution_name, inst.phone AS institution_phone,
              room.floor, room.id AS room_id, room.name AS room_name,
              (SELECT label FROM bed WHERE $2::uuid IS NULL OR bed.room_id = $2::uuid) AS bed_label,
              COALESCE((SELECT json_agg(json_build_object('id', x.id, 'name', x.name, 'bedLabel', b2.label) ORDER BY b2.label, x.name)
                          FROM residents x JOIN beds b2 ON b2.id = x.bed_id
                         WHERE b2.room_id = room.id AND ($2::uuid IS NOT NULL OR x.id = $3)), '[]') AS residents,
              COALESCE((SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name)
                          FROM staff_shifts sh JOIN users u ON u.id = sh.user_id
                         WHERE sh.institution_id = inst.id AND sh.ended_at IS NULL), '[]') AS staff
         FROM inst LEFT JOIN room ON room.institution_id = inst.id`,
      [p.institutionId, p.roomId, p.residentId],
    );
    return r.rows[0];
  }
}
