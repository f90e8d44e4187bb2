/**
 * The live room/bed board of an institution: who is in which bed, in bed or not (from the bed
 * sensor's `inBed` readings), their latest vitals, their devices and their active alert, and the
 * staff on shift against what the care-level ratios require (1:6 full/semi care, 1:10 others).
 * Institution staff get their own institution only.
 */
import {
  BOARD_VITALS,
  PRESENCE_STALE_SECONDS,
  VITALS_WINDOW_SECONDS,
  staffingCheck,
  staffingFor,
  type BoardResident,
  type CareLevel,
  type InstitutionBoard,
  type Presence,
  type User,
} from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import type { InstitutionsService } from './institutions.service.js';
import type { ShiftsService } from './shifts.service.js';
import type { BoardAlertRow, BoardDeviceRow, BoardRepo, BoardResidentRow, LatestReadingRow } from './board.repo.js';

/** In bed / out of bed from the latest `inBed` reading; unknown without one or once it is 30 minutes old. */
export function presenceOf(latest: { value: number; ts: Date } | undefined, now: number): Presence {
  if (!latest || now - latest.ts.getTime() > PRESENCE_STALE_SECONDS * 1000) return 'unknown';
  return latest.value >= 0.5 ? 'in_bed' : 'out_of_bed';
}

export interface BoardRows {
  residents: BoardResidentRow[];
  readings: LatestReadingRow[];
  devices: BoardDeviceRow[];
  alerts: BoardAlertRow[];
}

/** Per bed resident: the board's view of them, by resident id. */
export function boardResidents(rows: BoardRows, now: number): Map<string, BoardResident> {
  const readings = new Map<string, Map<string, LatestReadingRow>>();
  for (const r of rows.readings) {
    let m = readings.get(r.resident_id);
    if (!m) readings.set(r.resident_id, (m = new Map()));
    m.set(r.metric, r);
  }
  const devices = new Map<string, BoardDeviceRow[]>();
  for (const d of rows.devices) devices.set(d.resident_id, [...(devices.get(d.resident_id) ?? []), d]);
  const alerts = new Map(rows.alerts.map((a) => [a.resident_id, a]));
  const out = new Map<string, BoardResident>();
  for (const r of rows.residents) {
    const latest = readings.get(r.id);
    const inBed = latest?.get('inBed');
    const vital = (metric: string) => {
      const x = latest?.get(metric);
      return x ? { value: x.value, ts: x.ts.toISOString() } : null;
    };
    const alert = alerts.get(r.id);
    out.set(r.id, {
      id: r.id,
      name: r.name,
      careLevel: r.care_level as BoardResident['careLevel'],
      riskCategories: r.risk_categories as BoardResident['riskCategories'],
      presence: presenceOf(inBed, now),
      presenceAt: inBed ? inBed.ts.toISOString() : null,
      vitals: {
        heartRate: vital('heartRate'),
        spo2: vital('spo2'),
        systolic: vital('systolic'),
        temperature: vital('temperature'),
      },
      devices: (devices.get(r.id) ?? []).map((d) => ({
        id: d.id,
        type: d.type as BoardResident['devices'][number]['type'],
        online: d.online,
        battery: d.battery === null ? null : Number(d.battery),
        lastSeen: d.last_seen ? d.last_seen.toISOString() : null,
      })),
      alert: alert
        ? {
            id: alert.id,
            queue: alert.queue as NonNullable<BoardResident['alert']>['queue'],
            kind: alert.kind as NonNullable<BoardResident['alert']>['kind'],
            status: alert.status as NonNullable<BoardResident['alert']>['status'],
            severity: alert.severity as NonNullable<BoardResident['alert']>['severity'],
          }
        : null,
    });
  }
  return out;
}

export class BoardService {
  constructor(
    private readonly repo: BoardRepo,
    private readonly institutions: InstitutionsService,
    private readonly shifts: ShiftsService,
    private readonly clock: Clock,
  ) {}

  /** An institution's residents and its registered care staff, for the oversight figures (no user scope). */
  residentsOf(tenantId: string, institutionId: string): Promise<BoardResidentRow[]> {
    return this.repo.residents(tenantId, institutionId);
  }

  staffCount(tenantId: string, institutionId: string): Promise<number> {
    return this.repo.staffCount(tenantId, institutionId);
  }

  async board(user: User, institutionId: string): Promise<InstitutionBoard> {
    // Scope and rooms: 404 for an institution that is not the user's (institution staff) or not in the tenant.
    const inst = await this.institutions.get(user, institutionId);
    const now = this.clock.now();
    const t = user.tenantId;
    const all = await this.repo.residents(t, institutionId);
    const residents = all.filter((r) => r.bed_id !== null);
    const readings = residents.length
      ? await this.repo.latestReadings(
          t,
          institutionId,
          ['inBed', ...BOARD_VITALS],
          new Date(now - VITALS_WINDOW_SECONDS * 1000),
        )
      : [];
    const devices = residents.length ? await this.repo.devices(t, institutionId) : [];
    const alerts = residents.length ? await this.repo.activeAlerts(t, institutionId) : [];
    const registered = await this.repo.staffCount(t, institutionId);
    const shifts = await this.shifts.onShift(t, institutionId);
    const byId = boardResidents({ residents, readings, devices, alerts }, now);
    const byBed = new Map(residents.map((r) => [r.bed_id, byId.get(r.id)!]));
    const staffing = staffingFor(all.map((r) => r.care_level as CareLevel));
    return {
      institutionId,
      generatedAt: new Date(now).toISOString(),
      rooms: inst.rooms.map((room) => ({
        id: room.id,
        name: room.name,
        floor: room.floor,
        dementiaZone: room.dementiaZone,
        beds: room.beds.map((b) => ({ id: b.id, label: b.label, resident: byBed.get(b.id) ?? null })),
      })),
      staffing: {
        ...staffing,
        onShift: shifts.length,
        ...staffingCheck(staffing.required, shifts.length),
        registered,
        shifts,
      },
    };
  }
}
