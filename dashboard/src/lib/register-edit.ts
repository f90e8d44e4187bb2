/**
 * Editing what is registered: the patch of only the fields that changed, and validation with the
 * shared schemas (field → message key). Pure, so it is unit-tested.
 */
import { addRoomBodySchema, updateInstitutionBodySchema, type Institution } from '@eldercare/shared';
import { parseList } from './format';
import { fieldErrors, type FieldErrors } from './validation';

export interface InstitutionDetailsDraft {
  name: string;
  kind: Institution['kind'];
  address: string;
  phone: string;
  /** The township or community it is in; null for none. */
  regionId: string | null;
  /** Public homes admit through the waiting list. */
  ownership: Institution['ownership'];
}

export const detailsDraft = (i: Institution): InstitutionDetailsDraft => ({
  name: i.name,
  kind: i.kind,
  address: i.address,
  phone: i.phone,
  regionId: i.regionId,
  ownership: i.ownership,
});

/** Only what differs from the saved institution, trimmed (a PATCH changes only what it is sent). */
export function changedFields<T extends object>(saved: T, draft: T): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(draft) as (keyof T)[]) {
    const v = typeof draft[k] === 'string' ? ((draft[k] as string).trim() as T[keyof T]) : draft[k];
    if (v !== saved[k]) out[k] = v;
  }
  return out;
}

export function validateDetails(d: InstitutionDetailsDraft): FieldErrors {
  const parsed = updateInstitutionBodySchema.safeParse({ ...d, name: d.name.trim() });
  return parsed.success ? {} : fieldErrors(parsed.error.issues);
}

export interface NewRoomDraft {
  name: string;
  floor: number;
  dementiaZone: boolean;
  /** Comma-separated bed labels, as typed. */
  beds: string;
}

export function validateNewRoom(d: NewRoomDraft) {
  const body = { name: d.name.trim(), floor: Number(d.floor), dementiaZone: d.dementiaZone, beds: parseList(d.beds) };
  const parsed = addRoomBodySchema.safeParse(body);
  return { body, errors: parsed.success ? {} : fieldErrors(parsed.error.issues) };
}
