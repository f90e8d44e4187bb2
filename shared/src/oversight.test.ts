import { describe, expect, it } from 'vitest';
import type { BedKind } from './api.js';
import { bedFigures, sumStaffing } from './oversight.js';

const beds = (kind: BedKind, n: number, occupied = 0) =>
  Array.from({ length: n }, (_, i) => ({ kind, occupied: i < occupied }));

describe('institution bed figures', () => {
  it('counts nursing and dementia-zone beds as nursing-care beds against the 60 % target', () => {
    const f = bedFigures([...beds('nursing', 4, 4), ...beds('dementia', 2, 1), ...beds('ordinary', 4, 2)]);
    expect(f).toEqual({
      total: 10,
      nursing: 4,
      dementia: 2,
      ordinary: 4,
      occupied: 7,
      nursingSharePct: 60,
      dementiaSharePct: 20,
      occupancyPct: 70,
      meetsNursingTarget: true,
    });
  });

  it('just under the target fails it; one decimal; no beds: no shares and no target met', () => {
    const f = bedFigures([...beds('nursing', 5), ...beds('ordinary', 4)]);
    expect(f.nursingSharePct).toBe(55.6);
    expect(f.meetsNursingTarget).toBe(false);
    expect(bedFigures([])).toMatchObject({
      total: 0,
      nursingSharePct: null,
      occupancyPct: null,
      meetsNursingTarget: false,
    });
  });

  it('adds staffing figures and counts compliant institutions', () => {
    expect(
      sumStaffing([
        { residents: 9, required: 2, onShift: 2, registered: 3, institutions: 1, compliant: 1 },
        { residents: 13, required: 3, onShift: 1, registered: 2, institutions: 1, compliant: 0 },
      ]),
    ).toEqual({ residents: 22, required: 5, onShift: 3, registered: 5, institutions: 2, compliant: 1 });
  });
});
