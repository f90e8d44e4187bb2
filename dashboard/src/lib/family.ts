/** The family page's view of an open incident: which stages of handling have been reached. */
import type { FamilyStatus } from '@eldercare/shared';

type Incident = NonNullable<FamilyStatus['incident']>;
export const FAMILY_STAGES = ['raised', 'handling', 'dispatched', 'accepted', 'on_scene'] as const;
export type FamilyStage = (typeof FAMILY_STAGES)[number];

/**
 * Each stage with the time it was reached (null: not yet), and the latest reached marked current.
 * A later stage reached without an earlier one's time (e.g. dispatched straight away) still counts
 * the earlier one as passed, with no time.
 */
export function familyStages(
  i: Incident,
): { key: FamilyStage; at: string | null; reached: boolean; current: boolean }[] {
  const times: Record<FamilyStage, string | null> = {
    raised: i.openedAt,
    handling: i.acknowledgedAt,
    dispatched: i.dispatchedAt,
    accepted: i.acceptedAt,
    on_scene: i.onSceneAt,
  };
  let last = 0;
  FAMILY_STAGES.forEach((k, n) => {
    if (times[k] || (k === 'raised' && n === 0)) last = n;
  });
  return FAMILY_STAGES.map((key, n) => ({
    key,
    at: times[key],
    reached: n <= last,
    current: n === last,
  }));
}
