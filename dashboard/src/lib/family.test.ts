import { describe, expect, it } from 'vitest';
import type { FamilyStatus } from '@eldercare/shared';
import { familyStages } from './family';

type Incident = NonNullable<FamilyStatus['incident']>;
const incident = (over: Partial<Incident> = {}): Incident => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'sos',
  title: 'SOS',
  status: 'open',
  openedAt: '2026-12-07T10:00:00.000Z',
  acknowledgedAt: null,
  dispatchedAt: null,
  acceptedAt: null,
  onSceneAt: null,
  responderName: null,
  ...over,
});

describe('family stages', () => {
  it('shows a just-raised alarm at its first stage', () => {
    const s = familyStages(incident());
    expect(s.filter((x) => x.reached).map((x) => x.key)).toEqual(['raised']);
    expect(s.find((x) => x.current)?.key).toBe('raised');
  });

  it('marks every stage up to the latest reached, even one passed without a time', () => {
    const s = familyStages(
      incident({
        status: 'accepted',
        dispatchedAt: '2026-12-07T10:02:00.000Z',
        acceptedAt: '2026-12-07T10:03:00.000Z',
      }),
    );
    expect(s.filter((x) => x.reached).map((x) => x.key)).toEqual(['raised', 'handling', 'dispatched', 'accepted']);
    expect(s.find((x) => x.key === 'handling')?.at).toBeNull();
    expect(s.find((x) => x.current)?.key).toBe('accepted');
    expect(s.find((x) => x.key === 'on_scene')?.reached).toBe(false);
  });
});
