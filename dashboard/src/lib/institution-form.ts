/** The institution form's rooms editor: drafts, bulk generation, conversion and validation. */
import { createInstitutionBodySchema, type CreateInstitutionBody, type Institution } from '@eldercare/shared';
import { parseList } from './format';
import { fieldErrors, type FieldErrors } from './validation';

export type InstitutionKind = Institution['kind'];

export interface RoomDraft {
  name: string;
  floor: number;
  dementiaZone: boolean;
  /** Comma-separated bed labels, as typed. */
  beds: string;
}

export interface InstitutionDraft {
  name: string;
  kind: InstitutionKind;
  address: string;
  phone: string;
  rooms: RoomDraft[];
}

export function emptyInstitution(): InstitutionDraft {
  return { name: '', kind: 'nursing_home', address: '', phone: '', rooms: [] };
}

export interface BulkRooms {
  floor: number;
  from: number;
  count: number;
  bedsPerRoom: number;
}

/** Rooms `from`, `from+1`, … on one floor, each with beds labelled 1..n. */
export function bulkRooms(b: BulkRooms): RoomDraft[] {
  const count = Math.max(0, Math.min(200, Math.floor(b.count)));
  const beds = Math.max(0, Math.min(20, Math.floor(b.bedsPerRoom)));
  const labels = Array.from({ length: beds }, (_, i) => String(i + 1)).join(',');
  return Array.from({ length: count }, (_, i) => ({
    name: String(Math.floor(b.from) + i),
    floor: Math.floor(b.floor),
    dementiaZone: false,
    beds: labels,
  }));
}

/** Appends generated rooms, skipping names already present. */
export function mergeRooms(existing: readonly RoomDraft[], added: readonly RoomDraft[]): RoomDraft[] {
  const names = new Set(existing.map((r) => r.name.trim()));
  return [...existing, ...added.filter((r) => !names.has(r.name.trim()))];
}

export function countBeds(rooms: readonly RoomDraft[]): number {
  return rooms.reduce((n, r) => n + parseList(r.beds).length, 0);
}

export function institutionDraftToBody(d: InstitutionDraft): CreateInstitutionBody {
  return {
    name: d.name.trim(),
    kind: d.kind,
    address: d.address.trim(),
    phone: d.phone.trim(),
    rooms: d.rooms.map((r) => ({
      name: r.name.trim(),
      floor: Number(r.floor),
      dementiaZone: r.dementiaZone,
      beds: parseList(r.beds),
    })),
  };
}

export function validateInstitution(d: InstitutionDraft): { body: CreateInstitutionBody; errors: FieldErrors } {
  const body = institutionDraftToBody(d);
  const parsed = createInstitutionBodySchema.safeParse(body);
  return { body, errors: parsed.success ? {} : fieldErrors(parsed.error.issues) };
}

/** Occupancy of an institution's beds. */
export function occupancy(inst: { rooms: readonly { beds: readonly { residentId: string | null }[] }[] }): {
  beds: number;
  used: number;
  free: number;
} {
  let beds = 0;
  let used = 0;
  for (const room of inst.rooms) {
    for (const bed of room.beds) {
      beds++;
      if (bed.residentId) used++;
    }
  }
  return { beds, used, free: beds - used };
}

/** Rooms grouped by floor, floors ascending, rooms in natural order. */
export function roomsByFloor<R extends { floor: number; name: string }>(rooms: readonly R[]): [number, R[]][] {
  const map = new Map<number, R[]>();
  for (const r of rooms) map.set(r.floor, [...(map.get(r.floor) ?? []), r]);
  const collator = new Intl.Collator(undefined, { numeric: true });
  return [...map.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([floor, rs]) => [floor, rs.sort((a, b) => collator.compare(a.name, b.name))]);
}
