/** Pure welfare-visit logic: risk tier, interval, when a visit is due, and the monthly visit rate. */
import {
  DAY_MS as DAY,
  VISIT_TIER_OF_GRADE,
  type CapabilityGrade,
  type RiskCategory,
  type VisitRateRow,
  type VisitSettings,
  type VisitTier,
} from '@eldercare/shared';

const ALWAYS_HIGH: readonly string[] = ['dementia', 'severely_disabled', 'lost_only_child'];

/**
 * high: living alone and 80+, dementia, severely disabled, lost only child; key: any risk; else other.
 * The capability grade raises the tier to at least its own (severe/complete disability: high; mild or
 * moderate: key; shared/src/assessment-scale.ts).
 */
export function tierOf(
  risks: readonly (RiskCategory | string)[],
  age: number,
  grade: CapabilityGrade | string | null = null,
): VisitTier {
  const byGrade = grade ? (VISIT_TIER_OF_GRADE[grade as CapabilityGrade] ?? 'other') : 'other';
  if (byGrade === 'high' || risks.some((r) => ALWAYS_HIGH.includes(r))) return 'high';
  if (risks.includes('living_alone') && (age >= 80 || risks.includes('age_80_plus'))) return 'high';
  return risks.length > 0 || byGrade === 'key' ? 'key' : 'other';
}

export function intervalDays(tier: VisitTier, s: VisitSettings, overrideDays: number | null): number {
  if (overrideDays) return overrideDays;
  return tier === 'high' ? s.highDays : tier === 'key' ? s.keyDays : s.otherDays;
}

/** When the next contact is due: the interval after the last one (or after registration, if none yet). */
export function dueAt(lastContact: Date | null, registeredAt: Date, days: number): Date {
  return new Date((lastContact ?? registeredAt).getTime() + days * DAY);
}

export function daysOverdue(due: Date, now: Date): number {
  return now <= due ? 0 : Math.ceil((now.getTime() - due.getTime()) / DAY);
}

/** Key elders (high and key tiers) count towards the monthly rate; `visited` means any real contact that month. */
export interface RateInput {
  community: string;
  tier: VisitTier;
  visitedThisMonth: boolean;
}

/** Rate in percent, one decimal; null when there is nobody to visit. */
export function ratePct(visited: number, total: number): number | null {
  return total === 0 ? null : Math.round((visited / total) * 1000) / 10;
}

function row(community: string, items: RateInput[], targetPct: number): VisitRateRow {
  const key = items.filter((i) => i.tier !== 'other');
  const visited = key.filter((i) => i.visitedThisMonth).length;
  const rate = ratePct(visited, key.length);
  return {
    community,
    keyElders: key.length,
    visited,
    ratePct: rate,
    targetPct,
    meetsTarget: rate === null || rate >= targetPct,
  };
}

/** The district's and each community's monthly visit rate against its target. */
export function visitRates(
  items: RateInput[],
  s: VisitSettings,
): { district: VisitRateRow; communities: VisitRateRow[] } {
  const byCommunity = new Map<string, RateInput[]>();
  for (const i of items) byCommunity.set(i.community, [...(byCommunity.get(i.community) ?? []), i]);
  const communities = [...byCommunity.keys()]
    .sort((a, b) => a.localeCompare(b))
    .map((c) => row(c, byCommunity.get(c)!, s.communityTargets[c] ?? s.targetPct))
    .filter((r) => r.keyElders > 0);
  return { district: row('', items, s.targetPct), communities };
}
