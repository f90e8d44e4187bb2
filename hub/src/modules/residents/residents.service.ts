/** The elders the hub watches over. Institution staff see their institution's residents, family their elder. */
import {
  residentBodySchema,
  type CareLevel,
  type Resident,
  type RiskCategory,
  type User,
  type VitalThresholds,
  can,
} from '@eldercare/shared';
import type { z } from 'zod';
import type { Clock } from '../../clock.js';
import { badReference, forbidden, invalidField, notFound, referenced } from '../../http/errors.js';
import type { InstitutionsService } from '../institutions/institutions.service.js';
import type { RegisterAudit } from '../audit/register-audit.js';
import type { RegionsService } from '../regions/regions.service.js';
import type { ResidentFilter, ResidentInsert, ResidentRow, ResidentsRepo } from './residents.repo.js';

type ResidentBodyOut = z.output<typeof residentBodySchema>;

export function ageOn(birthDate: string, now: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) age--;
  return age;
}

export class ResidentsService {
  constructor(
    private readonly repo: ResidentsRepo,
    private readonly institutions: InstitutionsService,
    private readonly clock: Clock,
    private readonly audit: RegisterAudit,
    private readonly regions: RegionsService,
  ) {}

  toResident(row: ResidentRow): Resident {
    return {
      id: row.id,
      name: row.name,
      birthDate: row.birthDate,
      age: ageOn(row.birthDate, new Date(this.clock.now())),
      sex: row.sex as Resident['sex'],
      address: row.address,
      community: row.community,
      regionId: row.regionId,
      phone: row.phone,
      institutionId: row.institutionId,
      bedId: row.bedId,
      riskCategories: row.riskCategories as RiskCategory[],
      careLevel: row.careLevel as CareLevel,
      capabilityGrade: row.capabilityGrade as Resident['capabilityGrade'],
      conditions: row.conditions,
      medicationNotes: row.medicationNotes,
      keySafe: row.keySafe,
      contacts: row.contacts as Resident['contacts'],
      location: row.lat != null && row.lon != null ? { lat: row.lat, lon: row.lon } : null,
      thresholds: row.thresholds as VitalThresholds,
      idNumber: row.idNumber,
      planInstructions: row.planInstructions,
      economicStatus: row.economicStatus as Resident['economicStatus'],
      createdAt: row.createdAt.toISOString(),
    };
  }

  /** Narrows a filter to what the user may see. */
  private scope(user: User, f: Omit<ResidentFilter, 'tenantId'>): ResidentFilter {
    const scoped: ResidentFilter = { ...f, tenantId: user.tenantId };
    if (user.role === 'institution_staff')
      scoped.institutionId = user.institutionId ?? '00000000-0000-0000-0000-000000000000';
    if (user.role === 'family') scoped.residentId = user.residentId ?? '00000000-0000-0000-0000-000000000000';
    return scoped;
  }

  async list(user: User, f: Omit<ResidentFilter, 'tenantId'>) {
    const { rows, total } = await this.repo.list(this.scope(user, f));
    return { items: rows.map((r) => this.toResident(r)), total };
  }

  /** A resident the user may see, or 404 (also when it exists but belongs to someone else's scope). */
  async get(user: User, id: string): Promise<Resident> {
    const row = await this.repo.get(user.tenantId, id);
    if (!row || !this.canSee(user, row)) throw notFound('resident');
    return this.toResident(row);
  }

  canSee(user: User, row: Pick<ResidentRow, 'id' | 'institutionId'>): boolean {
    if (user.role === 'institution_staff')
      return row.institutionId !== null && row.institutionId === user.institutionId;
    if (user.role === 'family') return row.id === user.residentId;
    // Officials see figures, never an elder's record (their routes do not reach here either).
    if (!can(user.role, 'registry.read')) return false;
    return true;
  }

  private async checkPlacement(user: User, institutionId: string | null, bedId: string | null): Promise<void> {
    if (bedId && !institutionId) throw invalidField('institutionId', 'is required with a bedId');
    if (institutionId) {
      const inst = await referenced('institutionId', this.institutions.get(user, institutionId));
      if (bedId && !inst.rooms.some((r) => r.beds.some((b) => b.id === bedId))) {
        throw badReference('bedId', 'is not a bed of that institution');
      }
    }
  }

  /** A community region given: it must be one in service; its name becomes the resident's `community`. */
  private async withRegion(user: User, b: Partial<ResidentBodyOut>): Promise<Partial<ResidentBodyOut>> {
    if (!b.regionId) return b;
    const r = await this.regions.usable(user.tenantId, b.regionId, 'regionId', ['community']);
    return { ...b, community: r.name };
  }

  private toColumns(b: Partial<ResidentBodyOut>): Partial<ResidentInsert> {
    const { location, ...rest } = b;
    const cols: Partial<ResidentInsert> = { ...rest };
    if (location !== undefined) {
      cols.lat = location?.lat ?? null;
      cols.lon = location?.lon ?? null;
    }
    return cols;
  }

  async create(user: User, body: ResidentBodyOut): Promise<Resident> {
    if (user.role === 'institution_staff' && body.institutionId !== user.institutionId) throw forbidden();
    await this.checkPlacement(user, body.institutionId, body.bedId);
    const withRegion = (await this.withRegion(user, body)) as ResidentBodyOut;
    const row = await this.repo.insert({ ...(this.toColumns(withRegion) as ResidentInsert), tenantId: user.tenantId });
    const created = this.toResident(row);
    await this.audit.record(user, 'resident', row.id, null, created);
    return created;
  }

  async update(user: User, id: string, patch: Partial<ResidentBodyOut>): Promise<Resident> {
    const current = await this.get(user, id);
    const institutionId = patch.institutionId !== undefined ? patch.institutionId : current.institutionId;
    const bedId = patch.bedId !== undefined ? patch.bedId : current.bedId;
    if (user.role === 'institution_staff' && institutionId !== user.institutionId) throw forbidden();
    await this.checkPlacement(user, institutionId, bedId);
    const row = await this.repo.update(user.tenantId, id, this.toColumns(await this.withRegion(user, patch)));
    if (!row) throw notFound('resident');
    const updated = this.toResident(row);
    await this.audit.record(user, 'resident', id, current, updated);
    return updated;
  }
}
