import { DEFAULT_VISIT_SETTINGS } from '@eldercare/shared';
import { describe, expect, it } from 'vitest';
import { settingsErrors, settingsFromForm, settingsToForm } from './settings';

describe('the visit-settings form', () => {
  it('round-trips the settings', () => {
    const s = { ...DEFAULT_VISIT_SETTINGS, highDays: 5, communityTargets: { 西湖社区: 100, 北山社区: 95.5 } };
    expect(settingsFromForm(settingsToForm(s))).toEqual(s);
  });

  it('names the wrong fields and refuses to build settings from them', () => {
    const f = settingsToForm(DEFAULT_VISIT_SETTINGS);
    f.highDays = '0';
    f.otherDays = '400';
    f.targetPct = '101';
    f.communities = [
      { community: 'A', pct: '100' },
      { community: ' A ', pct: '90' },
      { community: '', pct: '90' },
      { community: 'B', pct: 'x' },
    ];
    expect(settingsErrors(f)).toEqual({
      highDays: true,
      otherDays: true,
      targetPct: true,
      c1: true,
      c2: true,
      c3: true,
    });
    expect(settingsFromForm(f)).toBeNull();
  });
});
