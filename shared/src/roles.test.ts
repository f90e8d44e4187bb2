import { describe, expect, it } from 'vitest';
import { ROLES } from './domain.js';
import { CAPABILITIES, can, rolesWith, type Capability } from './roles.js';

/**
 * Today's permissions, role by role in the order of ROLES. A change to the table must change this
 * line too: a permission is never widened or narrowed by accident.
 */
const PINNED: Record<Capability, string> = {
  'alerts.watch': 'admin coordinator dispatcher supervisor institution_staff',
  'alerts.handle': 'admin dispatcher supervisor institution_staff',
  'alerts.override': 'admin supervisor',
  'alerts.dispatch': 'admin coordinator dispatcher supervisor',
  'alerts.phoneIn': 'admin dispatcher supervisor',
  'alerts.onSite': 'institution_staff',
  'alerts.escalations': 'admin supervisor',
  'alerts.ring': 'dispatcher supervisor institution_staff',
  'actionPlans.write': 'admin coordinator',
  'sla.read': 'admin coordinator dispatcher supervisor',
  'sla.reasons': 'admin supervisor',
  'sla.targets': 'admin',
  'handover.read': 'admin coordinator dispatcher supervisor',
  'handover.write': 'admin dispatcher supervisor',
  'history.read': 'admin coordinator dispatcher supervisor institution_staff',
  'registry.read': 'admin coordinator dispatcher supervisor institution_staff family',
  'registry.write': 'admin coordinator',
  'residents.write': 'admin coordinator institution_staff',
  'regions.read': 'admin coordinator dispatcher supervisor institution_staff official',
  'devices.deadLetters': 'admin',
  'devices.credentials': 'admin',
  'institutions.board': 'admin coordinator dispatcher supervisor institution_staff',
  'shifts.manage': 'admin coordinator supervisor',
  'shifts.write': 'admin coordinator supervisor institution_staff',
  'assessments.write': 'admin coordinator institution_staff',
  'assessments.read': 'admin coordinator supervisor institution_staff',
  'subsidies.entitlements': 'admin coordinator dispatcher supervisor institution_staff family',
  'subsidies.figures': 'admin coordinator supervisor official',
  'subsidies.write': 'admin coordinator',
  'leftBehind.read': 'admin coordinator supervisor',
  'leftBehind.write': 'admin coordinator',
  'waitingList.read': 'admin coordinator institution_staff',
  'waitingList.write': 'admin coordinator',
  'meals.manage': 'admin coordinator',
  'meals.run': 'admin coordinator volunteer',
  'meals.reports': 'admin coordinator supervisor',
  'visits.plan': 'admin coordinator',
  'visits.log': 'admin coordinator volunteer',
  'visits.settings': 'admin coordinator dispatcher supervisor volunteer',
  'visits.read': 'admin coordinator dispatcher supervisor volunteer family',
  'visits.reports': 'admin coordinator dispatcher supervisor',
  'timebank.use': 'admin coordinator volunteer family',
  'timebank.manage': 'admin coordinator',
  'timebank.order': 'admin coordinator family',
  'family.status': 'family',
  'oversight.read': 'admin coordinator supervisor official',
  'inspections.write': 'admin coordinator official',
  'notifications.configure': 'admin coordinator',
  'audit.read': 'admin coordinator',
  'audit.users': 'admin',
  'users.list': 'admin coordinator',
  'users.manage': 'admin',
};

describe('capabilities', () => {
  it('hold exactly the roles they hold today', () => {
    expect(Object.fromEntries(CAPABILITIES.map((c) => [c, rolesWith(c).join(' ')]))).toEqual(PINNED);
  });

  it('answer can() the same way as rolesWith()', () => {
    for (const c of CAPABILITIES) for (const r of ROLES) expect(can(r, c)).toBe(rolesWith(c).includes(r));
  });

  it('are refused to nobody in particular', () => {
    expect(can(undefined, 'alerts.watch')).toBe(false);
    expect(can('someone', 'registry.read')).toBe(false);
  });

  it('leave the elder-facing roles out of the dispatch centre', () => {
    expect(can('family', 'alerts.watch')).toBe(false);
    expect(can('volunteer', 'alerts.handle')).toBe(false);
    expect(can('official', 'registry.read')).toBe(false);
  });
});
