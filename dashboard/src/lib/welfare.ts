/** Pure helpers of the subsidy, left-behind and waiting-list screens (unit-tested). */
import {
  localMonth,
  type CapabilityGrade,
  type EconomicStatus,
  type RuleMatch,
  type SubsidyRuleIn,
} from '@eldercare/shared';
import { TIME_ZONE } from './format';
import type { MessageKey } from './i18n/zh';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Fen as yuan with two decimals. */
export const yuan = (cents: number) => (cents / 100).toFixed(2);

/** A rule's conditions in words: "80 岁及以上 · 重度失能、完全失能 · 低保". */
export function describeRule(
  r: {
    minAge: number | null;
    maxAge: number | null;
    grades: readonly CapabilityGrade[];
    economicStatus: readonly EconomicStatus[];
  },
  t: T,
): string {
  const parts: string[] = [];
  if (r.minAge !== null && r.maxAge !== null) parts.push(t('sub.ageBetween', { min: r.minAge, max: r.maxAge }));
  else if (r.minAge !== null) parts.push(t('sub.ageMin', { min: r.minAge }));
  else if (r.maxAge !== null) parts.push(t('sub.ageMax', { max: r.maxAge }));
  if (r.grades.length) parts.push(r.grades.map((g) => t(`grade.${g}`)).join(t('common.listSeparator')));
  if (r.economicStatus.length) parts.push(r.economicStatus.map((s) => t(`econ.${s}`)).join(t('sub.or')));
  return parts.length ? parts.join(' · ') : t('sub.anyone');
}

/** Why an entitlement holds: the rule's name and the elder's values that met each condition. */
export function describeMatch(m: RuleMatch, t: T): string {
  const parts: string[] = [];
  if (m.age) parts.push(t('sub.becauseAge', { age: m.age.value }));
  if (m.grade) parts.push(t(`grade.${m.grade.value}`));
  if (m.economicStatus) parts.push(m.economicStatus.value.map((s) => t(`econ.${s}`)).join(t('common.listSeparator')));
  return `${m.rule}${parts.length ? ` (${parts.join(' · ')})` : ''}`;
}

/** A rule being edited: ages as typed (a number input binds a number, or null when empty). */
export interface RuleDraft {
  name: string;
  minAge: string | number | null;
  maxAge: string | number | null;
  grades: CapabilityGrade[];
  economicStatus: EconomicStatus[];
}
export const emptyRule = (): RuleDraft => ({ name: '', minAge: '', maxAge: '', grades: [], economicStatus: [] });

const age = (s: string | number | null): number | null => (s === null || String(s).trim() === '' ? null : Number(s));
export function ruleFromDraft(d: RuleDraft): SubsidyRuleIn {
  return {
    name: d.name.trim(),
    minAge: age(d.minAge),
    maxAge: age(d.maxAge),
    grades: [...d.grades],
    economicStatus: [...d.economicStatus],
  };
}

/** The current month (YYYY-MM) of the district's calendar. */
export const thisMonth = (now = Date.now()) => localMonth(now, TIME_ZONE);
