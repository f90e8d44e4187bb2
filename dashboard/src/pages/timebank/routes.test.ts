import { describe, expect, it } from 'vitest';
import { canOpen, navFor, parseHash, sectionOf } from '../../lib/routes';

describe('time-bank routes', () => {
  it('parses the administration tabs, transfers and the family time account', () => {
    expect(parseHash('#/ledger').route).toEqual({ name: 'ledger' });
    expect(parseHash('#/ledger/programs').route).toEqual({ name: 'timebankAdmin', tab: 'programs' });
    expect(parseHash('#/ledger/volunteers?program=x').route).toEqual({ name: 'timebankAdmin', tab: 'volunteers' });
    expect(parseHash('#/ledger/nope').route.name).toBe('notFound');
    expect(parseHash('#/transfers/abc').route).toEqual({ name: 'transfer', id: 'abc' });
    expect(parseHash('#/transfers').route.name).toBe('notFound');
    expect(parseHash('#/hours').route).toEqual({ name: 'hours' });
    expect(sectionOf({ name: 'transfer', id: 'x' })).toBe('ledger');
  });

  it('gives the administration to coordinators, transfers to members and the time account to family', () => {
    expect(canOpen('coordinator', { name: 'timebankAdmin', tab: 'programs' })).toBe(true);
    expect(canOpen('volunteer', { name: 'timebankAdmin', tab: 'programs' })).toBe(false);
    expect(canOpen('family', { name: 'timebankAdmin', tab: 'volunteers' })).toBe(false);
    expect(canOpen('volunteer', { name: 'transfer', id: 'x' })).toBe(true);
    expect(canOpen('dispatcher', { name: 'transfer', id: 'x' })).toBe(false);
    expect(navFor('family')).toContain('hours');
    expect(navFor('coordinator')).not.toContain('hours');
    expect(canOpen('family', { name: 'hours' })).toBe(true);
    expect(canOpen('volunteer', { name: 'hours' })).toBe(false);
  });
});
