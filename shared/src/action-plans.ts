/**
 * Action plans: the checklist a dispatcher works down for an incident. Each alarm kind has a
 * default plan (built in, or edited by a coordinator); a resident's own instructions ("deaf: send
 * someone, don't call") come first. The checklist is copied onto the incident when it is claimed,
 * and every tick is an audit entry with the hub's time and who ticked it.
 */
import { z } from 'zod';
import { ALERT_KINDS, alertKindSchema, type AlertKind } from './alerts.js';

/** Built-in steps: their wording is known in every language (shown in the reader's language). */
export const PLAN_STEP_KEYS = [
  'speak_to_elder',
  'ask_injury',
  'call_contacts',
  'send_responder',
  'no_voice_emergency',
  'call_120_if_needed',
  'evacuate_elder',
  'call_119',
  'gas_safety',
  'call_gas_company',
  'stop_water',
  'ask_symptoms',
  'check_whereabouts',
  'check_device',
  'arrange_technician',
  'check_staffing',
  'confirm_safe',
] as const;
export type PlanStepKey = (typeof PLAN_STEP_KEYS)[number];

export const PLAN_STEP_TEXT: Record<'zh' | 'en', Record<PlanStepKey, string>> = {
  zh: {
    speak_to_elder: '通过设备或电话与老人通话，问清情况',
    ask_injury: '询问是否受伤、能否自行起身',
    call_contacts: '按顺序联系紧急联系人',
    send_responder: '派人上门（有钥匙的家属、邻里志愿者或社区工作人员）',
    no_voice_emergency: '无法与老人通话：按紧急情况处理，立即派人上门，必要时拨打120',
    call_120_if_needed: '受伤或身体不适：拨打120，并告知住址和门禁/钥匙信息',
    evacuate_elder: '电话告知老人立即离开房间，不要返回',
    call_119: '拨打119报警，告知住址',
    gas_safety: '告知老人关闭燃气阀门、开窗通风，不要开关电器，不要在室内打电话',
    call_gas_company: '联系燃气公司抢修（必要时拨打119）',
    stop_water: '告知老人关闭总水阀，防止滑倒',
    ask_symptoms: '询问症状（胸闷、头晕、气短），核对用药情况',
    check_whereabouts: '确认老人现在的位置和是否安全',
    check_device: '联系老人检查设备（电源、电池、摆放位置）',
    arrange_technician: '无法远程解决：安排上门检修或更换设备',
    check_staffing: '确认值班人员在岗，报警有人处理',
    confirm_safe: '确认老人安全后记录结果并结案',
  },
  en: {
    speak_to_elder: 'Speak to the elder (device or phone) and find out what happened',
    ask_injury: 'Ask whether they are hurt and can get up',
    call_contacts: 'Call the contacts in order',
    send_responder: 'Send a responder (family with a key, neighbour volunteer or community worker)',
    no_voice_emergency: 'No voice contact: treat as an emergency, send someone at once, call 120 if needed',
    call_120_if_needed: 'Hurt or unwell: call 120 and give the address and the door/key details',
    evacuate_elder: 'Tell the elder by phone to leave the room at once and not go back',
    call_119: 'Call the fire service (119) and give the address',
    gas_safety: 'Tell the elder to turn off the gas, open the windows, not touch switches or phone indoors',
    call_gas_company: 'Call the gas company (119 if needed)',
    stop_water: 'Tell the elder to close the main water valve and mind slipping',
    ask_symptoms: 'Ask about symptoms (chest pain, dizziness, breathlessness) and medication',
    check_whereabouts: 'Find out where the elder is now and whether they are safe',
    check_device: 'Ask the elder to check the device (power, battery, placement)',
    arrange_technician: 'Cannot be fixed remotely: send a technician or replace the device',
    check_staffing: 'Make sure a dispatcher is on duty and the alarms are handled',
    confirm_safe: 'Once the elder is safe, record the outcome and close',
  },
};

export const planStepSchema = z.strictObject({
  /** Stable within the plan; `resident-…` is kept for the resident's own instructions. */
  id: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/, 'use a-z, 0-9, _ or -')
    .refine((id) => !id.startsWith('resident-'), { message: "resident-… is kept for the resident's instructions" }),
  /** A built-in step (its text follows the reader's language while it is unchanged). */
  key: z.enum(PLAN_STEP_KEYS).optional(),
  text: z.string().trim().min(1).max(300),
});
export type PlanStep = z.infer<typeof planStepSchema>;

export const actionPlanBodySchema = z.strictObject({
  steps: z
    .array(planStepSchema)
    .min(1)
    .max(20)
    .refine((s) => new Set(s.map((x) => x.id)).size === s.length, { message: 'step ids must be unique' }),
});
export type ActionPlanBody = z.input<typeof actionPlanBodySchema>;

export const actionPlanSchema = z.object({
  kind: alertKindSchema,
  steps: z.array(planStepSchema),
  /** Edited by the tenant (false: the built-in default). */
  custom: z.boolean(),
});
export type ActionPlan = z.infer<typeof actionPlanSchema>;

/** `{lat}`, `{lng}` (or `{lon}`) are filled with the place's coordinates. */
export const DEFAULT_MAP_URL_TEMPLATE = 'https://uri.amap.com/marker?position={lng},{lat}';
export const mapUrlTemplateSchema = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\//, 'must start with https:// or http://')
  .refine((s) => s.includes('{lat}') && (s.includes('{lng}') || s.includes('{lon}')), {
    message: 'must contain {lat} and {lng} (or {lon})',
  });

export const dispatchSettingsSchema = z.object({
  plans: z.array(actionPlanSchema),
  mapUrlTemplate: z.string(),
});
export type DispatchSettings = z.infer<typeof dispatchSettingsSchema>;

/** A map link for coordinates from a template (null without a template). */
export function mapUrl(template: string | null | undefined, lat: number, lon: number): string | null {
  if (!template) return null;
  return template.replaceAll('{lat}', String(lat)).replaceAll('{lng}', String(lon)).replaceAll('{lon}', String(lon));
}

const p = (...keys: PlanStepKey[]): { id: string; key: PlanStepKey }[] => keys.map((key) => ({ id: key, key }));
const SPEAK_CONTACT_SEND = p('speak_to_elder', 'call_contacts', 'send_responder', 'no_voice_emergency', 'confirm_safe');
const DEVICE_HEALTH = p('check_device', 'arrange_technician', 'confirm_safe');

/** The built-in plan of each kind (a coordinator may replace any of them). */
export const DEFAULT_PLAN_STEPS: Record<AlertKind, { id: string; key: PlanStepKey }[]> = {
  sos: SPEAK_CONTACT_SEND,
  fall: p(
    'speak_to_elder',
    'ask_injury',
    'call_contacts',
    'send_responder',
    'no_voice_emergency',
    'call_120_if_needed',
    'confirm_safe',
  ),
  smoke: p('evacuate_elder', 'call_119', 'call_contacts', 'send_responder', 'confirm_safe'),
  gas: p('gas_safety', 'call_gas_company', 'call_contacts', 'send_responder', 'confirm_safe'),
  water_leak: p('stop_water', 'call_contacts', 'send_responder', 'confirm_safe'),
  vitals: p(
    'speak_to_elder',
    'ask_symptoms',
    'call_120_if_needed',
    'call_contacts',
    'no_voice_emergency',
    'confirm_safe',
  ),
  inactivity: SPEAK_CONTACT_SEND,
  night_bed_exit: p('speak_to_elder', 'check_whereabouts', 'call_contacts', 'send_responder', 'confirm_safe'),
  night_door_open: p('speak_to_elder', 'check_whereabouts', 'call_contacts', 'send_responder', 'confirm_safe'),
  geofence_exit: p('check_whereabouts', 'call_contacts', 'send_responder', 'confirm_safe'),
  device_offline: DEVICE_HEALTH,
  low_battery: DEVICE_HEALTH,
  // Mains power out at the home: the unit runs on its battery; the elder may be without heating or
  // powered medical equipment.
  power_loss: p('speak_to_elder', 'check_device', 'call_contacts', 'confirm_safe'),
  device_storm: DEVICE_HEALTH,
  watchdog: p('check_staffing'),
  welfare_concern: SPEAK_CONTACT_SEND,
  missed_meal: SPEAK_CONTACT_SEND,
  missed_test: DEVICE_HEALTH,
  clock_wrong: DEVICE_HEALTH,
  not_monitored: DEVICE_HEALTH,
};

/** The built-in plan of a kind, worded in `lang`. */
export function defaultPlan(kind: AlertKind, lang: 'zh' | 'en'): PlanStep[] {
  return DEFAULT_PLAN_STEPS[kind].map((s) => ({ ...s, text: PLAN_STEP_TEXT[lang][s.key] }));
}

/** A step as the reader sees it: a built-in step in the reader's language, else its own text. */
export function planStepText(s: { key?: PlanStepKey | null; text: string }, lang: 'zh' | 'en'): string {
  return (s.key && PLAN_STEP_TEXT[lang][s.key]) || s.text;
}

export const ACTION_PLAN_KINDS = ALERT_KINDS;

export const checklistTickBodySchema = z.strictObject({
  stepId: z.string().min(1).max(40),
  note: z.string().trim().max(2000).default(''),
});
export type ChecklistTickBody = z.input<typeof checklistTickBodySchema>;

// ---- phone-in incidents ----------------------------------------------------

/** What a caller can report: the emergency kinds a dispatcher picks for a phone-in incident. */
export const PHONE_IN_KINDS = [
  'sos',
  'fall',
  'vitals',
  'smoke',
  'gas',
  'water_leak',
  'geofence_exit',
  'welfare_concern',
] as const satisfies readonly AlertKind[];
export type PhoneInKind = (typeof PHONE_IN_KINDS)[number];

export const phoneInBodySchema = z
  .strictObject({
    /** The elder the call is about (found by name, phone, ID number or address); absent for an unknown caller. */
    residentId: z.uuid().optional(),
    /** The number the call came from (required for an unknown caller). */
    callerPhone: z
      .string()
      .trim()
      .max(40)
      .regex(/^[0-9+()\- ]*$/, 'digits, spaces, +, -, ( and ) only')
      .default(''),
    /** Who is calling when it is not the elder (e.g. a neighbour), or an unknown caller's name. */
    callerName: z.string().trim().max(100).default(''),
    kind: z.enum(PHONE_IN_KINDS),
    note: z.string().trim().max(2000).default(''),
    /** Where an unknown caller is (free text). */
    address: z.string().trim().max(300).default(''),
  })
  .refine((b) => !!b.residentId || b.callerPhone.replace(/\D/g, '').length >= 3, {
    message: 'give residentId, or the caller number for an unknown caller',
    path: ['callerPhone'],
  });
export type PhoneInBody = z.input<typeof phoneInBodySchema>;
