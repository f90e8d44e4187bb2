/** The resident form's draft, its conversion to the API body, and its validation. */
import {
  residentBodySchema,
  type CareLevel,
  type Resident,
  type ResidentBody,
  type EconomicStatus,
  type RiskCategory,
  type VitalThresholds,
} from '@eldercare/shared';
import { optionalNumber } from './format';
import { fieldErrors, type FieldErrors } from './validation';

export const THRESHOLD_KEYS = [
  'heartRateLow',
  'heartRateHigh',
  'spo2Low',
  'systolicLow',
  'systolicHigh',
  'temperatureHigh',
] as const satisfies readonly (keyof VitalThresholds)[];
export type ThresholdKey = (typeof THRESHOLD_KEYS)[number];

export interface ContactDraft {
  name: string;
  relation: string;
  phone: string;
}

export interface ResidentDraft {
  name: string;
  birthDate: string;
  sex: 'female' | 'male' | 'other';
  phone: string;
  address: string;
  community: string;
  /** The community region; '' for none (the typed community is kept). */
  regionId: string;
  /** '' when the resident lives at home. */
  institutionId: string;
  bedId: string;
  riskCategories: RiskCategory[];
  economicStatus: EconomicStatus[];
  careLevel: CareLevel;
  conditions: string[];
  medicationNotes: string;
  keySafe: string;
  contacts: ContactDraft[];
  thresholds: Record<ThresholdKey, string>;
  idNumber: string;
  /** The elder's own instructions for alarms, one per line. */
  planInstructions: string;
}

const emptyThresholds = (): Record<ThresholdKey, string> => ({
  heartRateLow: '',
  heartRateHigh: '',
  spo2Low: '',
  systolicLow: '',
  systolicHigh: '',
  temperatureHigh: '',
});

export function emptyDraft(): ResidentDraft {
  return {
    name: '',
    birthDate: '',
    sex: 'female',
    phone: '',
    address: '',
    community: '',
    regionId: '',
    institutionId: '',
    bedId: '',
    riskCategories: [],
    economicStatus: [],
    careLevel: 'self_care',
    conditions: [],
    medicationNotes: '',
    keySafe: '',
    contacts: [],
    thresholds: emptyThresholds(),
    idNumber: '',
    planInstructions: '',
  };
}

export function draftFromResident(r: Resident): ResidentDraft {
  const thresholds = emptyThresholds();
  for (const k of THRESHOLD_KEYS) {
    const v = r.thresholds[k];
    if (v !== undefined) thresholds[k] = String(v);
  }
  return {
    name: r.name,
    birthDate: r.birthDate.slice(0, 10),
    sex: r.sex,
    phone: r.phone,
    address: r.address,
    community: r.community,
    regionId: r.regionId ?? '',
    institutionId: r.institutionId ?? '',
    bedId: r.bedId ?? '',
    riskCategories: [...r.riskCategories],
    economicStatus: [...r.economicStatus],
    careLevel: r.careLevel,
    conditions: [...r.conditions],
    medicationNotes: r.medicationNotes,
    keySafe: r.keySafe,
    contacts: r.contacts.map((c) => ({ ...c })),
    thresholds,
    idNumber: r.idNumber,
    planInstructions: r.planInstructions.join('\n'),
  };
}

/** The API body; the location is kept as it was (the form does not edit it). */
export function draftToBody(d: ResidentDraft): ResidentBody {
  const thresholds: VitalThresholds = {};
  for (const k of THRESHOLD_KEYS) {
    const n = optionalNumber(d.thresholds[k]);
    if (n !== undefined) thresholds[k] = n;
  }
  return {
    name: d.name.trim(),
    birthDate: d.birthDate,
    sex: d.sex,
    phone: d.phone.trim(),
    address: d.address.trim(),
    community: d.community.trim(),
    regionId: d.regionId || null,
    institutionId: d.institutionId || null,
    bedId: d.institutionId && d.bedId ? d.bedId : null,
    riskCategories: [...d.riskCategories],
    economicStatus: [...d.economicStatus],
    careLevel: d.careLevel,
    conditions: d.conditions.map((c) => c.trim()).filter(Boolean),
    medicationNotes: d.medicationNotes.trim(),
    keySafe: d.keySafe.trim(),
    contacts: d.contacts.map((c) => ({ name: c.name.trim(), relation: c.relation.trim(), phone: c.phone.trim() })),
    thresholds,
    idNumber: d.idNumber.trim(),
    planInstructions: d.planInstructions
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean),
  };
}

/**
 * The fields an edit changed, for the PATCH: what the user did not touch is not sent, so it can
 * neither blank a field the form does not show (the location) nor undo someone else's edit made
 * meanwhile.
 */
export function changedFields(before: ResidentBody, after: ResidentBody): Partial<ResidentBody> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after))
    if (JSON.stringify(v) !== JSON.stringify((before as Record<string, unknown>)[k])) out[k] = v;
  return out as Partial<ResidentBody>;
}

/** Checks the body with the shared schema, so the form refuses what the hub would refuse. */
export function validateDraft(d: ResidentDraft): { body: ResidentBody; errors: FieldErrors } {
  const body = draftToBody(d);
  const parsed = residentBodySchema.safeParse(body);
  return { body, errors: parsed.success ? {} : fieldErrors(parsed.error.issues) };
}
