/** The visit-settings form: text fields as typed, checked against the hub's limits before saving. */
import type { VisitSettings } from '@eldercare/shared';

export interface SettingsForm {
  highDays: string;
  keyDays: string;
  otherDays: string;
  targetPct: string;
  communities: { community: string; pct: string }[];
}

export function settingsToForm(s: VisitSettings): SettingsForm {
  return {
    highDays: String(s.highDays),
    keyDays: String(s.keyDays),
    otherDays: String(s.otherDays),
    targetPct: String(s.targetPct),
    communities: Object.entries(s.communityTargets).map(([community, pct]) => ({ community, pct: String(pct) })),
  };
}

const days = (s: string): number | null => {
  if (!/^\d+$/.test(s.trim())) return null;
  const n = Number(s.trim());
  return n >= 1 && n <= 366 ? n : null;
};
const pct = (s: string): number | null => {
  const v = s.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(v)) return null;
  const n = Number(v);
  return n >= 0 && n <= 100 ? n : null;
};

/** The fields that are wrong: `highDays`…`targetPct`, and `c<i>` for a community row (blank, repeated or bad %). */
export function settingsErrors(f: SettingsForm): Record<string, true> {
  const errors: Record<string, true> = {};
  for (const k of ['highDays', 'keyDays', 'otherDays'] as const) if (days(f[k]) === null) errors[k] = true;
  if (pct(f.targetPct) === null) errors.targetPct = true;
  const seen = new Set<string>();
  f.communities.forEach((row, i) => {
    const name = row.community.trim();
    if (!name || seen.has(name) || pct(row.pct) === null) errors[`c${i}`] = true;
    seen.add(name);
  });
  return errors;
}

/** The settings to save, or null when a field is wrong. */
export function settingsFromForm(f: SettingsForm): VisitSettings | null {
  if (Object.keys(settingsErrors(f)).length) return null;
  return {
    highDays: days(f.highDays)!,
    keyDays: days(f.keyDays)!,
    otherDays: days(f.otherDays)!,
    targetPct: pct(f.targetPct)!,
    communityTargets: Object.fromEntries(f.communities.map((r) => [r.community.trim(), pct(r.pct)!])),
  };
}
