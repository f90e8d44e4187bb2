import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { beds, institutions, residents, rooms } from '../../db/schema.js';
import type { CreateInstitutionBody } from '@eldercare/shared';

export type InstitutionRow = typeof institutions.$inferSelect;
export interface RoomWithBeds {
  id: string;
  institutionId: string;
  name: string;
  floor: number;
  dementiaZone: boolean;
  beds: { id: string; label: string; residentId: string | null }[];
}

export class InstitutionsRepo {
  constructor(private readonly db: Db) {}

  list(tenantId: string, ids?: string[]): Promise<InstitutionRow[]> {
    const cond = ids
      ? and(eq(institutions.tenantId, tenantId), inArray(institutions.id, ids))
      : eq(institutions.tenantId, tenantId);
    return this.db.select().from(institutions).where(cond).orderBy(institutions.name);
  }

  async roomsOf(institutionIds: string[]): Promise<RoomWithBeds[]> {
    if (institutionIds.length === 0) return [];
    const rows = await this.db
      .select({ room: rooms, bed: beds, residentId: residents.id })
      .from(rooms)
      .leftJoin(beds, eq(beds.roomId, rooms.id))
      .leftJoin(residents, eq(residents.bedId, beds.id))
      .where(inArray(rooms.institutionId, institutionIds))
      .orderBy(rooms.floor, rooms.name, beds.label);
    const byRoom = new Map<string, RoomWithBeds>();
    for (const r of rows) {
      let room = byRoom.get(r.room.id);
      if (!room) {
        room = { ...r.room, beds: [] };
        byRoom.set(r.room.id, room);
      }
      if (r.bed) room.beds.push({ id: r.bed.id, label: r.bed.label, residentId: r.residentId });
    }
    return [...byRoom.values()];
  }

  /** Creates the institution with its rooms and beds in one transaction. */
  async insert(tenantId: string, body: Required<CreateInstitutionBody>): Promise<string> {
    return this.db.transaction(async (tx) => {
      const [inst] = await tx
        .insert(institutions)
        .values({ tenantId, name: body.name, kind: body.kind, address: body.address, phone: body.phone })
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
        if (labels.length) await tx.insert(beds).values(labels.map((label) => ({ roomId: r!.id, label })));
      }
      return inst!.id;
    });
  }
}
