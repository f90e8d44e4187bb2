/** Care institutions with their rooms and beds. Institution staff see only their own. */
import { createInstitutionBodySchema, type Institution, type User } from '@eldercare/shared';
import type { z } from 'zod';
import { forbidden, notFound } from '../../http/errors.js';
import type { InstitutionRow, InstitutionsRepo, RoomWithBeds } from './institutions.repo.js';

export class InstitutionsService {
  constructor(private readonly repo: InstitutionsRepo) {}

  private assemble(rows: InstitutionRow[], allRooms: RoomWithBeds[]): Institution[] {
    return rows.map((i) => ({
      id: i.id,
      name: i.name,
      kind: i.kind as Institution['kind'],
      address: i.address,
      phone: i.phone,
      rooms: allRooms
        .filter((r) => r.institutionId === i.id)
        .map(({ id, name, floor, dementiaZone, beds }) => ({ id, name, floor, dementiaZone, beds })),
    }));
  }

  async list(user: User): Promise<Institution[]> {
    let ids: string[] | undefined;
    if (user.role === 'institution_staff') ids = user.institutionId ? [user.institutionId] : [];
    if (user.role === 'family' || user.role === 'volunteer') ids = [];
    const rows = await this.repo.list(user.tenantId, ids);
    return this.assemble(rows, await this.repo.roomsOf(rows.map((r) => r.id)));
  }

  async get(user: User, id: string): Promise<Institution> {
    if (user.role === 'institution_staff' && user.institutionId !== id) throw notFound('institution');
    if (user.role === 'family' || user.role === 'volunteer') throw notFound('institution');
    const rows = await this.repo.list(user.tenantId, [id]);
    if (!rows.length) throw notFound('institution');
    return this.assemble(rows, await this.repo.roomsOf([id]))[0]!;
  }

  async create(user: User, body: z.output<typeof createInstitutionBodySchema>): Promise<Institution> {
    if (user.role !== 'admin' && user.role !== 'coordinator') throw forbidden();
    const id = await this.repo.insert(user.tenantId, body);
    return this.get(user, id);
  }
}
