/**
 * Institution supervision figures: beds by kind, the nursing-bed and dementia-zone shares,
 * occupancy, and staffing against the ratios, per institution, township and district. Staffing is
 * computed exactly as the institution board does it (same residents, same shifts, same function).
 */
import {
  NURSING_BED_TARGET_PCT,
  bedFigures,
  staffingCheck,
  staffingFor,
  sumStaffing,
  type BedKind,
  type CareLevel,
  type InstitutionOversight,
  type StaffingFigures,
  type User,
  can,
} from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import { forbidden } from '../../http/errors.js';
import type { BoardService } from '../institutions/board.service.js';
import type { InstitutionsService } from '../institutions/institutions.service.js';
import type { ShiftsService } from '../institutions/shifts.service.js';
import type { RegionsService } from '../regions/regions.service.js';

export class OversightService {
  constructor(
    private readonly institutions: InstitutionsService,
    private readonly regions: RegionsService,
    private readonly board: Pick<BoardService, 'residentsOf' | 'staffCount'>,
    private readonly shifts: ShiftsService,
    private readonly clock: Clock,
  ) {}

  async institutionFigures(user: User): Promise<InstitutionOversight> {
    if (!can(user.role, 'oversight.read')) throw forbidden();
    const t = user.tenantId;
    const regions = await this.regions.list(user, { includeRetired: true });
    const byId = new Map(regions.map((r) => [r.id, r]));
    const townshipOf = (regionId: string | null): string | null => {
      const r = regionId ? byId.get(regionId) : undefined;
      if (!r) return null;
      if (r.level === 'township') return r.id;
      if (r.level === 'community') return r.parentId;
      return null;
    };
    const allBeds: { kind: BedKind; occupied: boolean }[] = [];
    const bedsOf = new Map<string, { kind: BedKind; occupied: boolean }[]>();
    const rows: InstitutionOversight['institutions'] = [];
    for (const inst of await this.institutions.list(user)) {
      const beds = inst.rooms.flatMap((r) => r.beds).map((b) => ({ kind: b.kind, occupied: b.residentId !== null }));
      allBeds.push(...beds);
      bedsOf.set(inst.id, beds);
      const residents = await this.board.residentsOf(t, inst.id);
      const staffing = staffingFor(residents.map((r) => r.care_level as CareLevel));
      const onShift = (await this.shifts.onShift(t, inst.id)).length;
      const s: StaffingFigures = {
        residents: residents.length,
        required: staffing.required,
        onShift,
        registered: await this.board.staffCount(t, inst.id),
        institutions: 1,
        compliant: staffingCheck(staffing.required, onShift).understaffed ? 0 : 1,
      };
      rows.push({
        institutionId: inst.id,
        name: inst.name,
        regionId: inst.regionId,
        townshipId: townshipOf(inst.regionId),
        beds: bedFigures(beds),
        staffing: s,
      });
    }
    const townshipIds = [...new Set(rows.map((r) => r.townshipId))];
    const townships = townshipIds
      .map((id) => {
        const mine = rows.filter((r) => r.townshipId === id);
        return {
          townshipId: id,
          name: id ? (byId.get(id)?.name ?? '') : '',
          beds: bedFigures(mine.flatMap((r) => bedsOf.get(r.institutionId)!)),
          staffing: sumStaffing(mine.map((r) => r.staffing)),
        };
      })
      .sort((a, b) => (a.townshipId === null ? 1 : b.townshipId === null ? -1 : a.name.localeCompare(b.name, 'zh')));
    return {
      generatedAt: new Date(this.clock.now()).toISOString(),
      nursingTargetPct: NURSING_BED_TARGET_PCT,
      district: { ...bedFigures(allBeds), staffing: sumStaffing(rows.map((r) => r.staffing)) },
      townships,
      institutions: rows,
    };
  }
}
