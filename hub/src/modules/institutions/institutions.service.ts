/** Care institutions with their rooms and beds. Institution staff see only their own. */
import {
  addRoomBodySchema,
  createInstitutionBodySchema,
  type AddBedsBody,
  type Institution,
  type UpdateBedBody,
  type UpdateInstitutionBody,
  type UpdateRoomBody,
  type User,
  can,
} from '@eldercare/shared';
import type { z } from 'zod';
import type { Clock } from '../../clock.js';
import { conflict, forbidden, notFound } from '../../http/errors.js';
import type { RegisterAudit } from '../audit/register-audit.js';
import type { RegionsService } from '../regions/regions.service.js';
import {
  bedKindFor,
  type BedRow,
  type InstitutionRow,
  type InstitutionsRepo,
  type RoomRow,
  type RoomWithBeds,
} from './institutions.repo.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;
/** `retired: true|false` as the retired-at column: set now, cleared, or left alone. */
const retiredAt = (retired: boolean | undefined, current: Date | null, now: number) =>
  retired === undefined ? undefined : retired ? (current ?? new Date(now)) : null;

/** What the audit log records of an institution (its rooms are recorded on their own). */
const institutionSnapshot = (i: InstitutionRow) => ({
  name: i.name,
  kind: i.kind,
  address: i.address,
  phone: i.phone,
  regionId: i.regionId,
  ownership: i.ownership,
  retiredAt: iso(i.retiredAt),
});
const roomSnapshot = (r: RoomRow, beds?: string[]) => ({
  institutionId: r.institutionId,
  name: r.name,
  floor: r.floor,
  dementiaZone: r.dementiaZone,
  retiredAt: iso(r.retiredAt),
  ...(beds ? { beds } : {}),
});
const bedSnapshot = (b: BedRow) => ({ roomId: b.roomId, label: b.label, kind: b.kind, retiredAt: iso(b.retiredAt) });

export class InstitutionsService {
  constructor(
    private readonly repo: InstitutionsRepo,
    private readonly audit: RegisterAudit,
    private readonly clock: Clock,
    private readonly regions: RegionsService,
  ) {}

  /** A region given must be a township or community in service (400 naming regionId otherwise). */
  private async checkRegion(user: User, regionId: string | null | undefined): Promise<void> {
    if (regionId) await this.regions.usable(user.tenantId, regionId, 'regionId', ['township', 'community']);
  }

  private assemble(rows: InstitutionRow[], allRooms: RoomWithBeds[]): Institution[] {
    return rows.map((i) => ({
      id: i.id,
      name: i.name,
      kind: i.kind as Institution['kind'],
      address: i.address,
      phone: i.phone,
      regionId: i.regionId,
      ownership: i.ownership as Institution['ownership'],
      retiredAt: iso(i.retiredAt),
      rooms: allRooms
        .filter((r) => r.institutionId === i.id)
        .map(({ id, name, floor, dementiaZone, beds, retiredAt }) => ({
          id,
          name,
          floor,
          dementiaZone,
          retiredAt: iso(retiredAt),
          beds: beds.map((b) => ({ ...b, retiredAt: iso(b.retiredAt) })),
        })),
    }));
  }

  /** Institutions in service; with `includeRetired` also retired ones and retired rooms and beds. */
  async list(user: User, opts: { includeRetired?: boolean } = {}): Promise<Institution[]> {
    let ids: string[] | undefined;
    if (user.role === 'institution_staff') ids = user.institutionId ? [user.institutionId] : [];
    if (user.role === 'family' || user.role === 'volunteer') ids = [];
    const all = !!opts.includeRetired;
    const rows = await this.repo.list(user.tenantId, ids, all);
    return this.assemble(
      rows,
      await this.repo.roomsOf(
        rows.map((r) => r.id),
        all,
      ),
    );
  }

  /** One institution; a retired one (and retired rooms and beds) only with `includeRetired`. */
  async get(user: User, id: string, opts: { includeRetired?: boolean } = {}): Promise<Institution> {
    if (user.role === 'institution_staff' && user.institutionId !== id) throw notFound('institution');
    if (user.role === 'family' || user.role === 'volunteer') throw notFound('institution');
    const all = !!opts.includeRetired;
    const rows = await this.repo.list(user.tenantId, [id], all);
    if (!rows.length) throw notFound('institution');
    return this.assemble(rows, await this.repo.roomsOf([id], all))[0]!;
  }

  private assertWriter(user: User): void {
    if (!can(user.role, 'registry.write')) throw forbidden();
  }

  async create(user: User, body: z.output<typeof createInstitutionBodySchema>): Promise<Institution> {
    this.assertWriter(user);
    await this.checkRegion(user, body.regionId);
    const id = await this.repo.insert(user.tenantId, body);
    const created = await this.get(user, id);
    const [row] = await this.repo.list(user.tenantId, [id], true);
    await this.audit.record(user, 'institution', id, null, institutionSnapshot(row!));
    for (const r of created.rooms) {
      await this.audit.record(user, 'room', r.id, null, {
        institutionId: id,
        name: r.name,
        floor: r.floor,
        dementiaZone: r.dementiaZone,
        retiredAt: null,
        beds: r.beds.map((b) => b.label),
      });
    }
    return created;
  }

  /** Edits the institution's details, or retires it (refused while residents are placed there) or reinstates it. */
  async update(user: User, id: string, patch: UpdateInstitutionBody): Promise<Institution> {
    this.assertWriter(user);
    const [before] = await this.repo.list(user.tenantId, [id], true);
    if (!before) throw notFound('institution');
    await this.checkRegion(user, patch.regionId);
    if (patch.retired && !before.retiredAt && (await this.repo.placedResidents({ institutionId: id })) > 0)
      throw conflict('residents are placed in this institution: move them before retiring it');
    const { retired, ...fields } = patch;
    const after = await this.repo.update(user.tenantId, id, {
      ...fields,
      ...(retired !== undefined ? { retiredAt: retiredAt(retired, before.retiredAt, this.clock.now()) } : {}),
    });
    if (!after) throw notFound('institution');
    await this.audit.record(user, 'institution', id, institutionSnapshot(before), institutionSnapshot(after));
    return this.get(user, id, { includeRetired: true });
  }

  /** A room of an institution the user may manage (404 otherwise). */
  private async roomOf(user: User, institutionId: string, roomId: string): Promise<RoomRow> {
    const room = await this.repo.room(roomId);
    if (!room || room.tenantId !== user.tenantId || room.institutionId !== institutionId) throw notFound('room');
    return room;
  }

  async addRoom(user: User, institutionId: string, body: z.output<typeof addRoomBodySchema>): Promise<Institution> {
    this.assertWriter(user);
    await this.get(user, institutionId);
    const { room, beds } = await this.repo.insertRoom(institutionId, body);
    await this.audit.record(
      user,
      'room',
      room.id,
      null,
      roomSnapshot(
        room,
        beds.map((b) => b.label),
      ),
    );
    return this.get(user, institutionId, { includeRetired: true });
  }

  async updateRoom(user: User, institutionId: string, roomId: string, patch: UpdateRoomBody): Promise<Institution> {
    this.assertWriter(user);
    const before = await this.roomOf(user, institutionId, roomId);
    if (patch.retired && !before.retiredAt && (await this.repo.placedResidents({ roomId })) > 0)
      throw conflict('residents are in beds of this room: move them before retiring it');
    const { retired, ...fields } = patch;
    const after = await this.repo.updateRoom(roomId, {
      ...fields,
      ...(retired !== undefined ? { retiredAt: retiredAt(retired, before.retiredAt, this.clock.now()) } : {}),
    });
    if (!after) throw notFound('room');
    await this.audit.record(user, 'room', roomId, roomSnapshot(before), roomSnapshot(after));
    return this.get(user, institutionId, { includeRetired: true });
  }

  async addBeds(user: User, institutionId: string, roomId: string, body: AddBedsBody): Promise<Institution> {
    this.assertWriter(user);
    const room = await this.roomOf(user, institutionId, roomId);
    if (room.retiredAt) throw conflict('the room is retired');
    const added = await this.repo.insertBeds(roomId, body.labels, bedKindFor(room.dementiaZone, body.kind));
    for (const b of added) await this.audit.record(user, 'bed', b.id, null, bedSnapshot(b));
    return this.get(user, institutionId, { includeRetired: true });
  }

  async updateBed(
    user: User,
    institutionId: string,
    roomId: string,
    bedId: string,
    patch: UpdateBedBody,
  ): Promise<Institution> {
    this.assertWriter(user);
    await this.roomOf(user, institutionId, roomId);
    const before = await this.repo.bed(bedId);
    if (!before || before.roomId !== roomId) throw notFound('bed');
    if (patch.retired && !before.retiredAt && (await this.repo.placedResidents({ bedId })) > 0)
      throw conflict('a resident is in this bed: move them before retiring it');
    const after = await this.repo.updateBed(bedId, {
      ...(patch.label !== undefined ? { label: patch.label } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.retired !== undefined
        ? { retiredAt: retiredAt(patch.retired, before.retiredAt, this.clock.now()) }
        : {}),
    });
    if (!after) throw notFound('bed');
    await this.audit.record(user, 'bed', bedId, bedSnapshot(before), bedSnapshot(after));
    return this.get(user, institutionId, { includeRetired: true });
  }
}
