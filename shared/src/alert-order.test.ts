import { describe, expect, it } from 'vitest';
import { compareAlerts, type Alert, type Severity } from './alerts.js';

const T = Date.UTC(2030, 0, 1, 8, 0, 0);
type Row = Pick<Alert, 'id' | 'severity' | 'escalationLevel' | 'openedAt' | 'createdAt'>;
const row = (id: string, severity: Severity, openedMsAgo: number, escalationLevel = 0): Row => ({
  id,
  severity,
  escalationLevel,
  createdAt: new Date(T - openedMsAgo).toISOString(),
  openedAt: new Date(T - openedMsAgo).toISOString(),
});
const order = (rows: Row[]) => [...rows].sort(compareAlerts).map((r) => r.id);

describe('the dispatch queue order', () => {
  it('puts a fresh sos above every escalated non-critical alert, however old and escalated', () => {
    const rows = [
      ...Array.from({ length: 38 }, (_, i) => row(`inactivity-${i}`, 'high', 15 * 60_000 + i * 1000, 4)),
      row('new-sos', 'critical', 0, 0),
    ];
    expect(order(rows)[0]).toBe('new-sos');
  });

  it('within a class puts escalated before not escalated, then the oldest first', () => {
    const rows = [
      row('sos-new', 'critical', 10_000),
      row('sos-old', 'critical', 50_000),
      row('fall-escalated-1', 'critical', 70_000, 1),
      row('smoke-escalated-3', 'critical', 20 * 60_000, 3),
      row('vitals', 'high', 3600_000, 2),
      row('leak', 'medium', 7200_000, 4),
      row('battery', 'low', 86400_000, 1),
    ];
    expect(order(rows)).toEqual([
      'smoke-escalated-3',
      'fall-escalated-1',
      'sos-old',
      'sos-new',
      'vitals',
      'leak',
      'battery',
    ]);
  });

  it('does not rank by escalation depth: two escalated alerts of a class stay oldest first', () => {
    expect(order([row('deep', 'critical', 60_000, 4), row('shallow-older', 'critical', 600_000, 1)])).toEqual([
      'shallow-older',
      'deep',
    ]);
  });

  it('counts a pending fall from when it was received until it opens', () => {
    const pending = { ...row('pending-fall', 'critical', 5_000), openedAt: null };
    expect(order([row('sos', 'critical', 1_000), pending])).toEqual(['pending-fall', 'sos']);
  });

  it('is a total order (ties broken by id), so hub and dashboard agree row for row', () => {
    const a = row('a', 'high', 1000);
    const b = row('b', 'high', 1000);
    expect(compareAlerts(a, b)).toBeLessThan(0);
    expect(compareAlerts(b, a)).toBeGreaterThan(0);
    expect(compareAlerts(a, a)).toBe(0);
  });
});
