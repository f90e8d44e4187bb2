import { describe, expect, it } from 'vitest';
import type { Alert } from '@eldercare/shared';
import { watchdogNotices } from './watchdog.js';

const alert = (over: Partial<Alert>): Alert =>
  ({
    id: 'a1',
    queue: 'emergency',
    severity: 'critical',
    status: 'open',
    createdAt: new Date(0).toISOString(),
    openedAt: new Date(0).toISOString(),
    ...over,
  }) as Alert;

describe('watchdog', () => {
  it('alarms when no dispatcher is connected while an emergency is open', () => {
    const n = watchdogNotices({ dispatchers: 0, active: [alert({})], now: 1000, ackEscalationMs: 60_000 });
    expect(n.map((x) => x.kind)).toEqual(['no_dispatcher']);
  });

  it('stays quiet with a dispatcher connected and nothing overdue', () => {
    expect(watchdogNotices({ dispatchers: 1, active: [alert({})], now: 1000, ackEscalationMs: 60_000 })).toEqual([]);
    expect(watchdogNotices({ dispatchers: 0, active: [], now: 1000, ackEscalationMs: 60_000 })).toEqual([]);
  });

  it('alarms on a critical alert unacknowledged past twice the threshold', () => {
    const n = watchdogNotices({ dispatchers: 2, active: [alert({})], now: 121_000, ackEscalationMs: 60_000 });
    expect(n.map((x) => x.kind)).toEqual(['unacknowledged_critical']);
    const acked = watchdogNotices({
      dispatchers: 2,
      active: [alert({ status: 'acknowledged' })],
      now: 121_000,
      ackEscalationMs: 60_000,
    });
    expect(acked).toEqual([]);
  });
});
