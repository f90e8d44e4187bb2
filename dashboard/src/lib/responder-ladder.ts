/**
 * The dispatcher's ladder of responders: who is asked first, who next (a decline or no answer asks
 * the next one), or everyone at once (the first to accept wins). Pure, so it is unit-tested.
 */
import type { AlertActionBody, ResponderCandidate } from '@eldercare/shared';

export type LadderResponder = ResponderCandidate['responder'];

/** The same person: the same account, or the same name and phone. */
export const samePerson = (a: LadderResponder, b: LadderResponder): boolean =>
  a.userId || b.userId ? a.userId === b.userId : a.name === b.name && (a.phone ?? '') === (b.phone ?? '');

/** Adds at the end (once); at most 6, as the hub takes. */
export function addTo(ladder: readonly LadderResponder[], r: LadderResponder): LadderResponder[] {
  if (ladder.some((x) => samePerson(x, r)) || ladder.length >= 6) return [...ladder];
  return [...ladder, r];
}

export function removeAt(ladder: readonly LadderResponder[], i: number): LadderResponder[] {
  return ladder.filter((_, j) => j !== i);
}

/** Moves one step earlier (-1) or later (+1). */
export function move(ladder: readonly LadderResponder[], i: number, by: -1 | 1): LadderResponder[] {
  const j = i + by;
  if (i < 0 || i >= ladder.length || j < 0 || j >= ladder.length) return [...ladder];
  const out = [...ladder];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** The dispatch action for this ladder: one responder, or several in order (or all at once). */
export function dispatchBody(
  ladder: readonly LadderResponder[],
  o: { askAllAtOnce: boolean; note: string },
): Extract<AlertActionBody, { action: 'dispatch' }> | null {
  if (!ladder.length) return null;
  if (ladder.length === 1) return { action: 'dispatch', responder: ladder[0]!, note: o.note };
  return { action: 'dispatch', responders: [...ladder], askAllAtOnce: o.askAllAtOnce, note: o.note };
}
