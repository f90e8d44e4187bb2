import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { beds, institutions, residents, rooms } from '../../db/schema.js';
import type { BedKind, CreateInstitutionBody } from '@eldercare/shared';

export type InstitutionRow = typeof institutions.$inferSelect;
export interface RoomWithBeds {
  id: string;
  institutionId: string;
  name: string;
  floor: number;
  dementiaZone: boolean;
  retiredAt: Date | null;
  beds: { id: string; label: string; kind: BedKind; residentId: string | null; retiredAt: Date | null }[];
}
export type RoomRow = typeof rooms.$inferSelect;
export type BedRow = typeof beds.$inferSelect;
export type InstitutionPatch = Partial<
  Pick<InstitutionRow, 'name' | 'kind' | 'address' | 'phone' | 'regionId' | 'retiredAt'>
>;
export type RoomPatch = Partial<Pick<RoomRow, 'name' | 'floor' | 'dementiaZone' | 'retiredAt'>>;
export type BedPatch = Partial<Pick<BedRow, 'label' | 'kind' | 'retiredAt'>>;
/** The kind new beds get: the one asked for, else dementia in a dementia zone, else ordinary. */
export const bedKindFor = (dementiaZone: boolean, kind?: string) => kind ?? (dementiaZone ? 'dementia' : 'ordinary');

export class InstitutionsRepo {
  constructor(private readonly db: Db) {}

  list(tenantId: string, ids?: string[], includeRetired = false): Promise<InstitutionRow[]> {
    const cond = and(
      eq(institutions.tenantId, tenantId),
      ids ? inArray(institutions.id, ids) : undefined,
      includeRetired ? undefined : isNull(institutions.retiredAt),
    );
    return this.db.select().from(institutions).where(cond).orderBy(institutions.name);
  }

  /** Rooms with their beds; retired rooms and beds only with `includeRetired`. */
  async roomsOf(institutionIds: string[], includeRetired = false): Promise<RoomWithBeds[]> {
    if (institutionIds.length === 0) return [];
    const rows = await this.db
      .select({ room: rooms, bed: beds, residentId: residents.id })
      .from(rooms)
      .leftJoin(beds, and(eq(beds.roomId, rooms.id), includeRetired ? undefined : isNull(beds.retiredAt)))
      .leftJoin(residents, eq(residents.bedId, beds.id))
      .where(and(inArray(rooms.institutionId, institutionIds), includeRetired ? undefined : isNull(rooms.retiredAt)))
      .orderBy(rooms.floor, rooms.name, beds.label);
    const byRoom = new Map<string, RoomWithBeds>();
    for (const r of rows) {
      let room = byRoom.get(r.room.id);
      if (!room) {
        room = { ...r.room, beds: [] };
        byRoom.set(r.room.id, room);
      }
      if (r.bed)
        room.beds.push({
          id: r.bed.id,
          label: r.bed.label,
          kind: r.bed.kind as BedKind,
          residentId: r.residentId,
          retiredAt: r.bed.retiredAt,
        });
    }
    return [...byRoom.values()];
  }

  /** Creates the institution with its rooms and beds in one transaction. */
  async insert(tenantId: string, body: Required<CreateInstitutionBody>): Promise<string> {
    return this.db.transaction(async (tx) => {
      const [inst] = await tx
        .insert(institutions)
        .values({
          tenantId,
          name: body.name,
          kind: body.kind,
          address: body.address,
          phone: body.phone,
          regionId: body.regionId,
          ownership: body.ownership,
        })
        .returning({ id: institutions.id });
      for (const room of body.rooms) {
        const [r] = await tx
          .insert(rooms)
          .values({
            institutionId: inst!.id,
            name: room.name,
            floor: room.floor ?? 1,
            dementiaZone: room.dementiaZone ?? false,
          })
          .returning({ id: rooms.id });
        const labels = room.beds ?? [];
        const kind = bedKindFor(room.dementiaZone ?? false, room.bedKind);
        if (labels.length) await tx.insert(beds).values(labels.map((label) => ({ roomId: r!.id, label, kind })));
      }
      return inst!.id;
    });
  }

  async update(tenantId: string, id: string, patch: InstitutionPatch): Promise<InstitutionRow | undefined> {
    if (Object.keys(patch).length === 0) return (await this.list(tenantId, [id], true))[0];
    const [row] = await this.db
      .update(institutions)
      .set(patch)
      .where(and(eq(institutions.tenantId, tenantId), eq(institutions.id, id)))
      .returning();
    return row;
  }

  /** A room with its institution's tenant, for scoping. */
  async room(id: string): Promise<(RoomRow & { tenantId: string }) | undefined> {
    const [row] = await this.db
      .select({ room: rooms, tenantId: institutions.tenantId })
      .from(rooms)
      .innerJoin(institutions, eq(institutions.id, rooms.institutionId))
      .where(eq(rooms.id, id));
    return row && { ...row.room, tenantId: row.tenantId };
  }

  async bed(id: string): Promise<(BedRow & { institutionId: string; tenantId: string }) | undefined> {
    const [row] = await this.db
      .select({ bed: beds, institutionId: rooms.institutionId, tenantId: institutions.tenantId })
      .from(beds)
      .innerJoin(rooms, eq(rooms.id, beds.roomId))
      .innerJoin(institutions, eq(institutions.id, rooms.institutionId))
      .where(eq(beds.id, id));
    return row && { ...row.bed, institutionId: row.institutionId, tenantId: row.tenantId };
  }

  /** Adds a room with its beds in one transaction. */
  async insertRoom(
    institutionId: string,
    room: { name: string; floor: number; dementiaZone: boolean; beds: string[]; bedKind?: string },
  ): Promise<{ room: RoomRow; beds: BedRow[] }> {
    return this.db.transaction(async (tx) => {
      const [r] = await tx
        .insert(rooms)
        .values({ institutionId, name: room.name, floor: room.floor, dementiaZone: room.dementiaZone })
        .returning();
      const added = room.beds.length
        ? await tx
            .insert(beds)
            .values(
              room.beds.map((label) => ({ roomId: r!.id, label, kind: bedKindFor(room.dementiaZone, room.bedKind) })),
            )
            .returning()
        : [];
      return { room: r!, beds: added };
    });
  }

  async updateRoom(id: string, patch: RoomPatch): Promise<RoomRow | undefined> {
    if (Object.keys(patch).length === 0) return this.room(id);
    const [row] = await this.db.update(rooms).set(patch).where(eq(rooms.id, id)).returning();
    return row;
  }

  async insertBeds(roomId: string, labels: string[], kind: string): Promise<BedRow[]> {
    return this.db
      .insert(beds)
      .values(labels.map((label) => ({ roomId, label, kind })))
      .returning();
  }

  async updateBed(id: string, patch: BedPatch): Promise<BedRow | undefined> {
    if (Object.keys(patch).length === 0) return this.bed(id);
    const [row] = await this.db.update(beds).set(patch).where(eq(beds.id, id)).returning();
    return row;
  }

  /** How many residents are placed in the institution, the room or the bed. */
  async placedResidents(where: { institutionId?: string; roomId?: string; bedId?: string }): Promise<number> {
    const cond = where.bedId
      ? eq(residents.bedId, where.bedId)
      : where.roomId
        ? sql`${residents.bedId} IN (SELECT id FROM beds WHERE room_id = ${where.roomId})`
        : eq(residents.institutionId, where.institutionId!);
    const [r] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(residents)
      .where(cond);
    return r!.n;
  }
}
