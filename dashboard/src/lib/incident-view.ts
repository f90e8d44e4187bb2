/**
 * Pure logic of the incident panel, so a person can read it: signals in words (no raw JSON), call
 * order as a list to phone down, stage times with how long each took, checklist progress.
 */
import type { Alert, AlertSignal, ChecklistStep } from '@eldercare/shared';
import { planStepText, type PlanStepKey } from '@eldercare/shared';
import { formatDateTimeSec } from './format';
import type { Lang } from './i18n/translate';
import type { MessageKey } from './i18n/zh';

type Tr = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A message when it exists, else null (so a fallback can be chosen). */
export function maybe(tr: Tr, key: string, params?: Record<string, string | number>): string | null {
  const text = tr(key as MessageKey, params);
  return text === key ? null : text;
}

/** `14` → `14 秒`; `125` → `2 分 05 秒`; `3720` → `1 小时 02 分`. */
export function formatDuration(seconds: number, tr: Tr): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return tr('duration.s', { s });
  const m = Math.floor(s / 60);
  if (m < 60) return tr('duration.ms', { m, s: String(s % 60).padStart(2, '0') });
  const h = Math.floor(m / 60);
  if (h < 48) return tr('duration.hm', { h, m: String(m % 60).padStart(2, '0') });
  return tr('duration.dh', { d: Math.floor(h / 24), h: h % 24 });
}

export type Stage =
  'raised' | 'opened' | 'acknowledged' | 'contact' | 'dispatched' | 'accepted' | 'on_scene' | 'closed';

/** The incident's stages so far, each with its time and how long after the one before it came. */
export function stages(a: Alert): { stage: Stage; at: string; afterSeconds: number | null }[] {
  const raw: [Stage, string | null][] = [
    ['raised', a.createdAt],
    ['opened', a.openedAt && a.openedAt !== a.createdAt ? a.openedAt : null],
    ['acknowledged', a.acknowledgedAt],
    ['contact', a.contactAt],
    ['dispatched', a.dispatchedAt],
    ['accepted', a.acceptedAt],
    ['on_scene', a.onSceneAt],
    ['closed', a.closedAt],
  ];
  const out: { stage: Stage; at: string; afterSeconds: number | null }[] = [];
  let prev: number | null = null;
  for (const [stage, at] of raw) {
    if (!at) continue;
    const t = Date.parse(at);
    out.push({ stage, at, afterSeconds: prev === null ? null : Math.max(0, (t - prev) / 1000) });
    prev = t;
  }
  return out;
}

export interface CallEntry {
  name: string;
  relation: string;
  phone: string;
}

export interface SignalView {
  /** The signal's kind in the reader's language. */
  kind: string;
  fields: { label: string; value: string }[];
  /** Whom to phone, in order (a missed meal's call order), with tap-to-call numbers. */
  callOrder: CallEntry[];
}

/** Detail fields that are internal ids or shown elsewhere. */
const HIDDEN = new Set(['orderId', 'reportedById', 'visitId', 'callOrder', 'kind']);

function isCallOrder(v: unknown): v is { name?: unknown; relation?: unknown; phone?: unknown }[] {
  return (
    Array.isArray(v) && v.every((x) => x && typeof x === 'object' && ('phone' in x || 'name' in x)) && v.length > 0
  );
}

/** A detail value in words: times in the district's zone with seconds, flags, lists; never JSON. */
export function valueText(key: string, v: unknown, tr: Tr, lang: Lang): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return tr(v ? 'common.yes' : 'common.no');
  if (typeof v === 'number') {
    const unit = maybe(tr, `signalUnit.${key}`, { n: v });
    return unit ?? String(v);
  }
  if (typeof v === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return formatDateTimeSec(v, lang);
    return maybe(tr, `signalValue.${key}.${v}`) ?? maybe(tr, `signalValue.${v}`) ?? v;
  }
  if (Array.isArray(v)) return v.map((x) => valueText(key, x, tr, lang)).join(tr('common.listSeparator'));
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${fieldLabel(k, tr)} ${valueText(k, x, tr, lang)}`)
      .join(tr('common.listSeparator'));
  return String(v);
}

const fieldLabel = (key: string, tr: Tr) => maybe(tr, `signalField.${key}`) ?? key;

export function signalView(s: Pick<AlertSignal, 'type' | 'detail'>, tr: Tr, lang: Lang): SignalView {
  const kind = maybe(tr, `signalType.${s.type}`) ?? maybe(tr, `alertKind.${s.type}`) ?? s.type;
  const d = s.detail ?? {};
  const fields: { label: string; value: string }[] = [];
  if (s.type === 'phone_call' && typeof d.kind === 'string')
    fields.push({ label: tr('signalField.reported'), value: maybe(tr, `alertKind.${d.kind}`) ?? d.kind });
  for (const [k, v] of Object.entries(d)) {
    if (HIDDEN.has(k) || v === '' || v === null || v === undefined) continue;
    if (isCallOrder(v)) continue;
    fields.push({ label: fieldLabel(k, tr), value: valueText(k, v, tr, lang) });
  }
  const co = Object.values(d).find(isCallOrder) ?? [];
  const callOrder = co.map((c) => ({
    name: typeof c.name === 'string' ? c.name : '',
    relation: typeof c.relation === 'string' ? c.relation : '',
    phone: typeof c.phone === 'string' ? c.phone : '',
  }));
  return { kind, fields, callOrder };
}

/** A checklist step in the reader's language (built-in steps follow it; own text stays as written). */
export function stepText(s: Pick<ChecklistStep, 'key' | 'text'>, lang: Lang): string {
  return planStepText({ key: (s.key as PlanStepKey | null) ?? null, text: s.text }, lang === 'en' ? 'en' : 'zh');
}

/** The first step not yet ticked (null when every step is done). */
export function nextStep<S extends Pick<ChecklistStep, 'doneAt'>>(steps: readonly S[]): S | null {
  return steps.find((s) => !s.doneAt) ?? null;
}
