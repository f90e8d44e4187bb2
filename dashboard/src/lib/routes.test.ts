import { ROLES, can } from '@eldercare/shared';
import { describe, expect, it } from 'vitest';
import { NAV_CAPABILITY, canEditRegistry, canOpen, homeFor, href, navFor, parseHash, sectionOf } from './routes';

describe('parseHash', () => {
  it('maps the empty hash and # / to the overview', () => {
    expect(parseHash('').route).toEqual({ name: 'overview' });
    expect(parseHash('#/').route).toEqual({ name: 'overview' });
  });

  it('parses detail, new and edit routes', () => {
    expect(parseHash('#/residents/abc').route).toEqual({ name: 'resident', id: 'abc' });
    expect(parseHash('#/residents/new').route).toEqual({ name: 'residentNew' });
    expect(parseHash('#/residents/abc/edit').route).toEqual({ name: 'residentEdit', id: 'abc' });
    expect(parseHash('#/devices/new').route).toEqual({ name: 'deviceNew' });
    expect(parseHash('#/devices/dead-letters').route).toEqual({ name: 'deadLetters' });
    expect(parseHash('#/institutions/x-1').route).toEqual({ name: 'institution', id: 'x-1' });
    expect(parseHash('#/dispatch').route).toEqual({ name: 'dispatch' });
  });

  it('keeps the query of the hash', () => {
    const loc = parseHash('#/residents?q=%E5%BC%A0&risk=living_alone');
    expect(loc.route).toEqual({ name: 'residents' });
    expect(loc.query.get('q')).toBe('张');
    expect(loc.query.get('risk')).toBe('living_alone');
  });

  it('opens the editing screens, users and the audit log', () => {
    expect(parseHash('#/devices/sos-1').route).toEqual({ name: 'device', id: 'sos-1' });
    expect(parseHash('#/institutions/i1/edit').route).toEqual({ name: 'institutionEdit', id: 'i1' });
    expect(parseHash('#/users').route).toEqual({ name: 'users' });
    expect(parseHash('#/audit').route).toEqual({ name: 'audit' });
  });

  it('reports unknown paths as not found', () => {
    expect(parseHash('#/nope').route).toEqual({ name: 'notFound', path: '/nope' });
    expect(parseHash('#/devices/abc/x').route.name).toBe('notFound');
    expect(parseHash('#/users/x').route.name).toBe('notFound');
    expect(parseHash('#/residents/a/b/c/d').route.name).toBe('notFound');
  });

  it('survives malformed escapes', () => {
    expect(parseHash('#/residents/%E0%A4%A').route).toEqual({ name: 'resident', id: '%E0%A4%A' });
  });
});

describe('href', () => {
  it('round-trips through parseHash', () => {
    const link = href('residents', 'a b', 'edit');
    expect(link).toBe('#/residents/a%20b/edit');
    expect(parseHash(link).route).toEqual({ name: 'residentEdit', id: 'a b' });
  });

  it('drops empty query values', () => {
    expect(href('devices', { status: 'offline', type: '' })).toBe('#/devices?status=offline');
  });
});

describe('access by role', () => {
  it('gives officials the indicators, subsidy totals and regions and no elder records', () => {
    expect(navFor('official')).toEqual(['overview', 'subsidies', 'regions', 'notifications']);
    expect(canOpen('official', { name: 'leftbehind' })).toBe(false);
    expect(canOpen('official', { name: 'waiting' })).toBe(false);
    expect(canOpen('institution_staff', { name: 'waiting' })).toBe(true);
    expect(parseHash('#/waiting').route).toEqual({ name: 'waiting' });
    expect(canOpen('official', { name: 'oversight' })).toBe(true);
    expect(canOpen('official', { name: 'residents' })).toBe(false);
    expect(canOpen('official', { name: 'resident', id: 'x' })).toBe(false);
    expect(canOpen('official', { name: 'dispatch' })).toBe(false);
    expect(parseHash('#/regions').route).toEqual({ name: 'regions' });
    expect(parseHash('#/oversight').route).toEqual({ name: 'oversight' });
  });

  it('gives every role at least the overview', () => {
    for (const role of ROLES) expect(navFor(role)).toContain('overview');
  });

  it('shows the dispatch board to dispatch staff but not to families or volunteers', () => {
    expect(navFor('dispatcher')).toContain('dispatch');
    expect(navFor('family')).not.toContain('dispatch');
    expect(navFor('volunteer')).not.toContain('dispatch');
  });

  it('lets only admins and coordinators open creation screens', () => {
    for (const role of ROLES) {
      const expected = role === 'admin' || role === 'coordinator';
      expect(canEditRegistry(role)).toBe(expected);
      expect(canOpen(role, { name: 'residentNew' }), role).toBe(expected);
      expect(canOpen(role, { name: 'deviceNew' }), role).toBe(expected);
      expect(canOpen(role, { name: 'institutionNew' }), role).toBe(expected);
      expect(canOpen(role, { name: 'institutionEdit', id: 'i' }), role).toBe(expected);
      expect(canOpen(role, { name: 'device', id: 'd' }), role).toBe(expected);
      expect(canOpen(role, { name: 'audit' }), role).toBe(expected);
      expect(canOpen(role, { name: 'users' }), role).toBe(role === 'admin');
      expect(canOpen(role, { name: 'deadLetters' }), role).toBe(role === 'admin');
    }
  });

  it('lets institution staff see residents but not the dispatch board', () => {
    expect(canOpen('institution_staff', { name: 'residents' })).toBe(true);
    expect(canOpen('institution_staff', { name: 'dispatch' })).toBe(false);
  });

  it('lets a family member open a resident profile but not the resident list', () => {
    expect(canOpen('family', { name: 'resident', id: 'x' })).toBe(true);
    expect(canOpen('family', { name: 'residents' })).toBe(false);
  });

  it('always allows the not-found page', () => {
    expect(canOpen('volunteer', { name: 'notFound', path: '/x' })).toBe(true);
    expect(sectionOf({ name: 'notFound', path: '/x' })).toBeNull();
  });

  it('gives volunteers their tasks, families their requests and coordinators the ledger', () => {
    expect(navFor('volunteer')).toEqual(['overview', 'respond', 'tasks', 'runs', 'visits', 'notifications']);
    expect(navFor('family')).toContain('requests');
    expect(navFor('family')).not.toContain('ledger');
    expect(navFor('coordinator')).toEqual(expect.arrayContaining(['requests', 'ledger', 'visits']));
    expect(navFor('coordinator')).not.toContain('tasks');
    expect(canOpen('volunteer', { name: 'ledger' })).toBe(false);
    expect(canOpen('volunteer', { name: 'statement', id: 'a' })).toBe(true);
    expect(canOpen('dispatcher', { name: 'statement', id: 'a' })).toBe(false);
    expect(canOpen('dispatcher', { name: 'visits' })).toBe(true);
  });

  it('parses the time-bank and visit routes', () => {
    expect(parseHash('#/requests').route).toEqual({ name: 'requests' });
    expect(parseHash('#/tasks').route).toEqual({ name: 'tasks' });
    expect(parseHash('#/statement/abc').route).toEqual({ name: 'statement', id: 'abc' });
    expect(parseHash('#/statement').route.name).toBe('notFound');
    expect(parseHash('#/visits/x').route.name).toBe('notFound');
  });

  it('parses the meal routes and gives them to coordinators and runners', () => {
    expect(parseHash('#/meals').route).toEqual({ name: 'meals', tab: 'orders' });
    expect(parseHash('#/meals/runs').route).toEqual({ name: 'meals', tab: 'runs' });
    expect(parseHash('#/meals/nope').route.name).toBe('notFound');
    expect(parseHash('#/runs').route).toEqual({ name: 'myRuns' });
    expect(canOpen('coordinator', { name: 'meals', tab: 'reports' })).toBe(true);
    expect(canOpen('volunteer', { name: 'meals', tab: 'runs' })).toBe(false);
    expect(canOpen('volunteer', { name: 'myRuns' })).toBe(true);
    expect(canOpen('dispatcher', { name: 'myRuns' })).toBe(false);
    expect(navFor('coordinator')).toEqual(expect.arrayContaining(['meals', 'runs']));
  });

  it('gives responders their dispatches, families their elder and everyone their notification settings', () => {
    expect(parseHash('#/respond').route).toEqual({ name: 'respond' });
    expect(parseHash('#/family').route).toEqual({ name: 'family' });
    expect(parseHash('#/notifications').route).toEqual({ name: 'notifications' });
    expect(parseHash('#/notifications/defaults').route).toEqual({ name: 'notificationDefaults' });
    expect(parseHash('#/notifications/nope').route.name).toBe('notFound');
    for (const role of ROLES) expect(canOpen(role, { name: 'notifications' })).toBe(true);
    expect(canOpen('volunteer', { name: 'respond' })).toBe(true);
    expect(canOpen('family', { name: 'family' })).toBe(true);
    expect(canOpen('dispatcher', { name: 'family' })).toBe(false);
    expect(canOpen('dispatcher', { name: 'respond' })).toBe(false);
    expect(canOpen('coordinator', { name: 'notificationDefaults' })).toBe(true);
    expect(canOpen('family', { name: 'notificationDefaults' })).toBe(false);
    expect(sectionOf({ name: 'notificationDefaults' })).toBe('notifications');
  });

  it('gives institution staff their alarm screen and lands them on it', () => {
    expect(parseHash('#/alarms').route).toEqual({ name: 'alarms' });
    expect(parseHash('#/alarms?id=x').query.get('id')).toBe('x');
    expect(parseHash('#/alarms/x').route.name).toBe('notFound');
    expect(navFor('institution_staff')[0]).toBe('alarms');
    for (const role of ['admin', 'coordinator', 'dispatcher', 'supervisor', 'volunteer', 'family'] as const) {
      expect(navFor(role)).not.toContain('alarms');
      expect(homeFor(role)).toBe('#/');
    }
    expect(canOpen('dispatcher', { name: 'alarms' })).toBe(false);
    expect(homeFor('institution_staff')).toBe('#/alarms');
  });
});

describe('the menus and the capability table', () => {
  it('list a screen of a capability for exactly the roles that hold it', () => {
    for (const [item, capability] of Object.entries(NAV_CAPABILITY))
      for (const role of ROLES)
        expect(navFor(role).includes(item as never), `${role}: ${item}`).toBe(can(role, capability));
  });
});
